/**
 * The identifier guard for the follow-through. Text typed about a response, a verification or
 * an effect measure is scanned when it is saved (a flagged word is refused, named, with the
 * field), and the letters and the tracker are checked again before they are written. Both name
 * organisations, never a person: a roster member's name passes nowhere here, unlike the minutes.
 */
import { CasewalkError, type GuardBlock } from '../../../shared/result';
import { scan } from '../deid/scanner';
import type { AllowedPredicate } from '../exports/guard';
import { allowedPredicate, normaliseName } from '../meetings/allowed';
import type { ReadableDB } from '../store/db';

/** The follow-through's own dates: requested response, sending, planned, verified and measurement dates. */
function followDates(db: ReadableDB): Set<string> {
  const rows = db
    .prepare(
      `SELECT response_due AS d FROM recommendations UNION SELECT sent_on FROM recommendations UNION SELECT response_date FROM recommendations
       UNION SELECT planned_date FROM recommendations UNION SELECT verified_on FROM recommendations UNION SELECT measure_date FROM recommendations
       UNION SELECT due_date FROM recommendation_effect_checks`,
    )
    .all() as { d: string | null }[];
  return new Set(rows.map((r) => r.d).filter((d): d is string => !!d));
}

/**
 * What may pass in follow-through text, letters and the tracker: organisation and committee
 * names, meeting places, the committee's and the follow-through's own dates, values marked "not
 * an identifier" — but never the name of a person on the roster or a keyholder.
 */
export function followAllowed(db: ReadableDB, committee?: string): AllowedPredicate {
  const base = allowedPredicate(db, committee ? [committee] : []);
  const orgs = new Set((db.prepare('SELECT name FROM organisations').all() as { name: string }[]).map((r) => normaliseName(r.name)));
  const people = [
    ...(db.prepare('SELECT name FROM members').all() as { name: string }[]),
    ...(db.prepare('SELECT name FROM keyholders').all() as { name: string }[]),
  ]
    .map((r) => normaliseName(r.name))
    .filter((n) => n && !orgs.has(n));
  const dates = followDates(db);
  return (type, text, at) => {
    if (type === 'DATE' && dates.has(text)) return true;
    if (!base(type, text, at)) return false;
    if (type !== 'NAME') return true;
    const n = normaliseName(text);
    return !people.some((p) => p === n || p.includes(n) || n.includes(p));
  };
}

/** Refuses text with a possible identifier: names the field and the flagged words, so nothing is saved and the fix is clear. */
export function assertFollowTextClean(db: ReadableDB, fields: readonly (readonly [string, string])[]): void {
  const allowed = followAllowed(db);
  const blocked: GuardBlock[] = [];
  for (const [label, text] of fields) {
    for (const f of scan(text)) {
      const words = text.slice(f.start, f.end);
      if (!allowed(f.type, words, { source: text, start: f.start, end: f.end }))
        blocked.push({ item: label, text: words, type: f.type, where: null });
    }
  }
  if (blocked.length) {
    const list = blocked.map((b) => `${b.item}: “${b.text}” (${b.type})`).join('; ');
    throw new CasewalkError(
      'guard_blocked',
      `Possible identifier${blocked.length === 1 ? '' : 's'} in the text: ${list}. Follow-through notes name organisations, never a person or incident details; rewrite and save again.`,
      { open: blocked.length },
      blocked,
    );
  }
}
