/**
 * Issue 20, reports: where the recommendations stand and how fast the follow-through is —
 * time from adoption to the agency's response and to verification (by agency and by finding
 * category), reported vs verified implemented, and the share with an effect measured.
 */
import { FINDING_CATEGORY, SECTOR } from '../../../shared/meetings/values';
import { dateIn } from '../../../shared/time-zone';
import { AWAITING_RESPONSE, EFFECT_RESULT, IMPLEMENTED_STATUSES, REC_STATUS, type RecStatus } from '../../../shared/recommendations/values';
import type { RecommendationReport } from '../../../shared/recommendations/schemas';
import type { ReadableDB } from '../store/db';
import { timeZone } from '../store/settings';
import { daysBetween } from '../../../shared/dates';

interface Row {
  id: number;
  status: RecStatus;
  agency: string;
  category: string | null;
  adopted_at: string | null;
  meeting_date: string | null;
  response_date: string | null;
  response_due: string | null;
  verified_on: string | null;
  checked: number;
  checks_due: number;
}

/**
 * The organisation that owns a recommendation, never a person: the organisation, or the
 * member's organisation, or the member's sector ("Mental health member organisation").
 */
export const AGENCY_SQL = `coalesce(o.name, nullif(trim(mm.organisation), ''), mm.sector)`;
export const AGENCY_JOINS = 'LEFT JOIN organisations o ON o.id = r.owner_organisation_id LEFT JOIN members mm ON mm.id = r.owner_member_id';
export function agencyLabel(agency: string): string {
  return (SECTOR.values as readonly string[]).includes(agency) ? `${SECTOR.label(agency)} partner` : agency;
}

export function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function groupMedians(rows: readonly Row[], key: (r: Row) => string, label: (k: string) => string, zoneDate: (r: Row) => string | null) {
  const groups = new Map<string, Row[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return [...groups]
    .map(([k, rs]) => ({
      key: k,
      label: label(k),
      count: rs.length,
      medianDaysToResponse: median(rs.flatMap((r) => (zoneDate(r) && r.response_date ? [daysBetween(zoneDate(r)!, r.response_date)] : []))),
      medianDaysToVerification: median(rs.flatMap((r) => (zoneDate(r) && r.verified_on ? [daysBetween(zoneDate(r)!, r.verified_on)] : []))),
    }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** When a recommendation `r` was first adopted (an instant), and the category of its first finding. */
const ADOPTED_AT_SQL = "(SELECT min(h.at) FROM recommendation_history h WHERE h.recommendation_id = r.id AND h.status = 'adopted')";
const CATEGORY_SQL =
  '(SELECT f.category FROM recommendation_findings rf JOIN findings f ON f.id = rf.finding_id WHERE rf.recommendation_id = r.id ORDER BY f.id LIMIT 1)';

/** Per recommendation: the day it was adopted in the committee's time zone (null if never), and its finding category. */
export function adoptionFacts(db: ReadableDB): Map<number, { adoptedOn: string | null; category: string | null }> {
  const zone = timeZone(db);
  const rows = db.prepare(`SELECT r.id, ${ADOPTED_AT_SQL} AS adopted_at, ${CATEGORY_SQL} AS category FROM recommendations r`).all() as {
    id: number;
    adopted_at: string | null;
    category: string | null;
  }[];
  return new Map(
    rows.map((r) => [r.id, { adoptedOn: r.adopted_at ? dateIn(zone, Date.parse(r.adopted_at)) : null, category: r.category }]),
  );
}

export function recommendationReport(db: ReadableDB, today: string): RecommendationReport {
  const zone = timeZone(db);
  const rows = db
    .prepare(
      `SELECT r.id, r.status, ${AGENCY_SQL} AS agency, r.response_date, r.response_due, r.verified_on,
         ${ADOPTED_AT_SQL} AS adopted_at,
         (SELECT m.date FROM meetings m WHERE m.id = r.meeting_id) AS meeting_date,
         ${CATEGORY_SQL} AS category,
         (SELECT count(*) FROM recommendation_effect_checks c WHERE c.recommendation_id = r.id AND c.result IS NOT NULL) AS checked,
         (SELECT count(*) FROM recommendation_effect_checks c WHERE c.recommendation_id = r.id AND c.result IS NULL AND c.due_date <= ?) AS checks_due
       FROM recommendations r ${AGENCY_JOINS}`,
    )
    .all([today]) as unknown as Row[];
  // The day it was adopted, in the committee's time zone; before issue 20 the meeting's date.
  const adoptedOn = (r: Row) => (r.adopted_at ? dateIn(zone, Date.parse(r.adopted_at)) : r.meeting_date);
  const byStatus = Object.fromEntries(REC_STATUS.values.map((s) => [s, rows.filter((r) => r.status === s).length])) as Record<
    RecStatus,
    number
  >;
  const implemented = rows.filter((r) => IMPLEMENTED_STATUSES.includes(r.status));
  const results = db
    .prepare('SELECT result, count(*) AS n FROM recommendation_effect_checks WHERE result IS NOT NULL GROUP BY result')
    .all() as {
    result: string;
    n: number;
  }[];
  return {
    byStatus,
    overdueResponses: rows.filter((r) => AWAITING_RESPONSE.includes(r.status) && r.response_due !== null && r.response_due < today).length,
    reportedImplemented: byStatus.reported_implemented,
    verifiedImplemented: byStatus.verified_implemented,
    effectChecksDue: rows.filter((r) => r.checks_due > 0).length,
    measuredShare: implemented.length
      ? Math.round((implemented.filter((r) => r.checked > 0).length / implemented.length) * 1000) / 1000
      : 0,
    medianDaysToResponse: median(
      rows.flatMap((r) => (adoptedOn(r) && r.response_date ? [daysBetween(adoptedOn(r)!, r.response_date)] : [])),
    ),
    medianDaysToVerification: median(
      rows.flatMap((r) => (adoptedOn(r) && r.verified_on ? [daysBetween(adoptedOn(r)!, r.verified_on)] : [])),
    ),
    implemented: implemented.length,
    measured: implemented.filter((r) => r.checked > 0).length,
    effectResults: EFFECT_RESULT.options.map((o) => ({
      key: o.value,
      label: o.label,
      count: results.find((x) => x.result === o.value)?.n ?? 0,
    })),
    byAgency: groupMedians(rows, (r) => r.agency, agencyLabel, adoptedOn),
    byCategory: groupMedians(
      rows,
      (r) => r.category ?? 'none',
      (k) => (k === 'none' ? 'No finding category' : FINDING_CATEGORY.label(k)),
      adoptedOn,
    ),
  };
}
