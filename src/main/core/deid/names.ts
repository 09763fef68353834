/**
 * NAME recogniser: tokens, a name lexicon and context words, scored like Presidio's
 * context-aware recognisers. Role labels ("Officer A"), agency and place names are not names.
 */
import type { Candidate } from './patterns';
import { nameLexicon, type NameLexicon } from './lexicon';

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Title case or ALL CAPS. */
  cap: boolean;
  allCaps: boolean;
  /** First word of a sentence (capitalisation says nothing). */
  sentenceStart: boolean;
}

const TOKEN = /\p{L}(?:[\p{L}'’]*\p{L})?(?:-\p{L}(?:[\p{L}'’]*\p{L})?)*\.?/gu;

/** Words right before a name that say a person is being named. */
const CUES = new Set(
  `mr mrs ms miss mx dr caller brother sister mother father mom mum dad son daughter wife husband partner boyfriend girlfriend
  fiance fiancee spouse neighbor neighbour friend cousin aunt uncle grandmother grandfather grandma grandpa grandson granddaughter
  nephew niece roommate landlord landlady guardian caregiver stepfather stepmother stepson stepdaughter named name called aka
  client patient tenant victim complainant reportee officer deputy sergeant sgt lieutenant lt detective det trooper corporal cpl
  captain capt nurse judge pastor reverend rev father sister coworker co-worker employer boss manager teacher
  contact respondent petitioner defendant plaintiff juvenile student mr. mrs. ms. dr. sgt. lt. det. cpl. capt. rev.`
    .split(/\s+/)
    .filter(Boolean),
);
/** Multi-word cues, matched against the lower-cased text before the run. */
const CUE_PHRASES =
  /(?:\b(?:name is|name was|named|known as|identified as|goes by|introduced (?:him|her|them)self as|a\.k\.a\.?|spoke (?:with|to)|asked for|reporting party|rp|subject|per|contact(?:ed)?|mother of|father of|parent of|son of|daughter of|wife of|husband of|sibling)\s*[:,]?\s*)$/;
/** Words after a name that say it was a person acting. */
const AFTER_VERBS =
  /^\s*(?:'s\b|’s\b|,?\s*(?:who|said|says|stated|states|told|tells|reported|reports|called|calls|texted|explained|refused|agreed|asked|yelled|denied|admitted|became|was|is|had|has|left|returned|arrived|threatened|declined|accepted|lives|lived|stays|stayed)\b)/i;
/** A run directly followed by one of these is an organisation or a place, not a person. */
const ORG_AFTER =
  /^\s*(?:'s\s+)?(?:county|city|police|department|dept|sheriff|sheriff's|hospital|medical|center|centre|clinic|health|behavioral|behavioural|services|university|college|school|church|street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|way|court|ct|park|lake|river|valley|heights|village|township|district|division|precinct|station|jail|prison|detention|house|shelter|program|programme|project|institute|foundation|alliance|coalition|network|association|authority|partners|group|line|lifeline|team|unit|office|bureau|agency|corporation|inc|llc|bridge|plaza|mall|market|airport|transit|library|memorial|general|regional|community|crisis|recovery|mental|family|youth|veterans?)\b/i;
const PARTICLES = new Set(['de', 'del', 'della', 'da', 'di', 'van', 'von', 'der', 'den', 'la', 'le', 'du', 'bin', 'ibn', 'al', 'el', 'st.', 'mac']);
const SURNAME_SHAPE = /(?:ova|eva|ovna|enko|chuk|czyk|ski|ska|sky|wicz|vich|ovic|opoulos|idis|escu|oglu|yan|ashvili|sson|dottir|berg|stein|mann|ez|ian|ini|elli|etti|ucci|akis|poulos|ovich)$/;
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'to', 'toward', 'towards', 'into', 'outside', 'inside', 'across', 'through', 'via']);

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    let raw = m[0];
    const start = m.index;
    // Keep the period only for an initial ("J.") or a title ("Mr."); otherwise it ends a sentence.
    if (raw.endsWith('.') && !/^(?:[A-Z]|mr|mrs|ms|dr|mx|sgt|lt|det|cpl|capt|rev|st|jr|sr)\.$/i.test(raw)) raw = raw.slice(0, -1);
    const end = start + raw.length;
    const prev = text.slice(0, start).replace(/[\s"'“‘([]+$/, '');
    const lastChar = prev.at(-1);
    const sentenceStart = prev.length === 0 || lastChar === '.' && !/\b(?:mr|mrs|ms|dr|mx|sgt|lt|det|cpl|capt|rev|st|[A-Z])\.$/i.test(prev) || lastChar === '!' || lastChar === '?' || lastChar === ':' || lastChar === ';' || lastChar === '·' || lastChar === '•' || lastChar === '|' || /\n\s*$/.test(text.slice(0, start));
    out.push({
      text: raw,
      lower: raw.toLowerCase().replace(/’/g, "'").replace(/'s$/, ''),
      start,
      end: raw.endsWith("'s") || raw.endsWith('’s') ? end - 2 : end,
      cap: /^\p{Lu}/u.test(raw) && (raw.length === 1 || /\p{Ll}/u.test(raw.slice(1)) || /^[\p{Lu}'’-]+$/u.test(raw)),
      allCaps: raw.length >= 2 && /^[\p{Lu}'’-]+$/u.test(raw),
      sentenceStart,
    });
  }
  return out;
}

type Kind = 'never' | 'known' | 'ambiguous' | 'unknown';

function classify(t: Token, lex: NameLexicon): Kind {
  const w = t.lower.replace(/\.$/, '');
  if (lex.never.has(w)) return 'never';
  const parts = w.split('-');
  const known = parts.every((p) => lex.first.has(p) || lex.last.has(p) || p.startsWith("o'") || /^ma?c[a-z]{3,}$/.test(p) && lex.last.has(p.replace(/^ma?c/, '')));
  if (known) return lex.ambiguous.has(w) ? 'ambiguous' : 'known';
  return 'unknown';
}

function gapIs(text: string, a: Token, b: Token, re: RegExp): boolean {
  return re.test(text.slice(a.end, b.start));
}

export function findNames(text: string): Candidate[] {
  const lex = nameLexicon();
  const tokens = tokenize(text);
  const kinds = tokens.map((t) => classify(t, lex));
  const out: Candidate[] = [];
  const used = new Set<number>();

  const cueBefore = (i: number): boolean => {
    const prev = tokens[i - 1];
    const addressDr = prev && /^dr\.?$/.test(prev.lower) && /\d+\s+(?:\S+\s+){1,3}Dr\.?\s*$/.test(text.slice(Math.max(0, prev.start - 40), tokens[i]!.start));
    if (prev && !addressDr && CUES.has(prev.lower) && gapIs(text, prev, tokens[i]!, /^[\s,:]*$/)) {
      // "the officer" is a role, "Officer Smith" names someone; a relation word names the next person.
      return true;
    }
    return CUE_PHRASES.test(text.slice(Math.max(0, tokens[i]!.start - 40), tokens[i]!.start).toLowerCase());
  };

  // 1. "SURNAME, First" (records and rosters).
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    if (a.allCaps && a.text.length >= 3 && kinds[i] !== 'never' && b.cap && !b.allCaps && gapIs(text, a, b, /^,\s*$/) && kinds[i + 1] !== 'never') {
      const known = kinds[i] === 'known' || kinds[i + 1] === 'known' || lex.last.has(a.lower);
      if (!known) continue;
      let end = b.end;
      const c = tokens[i + 2];
      if (c && c.cap && c.text.length <= 2 && gapIs(text, b, c, /^\s$/)) end = c.end;
      out.push({ start: a.start, end, type: 'NAME', score: 0.9 });
      used.add(i).add(i + 1);
    }
  }

  // 2. Capitalised runs.
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue;
    const t = tokens[i]!;
    if (!t.cap || kinds[i] === 'never' || t.text.length === 1 || (t.allCaps && t.text.length <= 4)) continue;
    let j = i;
    while (j + 1 < tokens.length) {
      const n = tokens[j + 1]!;
      const gap = text.slice(tokens[j]!.end, n.start);
      if (!/^\s$|^\s?-\s?$/.test(gap) || tokens[j]!.text.endsWith("'s")) break;
      const isInitial = /^[A-Z]\.$/.test(n.text) || (n.text.length === 1 && /^[A-Z]$/.test(n.text) && tokens[j + 2]?.cap && text[n.end] === ' ');
      const isParticle = PARTICLES.has(n.lower) && tokens[j + 2]?.cap;
      if (isInitial || isParticle || (n.cap && kinds[j + 1] !== 'never' && n.text.length > 1 && !(n.allCaps && n.text.length <= 4))) j++;
      else break;
    }
    const run = tokens.slice(i, j + 1);
    const runKinds = kinds.slice(i, j + 1);
    const realWords = run.filter((r) => r.text.replace(/\.$/, '').length > 1);
    const prevTok = tokens[i - 1];
    // A leading initial belongs to the name: "J. Smith", not "Smith".
    const start = prevTok && /^[A-Z]\.$/.test(prevTok.text) && gapIs(text, prevTok, run[0]!, /^\s$/) ? prevTok.start : run[0]!.start;
    const end = run.at(-1)!.end;
    const after = text.slice(end);
    i = j;
    if (ORG_AFTER.test(after)) continue;
    // ALL-CAPS runs are call types and headings ("CRISIS COMPLAINT - GENERAL"); an upper-case
    // surname counts only in the "SURNAME, First" form handled above.
    if (realWords.every((r) => r.allCaps)) continue;
    if (prevTok && (prevTok.lower === 'the') && !cueBefore(i - run.length + 1)) continue;
    const cue = cueBefore(i - run.length + 1);
    const verbAfter = AFTER_VERBS.test(after);
    const known = runKinds.filter((k) => k === 'known').length;
    const words = realWords.length;
    const atStart = run[0]!.sentenceStart;
    const afterPlacePrep = prevTok ? PLACE_PREPOSITIONS.has(prevTok.lower) : false;
    let score = 0;
    if (cue) score = 0.9;
    else if (words >= 2 && known >= 1) score = 0.85;
    else if (words >= 2) score = atStart ? (verbAfter ? 0.6 : 0.4) : afterPlacePrep ? 0.45 : 0.6;
    else if (runKinds.includes('known')) {
      // A capitalised first word may just be an English word that is also a surname ("Reach the …").
      const plainWord = lex.common.has(t.lower) && !lex.first.has(t.lower);
      score = atStart ? (verbAfter ? 0.65 : plainWord ? 0.4 : 0.5) : afterPlacePrep ? 0.45 : 0.75;
    } else if (runKinds.includes('ambiguous')) score = verbAfter && !/^\s*['’]s\b/.test(after) ? 0.55 : 0.3;
    else score = !atStart && (SURNAME_SHAPE.test(t.lower) || verbAfter) && !afterPlacePrep ? 0.55 : 0.3;
    out.push({ start, end, type: 'NAME', score });
  }

  // 3. Lower-case names ("caller maria okafor"): lexicon names after a cue, or a first+last pair.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.cap || kinds[i] === 'never') continue;
    const isName = (k: number) => {
      const tk = tokens[k];
      return !!tk && !tk.cap && kinds[k] === 'known' && !lex.english.has(tk.lower) && (!lex.common.has(tk.lower) || lex.first.has(tk.lower));
    };
    let j = i;
    const cue = cueBefore(i) && isName(i);
    const pair = isName(i) && lex.first.has(t.lower) && isName(i + 1) && lex.last.has(tokens[i + 1]!.lower) && gapIs(text, t, tokens[i + 1]!, /^\s$/);
    if (!cue && !pair) continue;
    while (isName(j + 1) && gapIs(text, tokens[j]!, tokens[j + 1]!, /^\s$/)) j++;
    out.push({ start: t.start, end: tokens[j]!.end, type: 'NAME', score: cue ? 0.8 : 0.65 });
    i = j;
  }
  return out;
}
