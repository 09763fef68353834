import { describe, expect, it } from 'vitest';
import { CasewalkError } from '../../../shared/result';
import { assertDocClean } from './guard';
import type { Doc } from './doc';

const doc = (...lines: string[]): Doc => ({
  title: 'Minutes — test',
  subtitle: '',
  draft: true,
  blocks: lines.map((text) => ({ kind: 'paragraph' as const, text })),
  attributions: [],
});
const blockedTexts = (d: Doc, allowed: (type: string, text: string) => boolean = () => false): string[] => {
  try {
    assertDocClean(d, allowed);
    return [];
  } catch (e) {
    if (!(e instanceof CasewalkError)) throw e;
    return (e.blocked ?? []).map((b) => b.text);
  }
};

describe('the export guard reads a document as one text', () => {
  it('a name flagged in one line is caught in the others, where alone it would pass', () => {
    const later = 'Later Rosa went home with a safety plan.';
    expect(blockedTexts(doc(later))).toEqual([]);
    expect(blockedTexts(doc('Caller Rosa Villanueva reported that her brother was on the roof.', later))).toEqual(
      expect.arrayContaining(['Rosa Villanueva', 'Rosa']),
    );
  });
  it('a name a person let through ("not an identifier") is not carried to the other lines', () => {
    const allowed = (type: string, text: string) => type === 'NAME' && text === 'Rosa Villanueva';
    expect(
      blockedTexts(
        doc('Caller Rosa Villanueva reported that her brother was on the roof.', 'Later Rosa went home with a safety plan.'),
        allowed,
      ),
    ).toEqual([]);
  });
  it("Casewalk's own labels are not read; the same words typed by someone are", () => {
    const facts = (ownWords: boolean): Doc => ({
      ...doc(),
      blocks: [
        {
          kind: 'table',
          headers: ['Field', 'Value'],
          rows: [['Behaviours', 'Verbal aggression, Threats to others']],
          rowSources: [{ item: 'Behaviours of incident 2026-001', where: null, ...(ownWords ? { ownWords: true as const } : {}) }],
        },
      ],
    });
    expect(blockedTexts(facts(false))).toEqual(['Threats']);
    expect(blockedTexts(facts(true))).toEqual([]);
  });
});
