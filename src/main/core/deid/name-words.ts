/**
 * The NAME recogniser's words: tokens, how the lexicon classifies them, and the context words
 * and patterns around a name.
 */
import type { NameLexicon } from './lexicon';

export interface Token {
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

export const TOKEN = /\p{L}(?:[\p{L}'’]*\p{L})?(?:-\p{L}(?:[\p{L}'’]*\p{L})?)*\.?/gu;

/** Words right before a name that say a person is being named. */
export const CUES = new Set(
  `mr mrs ms miss mx dr caller brother sister mother father mom mum dad son daughter wife husband partner boyfriend girlfriend
  fiance fiancee spouse neighbor neighbour friend cousin aunt uncle grandmother grandfather grandma grandpa grandson granddaughter
  nephew niece roommate landlord landlady guardian caregiver stepfather stepmother stepson stepdaughter named name called aka
  client patient tenant victim complainant reportee officer deputy sergeant sgt lieutenant lt detective det trooper corporal cpl
  captain capt nurse judge pastor reverend rev father sister coworker co-worker employer boss manager teacher
  contact respondent petitioner defendant plaintiff juvenile student mr. mrs. ms. dr. sgt. lt. det. cpl. capt. rev. ofc ofc. ofcr
  dep dep. tpr tpr. rp ro subj pt counselor counsellor clinician advocate navigator specialist chaplain therapist paramedic medic
  dispatcher supervisor coordinator social worker case manager elder auntie imam rabbi pastor chief officers deputies gf bf bro sis
  fr fr. ex stepdad stepmom sr sr. sra sra. srta srta. dra dra. dona senor senora senorita licenciado licenciada`
    .split(/\s+/)
    .filter(Boolean),
);
/** Multi-word cues, matched against the lower-cased text before the run. */
export const CUE_PHRASES =
  /(?:\b(?:name is|name was|named|known as|identified as|goes by|introduced (?:him|her|them)self as|a\.k\.a\.?|spoke (?:with|to)|asked for|reporting party|rp|subject|per|contact(?:ed)?|mother of|father of|parent of|son of|daughter of|wife of|husband of|sibling|this is|it'?s me|i am|call me|signed|regards|thanks|thank you|thank u|cheers|me llamo|se llama|mi nombre es|su nombre es|llamad[oa])\s*[:,]?\s*)$/;
/** A signature after a dash at the end of a message: "call me at 503 555 0113 - theresa". */
export const SIGNATURE = /(?:^|[\s.!?])[-–—~]\s*$/;
/** Only before a lower-case name: chat speakers ("them: lily") and "i'm dana". */
export const LOWER_CUES =
  /(?:\b(?:them|user|me|texter|visitor|caller|client)\s*:\s*|\b(?:i'?m|im|it'?s|w\/|saw|re:|cb|call back|callback|might be|may be|goes by|aka|a\.k\.a\.)\s+)$/;
/** Words after a name that say it was a person acting. */
export const AFTER_VERBS =
  /^[ \t]{0,3}(?:'s\b|’s\b|,?[ \t]{0,3}(?:who|said|says|stated|states|told|tells|reported|reports|called|calls|texted|explained|refused|agreed|asked|yelled|denied|admitted|became|was|is|had|has|left|returned|arrived|threatened|declined|accepted|lives|lived|stays|stayed)\b)/i;
/** A run directly followed by one of these is an organisation or a place, not a person. */
export const ORG_AFTER =
  /^\s*(?:'s\s+)?(?:county|city|police|department|dept|sheriff|sheriff's|hospital|medical|center|centre|clinic|health|behavioral|behavioural|services|university|college|school|church|street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|way|court|ct|park|lake|river|valley|heights|village|township|district|division|precinct|station|jail|prison|detention|house|shelter|program|programme|project|institute|foundation|alliance|coalition|network|association|authority|partners|group|line|lifeline|team|unit|office|bureau|agency|corporation|inc|llc|bridge|plaza|mall|market|airport|transit|library|memorial|general|regional|community|crisis|recovery|mental|family|youth|veterans?)\b/i;
/** Last words of an organisation's or a place's name (not surnames such as Park, Hill or Lane). */
export const ORG_END =
  /^(?:council|board|commission|committee|taskforce|borders|academy|lutheran|methodist|baptist|catholic|presbyterian|episcopal|nation|tribe|pueblo|garden|gardens|general|memorial|regional|medical|mission|ministry|plus|insurance|care|plan|house|clinic|center|centre|hospital|shelter|program|programme|services|street|avenue|road|church|school|college|university|institute|foundation|alliance|network|coalition|authority|department|office|agency|court|jail|station|project|home|homes|place|village|lodge|hall|club|ministries|collective|county|city|team|unit|line|partners|health)$/;
export const PARTICLES = new Set([
  'de',
  'del',
  'della',
  'da',
  'di',
  'dos',
  'das',
  'do',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'ten',
  'zu',
  'delos',
  'dela',
  'las',
  'los',
  'la',
  'le',
  'du',
  'bin',
  'ibn',
  'al',
  'el',
  'st.',
  'mac',
  'y',
]);
export const PLACE_PREPOSITIONS = new Set([
  'in',
  'at',
  'from',
  'near',
  'to',
  'toward',
  'towards',
  'into',
  'outside',
  'inside',
  'across',
  'through',
  'via',
  'on',
  'onto',
  'along',
  'off',
]);

/** "jOhN", "sMiTh": case used as a disguise (not "McKay", "DeShawn", "LaToya", "O'Neil"). */
export function mixedCase(raw: string): boolean {
  // Short mixed case is an abbreviation: "qHS", "pH", "IPv6", "mL".
  if (raw.replace(/[.'’-]/g, '').length <= 4) return false;
  return /\p{Ll}\p{Lu}/u.test(raw) && !/^(?:Mc|Mac|O'|D'|De|Di|Da|La|Le|Van|Von|Du)\p{Lu}\p{Ll}+$/u.test(raw.replace(/\.$/, ''));
}

let lastText: string | null = null;
let lastTokens: Token[] = [];

/** Tokens of a text; the last text's tokens are kept, since propagation reads the same text again. */
export function tokenize(text: string): Token[] {
  if (text === lastText) return lastTokens;
  lastTokens = tokenizeText(text);
  lastText = text;
  return lastTokens;
}

export function tokenizeText(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    let raw = m[0];
    const start = m.index;
    // Keep the period only for an initial ("J.") or a title ("Mr."); otherwise it ends a sentence.
    if (raw.endsWith('.') && !/^(?:[A-Z]|mr|mrs|ms|dr|mx|sgt|lt|det|cpl|capt|rev|st|jr|sr|sra|srta|dra|lic)\.$/i.test(raw))
      raw = raw.slice(0, -1);
    const end = start + raw.length;
    // Walk back over spaces, quotes and brackets (linear: never re-read the text before).
    let k = start - 1;
    let newline = false;
    while (k >= 0 && /[\s"'“‘([]/.test(text[k]!)) {
      if (text[k] === '\n') newline = true;
      k--;
    }
    // A list bullet at the start of a line ("- Law enforcement: 1") opens a sentence too.
    if (k >= 0 && /[-*•·]/.test(text[k]!)) {
      let b = k - 1;
      while (b >= 0 && (text[b] === ' ' || text[b] === '\t')) b--;
      if (b < 0 || text[b] === '\n') newline = true;
    }
    const lastChar = k >= 0 ? text[k] : undefined;
    const sentenceStart =
      k < 0 ||
      newline ||
      (lastChar === '.' &&
        !/\b(?:mr|mrs|ms|dr|mx|sgt|lt|det|cpl|capt|rev|st|sr|sra|srta|dra|[A-Z])\.$/i.test(text.slice(Math.max(0, k - 5), k + 1))) ||
      lastChar === '!' ||
      lastChar === '?' ||
      lastChar === ':' ||
      lastChar === ';' ||
      lastChar === '·' ||
      lastChar === '•' ||
      lastChar === '|';
    out.push({
      text: raw,
      lower: raw.toLowerCase().replace(/’/g, "'").replace(/'s$/, ''),
      start,
      end: raw.endsWith("'s") || raw.endsWith('’s') ? end - 2 : end,
      cap: (/^\p{Lu}/u.test(raw) && (raw.length === 1 || /\p{Ll}/u.test(raw.slice(1)) || /^[\p{Lu}'’-]+$/u.test(raw))) || mixedCase(raw),
      allCaps: raw.length >= 2 && /^[\p{Lu}'’-]+\.?$/u.test(raw) && /\p{Lu}{2}/u.test(raw),
      sentenceStart,
    });
  }
  return out;
}

export type Kind = 'never' | 'known' | 'ambiguous' | 'unknown';

export function classify(t: Token, lex: NameLexicon): Kind {
  const w = t.lower.replace(/\.$/, '');
  if (/^(?:i|you|we|they|he|she|it|that|there|what|who|let|don|can|won|didn|isn|wasn|ain)'/.test(w)) return 'never';
  if (lex.never.has(w)) return 'never';
  const parts = w.split('-');
  const known = parts.every(
    (p) => lex.first.has(p) || lex.last.has(p) || p.startsWith("o'") || (/^ma?c[a-z]{3,}$/.test(p) && lex.last.has(p.replace(/^ma?c/, ''))),
  );
  if (known) return lex.ambiguous.has(w) ? 'ambiguous' : 'known';
  return 'unknown';
}

export function gapIs(text: string, a: Token, b: Token, re: RegExp): boolean {
  return re.test(text.slice(a.end, b.start));
}

/** A reporting verb right after a word: its subject is someone speaking ("Ember said …"). */
export const REPORTING_AFTER =
  /^\s*(?:said|says|stated|states|told|tells|reported|reports|denied|denies|admitted|explained|replied|answered|yelled|screamed|shouted|whispered|texted|wrote|asked|agreed|refused|insisted|disclosed|endorsed|confirmed|recalled|described|added)\b/i;
/** An age in brackets after a name: "(23)", "(23 y/o)". */
export const AGE_AFTER = /^[ \t]*\([ \t]*(?:\d{2,3}|\d{1,3}[ \t]*(?:y\/?o|yo|yrs?))[ \t]*\)/i;
/** An age in brackets, then something the person did: "Park Ji-woo (23) called 988". */
export function agedAfter(after: string): boolean {
  if (!AGE_AFTER.test(after)) return false;
  const rest = after.replace(AGE_AFTER, '');
  return AFTER_VERBS.test(rest) || REPORTING_AFTER.test(rest);
}
/** A unit call sign or a count: "Car 40", "Medic 17", "Engine 9". */
export const NUMBER_AFTER = /^\.?(?:\s+#?|-)\d/;
/** A place before a ZIP: "Everett 98208", "Olympia WA 98501". */
export const ZIP_AFTER = /^,?\s+(?:[A-Z]{2}\s+)?\d{5}(?:-\d{4})?\b/;
/** A chat or form label: "Texter:", "Visitor:". */
export const LABEL_AFTER = /^\s*:/;
/** A relation in brackets after a name: "Mark (older brother)", "FATOUMATA DIALLO (WIFE)". */
export const RELATION_AFTER =
  /^\s*\((?:(?:older|younger|big|little|step|half|ex)[- ]?)?(?:brother|sister|mother|father|mom|mum|dad|son|daughter|wife|husband|partner|boyfriend|girlfriend|aunt|uncle|cousin|grandmother|grandfather|grandson|granddaughter|niece|nephew|friend|neighbou?r|roommate|caregiver|guardian|sibling|parent)\b/i;
/** A contact list entry: "Kai 702-555-0166". */
export const PHONE_AFTER = /^[\s:,-]+(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}\b/;

/** An ordinary word, also inflected: "VERBALIZING", "CHECKED", "threats". */
export const wordCache = new Map<string, boolean>();

export function isWord(w: string, lex: NameLexicon): boolean {
  let r = wordCache.get(w);
  if (r === undefined) {
    if (wordCache.size > 50_000) wordCache.clear();
    r = isWordUncached(w, lex);
    wordCache.set(w, r);
  }
  return r;
}

export function isWordUncached(w: string, lex: NameLexicon): boolean {
  if (lex.dictionary.has(w) || lex.never.has(w)) return true;
  if (w.includes('-')) return w.split('-').every((p) => p.length > 0 && (lex.dictionary.has(p) || lex.never.has(p)));
  for (const [suffix, repl] of [
    ['ing', ''],
    ['ing', 'e'],
    ['ed', ''],
    ['ed', 'e'],
    ['es', ''],
    ['s', ''],
    ['ly', ''],
    ['ies', 'y'],
    ['ied', 'y'],
    ['er', ''],
    ['ers', ''],
  ] as const) {
    if (w.length > suffix.length + 3 && w.endsWith(suffix) && lex.dictionary.has(w.slice(0, -suffix.length) + repl)) return true;
  }
  return false;
}
export const CALENDAR = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'christmas',
  'easter',
]);
/** Words before a capitalised word that make it a place: "North Dakota", "New Hampshire", "Lake Forest". */
export const PLACE_BEFORE = new Set([
  'north',
  'south',
  'east',
  'west',
  'new',
  'upper',
  'lower',
  'greater',
  'lake',
  'mount',
  'mt',
  'fort',
  'ft',
  'port',
  'camp',
  'saint',
  'st',
  'san',
  'santa',
  'los',
  'las',
  'el',
]);
