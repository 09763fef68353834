/**
 * 7. Names that are also everyday words ("Sky", "Hope", "June", "Lily"): a person's name only
 * where the words around it say so, and then in any case, because chat and quick notes are
 * often typed in lower case:
 * - after a naming phrase or a name field: "my name is sky", "she goes by Will", "Preferred name: Sunny";
 * - as the answer to a question about a name: "whats ur name? them: lily";
 * - after a greeting, as the person addressed: "Hi June,", "thanks Hope!";
 * - opening a quote, as the person spoken to: "\"Bobby, put the knife down\"";
 * - signing a message: "thank u - rose", or introducing oneself: "hope here. i called before".
 * The word must be a first name in the lexicon (or a month that is also one) and end the
 * phrase, so "my name is not important" or "hi there" stay ordinary words.
 */
import type { NameScan } from './name-steps';

/** A naming phrase right before the word (lower-cased text). */
const NAMING =
  /\b(?:me\s+llamo|se\s+llama|name\s*:|name\s+is|name'?s|name\s+was|named|call\s+me|i\s+go\s+by|goes\s+by|went\s+by|known\s+as|introduced\s+(?:him|her|them)self\s+as)[ \t]*[:,]?[ \t]*$/;
/** A question about a name, then (after an optional speaker label) the answer. */
const ANSWER = /\bname\s*\?+[ \t]*(?:\n[ \t]*)?(?:[a-z]{1,12}[ \t]*:[ \t]*)?$/;
/** A greeting or thanks at the start of a line, sentence or turn. */
const GREETING = /(?:^|\n|[.!?:][ \t]+)(?:hi|hello|hey|dear|thanks|thank\s+you|thank\s+u|ty)[ \t]*,?[ \t]*$/;
/** The word ends the phrase: punctuation, the end of a line, or a chat filler. */
const ENDS = /^(?:[ \t]*(?:[,.;:!?)]|\r?\n|$)|[ \t]+(?:btw|here|too|lol|again)\b)/;
/** After a greeting the word is followed by a comma or "!" ("Hi June, thank you"), as people address someone. */
const ADDRESSED = /^[ \t]*[,!]/;
/** Opening a quotation: the word addressed ("\"Bobby, put …"), capitalised. */
const QUOTE_OPEN = /["“‘][ \t]*$/;
/** A message signed after thanks or regards and a dash (or on its own line). */
const SIGNED = /\b(?:thanks|thank\s+(?:you|u)|regards|cheers|love|best|sincerely)[ \t]*[,!.]?[ \t]*(?:[-–—~][ \t]*|\r?\n[ \t]*)$/;
const LINE_ENDS = /^[ \t]*[.!]?[ \t]*(?:\r?\n|$)/;
/** "hope here." at the start of a message: someone saying who is writing or calling. */
const HERE = /^[ \t]+here[ \t]*[.,!-]/;
/** Words of endearment after a greeting ("hey honey,"): nobody's name. */
const ENDEARMENTS = new Set([
  'honey',
  'buddy',
  'babe',
  'baby',
  'hun',
  'sweetie',
  'sweetheart',
  'love',
  'dear',
  'darling',
  'sugar',
  'angel',
]);
/** Months that are also first names; the lexicon keeps them out of names elsewhere. */
const MONTH_NAMES = new Set(['april', 'may', 'june', 'august']);

export function namedByCue(s: NameScan): void {
  const { text, lex, tokens, kinds, out, used } = s;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const w = t.lower.replace(/\.$/, '');
    if (used.has(i) || w.length < 3 || t.allCaps || lex.roles.has(w)) continue;
    if (!(MONTH_NAMES.has(w) || (lex.first.has(w) && kinds[i] !== 'never'))) continue;
    const before = text.slice(Math.max(0, t.start - 40), t.start).toLowerCase();
    const after = text.slice(t.end, t.end + 12);
    const named = (NAMING.test(before) || ANSWER.test(before)) && ENDS.test(after);
    const greeted = GREETING.test(before) && ADDRESSED.test(after) && !ENDEARMENTS.has(w);
    const spokenTo = t.cap && QUOTE_OPEN.test(before) && /^,[ \t]/.test(after);
    const signed = SIGNED.test(before) && LINE_ENDS.test(after);
    const here = t.sentenceStart && /(?:^|\n)[ \t]*$/.test(before) && HERE.test(after);
    if (named || greeted || spokenTo || signed || here) out.push({ start: t.start, end: t.end, type: 'NAME', score: 0.6 });
  }
}
