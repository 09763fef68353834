/**
 * Normalise text before matching, report on the original: identifiers written with invisible
 * format characters, unusual spaces, digits of other scripts, full-width forms or combining
 * marks are matched as if typed plainly, and each finding maps back to exact offsets in the
 * text as typed, so a redaction removes the disguise too.
 *
 * Per code point: format characters (Unicode Cf: zero-width space and joiners, soft hyphen,
 * word joiner, BOM, bidi controls) are dropped; any space separator becomes ' ', line and
 * paragraph separators '\n'; decimal digits of any script (\p{Nd}) become ASCII digits; the
 * rest goes through NFKD (full-width and other compatibility forms) with combining marks
 * removed (accents are folded for matching: "Núñez" is matched as "Nunez"); hyphen-like
 * dashes become '-', curly apostrophes "'".
 */

export interface Normalized {
  /** The text the recognisers read. */
  text: string;
  /** Map a span of `text` back to the original: [start, end) in the string as typed. */
  toOriginal(start: number, end: number): [number, number];
}

const PLAIN = /^[\t\n\r\x20-\x7e]*$/;
const FORMAT = /\p{Cf}/u;
const SPACE = /\p{Zs}/u;
const DIGIT = /\p{Nd}/u;
const MARK = /\p{M}/gu;
const DASHES = /[\u2010\u2011\u2012\u2013\u2212\uFE63\uFF0D]/g;

/** The value of a decimal digit of any script: digits come in runs of ten starting at zero. */
function digitValue(cp: number): number {
  let below = 0;
  // No cap: the mathematical digits (U+1D7CE–1D7FF) are five runs of ten in a row.
  while (DIGIT.test(String.fromCodePoint(cp - below - 1))) below++;
  return below % 10;
}

function fold(ch: string, cp: number): string {
  if (cp < 0x80) return ch;
  if (FORMAT.test(ch)) return '';
  if (ch === '\u2028' || ch === '\u2029') return '\n';
  if (SPACE.test(ch)) return ' ';
  if (DIGIT.test(ch)) return String(digitValue(cp));
  if (ch === '\u2018' || ch === '\u2019' || ch === '\u02BC' || ch === '\uFF07') return "'";
  if (ch === '\u201C' || ch === '\u201D') return '"';
  const out = ch.normalize('NFKD').replace(MARK, '').replace(DASHES, '-');
  // NFKD turns some symbols into spaces plus a mark (e.g. a spacing acute): keep them as typed.
  return out === '' && /\p{M}/u.test(ch) ? '' : out || ch;
}

export function normalizeForScan(input: string): Normalized {
  if (PLAIN.test(input)) return { text: input, toOriginal: (s, e) => [s, e] };
  const parts: string[] = [];
  // For each normalised UTF-16 unit: where its source character starts and ends in the input.
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  for (const ch of input) {
    const cp = ch.codePointAt(0)!;
    const next = i + ch.length;
    const out = fold(ch, cp);
    if (out.length === 0 && starts.length > 0) {
      // A dropped character belongs to the one before it (so a disguised span covers it).
      ends[ends.length - 1] = next;
    }
    for (let k = 0; k < out.length; k++) {
      starts.push(i);
      ends.push(next);
    }
    parts.push(out);
    i = next;
  }
  const text = parts.join('');
  return {
    text,
    toOriginal(s, e) {
      if (text.length === 0) return [0, input.length];
      const start = s < starts.length ? starts[s]! : input.length;
      const end = e > 0 ? ends[Math.min(e, ends.length) - 1]! : start;
      return [start, Math.max(start, end)];
    },
  };
}
