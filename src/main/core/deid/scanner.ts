/**
 * The identifier guard's scanner: pattern recognisers + the name recogniser, each giving
 * scored candidates over normalised text (see normalize.ts); keep those at or above THRESHOLD,
 * resolve overlaps (the higher priority kind wins, then the higher score, then the longer
 * span), find every other mention of a name already found, and map the findings back to
 * offsets in the text as typed.
 */
import type { IdentifierFinding, IdentifierKind } from '../../../shared/deid/kinds';
import { PATTERN_RECOGNISERS, type Candidate } from './patterns';
import { findNames, propagateNames } from './names';
import { normalizeForScan } from './normalize';

export const THRESHOLD = 0.5;

/** Structured identifiers beat names: "Washington Blvd" is an address, "jsmith@…" an email. */
const PRIORITY: Record<IdentifierKind, number> = {
  EMAIL: 12,
  URL: 11,
  IP: 10,
  SSN: 9,
  PHONE: 8,
  DATE: 7,
  ADDRESS: 6,
  AGE90: 5,
  RECORD: 4,
  PLATE: 3,
  ZIP: 2,
  NAME: 1,
};

function better(a: Candidate, b: Candidate): boolean {
  if (PRIORITY[a.type] !== PRIORITY[b.type]) return PRIORITY[a.type] > PRIORITY[b.type];
  if (a.score !== b.score) return a.score > b.score;
  return a.end - a.start > b.end - b.start;
}

/** Placeholders written by a redaction ("[NAME]") are never findings themselves. */
const PLACEHOLDER = /\[(?:NAME|PHONE|SSN|EMAIL|ADDRESS|DATE|AGE90|RECORD|PLATE|ZIP|URL|IP)\]/g;

export interface ScanOptions {
  /**
   * Names already found elsewhere in the same record (an incident's narrative and timeline):
   * every mention of them, or of their parts, is a name here too.
   */
  knownNames?: readonly string[];
}

function resolve(candidates: Candidate[], length: number): Candidate[] {
  const sorted = candidates
    .filter((c) => c.score >= THRESHOLD && c.end > c.start)
    .sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : a.start - b.start));
  const kept: Candidate[] = [];
  // Characters already taken by a kept finding: linear in the text, not quadratic in the candidates.
  const taken = new Uint8Array(length);
  outer: for (const c of sorted) {
    for (let i = c.start; i < c.end; i++) if (taken[i]) continue outer;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export function scan(input: string, options: ScanOptions = {}): IdentifierFinding[] {
  if (!input.trim()) return [];
  const norm = normalizeForScan(input);
  const text = norm.text.replace(PLACEHOLDER, (m) => ' '.repeat(m.length));
  const first = resolve([...PATTERN_RECOGNISERS.flatMap((r) => r(text)), ...findNames(text)], text.length);
  const names = first.filter((c) => c.type === 'NAME').map((c) => text.slice(c.start, c.end));
  const more = propagateNames(text, [...names, ...(options.knownNames ?? [])]);
  const kept = more.length ? resolve([...first, ...more], text.length) : first;
  return kept.map((c) => {
    const [start, end] = norm.toOriginal(c.start, c.end);
    return { start, end, type: c.type, score: Math.round(c.score * 100) / 100 };
  });
}

/**
 * The texts of one record or one document, scanned together: a name found in one of them is
 * looked for in all ("Rosa" in a timeline step after "Rosa Villanueva" in the narrative).
 * `carries(name, index)` says whether a name found in text `index` may be carried to the others
 * (not when a person marked it "not an identifier" there). One list of findings per text.
 */
export function scanAll(texts: readonly string[], carries: (name: string, index: number) => boolean = () => true): IdentifierFinding[][] {
  const first = texts.map((t) => scan(t));
  const names = first.flatMap((found, i) =>
    found
      .filter((f) => f.type === 'NAME')
      .map((f) => texts[i]!.slice(f.start, f.end))
      .filter((name) => carries(name, i)),
  );
  if (!names.length) return first;
  return texts.map((t) => scan(t, { knownNames: names }));
}
