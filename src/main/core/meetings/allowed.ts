/**
 * What the identifier guard lets through in exported text and the minutes: the committee's own
 * names, places and dates, and values a person marked "not an identifier".
 */
import { dateIn } from '../../../shared/time-zone';
import type { ReadableDB } from '../store/db';
import { timeZone } from '../store/settings';
import type { AllowedPredicate, SpanContext } from '../exports/guard';
import { valueHash } from '../incidents/detail';
import { dismissedTextHashes } from './record-text';

/** Case-insensitive, whitespace-normalised (NFKC, one space, trimmed) form of a name. */
export function normaliseName(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** The forms a whole name may be written in: "Maria Lopez" and "Lopez, Maria". Never a part of it. */
export function nameForms(name: string): string[] {
  const n = normaliseName(name);
  if (!n) return [];
  const parts = n.split(' ');
  return parts.length > 1 ? [n, `${parts[parts.length - 1]}, ${parts.slice(0, -1).join(' ')}`] : [n];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A matcher for whole occurrences of any of the phrases (case-insensitive, any run of spaces), never inside a longer word. */
function wholePhrases(phrases: readonly string[]): ((source: string) => [number, number][]) | null {
  const alts = [...new Set(phrases)]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .map((p) =>
      p
        .split(/(,? )/)
        .map((t) => (t === ' ' ? '\\s+' : t === ', ' ? ',\\s*' : escapeRe(t)))
        .join(''),
    );
  if (!alts.length) return null;
  const re = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${alts.join('|')})(?![\\p{L}\\p{N}\\p{M}])`, 'giu');
  const cache = new Map<string, [number, number][]>();
  return (source) => {
    let hits = cache.get(source);
    if (!hits) {
      hits = [...source.matchAll(re)].map((m) => [m.index, m.index + m[0].length] as [number, number]);
      cache.set(source, hits);
    }
    return hits;
  };
}

/**
 * What may appear in exported text although the scanner flags it: roster, organisation and
 * keyholder names and the committee's own name, only as whole names ("Maria Lopez" or
 * "Lopez, Maria", any case and spacing; a NAME inside such a whole name where it is written in
 * full), never a part ("Maria's son" stays flagged); meeting places where written in full;
 * the committee's own dates; and values a person marked "not an identifier" with a reason.
 */
export function allowedPredicate(db: ReadableDB, extraNames: readonly string[] = []): AllowedPredicate {
  const committee = (db.prepare("SELECT value FROM meta WHERE key = 'committee'").get() as { value: string } | undefined)?.value;
  const roster = [
    ...extraNames,
    ...(committee ? [committee] : []),
    ...(db.prepare('SELECT name FROM members').all() as { name: string }[]).map((r) => r.name),
    ...(db.prepare('SELECT name FROM organisations').all() as { name: string }[]).map((r) => r.name),
    ...(db.prepare('SELECT name FROM keyholders').all() as { name: string }[]).map((r) => r.name),
  ];
  const forms = roster.flatMap(nameForms);
  const exact = new Set(forms);
  const namesIn = wholePhrases(forms);
  const places = (db.prepare("SELECT DISTINCT place FROM meetings WHERE place <> ''").all() as { place: string }[]).map((r) =>
    normaliseName(r.place),
  );
  const placesIn = wholePhrases(places);
  // Values marked "not an identifier" on an incident or in a finding's or recommendation's text.
  const dismissed = new Set([
    ...(db.prepare('SELECT value_hash FROM identifier_dismissals').all() as { value_hash: string }[]).map((r) => r.value_hash),
    ...dismissedTextHashes(db),
  ]);
  // Administrative dates (meetings, due dates, approvals) are the committee's own, not incident
  // dates; approvals and amendments are instants, written as dates in the committee's time zone.
  const zone = timeZone(db);
  const adminDates = new Set([
    ...(db.prepare('SELECT date AS d FROM meetings UNION SELECT due_date FROM recommendations').all() as { d: string }[]).map((r) => r.d),
    // Issue 20: the follow-through's own dates (requested response, effect checks).
    ...(
      db
        .prepare(
          // Recorded by the committee too: sent, the agency's response, its planned date, verification, the measurement date.
          `SELECT response_due AS d FROM recommendations WHERE response_due IS NOT NULL
           UNION SELECT sent_on FROM recommendations WHERE sent_on IS NOT NULL
           UNION SELECT response_date FROM recommendations WHERE response_date IS NOT NULL
           UNION SELECT planned_date FROM recommendations WHERE planned_date IS NOT NULL
           UNION SELECT verified_on FROM recommendations WHERE verified_on IS NOT NULL
           UNION SELECT measure_date FROM recommendations WHERE measure_date IS NOT NULL
           UNION SELECT due_date FROM recommendation_effect_checks`,
        )
        .all() as {
        d: string;
      }[]
    ).map((r) => r.d),
    ...(
      db.prepare('SELECT approved_at AS at FROM minutes WHERE approved_at IS NOT NULL UNION SELECT at FROM minutes_amendments').all() as {
        at: string;
      }[]
    ).flatMap((r) => [r.at.slice(0, 10), dateIn(zone, Date.parse(r.at))]),
  ]);
  const isoOf = (text: string): string | null => {
    const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T12:00:00Z` : `${text} 12:00 UTC`);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
  };
  const covered = (find: ((s: string) => [number, number][]) | null, at: SpanContext | undefined) =>
    !!find && !!at && find(at.source).some(([a, b]) => a <= at.start && at.end <= b);
  return (type, text, at) => {
    if (type === 'NAME' && (exact.has(normaliseName(text)) || covered(namesIn, at))) return true;
    if (covered(placesIn, at)) return true;
    if (type === 'DATE') {
      const iso = isoOf(text);
      if (iso && adminDates.has(iso)) return true;
    }
    return dismissed.has(valueHash(type, text));
  };
}

/** For exports: the same, with the committee's name as the workbench knows it. */
export function exportAllowed(db: ReadableDB, committee: string): AllowedPredicate {
  return allowedPredicate(db, [committee]);
}
