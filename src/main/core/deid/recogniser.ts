/** What a pattern recogniser returns, and the small helpers the recognisers share. */
import type { IdentifierKind } from '../../../shared/deid/kinds';

export interface Candidate {
  start: number;
  end: number;
  type: IdentifierKind;
  score: number;
}

export type Recogniser = (text: string) => Candidate[];

export function all(re: RegExp, text: string, fn: (m: RegExpExecArray) => Candidate | Candidate[] | null): Candidate[] {
  const out: Candidate[] = [];
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  for (let m = g.exec(text); m; m = g.exec(text)) {
    const c = fn(m);
    if (Array.isArray(c)) out.push(...c);
    else if (c) out.push(c);
    if (m[0].length === 0) g.lastIndex++;
  }
  return out;
}

/** Span of capture group `n` (needs the `d` flag). */
export function group(m: RegExpExecArray, n: number): [number, number] | null {
  const idx = m.indices?.[n];
  return idx ? [idx[0], idx[1]] : null;
}

/** The `chars` characters before `index`, lower-cased, for context checks. */
export function before(text: string, index: number, chars = 40): string {
  return text.slice(Math.max(0, index - chars), index).toLowerCase();
}

/** Where a URL or an address ends: trailing punctuation is not part of it. */
export function trimUrl(text: string, start: number, end: number): number {
  while (end > start && /[.,;:!?)\]'"]/.test(text[end - 1]!)) end--;
  return end;
}
