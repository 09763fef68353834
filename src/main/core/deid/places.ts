/** Pattern recognisers for vehicles and places: licence plates, ZIP codes and street addresses. */
import { nameLexicon } from './lexicon';
import { all, before, group, trimUrl, type Candidate, type Recogniser } from './recogniser';

const PLATE_SHAPE = /^(?=[A-Z0-9 -]*\d)(?=[A-Z0-9 -]*[A-Z])[A-Z0-9]{1,4}[- ]?[A-Z0-9]{2,5}$/i;
/** After a plate word the plate may be a little longer: Montana's county prefix "4-88211A". */
const CUED_PLATE_SHAPE = /^(?=[A-Z0-9 -]*\d)(?=[A-Z0-9 -]*[A-Z])[A-Z0-9]{1,4}(?:-?[A-Z0-9]{2,6}|[ ]?[A-Z0-9]{2,5})$/i;
/** Letter groups that look like a plate's but are statutes, roads, units or labels. */
const NOT_PLATE =
  /^(?:HWY|RTE|RCW|WAC|ORS|USC|CFR|APT|STE|RMS|CAD|MRN|ICD|DSM|SSN|DOB|ZIP|AGE|LIC|VEH|UNK|EMS|MCT|DCR|CPS|APS|CIT|BLK|WHT|SR|US|CH|PO|BOX|RM|NO|AM|PM|HRS|MG|ML|FT|LBS|AND|THE|FOR|WAS|HAS|TAG|REG|CAR|UNIT|ROOM|BED|CELL|EXT|TEL|FAX|MIN|MAX|DAY|MON|TUE|WED|THU|FRI|SAT|SUN|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC|ENG|MED|BAT|SGT|DEP|OFC|LT|PCT|DIV|DIST|SEC|CTR)$/;
export const plate: Recogniser = (text) => [
  ...all(
    /\b(?:plates?|tag|tags|licen[cs]e plate|registration|reg\.?|lic\.?|veh\.?)[ \t]{0,3}(?:(?:number|no\.?|#|:|of|reading|read|was|is)[ \t]{0,3})?(?:(?:number|no\.?|#|:|is)[ \t]{0,3})?"?(?:(?:[A-Z]{2}|\([A-Z]{2}\))[ \t]{1,3})?(\d [A-Z]{3} \d{3}|[A-Z0-9]{1,4}(?:-?[A-Z0-9]{2,6}|[ ]?[A-Z0-9]{2,5}))\b/di,
    text,
    (m) => {
      const g = group(m, 1)!;
      return CUED_PLATE_SHAPE.test(m[1]!) ? { start: g[0], end: g[1], type: 'PLATE', score: 0.9 } : null;
    },
  ),
  // "the plate on the van was bxr 9921 or bxr 9927": a plate word, a few words, then the plate (any case), and a list after "or".
  ...all(
    /\b(?:plates?|tags?|lic)\b[^.\n]{0,25}?(?:\b(?:was|is|reads?|read|shows?|showed|of)|:)\s+"?([A-Za-z0-9]{1,4}[- ]?[A-Za-z0-9]{2,5})\b(?:\s+(?:or|and|\/)\s+([A-Za-z0-9]{1,4}[- ]?[A-Za-z0-9]{2,5})\b)?/di,
    text,
    (m) => {
      const out: Candidate[] = [];
      for (const n of [1, 2]) {
        const g = group(m, n);
        if (g && PLATE_SHAPE.test(m[n]!) && /\d/.test(m[n]!) && /[a-z]/i.test(m[n]!))
          out.push({ start: g[0], end: g[1], type: 'PLATE', score: 0.85 });
      }
      return out;
    },
  ),
  // Common US shapes without context: ABC1234, 1ABC234, AB12345, 4TR7720, C47219K, "BVZ 6604", "412 FXB".
  ...all(
    /\b(?:[A-Z]{3}\d{4}|\d[A-Z]{3}\d{3}|\d[A-Z]{2}\d{4}|[A-Z]\d{5}[A-Z]|[A-Z]{2}\d{5}|[A-Z]{3}-\d{4}|\d[A-Z]{3} \d{3}|\d [A-Z]{3} \d{3}|([A-Z]{2,3}) \d{3,5}(?! [A-Z]{3}\b)|\d{3} ([A-Z]{3}))\b/,
    text,
    (m) => {
      const letters = m[1] ?? m[2];
      if (letters && (NOT_PLATE.test(letters) || nameLexicon().dictionary.has(letters.toLowerCase()))) return null; // "988 PER", "CALL 2319"
      // "WA 98117" is a state and a ZIP.
      if (m[1] && new RegExp(`^(?:${STATES}) \\d{5}$`).test(m[0])) return null;
      // "BVZ 6604" in running text: a plate unless the letters are a known label.
      return {
        start: m.index,
        end: m.index + m[0].length,
        type: 'PLATE',
        score: letters ? (/\d{4}/.test(m[0]) || m[2] ? 0.6 : 0.45) : 0.7,
      };
    },
  ),
];

const STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY';
const STATE_NAMES =
  'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming';

export const zip: Recogniser = (text) => [
  ...all(
    /\b(?:zip|zipcode|postal|post code)(?:\s*(?:code|of|:|#|area|is|was|as|listed|given|number|no\.?))*\s*(\d{5}(?:-\d{4})?)(?![\w-])/di,
    text,
    (m) => {
      const g = group(m, 1)!;
      return { start: g[0], end: g[1], type: 'ZIP', score: 0.9 };
    },
  ),
  ...all(new RegExp(`\\b(?:${STATES}|${STATE_NAMES}),?\\s+(\\d{5}(?:-\\d{4})?)(?![\\w-])`, 'd'), text, (m) => {
    const g = group(m, 1)!;
    return { start: g[0], end: g[1], type: 'ZIP', score: 0.85 };
  }),
  // A ZIP after a place name or in a list of ZIPs: "Everett 98208", "lives in 61820", "98101, 98104 and 98122".
  ...all(
    /(?<![\w$#.,-])(\d{5})(?:-\d{4})?(?![\w-]|[.,]\d|\s*(?:%|percent|calls|people|persons|residents|incidents|rows|records|dollars|miles|feet|ft|lbs|mg|units|hours|times))/d,
    text,
    (m) => {
      const prev = before(text, m.index, 30);
      if (
        /(?:case|report|incident|event|cad|mrn|record|badge|booking|citation|docket|warrant|file|ref|claim|account|id|no|number|unit|room|session|visit|order|ticket|invoice|batch|item|#|\$)\W*$/.test(
          prev,
        )
      )
        return null;
      // Another five-digit number close by: a list of ZIPs ("98101 (41 calls), 98104 (37)").
      const list =
        /(?<![\w$#.,-])\d{5}(?![\w-])/.test(prev.slice(-25)) ||
        /(?<![\w$#.,-])\d{5}(?![\w-])/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 25));
      // After a word (a city in any case, a street type, "in"): not after a count word or a label.
      const placeBefore =
        /(?:^|[^\w])(?:in|near|from|to|of|at|zip|area)\s*$/.test(prev) ||
        // Right after an address's unit: "1412 e marion st apt 5 98122".
        /\b(?:apt|apartment|unit|ste|suite|trlr|lot|rm)\.?\s*#?\s*[a-z0-9-]{1,5},?\s+$/.test(prev) ||
        (/[A-Za-z]{2,}\.?,?\s+$/.test(prev) &&
          !/\b(?:about|approximately|approx|over|under|than|total|were|was|is|are|had|has|of|some|nearly|almost|only|just|with|for|by|and|or|the|a|an|to|code|pin|ext|extension|x)\s+$/.test(
            prev,
          ));
      return placeBefore || list ? { start: m.index, end: m.index + m[0].length, type: 'ZIP', score: 0.6 } : null;
    },
  ),
  // ZIP+4 is unmistakable.
  ...all(/(?<![\w-])\d{5}-\d{4}(?![\w-])/, text, (m) => ({ start: m.index, end: m.index + m[0].length, type: 'ZIP', score: 0.75 })),
];

const STRONG_SUFFIX =
  'Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Terrace|Ter|Terr|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Trail|Trl|Crescent|Cres|Expressway|Expy|Freeway|Fwy|Turnpike|Tpke';
const WEAK_SUFFIX =
  'Square|Sq|Loop|Row|Alley|Aly|Pike|Plaza|Path|Walk|Run|Close|Grove|Heights|Hts|Point|Pt|Crossing|Xing|Commons|Green|Gardens|Route|Rte|Mews|Bend|Ridge|Hollow|Landing|Park|View|Hill|Knoll';
const DIRECTION = '(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\\.?';
const UNIT =
  '(?:,?\\s*(?:Apt\\.?|APT\\.?|apt\\.?|Apartment|Unit|UNIT|unit|Suite|Ste\\.?|STE|Room|Rm\\.?|Floor|Fl\\.?|Bldg\\.?|Building|Lot|Space|Sp\\.?|Trailer|Trlr\\.?|TRLR|#)\\s*#?\\s*[A-Za-z0-9][A-Za-z0-9-]*)';

const STREET_END = `(?:${DIRECTION}\\s+)?(?:\\d{1,3}(?:st|nd|rd|th|ST|ND|RD|TH)|[A-Z][A-Za-z'-]+(?:\\s+[A-Z][A-Za-z'-]+){0,2}(?:\\s+(?:Jr|JR)\\.?)?)(?:\\s+(?:${STRONG_SUFFIX}|${WEAK_SUFFIX}|${STRONG_SUFFIX.toUpperCase()})\\b\\.?)?(?:\\s+${DIRECTION}(?![\\w]))?`;

/** Words that join or lead into a place: never a street's name, never right after a house number. */
const JOINING = 'at|on|near|in|by|to|and|of|from|for|with';
/** The case-insensitive test for one of them (a lookahead inside a case-sensitive pattern). */
const NOT_STREET_CI = `${JOINING}|the`
  .split('|')
  .map((w) => [...w].map((c) => `[${c}${c.toUpperCase()}]`).join(''))
  .join('|');
/**
 * A street that ends in a road word: "22ND AVE S", "S Lander St" (its words are no prepositions).
 * Only road words: "Mental Health Court and Drug Court", "FOOD DRIVE AND TOY DRIVE" are no streets.
 */
const STREET_WORD = `(?!(?:${NOT_STREET_CI})\\b)[A-Z][A-Za-z'-]+`;
const ROAD = 'Street|St|Avenue|Ave|Av|Boulevard|Blvd|Road|Rd|Highway|Hwy|Parkway|Pkwy';
const SUFFIXED_END = `(?:${DIRECTION}\\s+)?(?:\\d{1,3}(?:st|nd|rd|th|ST|ND|RD|TH)|${STREET_WORD}(?:\\s+${STREET_WORD}){0,2})\\s+(?:${ROAD}|${ROAD.toUpperCase()})\\b\\.?(?:\\s+${DIRECTION}(?![\\w]))?`;

export const address: Recogniser = (text) => {
  const capWord = "(?:[A-Z][A-Za-z'.-]*|\\d{1,3}(?:st|nd|rd|th|ST|ND|RD|TH))";
  const lowWord = "(?:[a-z][a-z'.-]*|\\d{1,3}(?:st|nd|rd|th))";
  const make = (words: string, suffix: string, flags: string) =>
    new RegExp(
      `(?<![\\w-])\\d{1,6}(?:[A-Za-z]|\\s?1[⁄/]2)?(?:-\\d{1,4})?\\s+(?:${DIRECTION}\\s+)?(?:${words}\\s+){1,4}(?:${suffix})\\b\\.?(?:\\s+${DIRECTION}(?![\\w]))?${UNIT}?`,
      flags,
    );
  // A house number is never followed by a preposition: "VEH BFX 3329 AT S 200TH ST" is a plate, then an intersection.
  const score = (m: RegExpExecArray): Candidate | null =>
    new RegExp(`^\\S+\\s+(?:${JOINING})\\s`, 'i').test(m[0])
      ? null
      : {
          start: m.index,
          // A trailing period stays in the text: after redaction "[ADDRESS]." still ends the sentence.
          end: m.index + m[0].replace(/\.$/, '').length,
          type: 'ADDRESS',
          score: 0.85,
        };
  return [
    ...all(make(capWord, `${STRONG_SUFFIX}|${WEAK_SUFFIX}`, ''), text, score),
    // ALL CAPS, as in CAD text: "1120 NW 85TH ST APT B"
    ...all(make(capWord, STRONG_SUFFIX.toUpperCase(), ''), text, score),
    // Intersections: "7th Ave and Olive Way", "Broadway and E Pine", "3rd and Main", "S 200TH ST AND INTERNATIONAL BLVD".
    ...all(
      new RegExp(
        `\\b(?:at|near|on|of|to|by|from|toward|towards|past|around|off|between|AT|NEAR|ON|OF|TO|Near|At|On|LOC:|LOCATION:|Location:|ADDR:?|en|EN|cerca\\s+de)\\s+(?:the\\s+)?(?:corner\\s+of\\s+|intersection\\s+of\\s+)?(${STREET_END}\\s+(?:and|AND|&|\\/|at|y|Y)\\s+${STREET_END})`,
        'd',
      ),
      text,
      (m) => {
        const g = group(m, 1)!;
        const side = m[1]!.split(/\s+(?:and|AND|&|\/|at|y|Y)\s+/);
        const streety = (x: string) =>
          new RegExp(
            `\\d(?:st|nd|rd|th)\\b|\\b(?:${STRONG_SUFFIX}|${WEAK_SUFFIX})\\.?(?:\\s+${DIRECTION})?$|^${DIRECTION}\\s|^(?:Broadway|MLK|Main)\\b`,
            'i',
          ).test(x);
        return side.length === 2 &&
          (streety(side[0]!) || streety(side[1]!)) &&
          side.some((x) => /\d|\b(?:St|Ave|Rd|Blvd|Way|Dr|ST|AVE|RD|BLVD|WAY|DR|Broadway|Main)\b|^[NSEW]\s/.test(x))
          ? { start: g[0], end: trimUrl(text, g[0], g[1]), type: 'ADDRESS', score: 0.75 }
          : null;
      },
    ),
    // With nothing before it, both sides carry a street word: "LAST KNOWN 22ND AVE S AND S JACKSON ST".
    ...all(new RegExp(`(?<![\\w-])(?!The\\b|THE\\b)${SUFFIXED_END}\\s+(?:and|AND|&|y|Y)\\s+${SUFFIXED_END}`), text, (m) => ({
      start: m.index,
      end: trimUrl(text, m.index, m.index + m[0].length),
      type: 'ADDRESS',
      score: 0.75,
    })),
    // Lower case, a street word on both sides: "dexter ave n and n 9th st".
    ...all(
      /\b((?:[nsew]\s+)?(?:\d{1,3}(?:st|nd|rd|th)|[a-z]{3,})\s+(?:st|street|ave|avenue|rd|road|blvd)\b(?:\s+[nsew]\b)?\s+(?:and|&|y)\s+(?:[nsew]\s+)?(?:\d{1,3}(?:st|nd|rd|th)|[a-z]{3,})\s+(?:st|street|ave|avenue|rd|road|blvd)\b(?:\s+[nsew]\b)?)/d,
      text,
      (m) => {
        const g = group(m, 1)!;
        // A direction or a numbered street on one side: "the street and the road" is prose.
        if (!/\b[nsew]\b|\d/.test(m[1]!) || /^(?:the|this|that|each|same|other|any|one)\s/.test(m[1]!)) return null;
        return { start: g[0], end: g[1], type: 'ADDRESS', score: 0.7 };
      },
    ),
    // all lower case ("14219 main st apt 6d") only with an unmistakable suffix
    ...all(make(lowWord, STRONG_SUFFIX.toLowerCase(), 'i'), text, (m) => (/[A-Z]/.test(m[0]) ? null : score(m))),
    // A grid address: "2290 E 1700 S".
    ...all(/(?<![\w-])\d{1,5}\s+[NSEW]\.?\s+\d{2,5}\s+[NSEW]\b\.?/, text, (m) => ({
      start: m.index,
      end: m.index + m[0].replace(/\.$/, '').length,
      type: 'ADDRESS',
      score: 0.8,
    })),
    // Lower case with an ordinal: "4th and central", "on 3rd & pine".
    ...all(
      /\b(?:at|near|on|of|to|by|toward|towards|past|around)\s+(?:the\s+)?(\d{1,3}(?:st|nd|rd|th)\s+(?:and|&|n|\/)\s+[a-z]{3,}|[a-z]{3,}\s+(?:and|&|\/)\s+\d{1,3}(?:st|nd|rd|th))\b/d,
      text,
      (m) => {
        const g = group(m, 1)!;
        return { start: g[0], end: g[1], type: 'ADDRESS', score: 0.7 };
      },
    ),
    // Street type first: "712 Calle Luna", "1409 Calle Ocho", "88 Rue Cler".
    ...all(
      /(?<![\w-])\d{1,6}\s+(?:Calle|Avenida|Av\.|Camino|Paseo|Rue|Via|Boulevard|Chemin|Rua)\s+(?:(?:de|del|la|las|los|el|du|des)\s+)?[A-Z][A-Za-z'-]+(?:\s+[A-Z][A-Za-z'-]+)?\b/,
      text,
      (m) => ({
        start: m.index,
        end: m.index + m[0].length,
        type: 'ADDRESS',
        score: 0.8,
      }),
    ),
    ...all(/\bP\.?\s?O\.?\s+Box\s+\d+\b/i, text, (m) => ({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS', score: 0.85 })),
  ];
};
