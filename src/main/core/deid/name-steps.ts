/**
 * The NAME recogniser's scan and its first steps ("SURNAME, First", capitalised runs); the
 * later steps are in name-lower.ts. Each step adds candidates to the scan's `out`; step 1
 * marks the tokens it used.
 */
import type { Candidate } from './recogniser';
import { nameLexicon, type NameLexicon } from './lexicon';
import {
  AFTER_VERBS,
  agedAfter,
  CALENDAR,
  CUE_PHRASES,
  CUES,
  LABEL_AFTER,
  NUMBER_AFTER,
  ORG_AFTER,
  ORG_END,
  PARTICLES,
  PHONE_AFTER,
  PLACE_BEFORE,
  PLACE_PREPOSITIONS,
  RELATION_AFTER,
  REPORTING_AFTER,
  ZIP_AFTER,
  classify,
  gapIs,
  isWord,
  tokenize,
  type Kind,
  type Token,
} from './name-words';

/** One text being scanned: its tokens and their kinds, the candidates so far, and the context tests. */
export interface NameScan {
  text: string;
  lex: NameLexicon;
  tokens: Token[];
  kinds: Kind[];
  out: Candidate[];
  /** Tokens step 1 took ("SURNAME, First"): later steps leave them alone. */
  used: Set<number>;
  isDict(t: Token): boolean;
  isNameWord(i: number): boolean;
  /** A token that may be part of a name when case says nothing (ALL CAPS, lower case). */
  nameLike(i: number): boolean;
  cueBefore(i: number): boolean;
}

export function nameScan(text: string): NameScan {
  const lex = nameLexicon();
  const tokens = tokenize(text);
  const kinds = tokens.map((t) => classify(t, lex));
  const out: Candidate[] = [];
  const used = new Set<number>();
  const isDict = (t: Token) => isWord(t.lower, lex) || lex.places.has(t.lower);
  const isNameWord = (i: number) => kinds[i] === 'known' || kinds[i] === 'ambiguous';
  /** A token that may be part of a name when case says nothing (ALL CAPS, lower case). */
  const nameLike = (i: number) => {
    const t = tokens[i];
    if (!t) return false;
    if (kinds[i] === 'never' || t.text.replace(/\.$/, '').length < 3 || lex.roles.has(t.lower) || lex.vehicles.has(t.lower)) return false;
    if (kinds[i] === 'known') return !lex.dictionary.has(t.lower) || (lex.first.has(t.lower) && !lex.common.has(t.lower));
    if (kinds[i] === 'ambiguous') return false;
    return !isDict(t) && t.text.replace(/['.-]/g, '').length >= 3;
  };

  const cueAt = (i: number): boolean => {
    if (i <= 0 || !tokens[i]) return false;
    const prev = tokens[i - 1];
    const addressDr =
      prev &&
      /^dr\.?$/.test(prev.lower) &&
      /\d+\s+(?:\S+\s+){1,3}Dr\.?\s*$/.test(text.slice(Math.max(0, prev.start - 40), tokens[i]!.start));
    const labelled = gapIs(text, prev ?? tokens[i]!, tokens[i]!, /:/);
    if (prev && labelled && isWord(tokens[i]!.lower, lex) && !lex.last.has(tokens[i]!.lower)) return false; // "counselor: Can you …"
    if (
      prev &&
      labelled &&
      tokens[i]!.sentenceStart &&
      /^(?:can|will|thank|thanks|is|are|do|did|how|what|where|when|why|who|yes|no|ok|okay|hi|hello|hey|sure|so|and|but|i)$/.test(
        tokens[i]!.lower,
      )
    )
      return false;
    if (
      prev &&
      !addressDr &&
      (CUES.has(prev.lower) || lex.roles.has(prev.lower.replace(/\.$/, ''))) &&
      gapIs(text, prev, tokens[i]!, /^[\s,:=]*$/)
    ) {
      // "the officer" is a role, "Officer Smith" names someone; a relation word names the next person.
      return true;
    }
    return CUE_PHRASES.test(text.slice(Math.max(0, tokens[i]!.start - 40), tokens[i]!.start).toLowerCase());
  };
  // "Subject N. Achterberg": the cue is before the initial (one or two initials, never a chain, so no recursion).
  const cueBefore = (i: number): boolean => {
    const prev = tokens[i - 1];
    if (prev && /^[A-Z]\.$/.test(prev.text) && i >= 2 && gapIs(text, prev, tokens[i]!, /^ $/)) {
      const before = tokens[i - 2]!;
      if (/^[A-Z]\.$/.test(before.text) && i >= 3 && gapIs(text, before, prev, /^ $/)) return cueAt(i - 2);
      return cueAt(i - 1);
    }
    return cueAt(i);
  };
  return { text, lex, tokens, kinds, out, used, isDict, isNameWord, nameLike, cueBefore };
}

/** 1. "SURNAME, First", "Last, First", "DE LA CRUZ, JUAN PABLO" (records, rosters, face sheets). */
export function surnameFirst(s: NameScan): void {
  const { text, lex, tokens, kinds, out, used, nameLike, cueBefore } = s;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (used.has(i) || !(tokens[i]!.cap || PARTICLES.has(tokens[i]!.lower))) continue;
    const commaAt = text.indexOf(',', tokens[i]!.end);
    if (commaAt < 0 || commaAt - tokens[i]!.end > 40) continue;
    // The surname: one to three name-like tokens (particles allowed) ending right before the comma.
    let k = i;
    while (
      k + 1 < tokens.length &&
      k - i < 3 &&
      gapIs(text, tokens[k]!, tokens[k + 1]!, /^ $/) &&
      (PARTICLES.has(tokens[k]!.lower) || tokens[k]!.cap)
    )
      k++;
    let comma = -1;
    for (let m = i; m <= k; m++) {
      if (m + 1 < tokens.length && gapIs(text, tokens[m]!, tokens[m + 1]!, /^,\s?$/)) {
        comma = m;
        break;
      }
    }
    if (comma < 0) continue;
    const surname = tokens.slice(i, comma + 1);
    if (!surname.every((t, n) => t.cap || (PARTICLES.has(t.lower) && n < surname.length - 1))) continue;
    if (surname.some((t) => lex.never.has(t.lower) || (lex.places.has(t.lower) && !lex.last.has(t.lower)))) continue;
    const prevTok = tokens[i - 1];
    if (prevTok && prevTok.cap && gapIs(text, prevTok, tokens[i]!, /^ $/) && !cueBefore(i) && !lex.roles.has(prevTok.lower)) continue;
    // The given names: one to three capitalised tokens.
    let j = comma + 1;
    const given: number[] = [];
    // Given names stop at an English word that is no first name: "PETRENKO, ANDRIY SENT GOODBYE".
    const givenWord = (k: number) => given.length > 0 && isWord(tokens[k]!.lower, lex) && !lex.first.has(tokens[k]!.lower);
    while (
      j < tokens.length &&
      given.length < 3 &&
      tokens[j]!.cap &&
      kinds[j] !== 'never' &&
      !lex.places.has(tokens[j]!.lower) &&
      !givenWord(j)
    ) {
      if (given.length && !gapIs(text, tokens[j - 1]!, tokens[j]!, /^ $/)) break;
      given.push(j);
      j++;
    }
    if (!given.length) continue;
    const surnameCaps = surname.filter((t) => !PARTICLES.has(t.lower)).every((t) => t.allCaps);
    // A given name that is an English word and no first name ("LIVES", "DECLINES") means this is no name.
    if (given.some((g) => isWord(tokens[g]!.lower, lex) && !lex.first.has(tokens[g]!.lower))) continue;
    const givenKnown =
      given.some((g) => (lex.first.has(tokens[g]!.lower) && !isWord(tokens[g]!.lower, lex)) || (tokens[g]!.allCaps && nameLike(g))) ||
      given.every((g) => lex.first.has(tokens[g]!.lower));
    const surnameKnown = surname.some((t, n) => lex.last.has(t.lower) || kinds[i + n] === 'known');
    const after = text.slice(tokens[given.at(-1)!]!.end);
    // "Seattle, Washington", "Smith, Jones and Lee" are lists or places: need a first name and a record-like end.
    const recordEnd = /^[ \t]{0,3}(?:$|[\n;(),.:/|]|-\s|(?:DOB|dob|age|was|is|who|had|has|\d))/.test(after) || /^[ \t]{0,3}\(/.test(after);
    const caseWord = surnameCaps && given.every((g) => tokens[g]!.allCaps);
    let score = 0;
    if (givenKnown && (surnameKnown || surname.some((_, n) => nameLike(i + n)))) score = recordEnd || caseWord || surnameCaps ? 0.85 : 0.55;
    else if (surnameCaps && surnameKnown && !tokens[given[0]!]!.allCaps) score = 0.85;
    if (score < 0.5) continue;
    let end = tokens[given.at(-1)!]!.end;
    const initial = tokens[j];
    if (
      initial &&
      initial.text.length <= 2 &&
      initial.cap &&
      gapIs(text, tokens[j - 1]!, initial, /^[ \t]$/) &&
      /^[A-Z]\.?$/.test(initial.text)
    )
      end = initial.end;
    out.push({ start: tokens[i]!.start, end, type: 'NAME', score });
    for (let m = i; m < j; m++) used.add(m);
    i = j - 1;
  }
}

/** 2. Capitalised runs. */
export function capitalisedRuns(s: NameScan): void {
  const { text, lex, tokens, kinds, out, used, cueBefore } = s;
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue;
    const t = tokens[i]!;
    if (!t.cap || kinds[i] === 'never' || t.text.length === 1) continue;
    if (t.allCaps) continue; // ALL-CAPS text is read in step 4
    if (/^\p{Lu}{2,5}-\p{Ll}/u.test(t.text)) continue; // "CIT-trained", "ED-based": an acronym compound
    let j = i;
    while (j + 1 < tokens.length) {
      const n = tokens[j + 1]!;
      const gap = text.slice(tokens[j]!.end, n.start);
      // A nickname in quotes between given name and surname: Leopold "Leo" Hartmann, GUSTAVO 'GUS' FERREIRA.
      if (/^ ["'“‘]$/.test(gap) && /^["'”’] $/.test(text.slice(n.end, tokens[j + 2]?.start ?? n.end)) && tokens[j + 2]?.cap && n.cap) {
        j += 2;
        continue;
      }
      if (!/^[ \t]$|^[ \t]?-[ \t]?$/.test(gap) || tokens[j]!.text.endsWith("'s")) break;
      const isInitial =
        /^[A-Z]\.$/.test(n.text) || (n.text.length === 1 && /^[A-Z]$/.test(n.text) && tokens[j + 2]?.cap && text[n.end] === ' ');
      let p = j + 1;
      while (
        p < tokens.length &&
        (PARTICLES.has(tokens[p]!.lower) || (tokens[p]!.lower === 't' && text[tokens[p]!.start - 1] === "'")) &&
        p - j <= 3
      )
        p++;
      const isParticle = p > j + 1 && tokens[p]?.cap && !tokens[p]!.allCaps && gapIs(text, tokens[p - 1]!, tokens[p]!, /^[ \t]$/);
      if (isParticle) {
        j = p;
        continue;
      }
      if (isInitial || (n.cap && !n.allCaps && kinds[j + 1] !== 'never' && n.text.length > 1)) j++;
      else break;
    }
    let run = tokens.slice(i, j + 1);
    let runKinds = kinds.slice(i, j + 1);
    let first = i;
    // A sentence-opening ordinary word is not part of the name: "No CIT-trained officer", "Per Dr. Okafor", "Unable to reach …".
    while (
      run.length > 1 &&
      run[0]!.sentenceStart &&
      lex.dictionary.has(run[0]!.lower) &&
      lex.frequent.has(run[0]!.lower) &&
      !lex.first.has(run[0]!.lower) &&
      !cueBefore(first) &&
      // "Park Ji-woo (23) called": a surname that is also a word, with an age after the name.
      !(lex.last.has(run[0]!.lower) && agedAfter(text.slice(tokens[j]!.end)))
    ) {
      run = run.slice(1);
      runKinds = runKinds.slice(1);
      first++;
      if (run[0]) run[0] = { ...run[0], sentenceStart: true };
    }
    // A capitalised particle opening a run is a given name ("Al Green", "Van Morrison").
    const realWords = run.filter((r, n) => r.text.replace(/\.$/, '').length > 1 && !(PARTICLES.has(r.lower) && !(n === 0 && r.cap)));
    let prevTok = tokens[first - 1];
    // A particle before the run belongs to it: "da Silva", "van der Merwe".
    let start = run[0]!.start;
    let q = first - 1;
    while (
      q >= 0 &&
      PARTICLES.has(tokens[q]!.lower) &&
      !tokens[q]!.cap &&
      gapIs(text, tokens[q]!, tokens[q + 1]!, /^[ \t]$/) &&
      q >= first - 3
    )
      q--;
    if (q < first - 1 && (lex.last.has(run[0]!.lower) || realWords.length >= 1)) {
      start = tokens[q + 1]!.start;
      prevTok = tokens[q];
    }
    // A leading initial belongs to the name: "J. Smith", not "Smith".
    if (
      prevTok &&
      /^[A-Z]\.$/.test(prevTok.text) &&
      gapIs(text, prevTok, run[0]!, /^[ \t]$/) &&
      text[prevTok.start - 1] !== '/' &&
      !(run[0]!.sentenceStart && isWord(run[0]!.lower, lex))
    ) {
      start = prevTok.start;
      prevTok = tokens[tokens.indexOf(prevTok) - 1];
    }
    i = j;
    const candidate = scoreRun(s, { run, runKinds, first, start, prevTok, realWords });
    if (candidate) out.push(candidate);
  }
}

/** A capitalised run as step 2 found it: its tokens from `first`, where it starts (with a particle or initial before it), and its real words. */
/** Words that end the name of a body (a council, a board), never a person's name. */
const BODY_END = /^(?:council|board|commission|committee|taskforce|borders|coalition|alliance|authority)$/;

interface Run {
  run: Token[];
  runKinds: Kind[];
  first: number;
  start: number;
  prevTok: Token | undefined;
  realWords: Token[];
}

/** Step 2's verdict on one run: a NAME candidate with its score, or null when the run is no name. */
function scoreRun(s: NameScan, r: Run): Candidate | null {
  const { text, lex, tokens, kinds, isDict, cueBefore } = s;
  const { run, runKinds, first, start, prevTok, realWords } = r;
  const end = run.at(-1)!.end;
  const after = text.slice(end);
  if (!realWords.length) return null;
  if ((ORG_AFTER.test(after) && !(cueBefore(first) && /^['’]s\s/.test(after))) || ZIP_AFTER.test(after)) return null;
  // The run ends in an organisation or place word: "Grace House", "Hope Street Clinic"; a body's
  // name even after a title ("Police Chief Advisory Council"); the last word of a Title Case name
  // ("Doctors Without Borders").
  const last = run.at(-1)!.lower;
  if (realWords.length >= 2 && ORG_END.test(last) && (!cueBefore(first) || BODY_END.test(last))) return null;
  if (realWords.length === 1 && BODY_END.test(last) && prevTok?.cap && !prevTok.sentenceStart && prevTok.end + 1 >= start) return null;
  // A speaker label at the start of a line ("Dariusz: ok on my way") is a name; "Texter:" and "Counselor:" are roles (never).
  const lineLabel =
    realWords.length === 1 &&
    LABEL_AFTER.test(after) &&
    /(?:^|\n)[ \t]*$/.test(text.slice(Math.max(0, start - 3), start)) &&
    !isDict(realWords[0]!);
  if (realWords.length === 1 && (NUMBER_AFTER.test(after) || (LABEL_AFTER.test(after) && !lineLabel)) && !cueBefore(first)) return null;
  const aged = agedAfter(after); // "Park Ji-woo (23) called 988"
  if (realWords.length >= 2 && PLACE_BEFORE.has(realWords[0]!.lower) && !cueBefore(first) && !aged) return null;
  // "Somali-speaking", "Hand-held", "Faith-based": a compound whose last part is a word.
  if (
    !aged &&
    realWords.some(
      (r) =>
        r.text.includes('-') &&
        isWord(r.lower.split('-').at(-1)!, lex) &&
        !lex.last.has(r.lower.split('-').at(-1)!) &&
        !lex.first.has(r.lower.split('-').at(-1)!),
    )
  )
    return null;
  // The lexicons are Latin-script: a word in another script needs a cue.
  if (realWords.some((r) => /[^\p{Script=Latin}'’.-]/u.test(r.text)) && !cueBefore(first)) return null;
  if (prevTok && (prevTok.lower === 'the' || prevTok.lower === 'a') && !cueBefore(first)) return null;
  if (prevTok && PLACE_BEFORE.has(prevTok.lower) && prevTok.cap && gapIs(text, prevTok, run[0]!, /^ $/)) return null;
  if (realWords.every((r) => lex.vehicles.has(r.lower))) return null;
  // "M. Fonoti", "R. Okonjo": an initial before a surname that is no English word ("N. Main St" is caught above).
  const initialled = start < run[0]!.start && /^[A-DF-MO-RT-VX-Z]\.\s/.test(text.slice(start, run[0]!.start)) && !isDict(run[0]!);
  const cue = cueBefore(first) || initialled || aged;
  const verbAfter = AFTER_VERBS.test(after);
  const reporting = REPORTING_AFTER.test(after);
  const known = runKinds.filter((k) => k === 'known').length;
  const words = realWords.length;
  const atStart = run[0]!.sentenceStart;
  const afterPlacePrep = prevTok ? PLACE_PREPOSITIONS.has(prevTok.lower) : false;
  const place = realWords.every((r) => lex.places.has(r.lower) && !lex.first.has(r.lower));
  const single = realWords[0]!;
  const plain = (r: Token) => isWord(r.lower, lex) && !lex.first.has(r.lower) && !lex.last.has(r.lower);
  let score = 0;
  if (cue) score = words === 1 && plain(single) ? 0.4 : 0.9;
  else if (RELATION_AFTER.test(after))
    score = 0.8; // "Mark (older brother)"
  else if (
    words === 1 &&
    lex.first.has(single.lower) &&
    !isWord(single.lower, lex) &&
    /^\s+(?:and|&)\s+\p{Lu}\p{Ll}+\s+\p{Lu}/u.test(after)
  )
    score = 0.6; // "Amadou and Fatoumata Diallo"
  else if (lineLabel) score = 0.6;
  else if (place) score = 0.3;
  else if (words >= 2 && known === 0 && atStart && realWords.every((r) => !isDict(r))) score = 0.55;
  else if (words >= 2 && realWords.every((r) => isDict(r) && !lex.first.has(r.lower)))
    score = 0.3; // "Valley Cities", "Awareness Month"
  else if (words === 1 && PHONE_AFTER.test(after) && (!isDict(single) || lex.first.has(single.lower)))
    score = 0.65; // "Kai 702-555-0166"
  else if (words >= 2 && known >= 1) score = 0.85;
  else if (words >= 2) score = atStart ? (verbAfter ? 0.6 : 0.4) : afterPlacePrep && !realWords.every((r) => !isDict(r)) ? 0.45 : 0.6;
  else if (runKinds.includes('known')) {
    // A capitalised first word may just be an English word that is also a surname ("Reach the …").
    const plainWord = lex.dictionary.has(single.lower) || (lex.common.has(single.lower) && !lex.first.has(single.lower));
    const frequent = lex.common.has(single.lower);
    score = atStart
      ? verbAfter && !plainWord
        ? 0.65
        : reporting
          ? 0.65
          : plainWord || frequent
            ? 0.4
            : 0.5
      : afterPlacePrep
        ? 0.45
        : plainWord
          ? 0.5
          : 0.75;
  } else if (runKinds.includes('ambiguous'))
    // A word-name capitalised mid-sentence ("persuaded Faith to", "with Summer for") is a name; months and weekdays are not.
    score =
      reporting ||
      (verbAfter && !/^\s*['’]s\b/.test(after) && !atStart) ||
      (!atStart && !afterPlacePrep && !CALENDAR.has(single.lower) && !lex.places.has(single.lower))
        ? 0.55
        : 0.3;
  else if (reporting && !lex.dictionary.has(single.lower)) score = 0.6;
  // "Ember said …": a capitalised word before a reporting verb is someone speaking, unless it is a frequent word ("Nobody said").
  // Not a frequent word, a plural ("Dispatchers asked", "Connections answered") or the tail of a name broken by a role word.
  else if (reporting)
    score =
      lex.frequent.has(single.lower) ||
      (/s$/.test(single.lower) && isWord(single.lower.replace(/e?s$/, ''), lex)) ||
      (prevTok?.cap && kinds[tokens.indexOf(prevTok)] === 'never' && gapIs(text, prevTok, single, /^ $/))
        ? 0.4
        : 0.6;
  else score = (!atStart || verbAfter) && !afterPlacePrep && !isDict(single) && !lex.places.has(single.lower) ? 0.55 : 0.3;
  return { start, end, type: 'NAME', score };
}
