/** The NAME recogniser's later steps: names in lower case, case used as a disguise, ALL-CAPS text. */
import type { NameScan } from './name-steps';
import {
  CUE_PHRASES,
  CUES,
  LOWER_CUES,
  NUMBER_AFTER,
  PARTICLES,
  PHONE_AFTER,
  REPORTING_AFTER,
  SIGNATURE,
  gapIs,
  isWord,
} from './name-words';

/** 3. Lower-case names ("caller maria okafor", "her son tavita"): after a cue, or a first+last pair. */
export function lowerCaseNames(s: NameScan): void {
  const { text, lex, tokens, kinds, out, used, isDict, isNameWord, nameLike, cueBefore } = s;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.cap || kinds[i] === 'never' || used.has(i)) continue;
    const isName = (k: number) => {
      const tk = tokens[k];
      return (
        !!tk &&
        !tk.cap &&
        kinds[k] === 'known' &&
        !lex.english.has(tk.lower) &&
        (!lex.common.has(tk.lower) || lex.first.has(tk.lower)) &&
        !isWord(tk.lower, lex)
      );
    };
    const candidate = (kinds[i] === 'unknown' && t.text.length >= 3) || isNameWord(i);
    if (!candidate) continue;
    const rel = tokens[i - 1];
    const owner = tokens[i - 2];
    const relation =
      (rel &&
        CUES.has(rel.lower) &&
        gapIs(text, rel, t, /^[\s,:=]*$/) &&
        (!owner ||
          /^(?:her|his|my|their|our|your|the|a|client'?s|pt'?s|subj'?s|caller'?s)$/.test(owner.lower) ||
          rel.text.endsWith('.') ||
          /^(?:ofc|ofcr|officer|dr|mr|mrs|ms|fr|sgt|deputy|dep|rp|caller|subj|pt|client|named)$/.test(rel.lower))) ||
      LOWER_CUES.test(text.slice(Math.max(0, t.start - 12), t.start).toLowerCase()) ||
      (SIGNATURE.test(text.slice(Math.max(0, t.start - 4), t.start)) && /^\s*(?:$|\n)/.test(text.slice(t.end, t.end + 3))) ||
      CUE_PHRASES.test(text.slice(Math.max(0, t.start - 40), t.start).toLowerCase());
    const after = text.slice(t.end);
    // After a relation word an unknown word that is no English word is a name; a name that is also a word needs the phrase to end.
    const cueName =
      relation &&
      ((kinds[i] === 'unknown' &&
        !isDict(t) &&
        t.text.length >= 3 &&
        /^\s*(?:[,.;:)!?(#]|'s\b|$|\s\d+\s?y\/?o\b|\s(?:is|was|said|says|who|and|came|went|had|has|called|told|texted|still|again|at|from|lives|stays|would|will|can|did|does|got|wont|cant|didnt|isnt|doesnt|hasnt|won't|can't|didn't|isn't|doesn't|hasn't|never|always|just|keeps|needs|wants)\b)/.test(
          after,
        )) ||
        (isNameWord(i) &&
          lex.first.has(t.lower) &&
          !lex.frequent.has(t.lower) &&
          /^\s*(?:[,.;:)!?]|$|\s(?:is|was|said|says|who|and|came|had|has|called|told|btw|here|again|too|lol)\b)/.test(after)));
    let j = i;
    const speaker =
      !lex.roles.has(t.lower) && (kinds[i] === 'unknown' ? !isDict(t) && t.text.length >= 4 : isName(i)) && REPORTING_AFTER.test(after);
    const cue = (cueBefore(i) && isName(i)) || cueName || speaker;
    // A first+last pair: a known first name then a surname that is no English word ("yevgenia petrenko",
    // "marieke de vries", "callum o'rourke"), or an unknown word then a known surname.
    let p = i + 1;
    while (p < tokens.length && p - i <= 3 && PARTICLES.has(tokens[p]!.lower) && !tokens[p]!.cap) p++;
    const nextTok = tokens[p];
    const surnameOk =
      !!nextTok && !nextTok.cap && gapIs(text, tokens[p - 1]!, nextTok, /^[ \t]$/) && (isName(p) || (nameLike(p) && !isDict(nextTok)));
    const firstOk =
      (isName(i) && lex.first.has(t.lower)) ||
      (kinds[i] === 'unknown' && !isDict(t) && t.text.length >= 3 && !!nextTok && lex.last.has(nextTok.lower) && !isDict(nextTok)) ||
      // two words that are no English words: "yevgenia petrenko", "tahmina akter"
      ((kinds[i] === 'unknown' || isName(i)) &&
        !isDict(t) &&
        t.text.length >= 3 &&
        !!nextTok &&
        p === i + 1 &&
        !isDict(nextTok) &&
        nextTok.text.length >= 3 &&
        t.text.length + nextTok.text.length >= 7 &&
        !lex.roles.has(nextTok.lower));
    const pair = firstOk && surnameOk && gapIs(text, t, tokens[i + 1]!, /^[ \t]$/);
    if (!cue && !pair) continue;
    if (pair && !cue) {
      let q = p;
      while (
        q + 1 < tokens.length &&
        (PARTICLES.has(tokens[q + 1]!.lower) || nameLike(q + 1)) &&
        !tokens[q + 1]!.cap &&
        gapIs(text, tokens[q]!, tokens[q + 1]!, /^[ \t]$/) &&
        q - p < 3
      )
        q++;
      while (q > p && PARTICLES.has(tokens[q]!.lower)) q--;
      out.push({ start: t.start, end: tokens[q]!.end, type: 'NAME', score: 0.65 });
      i = q;
      continue;
    }
    // After a cue a surname may be a word too: "name is marcus bell".
    const surnameNext = (k: number) =>
      cue &&
      k === i + 1 &&
      !!tokens[k] &&
      !tokens[k]!.cap &&
      lex.first.has(t.lower) &&
      lex.last.has(tokens[k]!.lower) &&
      !lex.never.has(tokens[k]!.lower);
    while (
      (isName(j + 1) || (nameLike(j + 1) && !tokens[j + 1]!.cap && cue) || surnameNext(j + 1)) &&
      gapIs(text, tokens[j]!, tokens[j + 1]!, /^[ \t]$/)
    )
      j++;
    out.push({ start: t.start, end: tokens[j]!.end, type: 'NAME', score: cue ? 0.8 : 0.65 });
    i = j;
  }
}

/** 3b. Lower-case "last, first" at the start of a record line or after a cue: "kanahele, pua", "son ortiz-barrera, yesenia". */
export function lowerLastFirst(s: NameScan): void {
  const { text, lex, tokens, out, used, isDict, nameLike, cueBefore } = s;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    if (a.cap || b.cap || used.has(i) || !gapIs(text, a, b, /^, $/)) continue;
    if (!(lex.first.has(b.lower) && !isDict(b)) || !(nameLike(i) && !isDict(a))) continue;
    if (!(a.sentenceStart || cueBefore(i) || /:\s*$/.test(text.slice(Math.max(0, a.start - 3), a.start)))) continue;
    out.push({ start: a.start, end: b.end, type: 'NAME', score: 0.75 });
    i++;
  }
}

/** 3c. Case used as a disguise: "KaHaNaNuI", "sAnJeEv" (two or more lower-to-upper switches). */
export function caseDisguise(s: NameScan): void {
  const { lex, tokens, out } = s;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if ((t.text.match(/\p{Ll}\p{Lu}/gu)?.length ?? 0) >= 2 && !lex.dictionary.has(t.lower))
      out.push({ start: t.start, end: t.end, type: 'NAME', score: 0.65 });
  }
}

/** 4. ALL-CAPS text (CAD logs, bulletins): a run of name-like words with a known first name, or after a cue. */
/** A relation word right before a run ("SON", "HER DAUGHTER"). */
const KIN_BEFORE =
  /\b(?:son|daughter|brother|sister|mother|father|mom|dad|wife|husband|boyfriend|girlfriend|cousin|aunt|uncle|nephew|niece|grandson|granddaughter|grandmother|grandfather|stepson|stepdaughter)[ \t]+$/i;

export function allCapsRuns(s: NameScan): void {
  const { text, lex, tokens, kinds, out, used, nameLike, cueBefore } = s;
  const capsName = (k: number) =>
    !!tokens[k] &&
    tokens[k]!.allCaps &&
    !lex.vehicles.has(tokens[k]!.lower) &&
    (nameLike(k) ||
      ((lex.first.has(tokens[k]!.lower) || (lex.last.has(tokens[k]!.lower) && !isWord(tokens[k]!.lower, lex))) &&
        !lex.never.has(tokens[k]!.lower) &&
        tokens[k]!.text.length >= 3));
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i) || !tokens[i]!.allCaps) continue;
    const initial = tokens[i - 1] && /^[A-Z]\.$/.test(tokens[i - 1]!.text) && gapIs(text, tokens[i - 1]!, tokens[i]!, /^ $/) ? i - 1 : i;
    const cueHere = cueBefore(initial);
    const titled = cueHere && /(?:^|\s)(?:mr|mrs|ms|mx|dr)\.?\s*$/i.test(text.slice(Math.max(0, tokens[i]!.start - 5), tokens[i]!.start));
    if (!(nameLike(i) || (cueHere && capsName(i)) || (titled && kinds[i] !== 'never'))) continue;
    let j = i;
    const initialAt = (k: number) => !!tokens[k] && /^[A-Z]\.$/.test(tokens[k]!.text) && !!tokens[k + 1]?.allCaps;
    const cueWord = (k: number) =>
      cueHere &&
      /^\s*(?:mr|mrs|ms|mx|dr)\.?\s*$/i.test(text.slice(Math.max(0, tokens[i]!.start - 5), tokens[i]!.start)) &&
      tokens[k]!.allCaps &&
      kinds[k] !== 'never';
    while (
      j + 1 < tokens.length &&
      j - i < 4 &&
      (tokens[j + 1]!.allCaps || initialAt(j + 1)) &&
      gapIs(text, tokens[j]!, tokens[j + 1]!, /^[ \t]$|^-$/) &&
      (nameLike(j + 1) ||
        (cueHere && capsName(j + 1)) ||
        PARTICLES.has(tokens[j + 1]!.lower) ||
        initialAt(j + 1) ||
        cueWord(j + 1) ||
        // after a particle or with a cue, a surname that is also a word ("VAN DER BERG", "RP: MAMADOU SOW")
        ((PARTICLES.has(tokens[j]!.lower) || cueHere) && lex.last.has(tokens[j + 1]!.lower) && kinds[j + 1] !== 'never') ||
        // a short name part between two others ("PUALANI KE AKAKU")
        (tokens[j + 1]!.text.length === 2 && !!tokens[j + 2]?.allCaps && nameLike(j + 2) && kinds[j + 1] !== 'never'))
    )
      j++;
    while (j > i && (PARTICLES.has(tokens[j]!.lower) || initialAt(j))) j--;
    const run = tokens.slice(initial, j + 1);
    const firstKnown = run.some(
      (r) =>
        (lex.first.has(r.lower) || (r.lower.includes('-') && r.lower.split('-').every((p) => lex.first.has(p)))) &&
        !lex.dictionary.has(r.lower),
    );
    const lastKnown = run.some((r) => lex.last.has(r.lower) && !lex.dictionary.has(r.lower));
    const cue =
      cueHere ||
      /^\s*\((?:wife|husband|mother|father|son|daughter|brother|sister|sibling|mom|dad|rp|caller|subj|victim|friend|neighbor|neighbour|partner|gf|bf)\)/i.test(
        text.slice(run.at(-1)!.end),
      );
    let score = 0;
    if (run.length >= 2 && (firstKnown || lastKnown)) score = firstKnown ? 0.8 : 0.6;
    else if (cue && (firstKnown || lastKnown || run.length >= 2)) score = 0.8;
    else if (cue && run.some((r) => lex.first.has(r.lower) || (!isWord(r.lower, lex) && r.text.length >= 4))) score = 0.7;
    // "RCW 71.05", "MEDIC 7": a code or a unit before a number.
    // But after a relation word the number is an age: "SON TEVITA 19 BARRICADED".
    const kinAge =
      KIN_BEFORE.test(text.slice(Math.max(0, run[0]!.start - 14), run[0]!.start)) &&
      /^ \d{1,2}(?!\d|[.,:/-]\d)/.test(text.slice(run[0]!.end));
    if (run.length === 1 && NUMBER_AFTER.test(text.slice(run[0]!.end)) && !PHONE_AFTER.test(text.slice(run[0]!.end)) && !kinAge) score = 0;
    else if (run.length === 1 && firstKnown && REPORTING_AFTER.test(text.slice(run[0]!.end))) score = 0.6;
    if (score) out.push({ start: run[0]!.start, end: run.at(-1)!.end, type: 'NAME', score });
    i = j;
  }
}
