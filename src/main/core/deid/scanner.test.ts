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

const DEV_CORPUS_V2 = path.resolve(__dirname, '../../../../../shared/deid/dev-corpus-v2.jsonl');
const readJsonl = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as LabelledText);

/**
 * Floors at the levels reached (docs/identifier-guard.md has the figures): a change that loses
 * recall or precision on any of these sets fails. The written sets were made by a separate
 * session that never read the scanner (fixtures/make-written.py).
 */
const FLOORS: { name: string; file: string; recall: number; precision: number; kind: number }[] = [
  { name: 'hand-written free text (shared/deid/dev-corpus-v2.jsonl)', file: DEV_CORPUS_V2, recall: 0.985, precision: 0.99, kind: 0.95 },
  {
    name: 'written free text (fixtures/written-free.jsonl)',
    file: path.join(__dirname, 'fixtures/written-free.jsonl'),
    recall: 0.955,
    precision: 0.98,
    kind: 0.9,
  },
  {
    name: 'written templates (fixtures/written-template.jsonl)',
    file: path.join(__dirname, 'fixtures/written-template.jsonl'),
    recall: 0.985,
    precision: 0.99,
    kind: 0.95,
  },
  {
    name: 'written disguises (fixtures/written-disguise.jsonl)',
    file: path.join(__dirname, 'fixtures/written-disguise.jsonl'),
    recall: 0.96,
    precision: 0.99,
    kind: 0.85,
  },
];

describe('identifier scanner floors on text it was not written for', () => {
  for (const f of FLOORS) {
    it.runIf(fs.existsSync(f.file))(`${f.name}: recall >= ${f.recall}, precision >= ${f.precision}, every kind >= ${f.kind}`, () => {
      const s = score(readJsonl(f.file), scan);
      expect(s.recall, s.misses.slice(0, 20).join('\n')).toBeGreaterThanOrEqual(f.recall);
      expect(s.precision, s.falsePositives.slice(0, 20).join('\n')).toBeGreaterThanOrEqual(f.precision);
      for (const [kind, k] of Object.entries(s.perKind)) expect(k.recall, kind).toBeGreaterThanOrEqual(f.kind);
    });
  }
});

describe('identifier scanner on disguised text', () => {
  // Each disguise alone, on a name, a phone, an SSN and an email; the finding must cover the disguised text as typed.
  const plain = 'Caller Rosa Villanueva-Ott, phone 206-555-0143, SSN 900-12-3456, email rosa.vo@example.com.';
  const disguises: [string, (s: string) => string][] = [
    ['zero-width space', (s) => [...s].join('\u200B')],
    ['zero-width joiner and non-joiner', (s) => [...s].map((c, i) => c + (i % 2 ? '\u200D' : '\u200C')).join('')],
    ['word joiner and BOM', (s) => [...s].map((c, i) => c + (i % 2 ? '\u2060' : '\uFEFF')).join('')],
    ['soft hyphen', (s) => [...s].join('\u00AD')],
    ['no-break and other spaces', (s) => s.replace(/ /g, '\u00A0').replace(/-/g, '\u2009')],
    ['full-width forms', (s) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))],
    ['Arabic-Indic digits', (s) => s.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)))],
    ['Devanagari digits', (s) => s.replace(/\d/g, (d) => String.fromCharCode(0x0966 + Number(d)))],
    ['combining marks', (s) => s.replace(/[aeo]/g, (c) => `${c}\u0301`)],
    ['case: ALL CAPS', (s) => s.toUpperCase()],
  ];
  const parts = ['Rosa Villanueva-Ott', '206-555-0143', '900-12-3456', 'rosa.vo@example.com'];
  for (const [name, disguise] of disguises) {
    it(`finds every identifier through ${name}`, () => {
      let text = plain;
      const planted: string[] = [];
      for (const p of parts) {
        const d = disguise(p);
        text = text.replace(p, d);
        planted.push(d);
      }
      const f = scan(text);
      for (const d of planted) {
        const start = text.indexOf(d);
        const end = start + d.length;
        // Covered as typed: a redaction of the findings leaves none of the identifier's characters.
        let covered = 0;
        for (let i = start; i < end; i++) if (f.some((x) => x.start <= i && i < x.end)) covered++;
        expect(covered / (end - start), `${name}: ${JSON.stringify(d)} in ${JSON.stringify(f)}`).toBeGreaterThanOrEqual(0.9);
      }
    });
  }
  it('maps findings back to offsets in the text as typed', () => {
    const text = 'Call \u200B(５５５) ２０１-٤٤٣٣\u200B now.';
    const f = scan(text);
    expect(f).toHaveLength(1);
    expect(text.slice(f[0]!.start, f[0]!.end)).toBe('(５５５) ２０１-٤٤٣٣\u200B');
  });
});

describe('a finding keeps its meaning', () => {
  const findings = [
    'No CIT-trained officer was available on the evening shift.',
    'No mobile crisis team covers the county after 22:00 on weekends.',
    'Per policy, Officer A waited for the co-responder before entering.',
    'Unable to reach the on-call psychiatrist; the ED held the person for 14 hours.',
    'Faith-based shelter staff were not told about the discharge plan.',
    'Summer schedule leaves the crisis line with one counsellor overnight.',
    'CIT-trained deputies were dispatched in 3 of 11 calls (27%) in March 2025.',
    'The Brown Act requires the committee to meet in public; case review stays in closed session.',
    'Hope Street Clinic and Grace House had no shared release-of-information form.',
    'Dispatch coded the call as WELFARE CHECK, then PERSON IN CRISIS, under RCW 71.05.153.',
  ];
  for (const f of findings) it(`leaves "${f}" word for word`, () => expect(scan(f)).toEqual([]));
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
      kinds(
        'Officer A and Clinician B arrived at 02:14 after a 988 call; 40% of 2024 calls; aged 34; Intercept 2; code 2026-014; 24/7 line.',
      ),
    ).toEqual([]);
  });
  it('finds names in lower case, SURNAME, First form and word-names in context', () => {
    expect(kinds('caller maria okafor said she was scared')).toEqual([['NAME', 'maria okafor']]);
    expect(kinds('Prior contact: OKAFOR, Fatima was transported.')).toEqual([['NAME', 'OKAFOR, Fatima']]);
    expect(kinds('His daughter, Hope, met the team.')).toEqual([['NAME', 'Hope']]);
    expect(kinds('There was hope that the team would arrive.')).toEqual([]);
    expect(kinds("Neighbor Liam O'Brien and J. Smith watched from the porch.")).toEqual([
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

describe('propagation', () => {
  it('finds every other mention of a name in the text, in any case for a non-word, capitalised only for a word-name', () => {
    expect(kinds("Caller Rosa Villanueva-Ott said her son was armed. Later VILLANUEVA-OTT asked for Rosa's sister.")).toEqual([
      ['NAME', 'Rosa Villanueva-Ott'],
      ['NAME', 'VILLANUEVA-OTT'],
      ['NAME', 'Rosa'],
    ]);
    expect(kinds('His daughter, Hope, met the team. There was hope that Hope would stay.')).toEqual([
      ['NAME', 'Hope'],
      ['NAME', 'Hope'],
    ]);
  });
  it('uses names found elsewhere in the same record', () => {
    expect(scan('Okafor was calmer by the second call.', { knownNames: ['Fatima Okafor'] }).map((f) => f.type)).toEqual(['NAME']);
    expect(scan('The team was calmer by the second call.', { knownNames: ['Fatima Okafor'] })).toEqual([]);
  });
});

describe('names that are words, named by the words around them', () => {
  const cases: [string, string[][]][] = [
    ['texter: hey. my name is sky, im 15', [['NAME', 'sky']]],
    ['Hello Dawn, this is the crisis line calling back.', [['NAME', 'Dawn']]],
    ['"Frankie, drop the bat," the deputy said twice.', [['NAME', 'Frankie']]],
    ['see u at group tmrw. thanks - ivy', [['NAME', 'ivy']]],
    ['grace here. can someone call me back tonight', [['NAME', 'grace']]],
    ['Preferred name: Sunny\nPronouns: she/her', [['NAME', 'Sunny']]],
    ['Program name: Hope Street Clinic\nName: unknown', []],
    ['counselor: what name should I use? texter: rain', []], // not a first name in the lexicon: left to the other steps
    ['Yoon Seo-yeon (31) texted 988 at 02:10 from the bus shelter.', [['NAME', 'Yoon Seo-yeon']]],
  ];
  for (const [text, want] of cases) it(`reads ${JSON.stringify(text)}`, () => expect(kinds(text)).toEqual(want));

  const ordinary = [
    'my name is not important, the caller said.',
    'Hi there, the unit arrived at 21:40.',
    'Thanks, will call back tomorrow about the bed.',
    'The program’s name is Hope Street Clinic.',
    '"Okay, we can talk," the clinician said.',
    'thank you - see you at the next meeting',
    'Summer here is hard on the shelters.',
    'May, June and July had the most calls.',
    'Faith here means the faith-based shelter network.',
  ];
  for (const text of ordinary) it(`leaves ${JSON.stringify(text)} alone`, () => expect(kinds(text)).toEqual([]));
});

describe('plates, intersections and ZIPs in CAD shorthand', () => {
  it('reads a plate before an intersection, a county-prefixed plate, and a ZIP after a unit', () => {
    expect(kinds('VEH KTR 5521 AT 4TH AVE AND PIKE ST, UNOCCUPIED.')).toEqual([
      ['PLATE', 'KTR 5521'],
      ['ADDRESS', '4TH AVE AND PIKE ST'],
    ]);
    expect(kinds('A sedan with Montana plate 56-4471B was parked at the trailhead.')).toEqual([['PLATE', '56-4471B']]);
    expect(kinds('He stays at 88 pine st apt 3 98101 most nights.')).toEqual([
      ['ADDRESS', '88 pine st apt 3'],
      ['ZIP', '98101'],
    ]);
  });
  it('leaves a count after a unit and a statute alone', () => {
    expect(kinds('Unit 12 took 40 calls; RCW 71.05.153 applies; ward 3 had 12 beds.')).toEqual([]);
  });
});

describe('bilingual notes and street pairs', () => {
  it('reads Spanish dates, ages over 89, titles and naming phrases; Spanish prose is not a name', () => {
    expect(kinds('La señora tiene 94 años y vive sola desde el 7 de octubre de 2024.')).toEqual([
      ['AGE90', '94'],
      ['DATE', '7 de octubre de 2024'],
    ]);
    expect(kinds('Hablé con la Dra. Montes esta mañana. Me llamo Rocío y tengo miedo.')).toEqual([
      ['NAME', 'Montes'],
      ['NAME', 'Rocío'],
    ]);
    expect(kinds('Informe: notas del caso. Dice que su hermano está muy nervioso y no quiere ir al hospital.')).toEqual([]);
    expect(kinds('hace 30 años que vive aquí con su mamá')).toEqual([]);
  });
  it('reads street pairs with nothing before them, in lower case, and with "y"; a pair of words with a preposition is not one', () => {
    expect(kinds('LAST KNOWN 22ND AVE S AND S JACKSON ST, WALKING NB.')).toEqual([['ADDRESS', '22ND AVE S AND S JACKSON ST']]);
    expect(kinds('she was by dexter ave n and n 9th st when i lost her')).toEqual([['ADDRESS', 'dexter ave n and n 9th st']]);
    expect(kinds('Lo vieron en Beacon Ave S y S Lander St anoche.')).toEqual([['ADDRESS', 'Beacon Ave S y S Lander St']]);
    expect(kinds('Met at 3rd Ave and Cherry Way at noon.')).toEqual([['ADDRESS', '3rd Ave and Cherry Way']]);
    expect(kinds('SUBJ LEFT AT NOON AND WENT TO THE STORE.')).toEqual([]);
  });
  it('leaves court and programme pairs, prose about streets, counts after plate words and durations alone', () => {
    for (const text of [
      'Refer eligible defendants to Mental Health Court and Drug Court.',
      'Municipal Court and Superior Court share CIT rosters; FOOD DRIVE AND TOY DRIVE.',
      'Officers blocked the street and the road.',
      'Veh 2 parked. tag 3 people. Registration is 4 months behind.',
      'Checked lic. Valid through 2026.',
      'hey honey, are you safe?',
      'Harbor View (2) reported three incidents.',
      'Los 100 años de la ciudad; hace 95 años.',
    ])
      expect(kinds(text), text).toEqual([]);
    expect(kinds('ella said she wanted to go home')).toEqual([['NAME', 'ella']]);
  });
  it('reads an ALL-CAPS name after a relation word even with an age after it; a unit before a number stays a unit', () => {
    expect(kinds('RP IS MOTHER. SON TEVITA 19 BARRICADED IN BEDROOM.')).toEqual([['NAME', 'TEVITA']]);
    expect(kinds('BACKUP OFCR NAKAMURA ENRT.')).toEqual([['NAME', 'NAKAMURA']]);
    expect(kinds('MEDIC 7 AND ENGINE 12 ENRT. SON ADV HE IS OK. HUSBAND AGE 45.')).toEqual([]);
  });
  it('a hyphenated role before a name is a role, not part of the name', () => {
    expect(kinds('Call-taker John Miller stays on the line.')).toEqual([['NAME', 'John Miller']]);
    expect(kinds('Co-responder arrived; Call-taker asked about weapons.')).toEqual([]);
  });
  it('leaves form labels and numbered sessions alone', () => {
    expect(kinds('Dx: bipolar I. Acct: pending. Re: the follow-up plan; session 40512 of the program.')).toEqual([]);
  });
});
