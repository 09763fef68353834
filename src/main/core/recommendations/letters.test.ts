/** Issue 20: letters name organisations, never a person — the guard stops a roster member's name that the minutes would let through. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import { unlockedCore } from '../test-support';
import { letterDoc } from './letters';

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

describe('letters per agency', () => {
  it('one letter per owner organisation; a person’s name in a recommendation stops it, naming the recommendation', async () => {
    const t = await unlockedCore('cw-letters-');
    cleanup = t.cleanup;
    const { call, core, dataDir } = t;
    core.today = () => '2026-05-20';
    await call('roster.saveMember', { name: 'Fatima Okafor', sector: 'mental_health', role: 'member' });
    const bh = await call('roster.saveOrganisation', { name: 'County Behavioral Health', sector: 'mental_health' });
    const pd = await call('roster.saveOrganisation', { name: 'Metro Police Department', sector: 'law_enforcement' });
    const d = await call('incidents.create', {
      occurredYear: 2026,
      occurredMonth: 4,
      narrative: 'Officer A waited for Clinician B for forty minutes.',
    });
    const f = await call('findings.create', {
      incidentId: d.incident.id,
      meetingId: null,
      category: 'services',
      kind: 'gap',
      intercept: '0',
      goals: ['2'],
      timelineEventId: null,
      description: 'No clinician was available after midnight.',
    });
    const m = await call('meetings.create', { date: '2026-05-12', time: '14:00', lengthMinutes: 90, place: '', virtual: true });
    const rec = async (
      action: string,
      organisationId: number,
      notIdentifiers?: { field: 'action'; type: 'NAME'; text: string; reason: string }[],
    ) => {
      const r = await call('recommendations.create', {
        findingIds: [f.id],
        meetingId: m.meeting.id,
        action,
        owner: { organisationId },
        dueDate: '2026-12-31',
        measure: '',
        actionType: 'staffing',
        ...(notIdentifiers ? { notIdentifiers } : {}),
      });
      return call('recommendations.setStatus', { id: r.id, status: 'adopted' });
    };
    await rec('Fund an overnight clinician', bh.id);
    // Marked "not an identifier" (the minutes may name a committee member); a letter still may not.
    const named = await rec('Ask Fatima Okafor to lead the overnight rota', pd.id, [
      { field: 'action', type: 'NAME', text: 'Fatima Okafor', reason: 'Committee member, named in the minutes with consent' },
    ]);
    const { agencies } = await call('recommendations.letterAgencies', { meetingId: m.meeting.id });
    expect(agencies.map((a) => [a.name, a.count])).toEqual([
      ['County Behavioral Health', 1],
      ['Metro Police Department', 1],
    ]);
    // Without a recorded response date, the letter asks within the committee's response days (not a fixed 60).
    await call('recommendations.setResponseDays', { responseDays: 30 });
    core.workbench.write({ event: 'update', entity: 'test' }, (db) => db.prepare('UPDATE recommendations SET response_due = NULL').run([]));
    const plain = JSON.stringify(core.workbench.read((db) => letterDoc(db, m.meeting.id, agencies[0]!.key, 'Riverside CIT')).blocks);
    expect(plain).toContain('We ask for your written response within 30 days.');
    expect(plain).not.toContain('60 days');
    const file = path.join(dataDir, 'bh.docx');
    const ok = await call('recommendations.exportLetter', {
      meetingId: m.meeting.id,
      agency: agencies[0]!.key,
      format: 'docx',
      handle: core.files.register(file, 'write'),
    });
    expect(fs.statSync(file).size).toBe(ok.bytes);
    const blocked = await dispatch(core, 'recommendations.exportLetter', {
      meetingId: m.meeting.id,
      agency: agencies[1]!.key,
      format: 'pdf',
      handle: core.files.register(path.join(dataDir, 'pd.pdf'), 'write'),
    });
    expect(blocked).toMatchObject({
      ok: false,
      error: { code: 'guard_blocked', blocked: [{ item: `Recommendation ${named.code}`, text: 'Fatima Okafor', type: 'NAME' }] },
    });
    expect(fs.existsSync(path.join(dataDir, 'pd.pdf'))).toBe(false);
    expect(
      await dispatch(core, 'recommendations.exportLetter', {
        meetingId: m.meeting.id,
        agency: 'o:999',
        format: 'pdf',
        handle: core.files.register(path.join(dataDir, 'x.pdf'), 'write'),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
