import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IDENTIFIER_KINDS } from '../../../shared/deid/kinds';
import { scan } from './scanner';
import { parseMarkup, score, type LabelledText } from './score';

const DEV_CORPUS = path.resolve(__dirname, '../../../../../shared/deid/dev-corpus.jsonl');
const FIXTURE = path.join(__dirname, 'fixtures/generalisation.txt');

const kinds = (text: string) => scan(text).map((f) => [f.type, text.slice(f.start, f.end)]);

describe('identifier scanner on the development corpus', () => {
  it.runIf(fs.existsSync(DEV_CORPUS))('meets recall >= 0.98, precision >= 0.92 and per-kind recall >= 0.95', () => {
    const items = fs
      .readFileSync(DEV_CORPUS, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as LabelledText);
    const s = score(items, scan);
    expect(s.misses).toEqual([]);
    expect(s.recall).toBeGreaterThanOrEqual(0.98);
    expect(s.precision).toBeGreaterThanOrEqual(0.92);
    for (const kind of IDENTIFIER_KINDS) expect(s.perKind[kind]?.recall, kind).toBeGreaterThanOrEqual(0.95);
  });
});

describe('identifier scanner on hand-written sentences of other shapes', () => {
  const items = fs
    .readFileSync(FIXTURE, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l, i) => parseMarkup(`gen-${i}`, l));
  it('finds every planted identifier and flags nothing in the hard negatives', () => {
    const s = score(items, scan);
    expect(s.misses).toEqual([]);
    expect(s.falsePositives).toEqual([]);
    expect(s.planted).toBeGreaterThan(50);
  });
});

describe('identifier scanner rules', () => {
  it('leaves role labels, 911/988, clock times, percentages, years, ordinary ages and intercepts alone', () => {
    expect(
      kinds('Officer A and Clinician B arrived at 02:14 after a 988 call; 40% of 2024 calls; aged 34; Intercept 2; code 2026-014; 24/7 line.'),
    ).toEqual([]);
  });
  it('finds names in lower case, SURNAME, First form and word-names in context', () => {
    expect(kinds('caller maria okafor said she was scared')).toEqual([['NAME', 'maria okafor']]);
    expect(kinds('Prior contact: OKAFOR, Fatima was transported.')).toEqual([['NAME', 'OKAFOR, Fatima']]);
    expect(kinds('His daughter, Hope, met the team.')).toEqual([['NAME', 'Hope']]);
    expect(kinds('There was hope that the team would arrive.')).toEqual([]);
    expect(kinds('Neighbor Liam O\'Brien and J. Smith watched from the porch.')).toEqual([
      ['NAME', "Liam O'Brien"],
      ['NAME', 'J. Smith'],
    ]);
  });
  it('keeps structured kinds apart: email vs URL vs name, SSN vs phone, address vs name', () => {
    expect(kinds('Email jamal.williams@gmail.com or see instagram.com/jamal_203 today.')).toEqual([
      ['EMAIL', 'jamal.williams@gmail.com'],
      ['URL', 'instagram.com/jamal_203'],
    ]);
    expect(kinds('SSN 406-41-3945, phone 406-413-9451.')).toEqual([
      ['SSN', '406-41-3945'],
      ['PHONE', '406-413-9451'],
    ]);
    expect(kinds('He lives at 11602 Washington Blvd Unit 4.')).toEqual([['ADDRESS', '11602 Washington Blvd Unit 4']]);
    // A bracketed area code followed by the number run together is a phone, not a record number.
    expect(kinds('Her cell is (555)2014433 and the landline (555) 201-4433.')).toEqual([
      ['PHONE', '(555)2014433'],
      ['PHONE', '(555) 201-4433'],
    ]);
  });
  it('flags ages only over 89 and dates only at day level', () => {
    expect(kinds('A 98-year-old and a 45-year-old; seen March 2024; born 3 May 1931.')).toEqual([
      ['AGE90', '98'],
      ['DATE', '3 May 1931'],
    ]);
  });
  it('returns JavaScript string offsets, also after non-ASCII text', () => {
    const text = 'Café staff called; Mr. Núñez waited at 12 Rue Ave.';
    const f = scan(text);
    expect(f.map((x) => text.slice(x.start, x.end))).toEqual(['Núñez', '12 Rue Ave']);
  });
  it('stays fast on long and hostile input (no catastrophic backtracking)', () => {
    const long = `${'Caller Fatima Okafor at 14219 Main St called (605) 274-8779. '.repeat(2000)}${'a'.repeat(100_000)}${'1'.repeat(50_000)}`;
    const t = performance.now();
    const f = scan(long);
    expect(f.length).toBeGreaterThanOrEqual(6000);
    // Generous bound: a correctness guard against exponential regexes, not a benchmark.
    expect(performance.now() - t).toBeLessThan(20_000);
  });
});

describe('name lexicon file', () => {
  it('is in sync with @faker-js/faker (regenerate with: npx tsx scripts/build-name-lexicon.ts)', async () => {
    const { fakerNames, LEXICON_FILE } = await import('../../../../scripts/build-name-lexicon');
    const stored = JSON.parse(fs.readFileSync(LEXICON_FILE, 'utf8')) as { first: string[]; last: string[] };
    const fresh = fakerNames();
    expect(stored.first).toEqual(fresh.first);
    expect(stored.last).toEqual(fresh.last);
  });
});
