/**
 * Pattern recognisers for the identifier guard: each returns candidates with a score in
 * [0, 1]. Context words raise or lower a score; the scanner keeps candidates >= THRESHOLD
 * and resolves overlaps. Everything here is plain regular expressions over the text, so
 * offsets are JavaScript string indices.
 */
import { address, plate, zip } from './places';
import { all, before, group, trimUrl, type Candidate, type Recogniser } from './recogniser';

export type { Candidate } from './recogniser';

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const MONTH_ANY = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)';
const ORDINAL_WORD =
  '(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth)';
const WEEKDAY = '(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\\.?,?\\s+)';

const email: Recogniser = (text) =>
  all(/(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/, text, (m) => ({
    start: m.index,
    end: m.index + m[0].length,
    type: 'EMAIL',
    score: 0.95,
  }));

const TLD = '(?:com|org|net|gov|edu|io|us|ca|co|me|ly|tv|info|biz|app|uk|de|social|site|online)';
const SOCIAL =
  /(?:facebook|fb|instagram|twitter|x|tiktok|snapchat|youtube|linkedin|reddit|onlyfans|venmo|cash\.app|discord|twitch|threads)\./i;

const url: Recogniser = (text) => [
  ...all(/\b(?:https?:\/\/|www\.)[^\s<>"'`]+/i, text, (m) => ({
    start: m.index,
    end: trimUrl(text, m.index, m.index + m[0].length),
    type: 'URL',
    score: 0.9,
  })),
  // Any host name with a path: "forum.example.test/t/12", "t.example/x7Q2", "social.example/@name".
  ...all(/(?<![\w@./-])(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}\/[^\s<>"'`]*[A-Za-z0-9_@~=/-]/, text, (m) =>
    /^[A-Za-z]\.[A-Za-z]\.\//.test(m[0])
      ? null
      : { start: m.index, end: trimUrl(text, m.index, m.index + m[0].length), type: 'URL', score: 0.8 },
  ),
  // Defanged: "hxxps://example[.]com/x", "example[.]com", "example dot com/x".
  ...all(
    /\bhxxps?:\/\/[^\s<>"'`]+|(?<![\w.-])(?:[A-Za-z0-9-]+(?:\[\.\]|\(\.\)|\[dot\]|\(dot\)| {1,3}dot {1,3})){1,6}[A-Za-z]{2,}\b(?:\/[^\s<>"'`]*)?/i,
    text,
    (m) =>
      /dot\s/i.test(m[0]) && !new RegExp(`dot\\s+${TLD}\\b`, 'i').test(m[0])
        ? null
        : { start: m.index, end: trimUrl(text, m.index, m.index + m[0].length), type: 'URL', score: 0.85 },
  ),
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
  ...all(/(?<![\w:])[0-9a-f]{0,4}(?:::?[0-9a-f]{1,4}){2,7}(?:::)?(?![\w:])/i, text, (m) =>
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
    /\b(?:ssn|social security|ss#|soc\.? sec)/.test(before(text, m.index, 30))
      ? { start: m.index, end: m.index + 9, type: 'SSN', score: 0.9 }
      : null,
  ),
];

const PHONE_CONTEXT =
  /\b(?:phone|cell|mobile|tel|telephone|call ?back|callback|number|contact|reach(?:ed)? at|text(?:ed)?|voicemail|fax)\b/;
const phone: Recogniser = (text) => [
  ...all(
    // "(555) 201-4433", "555.201.4433", "+1 555 201 4433"; after a bracketed area code the rest may run together: "(555)2014433".
    /(?<![\w+-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?\d{3}[\s.-]?|\d{3}[\s./-]\d{3}[\s.-])\d{4}(?:,?\s?(?:x|ext\.?|extension)\s?\d{1,5})?(?![\w-]|\.\d)/,
    text,
    (m) => ({ start: m.index, end: m.index + m[0].length, type: 'PHONE', score: 0.85 }),
  ),
  // A local number without its area code: "555-0149", "555.0132", "555 0190".
  ...all(/(?<![\w.+-]|\d[\s.-])\d{3}[\s.-]\d{4}(?![\w-]|[.,]\d|\s\d)/, text, (m) =>
    /^(?:19|20)\d-/.test(m[0])
      ? null
      : {
          start: m.index,
          end: m.index + m[0].length,
          type: 'PHONE',
          score: PHONE_CONTEXT.test(before(text, m.index, 30)) || /\b(?:at|call|is|on)\s*$/.test(before(text, m.index, 8)) ? 0.8 : 0.55,
        },
  ),
  ...all(/(?<![\w-])(?:\+?1)?\d{10}(?![\w-])/, text, (m) =>
    PHONE_CONTEXT.test(before(text, m.index, 30)) ? { start: m.index, end: m.index + m[0].length, type: 'PHONE', score: 0.8 } : null,
  ),
];

const DIGIT_WORD =
  '(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine|double\\s+(?:zero|oh|one|two|three|four|five|six|seven|eight|nine))';
/** A phone number spelled out: "five five five, zero one four two". */
const phoneWords: Recogniser = (text) =>
  all(new RegExp(`\\b${DIGIT_WORD}(?:[\\s,.-]+${DIGIT_WORD}){6,}\\b`, 'i'), text, (m) => {
    const n = m[0].split(/[\s,.-]+/).reduce((acc, w) => acc + (/double/i.test(w) ? 1 : 1), 0);
    return n >= 7 ? { start: m.index, end: m.index + m[0].length, type: 'PHONE', score: 0.8 } : null;
  });

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
    // 11-Feb-1931, 07JUL1930, 3 jul 34
    ...all(new RegExp(`(?<![\\w/.-])(\\d{1,2})[- ]?${MONTH_ANY}[- ]?(\\d{4}|\\d{2})(?![\\w/-]|\\.\\d)`, 'i'), text, (m) =>
      Number(m[1]) >= 1 && Number(m[1]) <= 31 ? { start: m.index, end: m.index + m[0].length, type: 'DATE', score: 0.85 } : null,
    ),
    // "Tuesday the 14th", "on the 3rd of"
    ...all(
      new RegExp(`\\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+the\\s+(\\d{1,2})(?:st|nd|rd|th)\\b(?:\\s+of\\s+${MONTH}\\b)?`, 'i'),
      text,
      (m) => (Number(m[1]) <= 31 ? { start: m.index, end: m.index + m[0].length, type: 'DATE', score: 0.8 } : null),
    ),
    // Dates in words: "June ninth", "the ninth of June", "March twenty-first".
    ...all(
      new RegExp(
        `\\b(?:${MONTH}\\s+(?:the\\s+)?${ORDINAL_WORD}|(?:the\\s+)?${ORDINAL_WORD}\\s+(?:day\\s+)?of\\s+${MONTH}\\b)(?:,?\\s+\\d{4})?`,
        'i',
      ),
      text,
      (m) => ({
        start: m.index,
        end: m.index + m[0].length,
        type: 'DATE',
        score: 0.75,
      }),
    ),
    // "Fri 12/6", "weds 5/14": a weekday before a month/day
    ...all(/\b(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day)?\.?,?\s+(\d{1,2})\/(\d{1,2})(?![\w/]|\.\d)/di, text, (m) => {
      const g = group(m, 1)!;
      return validMonthDay(Number(m[1]), Number(m[2])) ? { start: g[0], end: m.index + m[0].length, type: 'DATE', score: 0.75 } : null;
    }),
    // 04/11 23:52 (a month/day with a clock time, as in logs)
    ...all(/(?<![\w/.:-])(\d{1,2})\/(\d{1,2})(?=\s+(?:\d{1,2}:\d{2}|[012]\d[0-5]\d\b))/, text, (m) =>
      validMonthDay(Number(m[1]), Number(m[2])) ? { start: m.index, end: m.index + m[0].length, type: 'DATE', score: 0.7 } : null,
    ),
    // '1969 07 25': a year, month and day with spaces
    ...all(/(?<![\w.-])(1[89]\d\d|20\d\d) (\d{2}) (\d{2})(?![\w-]|\.\d| \d)/, text, (m) =>
      validMonthDay(Number(m[2]), Number(m[3])) ? { start: m.index, end: m.index + m[0].length, type: 'DATE', score: 0.6 } : null,
    ),
    // 1965-10-12, 2025-01-19T02:14
    ...all(
      /(?<![\w/.-])(1[89]\d\d|20\d\d)([-/.])(\d{1,2})\2(\d{1,2})(?![\w/-]|\.\d)|(?<![\w/.-])(?:1[89]\d\d|20\d\d)-\d{2}-\d{2}(?=T\d)/,
      text,
      (m) =>
        m[3] === undefined
          ? { start: m.index, end: m.index + m[0].length, type: 'DATE', score: 0.85 }
          : validMonthDay(Number(m[3]), Number(m[4]))
            ? { start: m.index, end: m.index + m[0].length, type: 'DATE', score: 0.85 }
            : null,
    ),
    // 3/14 (month/day without a year): day-level only with a date word before it; never 24/7.
    ...all(/(?<![\w/.:-])(\d{1,2})\/(\d{1,2})(?![\w/]|\.\d)/, text, (m) =>
      validMonthDay(Number(m[1]), Number(m[2]))
        ? {
            start: m.index,
            end: m.index + m[0].length,
            type: 'DATE',
            // "on 3/14" is a date; "(3/4)" or "1/2 of calls" is a fraction.
            score: dob(m.index)
              ? 0.85
              : /\b(?:on|since|dated?|until|till|from|by|of|before|after)\s*:?\s*$/.test(before(text, m.index, 14))
                ? 0.6
                : 0.4,
          }
        : null,
    ),
    // Tuesday, December 7, 2002 / June 17 / Jun. 17th
    ...all(
      new RegExp(`${WEEKDAY}?\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d|:)(?:,?\\s+(?:\\d{4}|'\\d{2})(?!\\d))?`, 'i'),
      text,
      (m) => {
        if (/^may\s/.test(m[0]) && !/\d{4}|st|nd|rd|th/.test(m[0])) return null; // 'she may 2x'
        const day = Number(m[1]);
        if (day < 1 || day > 31) return null;
        const hasYear = /\d{4}|'\d{2}$/.test(m[0].slice(m[0].indexOf(m[1]!) + m[1]!.length));
        // "May 5" could be the verb; a year or a capital M makes it a date.
        return { start: m.index, end: m.index + m[0].length, type: 'DATE', score: hasYear ? 0.9 : 0.7 };
      },
    ),
    // Spanish: "el 7 de octubre", "3 de mayo de 1931", "lunes 2 de junio".
    ...all(
      /\b(\d{1,2})\s+de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)\b(?:\s+(?:de|del)\s+\d{4}(?!\d))?/i,
      text,
      (m) => {
        const day = Number(m[1]);
        if (day < 1 || day > 31) return null;
        return { start: m.index, end: m.index + m[0].length, type: 'DATE', score: /\d{4}$/.test(m[0]) ? 0.9 : 0.75 };
      },
    ),
    // 22 Jul 1957 / the 3rd of March, 2001
    ...all(
      new RegExp(`${WEEKDAY}?\\b(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b\\.?(?:,?\\s+\\d{4}(?!\\d))?`, 'i'),
      text,
      (m) => {
        if (/\bmay$/.test(m[0]) && !/\d(?:st|nd|rd|th)|\bof\b/i.test(m[0])) return null; // '2 may'
        const day = Number(m[1]);
        if (day < 1 || day > 31) return null;
        return { start: m.index, end: trimUrl(text, m.index, m.index + m[0].length), type: 'DATE', score: /\d{4}$/.test(m[0]) ? 0.9 : 0.7 };
      },
    ),
  ];
};

const NUMBER_WORDS: Record<string, number> = {
  ninety: 90,
  'ninety-one': 91,
  'ninety-two': 92,
  'ninety-three': 93,
  'ninety-four': 94,
  'ninety-five': 95,
  'ninety-six': 96,
  'ninety-seven': 97,
  'ninety-eight': 98,
  'ninety-nine': 99,
  'one hundred': 100,
  'a hundred': 100,
};
const AGE_NUMBER = `(\\d{2,3}|ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:one|a) hundred(?:[- ](?:and[- ])?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)`;

function ageValue(raw: string): number {
  if (/^\d+$/.test(raw)) return Number(raw);
  const key = raw
    .toLowerCase()
    .replace(/ /g, '-')
    .replace(/^ninety-(.*)$/, 'ninety-$1');
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
    // Spanish: "tiene 94 años", "de 91 años", "edad: 96".
    // "años": the scanner reads text without accents; "hace 95 años", "los 100 años de" are durations.
    ...all(/\b(\d{2,3})\s+anos\b/d, text, (m) =>
      /\b(?:hace|los|las|durante|por|desde hace)\s*$/i.test(before(text, m.index, 14)) ? null : flag(m),
    ),
    ...all(/\bedad:?\s*(?:de\s+)?(\d{2,3})\b/di, text, flag),
    // "a man, 94, ...", "Opal Greer, 91, had …", "Marjorie Tisdale (93)", "DOB 09/22/1929 (95)": an age after a word.
    ...all(
      new RegExp(`(?<=[\\p{L}.)])\\s*(?:,\\s*|\\(\\s*)${AGE_NUMBER}(?:\\s*\\)|\\s*,|\\s+(?:was|is|who|had|has|lives|called)\\b)`, 'diu'),
      text,
      (m) =>
        /\b(?:hwy|highway|route|rte|i|sr|us|unit|units|car|medic|engine|ladder|station|room|rooms|ward|bed|floor|pages?|pp|no|nos|items?|calls|incidents)\W*$/i.test(
          before(text, m.index, 12),
        )
          ? null
          : flag(m),
    ),
    // "DOB 09/22/1929 (95)": an age in brackets after a date of birth
    ...all(/\d{4}\s*\((\d{2,3})\)/d, text, flag),
    // "dad is 93", "who is 91", "Mom's 93", "turned 99"
    ...all(
      new RegExp(
        `\\b(?:is|was|turned|turns|turning|now|'s|makes (?:him|her|them)|(?:her|him|them)sel(?:f|ves))\\s+${AGE_NUMBER}\\b(?!\\s*(?:%|percent|minutes?|mins?|seconds?|hours?|days?|times|calls|miles|mph|degrees|pounds|lbs|kg|mg|dollars|feet|ft|cents|out of|of\\b|[/:.]\\d))`,
        'di',
      ),
      text,
      flag,
    ),
    // Number words on their own: "ninety-one", "a hundred and one" (not "ninety minutes").
    ...all(
      /\b(ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:one|a) hundred(?:[- ](?:and[- ])?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)\b(?!\s*(?:%|percent|minutes?|seconds?|hours?|days?|weeks?|months?|times|calls|miles|dollars|pounds|feet|yards|people|officers|percent|more|or so|thousand|million))/di,
      text,
      flag,
    ),
  ];
};

const RECORD_CONTEXT =
  "(?:protection order|order|case review|doc|medicare|medicaid|mbi|policy|member|inmate|cr|case|report|incident|event|cad|go|rms|mrn|medical record|record|badge|booking|booking number|citation|docket|warrant|file|reference|ref|claim|account|member id|patient id|inmate|ticket|permit|license|licence|driver'?s license|dl|id|sid|fbi|arrest)";
const RECORD_VALUE = '([A-Z]{0,4}-?\\d[\\dA-Z]*(?:-[\\dA-Z]+)*(?: \\d{2,}(?![\\w-])){0,2})';
const COMMITTEE_CODE = /^\d{4}-\d{3}$/;

const record: Recogniser = (text) => {
  const out: Candidate[] = [];
  out.push(
    ...all(
      new RegExp(
        `\\b${RECORD_CONTEXT}[ \\t]{0,3}(?:(?:number|num\\.?|no\\.?|nbr|id)[ \\t]{0,3})?(?:[#:][ \\t]{0,3})?(?:(?:is|was)[ \\t]{1,3})?(?:#[ \\t]{0,2})?${RECORD_VALUE}(?![\\w-])`,
        'di',
      ),
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
  // Prefixed serials: "CPS-2024-11873", "BK-25-00412", "W-23-11804", "E-00991834", "R-55102", "#T-55120".
  out.push(
    ...all(/(?<![\w-])#?\s?([A-Z]{1,5}-(?:(?:19|20)\d{2}|\d{2})-\d{3,}|[A-Z]{1,4}-\d{5,}|#\s?[A-Z]{1,3}-?\d{4,})(?![\w-])/d, text, (m) => {
      const g = group(m, 1)!;
      const value = m[1]!.replace(/^#\s?/, '');
      if (/^(?:ICD|DSM|COVID|SR|I|US|HWY|RCW|WAC|ORS|CFR|USC|PL|HB|SB)-/.test(value)) return null;
      const start = m[1]!.startsWith('#') ? g[0] + m[1]!.length - value.length : g[0];
      return { start, end: g[1], type: 'RECORD', score: 0.75 };
    }),
  );
  // Long letter-and-digit identifiers: "HV2208814", "200034417WA", "1EG4-TE5-MK72".
  out.push(
    ...all(/(?<![\w-])(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])(?:[A-Z0-9]{8,}|[A-Z0-9]{3,5}(?:-[A-Z0-9]{3,5}){2,})(?![\w-])/, text, (m) =>
      (m[0].match(/\d/g)?.length ?? 0) >= 4 ? { start: m.index, end: m.index + m[0].length, type: 'RECORD', score: 0.6 } : null,
    ),
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

export const PATTERN_RECOGNISERS: Recogniser[] = [email, url, ip, ssn, phone, phoneWords, date, age90, record, plate, zip, address];
