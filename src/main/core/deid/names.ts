/**
 * NAME recogniser: tokens, a name lexicon and context words, scored like Presidio's
 * context-aware recognisers. Role labels ("Officer A"), agency and place names are not names.
 * The words are in name-words.ts, the steps in name-steps.ts.
 */
import type { Candidate } from './recogniser';
import { nameLexicon } from './lexicon';
import { allCapsRuns, caseDisguise, lowerCaseNames, lowerLastFirst } from './name-lower';
import { namedByCue } from './name-cued';
import { capitalisedRuns, nameScan, surnameFirst } from './name-steps';
import { PARTICLES, PLACE_BEFORE, TOKEN, tokenize } from './name-words';

export function findNames(text: string): Candidate[] {
  const s = nameScan(text);
  for (const step of [surnameFirst, capitalisedRuns, lowerCaseNames, lowerLastFirst, caseDisguise, allCapsRuns, namedByCue]) step(s);
  return s.out;
}

/**
 * Every other mention of a name already found: the whole name, and each part of at least three
 * letters that is not an ordinary word in lower case ("Grace" is found again only when
 * capitalised; "Okafor" in any case). Runs in linear time over the text's tokens.
 */
export function propagateNames(text: string, names: readonly string[]): Candidate[] {
  if (!names.length) return [];
  const lex = nameLexicon();
  const anyCase = new Set<string>();
  const capOnly = new Set<string>();
  for (const name of names) {
    for (const m of name.matchAll(TOKEN)) {
      const w = m[0].replace(/\.$/, '').replace(/’/g, "'").replace(/'s$/i, '');
      const lower = w.toLowerCase();
      if (lower.length < 3 || PARTICLES.has(lower) || lex.never.has(lower) || lex.roles.has(lower)) continue;
      if (lex.dictionary.has(lower) || lex.ambiguous.has(lower) || (lex.common.has(lower) && !lex.first.has(lower) && !lex.last.has(lower)))
        capOnly.add(lower);
      else anyCase.add(lower);
    }
  }
  if (!anyCase.size && !capOnly.size) return [];
  const out: Candidate[] = [];
  for (const t of tokenize(text)) {
    const w = t.lower.replace(/\.$/, '');
    if (!(anyCase.has(w) || (capOnly.has(w) && t.cap && !t.allCaps && !t.sentenceStart))) continue;
    const prevWord = /(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, t.start - 8), t.start))?.[1]?.toLowerCase();
    if (prevWord && PLACE_BEFORE.has(prevWord)) continue; // "North Dakota" after "Dakota Begaye"
    out.push({ start: t.start, end: t.end, type: 'NAME', score: 0.55 });
  }
  return out;
}
