/**
 * Pattern recognisers for the identifier guard: each returns candidates with a score in
 * [0, 1]. Context words raise or lower a score; the scanner keeps candidates >= THRESHOLD
 * and resolves overlaps. Everything here is plain regular expressions over the text, so
 * offsets are JavaScript string indices.
 */
import type { IdentifierKind } from '../../../shared/deid/kinds';

export interface Candidate {
  start: number;
  end: number;
  type: IdentifierKind;
  score: number;
}

type Recogniser = (text: string) => Candidate[];

function all(re: RegExp, text: string, fn: (m: RegExpExecArray) => Candidate | Candidate[] | null): Candidate[] {
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
function group(m: RegExpExecArray, n: number): [number, number] | null {
  const idx = m.indices?.[n];
  return idx ? [idx[0], idx[1]] : null;
}

/** The `chars` characters before `index`, lower-cased, for context checks. */
function before(text: string, index: number, chars = 40): string {
  return text.slice(Math.max(0, index - chars), index).toLowerCase();
}

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const WEEKDAY = '(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\\.?,?\\s+)';

const email: Recogniser = (text) =>
  all(/(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/, text, (m) => ({
    start: m.index,
    end: m.index + m[0].length,
    type: 'EMAIL',
    score: 0.95,
  }));

const TLD = '(?:com|org|net|gov|edu|io|us|ca|co|me|ly|tv|info|biz|app|uk|de|social|site|online)';
const SOCIAL = /(?:facebook|fb|instagram|twitter|x|tiktok|snapchat|youtube|linkedin|reddit|onlyfans|venmo|cash\.app|discord|twitch|threads)\./i;

function trimUrl(text: string, start: number, end: number): number {
  while (end > start && /[.,;:!?)\]'"]/.test(text[end - 1]!)) end--;
  return end;
}

const url: Recogniser = (text) => [
  ...all(/\b(?:https?:\/\/|www\.)[^\s<>"'`]+/i, text, (m) => ({
    start: m.index,
    end: trimUrl(text, m.index, m.index + m[0].length),
    type: 'URL',
    score: 0.9,
  })),
  ...all(new RegExp(`(?<![\\w@./-])(?:[A-Za-z0-9-]+\\.)+${TLD}(?:\\/[^\\s<>"'\`]*)?(?![\\w@])`, 'i'), text, (m) => {
    const hasPath = m[0].includes('/');
    const social = SOCIAL.test(m[0]);
    return {
      start: m.index,
      end: trimUrl(text, m.index, m.index + m[0].length),
      type: 'URL',
      // A bare agency domain ("988lifeline.org") is not about a person; a path or a social site is.
      score: hasPath || social ? 0.85 : 0.35,
    };
  }),
];

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const ip: Recogniser = (text) => [
  ...all(new RegExp(`(?<![\\d.])${OCTET}(?:\\.${OCTET}){3}(?!\\.?\\d)`), text, (m) => ({
    start: m.index,
    end: m.index + m[0].length,
    type: 'IP',
    score: 0.9,
  })),
  ...all(/(?<![\w:])(?:[0-9a-f]{1,4}:){2,7}(?::|[0-9a-f]{1,4})(?:[0-9a-f]{0,4}:?)*(?![\w:])/i, text, (m) =>
    // Require hex letters or '::' so a clock time like 10:30:15 is never an address.
    /::|[a-f]/i.test(m[0]) && m[0].split(':').length >= 4 ? { start: m.index, end: m.index + m[0].length, type: 'IP', score: 0.85 } : null,
  ),
];

const ssn: Recogniser = (text) => [
  ...all(/(?<![\w-])\d{3}([- ])\d{2}\1\d{4}(?![\w-]|\.\d)/, text, (m) => ({
    start: m.index,
    end: m.index + m[0].length,
    type: 'SSN',
    score: m[1] === '-' ? 0.9 : /ssn|social|security/.test(before(text, m.index)) ? 0.9 : 0.6,
  })),
  ...all(/(?<![\w-])\d{9}(?![\w-])/, text, (m) =>
    /\b(?:ssn|social security|ss#|soc\.? sec)/.test(before(text, m.index, 30)) ? { start: m.index, end: m.index + 9, type: 'SSN', score: 0.9 } : null,
  ),
];

const PHONE_CONTEXT = /\b(?:phone|cell|mobile|tel|telephone|call ?back|callback|number|contact|reach(?:ed)? at|text(?:ed)?|voicemail|fax)\b/;
const phone: Recogniser = (text) => [
  ...all(
    // "(555) 201-4433", "555.201.4433", "+1 555 201 4433"; after a bracketed area code the rest may run together: "(555)2014433".
    /(?<![\w+-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?\d{3}[\s.-]?|\d{3}[\s.-]\d{3}[\s.-])\d{4}(?:\s?(?:x|ext\.?)\s?\d{1,5})?(?![\w-]|\.\d)/,
    text,
    (m) => ({ start: m.index, end: m.index + m[0].length, type: 'PHONE', score: 0.85 }),
  ),
  ...all(/(?<![\w-])(?:\+?1)?\d{10}(?![\w-])/, text, (m) =>
    PHONE_CONTEXT.test(before(text, m.index, 30)) ? { start: m.index, end: m.index + m[0].length, type: 'PHONE', score: 0.8 } : null,
  ),
];

function validMonthDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

const date: Recogniser = (text) => {
  const dob = (i: number) => /\b(?:dob|d\.o\.b\.?|born|birth(?:day|date)?|date of birth)\W*$/.test(before(text, i, 20));
  return [
    // 12/25/1971, 06-06-2003, 12.11.58 (month/day or day/month; both orders are day-level).
    ...all(/(?<![\w/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/-]|\.\d)/, text, (m) => {
      const a = Number(m[1]);
      const b = Number(m[3]);
      return validMonthDay(a, b) || validMonthDay(b, a) ? { start: m.index, end: m.index + m[0].length, type: 'DATE', score: 0.85 } : null;
    }),
    // 1965-10-12
    ...all(/(?<![\w/.-])(1[89]\d\d|20\d\d)([-/.])(\d{1,2})\2(\d{1,2})(?![\w/-]|\.\d)/, text, (m) =>
      validMonthDay(Number(m[3]), Number(m[4])) ? { start: m.index, end: m.index + m[0].length, type: 'DATE', score: 0.85 } : null,
    ),
    // 3/14 (month/day without a year): day-level only with a date word before it; never 24/7.
    ...all(/(?<![\w/.:-])(\d{1,2})\/(\d{1,2})(?![\w/]|\.\d)/, text, (m) =>
      validMonthDay(Number(m[1]), Number(m[2]))
        ? {
            start: m.index,
            end: m.index + m[0].length,
            type: 'DATE',
            // "on 3/14" is a date; "(3/4)" or "1/2 of calls" is a fraction.
            score: dob(m.index) ? 0.85 : /\b(?:on|since|dated?|until|till|from|by|of|before|after)\s*:?\s*$/.test(before(text, m.index, 14)) ? 0.6 : 0.4,
          }
        : null,
    ),
    // Tuesday, December 7, 2002 / June 17 / Jun. 17th
    ...all(new RegExp(`${WEEKDAY}?\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d|:)(?:,?\\s+(?:\\d{4}|'\\d{2})(?!\\d))?`), text, (m) => {
      const day = Number(m[1]);
      if (day < 1 || day > 31) return null;
      const hasYear = /\d{4}|'\d{2}$/.test(m[0].slice(m[0].indexOf(m[1]!) + m[1]!.length));
      // "May 5" could be the verb; a year or a capital M makes it a date.
      return { start: m.index, end: m.index + m[0].length, type: 'DATE', score: hasYear ? 0.9 : 0.7 };
    }),
    // 22 Jul 1957 / the 3rd of March, 2001
    ...all(new RegExp(`${WEEKDAY}?\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b\\.?(?:,?\\s+\\d{4}(?!\\d))?`), text, (m) => {
      const day = Number(m[1]);
      if (day < 1 || day > 31) return null;
      return { start: m.index, end: trimUrl(text, m.index, m.index + m[0].length), type: 'DATE', score: /\d{4}$/.test(m[0]) ? 0.9 : 0.7 };
    }),
  ];
};

const NUMBER_WORDS: Record<string, number> = {
  ninety: 90, 'ninety-one': 91, 'ninety-two': 92, 'ninety-three': 93, 'ninety-four': 94, 'ninety-five': 95,
  'ninety-six': 96, 'ninety-seven': 97, 'ninety-eight': 98, 'ninety-nine': 99, 'one hundred': 100, 'a hundred': 100,
};
const AGE_NUMBER = `(\\d{2,3}|ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:one|a) hundred(?:[- ](?:and[- ])?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)`;

function ageValue(raw: string): number {
  if (/^\d+$/.test(raw)) return Number(raw);
  const key = raw.toLowerCase().replace(/ /g, '-').replace(/^ninety-(.*)$/, 'ninety-$1');
  if (NUMBER_WORDS[key] !== undefined) return NUMBER_WORDS[key]!;
  if (/hundred/i.test(raw)) return 100 + (/(one|two|three|four|five|six|seven|eight|nine|ten)$/i.test(raw) ? 1 : 0);
  return NUMBER_WORDS[raw.toLowerCase().replace('-', ' ')] ?? 0;
}

const age90: Recogniser = (text) => {
  const flag = (m: RegExpExecArray): Candidate | null => {
    const g = group(m, 1);
    if (!g) return null;
    const value = ageValue(m[1]!);
    return value >= 90 && value <= 125 ? { start: g[0], end: g[1], type: 'AGE90', score: 0.9 } : null;
  };
  return [
    ...all(new RegExp(`\\b${AGE_NUMBER}[- ]?(?:years?|yrs?|yo)[- ]?old\\b`, 'di'), text, flag),
    ...all(new RegExp(`\\b${AGE_NUMBER}\\s*(?:y\\/o|yo|y\\.o\\.|years of age|years? of age)`, 'di'), text, flag),
    ...all(new RegExp(`\\b(?:aged?|age of|age:)\\s*${AGE_NUMBER}\\b`, 'di'), text, flag),
    // "a man, 94, ..." or "(97)" right after a person word
    ...all(/\b(?:man|woman|male|female|person|resident|subject|patient|veteran|mother|father|grandmother|grandfather|widow|widower)\s*[,(]\s*(\d{2,3})\s*[,)]/di, text, flag),
  ];
};

const RECORD_CONTEXT =
  '(?:case|report|incident|event|cad|go|rms|mrn|medical record|record|badge|booking|booking number|citation|docket|warrant|file|reference|ref|claim|account|member id|patient id|inmate|ticket|permit|license|licence|driver\'?s license|dl|id|sid|fbi|arrest)';
const RECORD_VALUE = '([A-Z]{0,4}-?\\d[\\dA-Z]*(?:-[\\dA-Z]+)*)';
const COMMITTEE_CODE = /^\d{4}-\d{3}$/;

const record: Recogniser = (text) => {
  const out: Candidate[] = [];
  out.push(
    ...all(
      new RegExp(`\\b${RECORD_CONTEXT}\\s*(?:number|num\\.?|no\\.?|nbr|id)?\\s*(?:#|:|is|was)?\\s*#?\\s*${RECORD_VALUE}(?![\\w-])`, 'di'),
      text,
      (m) => {
        const g = group(m, 1);
        if (!g) return null;
        const value = m[1]!;
        const digits = value.replace(/\D/g, '').length;
        if (digits < 3 || COMMITTEE_CODE.test(value)) return null;
        // "Intercept 1", "Officer 2": too short to be a record number.
        return { start: g[0], end: g[1], type: 'RECORD', score: 0.9 };
      },
    ),
  );
  // "#5354" anywhere.
  out.push(
    ...all(/(?<![\w&])#\s?(\d{4,}(?:-\d+)?)\b/d, text, (m) => {
      const g = group(m, 1)!;
      return { start: g[0], end: g[1], type: 'RECORD', score: 0.75 };
    }),
  );
  // Long numbers that are not counts (no thousands separators) and year-prefixed serials.
  out.push(
    ...all(/(?<![\w,.$-])(?:\d{7,}|(?:19|20)\d{2}-\d{5,}|\d{2}-\d{6,})(?![\w,-]|\.\d)/, text, (m) => ({
      start: m.index,
      end: m.index + m[0].length,
      type: 'RECORD',
      score: 0.6,
    })),
  );
  return out;
};

const PLATE_SHAPE = /^(?=[A-Z0-9 -]*\d)(?=[A-Z0-9 -]*[A-Z])[A-Z0-9]{1,4}[- ]?[A-Z0-9]{2,5}$/;
const plate: Recogniser = (text) => [
  ...all(/\b(?:plates?|tag|tags|licen[cs]e plate|registration|reg\.?)\s*(?:number|no\.?|#|:|of|reading|read|was|is)?\s*(?:number|no\.?|#|:)?\s*([A-Z0-9]{1,4}[- ]?[A-Z0-9]{2,5})\b/di, text, (m) => {
    const g = group(m, 1)!;
    return PLATE_SHAPE.test(m[1]!) ? { start: g[0], end: g[1], type: 'PLATE', score: 0.9 } : null;
  }),
  // Common US shapes without context: ABC1234, 1ABC234, AB12345.
  ...all(/\b(?:[A-Z]{3}\d{4}|\d[A-Z]{3}\d{3}|[A-Z]{2}\d{5}|[A-Z]{3}-\d{4}|[A-Z]{3} \d{3,4})\b/, text, (m) => ({
    start: m.index,
    end: m.index + m[0].length,
    type: 'PLATE',
    score: /^(?:[A-Z]{3} \d{3,4})$/.test(m[0]) ? 0.45 : 0.7,
  })),
];

const STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY';
const STATE_NAMES =
  'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming';

const zip: Recogniser = (text) => [
  ...all(/\b(?:zip|zipcode|postal|post code)(?:\s*(?:code|of|:|#|area|is|was|as|listed|given|number|no\.?))*\s*(\d{5}(?:-\d{4})?)(?![\w-])/di, text, (m) => {
    const g = group(m, 1)!;
    return { start: g[0], end: g[1], type: 'ZIP', score: 0.9 };
  }),
  ...all(new RegExp(`\\b(?:${STATES}|${STATE_NAMES}),?\\s+(\\d{5}(?:-\\d{4})?)(?![\\w-])`, 'd'), text, (m) => {
    const g = group(m, 1)!;
    return { start: g[0], end: g[1], type: 'ZIP', score: 0.85 };
  }),
  // ZIP+4 is unmistakable.
  ...all(/(?<![\w-])\d{5}-\d{4}(?![\w-])/, text, (m) => ({ start: m.index, end: m.index + m[0].length, type: 'ZIP', score: 0.75 })),
];

const STRONG_SUFFIX =
  'Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Terrace|Ter|Terr|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Trail|Trl|Crescent|Cres|Expressway|Expy|Freeway|Fwy|Turnpike|Tpke';
const WEAK_SUFFIX = 'Square|Sq|Loop|Row|Alley|Aly|Pike|Plaza|Path|Walk|Run|Close|Grove|Heights|Hts|Point|Pt|Crossing|Xing|Commons|Green|Gardens|Route|Rte|Mews|Bend|Ridge|Hollow|Landing|Park|View|Hill|Knoll';
const DIRECTION = '(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\\.?';
const UNIT = '(?:,?\\s*(?:Apt\\.?|Apartment|Unit|Suite|Ste\\.?|Room|Rm\\.?|Floor|Fl\\.?|Bldg\\.?|Building|Lot|Space|Trailer|#)\\s*#?\\s*[A-Za-z0-9][A-Za-z0-9-]*)';

const address: Recogniser = (text) => {
  const capWord = "(?:[A-Z][A-Za-z'.-]*|\\d{1,3}(?:st|nd|rd|th))";
  const lowWord = "(?:[a-z][a-z'.-]*|\\d{1,3}(?:st|nd|rd|th))";
  const make = (words: string, suffix: string, flags: string) =>
    new RegExp(`(?<![\\w-])\\d{1,6}[A-Za-z]?(?:-\\d{1,4})?\\s+(?:${DIRECTION}\\s+)?(?:${words}\\s+){1,3}(?:${suffix})\\b\\.?(?:\\s+${DIRECTION}(?![\\w]))?${UNIT}?`, flags);
  const score = (m: RegExpExecArray): Candidate => ({
    start: m.index,
    // A trailing period stays in the text: after redaction "[ADDRESS]." still ends the sentence.
    end: m.index + m[0].replace(/\.$/, '').length,
    type: 'ADDRESS',
    score: 0.85,
  });
  return [
    ...all(make(capWord, `${STRONG_SUFFIX}|${WEAK_SUFFIX}`, ''), text, score),
    // all lower case ("14219 main st apt 6d") only with an unmistakable suffix
    ...all(make(lowWord, STRONG_SUFFIX.toLowerCase(), 'i'), text, (m) => (/[A-Z]/.test(m[0]) ? null : score(m))),
    ...all(/\bP\.?\s?O\.?\s+Box\s+\d+\b/i, text, (m) => ({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS', score: 0.85 })),
  ];
};

export const PATTERN_RECOGNISERS: Recogniser[] = [email, url, ip, ssn, phone, date, age90, record, plate, zip, address];
