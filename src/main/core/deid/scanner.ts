/**
 * The identifier guard's scanner: pattern recognisers + the name recogniser, each giving
 * scored candidates; keep those at or above THRESHOLD and resolve overlaps (the higher
 * priority kind wins, then the higher score, then the longer span).
 */
import type { IdentifierFinding, IdentifierKind } from '../../../shared/deid/kinds';
import { PATTERN_RECOGNISERS, type Candidate } from './patterns';
import { findNames } from './names';

export const THRESHOLD = 0.5;

/** Structured identifiers beat names: "Washington Blvd" is an address, "jsmith@…" an email. */
const PRIORITY: Record<IdentifierKind, number> = {
  EMAIL: 12, URL: 11, IP: 10, SSN: 9, PHONE: 8, DATE: 7, ADDRESS: 6, AGE90: 5, RECORD: 4, PLATE: 3, ZIP: 2, NAME: 1,
};

function better(a: Candidate, b: Candidate): boolean {
  if (PRIORITY[a.type] !== PRIORITY[b.type]) return PRIORITY[a.type] > PRIORITY[b.type];
  if (a.score !== b.score) return a.score > b.score;
  return a.end - a.start > b.end - b.start;
}

/** Placeholders written by a redaction ("[NAME]") are never findings themselves. */
const PLACEHOLDER = /\[(?:NAME|PHONE|SSN|EMAIL|ADDRESS|DATE|AGE90|RECORD|PLATE|ZIP|URL|IP)\]/g;

export function scan(input: string): IdentifierFinding[] {
  if (!input.trim()) return [];
  const text = input.replace(PLACEHOLDER, (m) => ' '.repeat(m.length));
  const candidates = [...PATTERN_RECOGNISERS.flatMap((r) => r(text)), ...findNames(text)].filter(
    (c) => c.score >= THRESHOLD && c.end > c.start,
  );
  candidates.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : a.start - b.start));
  const kept: Candidate[] = [];
  for (const c of candidates) {
    if (kept.some((k) => k.start < c.end && c.start < k.end)) continue;
    kept.push(c);
  }
  return kept
    .sort((a, b) => a.start - b.start)
    .map((c) => ({ start: c.start, end: c.end, type: c.type, score: Math.round(c.score * 100) / 100 }));
}
