/**
 * Reports aggregates: monthly series, dispositions over time, findings, the recommendation
 * register's state and the CIT goals scorecard. Every query is one pass over an indexed
 * period range; multi-valued fields are bit masks, so counts are sums of bit tests.
 */
import type { Dashboard } from '../../../shared/minutes/schemas';
import { CALL_SOURCE, DISPOSITION, INTERCEPT, RESPONDER, toMask } from '../../../shared/incidents/values';
import { FINDING_CATEGORY, REC_STATUS, SECTOR } from '../../../shared/meetings/values';
import type { ReadableDB } from '../store/db';
import { attributionsOf } from '../incidents/attributions';
import { addMonths, ym } from '../period';

/**
 * Findings in a period: a case finding counts in the month of its incident; a systemic one
 * (a coverage gap, no incident) in the month it was recorded. Two indexed halves, no scan
 * of the incidents table.
 */
export const FINDINGS_IN_PERIOD = (key: string) => `
  SELECT ${key} AS k, count(*) AS n FROM findings f JOIN incidents i ON i.id = f.incident_id WHERE i.occurred BETWEEN ? AND ? GROUP BY 1
  UNION ALL
  SELECT ${key} AS k, count(*) AS n FROM findings f WHERE f.source != 'case' AND CAST(replace(substr(f.created_at, 1, 7), '-', '') AS INTEGER) BETWEEN ? AND ? GROUP BY 1`;

const bit = (all: readonly string[], v: string) => 1 << all.indexOf(v);

type Range = [from: number, to: number];
const WHERE = 'occurred BETWEEN ? AND ?';

export function dashboard(db: ReadableDB, q: { from?: string | undefined; to?: string | undefined }, today: string): Dashboard {
  const last =
    (db.prepare('SELECT max(occurred) AS m FROM incidents').get() as { m: number | null }).m ?? Number(today.slice(0, 7).replace('-', ''));
  const to = q.to ? Number(q.to.replace('-', '')) : last;
  const from = q.from ? Number(q.from.replace('-', '')) : addMonths(to, -11);
  const range: Range = [from, to];
  const { months, dispositions } = monthlySeries(db, range);
  const { n, scorecard } = goalsScorecard(db, range);
  return {
    from: ym(from),
    to: ym(to),
    incidents: n,
    months,
    dispositions,
    ...recordCounts(db, range, today),
    detentionByArea: detentionByArea(db, range),
    scorecard,
    attributions: attributionsOf(db),
  };
}

/** Incidents per month by call source, and dispositions per month. */
function monthlySeries(db: ReadableDB, range: Range): Pick<Dashboard, 'months' | 'dispositions'> {
  const [from, to] = range;
  const where = WHERE;
  const monthRows = db
    .prepare(`SELECT occurred, call_source AS s, count(*) AS n FROM incidents WHERE ${where} GROUP BY occurred, call_source`)
    .all(range) as {
    occurred: number;
    s: string | null;
    n: number;
  }[];
  const monthsMap = new Map<number, { month: string; total: number; bySource: Record<string, number> }>();
  for (let m = from; m <= to; m = addMonths(m, 1)) monthsMap.set(m, { month: ym(m), total: 0, bySource: {} });
  for (const r of monthRows) {
    const e = monthsMap.get(r.occurred);
    if (!e) continue;
    e.total += r.n;
    const key = r.s ?? 'unknown';
    e.bySource[key] = (e.bySource[key] ?? 0) + r.n;
  }

  const dispCols = DISPOSITION.values.map((v, i) => `sum((dispositions & ${1 << i}) != 0) AS d${i}`).join(', ');
  const dispRows = db
    .prepare(`SELECT occurred, ${dispCols} FROM incidents WHERE ${where} GROUP BY occurred ORDER BY occurred`)
    .all(range) as Record<string, number>[];
  const dispositions = dispRows.map((r) => ({
    month: ym(r.occurred!),
    counts: Object.fromEntries(DISPOSITION.values.map((v, i) => [v, r[`d${i}`] ?? 0])),
  }));

  return { months: [...monthsMap.values()], dispositions };
}

/** Findings by category and intercept in the period; the recommendation register's state now. */
function recordCounts(
  db: ReadableDB,
  range: Range,
  today: string,
): Pick<Dashboard, 'findingsByCategory' | 'findingsByIntercept' | 'recommendationsByStatus' | 'overdue' | 'completionBySector'> {
  const fc = db.prepare(`SELECT k, sum(n) AS n FROM (${FINDINGS_IN_PERIOD('f.category')}) GROUP BY k`).all([...range, ...range]) as {
    k: string;
    n: number;
  }[];
  const fi = db
    .prepare(`SELECT k, sum(n) AS n FROM (${FINDINGS_IN_PERIOD("coalesce(f.intercept, 'none')")}) GROUP BY k`)
    .all([...range, ...range]) as { k: string; n: number }[];
  const rs = db.prepare('SELECT status AS k, count(*) AS n FROM recommendations GROUP BY status').all() as { k: string; n: number }[];
  const overdue = (
    db
      .prepare(
        "SELECT count(*) AS n FROM recommendations WHERE status IN ('proposed', 'adopted', 'sent', 'response_received', 'in_progress') AND due_date < ?",
      )
      .get([today]) as { n: number }
  ).n;
  const bySector = db
    .prepare(
      `SELECT coalesce(m.sector, o.sector) AS sector, sum(r.status IN ('reported_implemented', 'verified_implemented')) AS completed, count(*) AS total FROM recommendations r
       LEFT JOIN members m ON m.id = r.owner_member_id LEFT JOIN organisations o ON o.id = r.owner_organisation_id
       WHERE r.status NOT IN ('declined', 'superseded', 'no_longer_applicable') GROUP BY 1 ORDER BY total DESC`,
    )
    .all() as { sector: string; completed: number; total: number }[];
  return {
    findingsByCategory: FINDING_CATEGORY.options.map((o) => ({
      key: o.value,
      label: o.label,
      count: fc.find((r) => r.k === o.value)?.n ?? 0,
    })),
    findingsByIntercept: [
      ...INTERCEPT.options.map((o) => ({ key: o.value, label: o.label, count: fi.find((r) => r.k === o.value)?.n ?? 0 })),
      { key: 'none', label: 'Not set', count: fi.find((r) => r.k === 'none')?.n ?? 0 },
    ],
    recommendationsByStatus: REC_STATUS.options.map((o) => ({
      key: o.value,
      label: o.label,
      count: rs.find((r) => r.k === o.value)?.n ?? 0,
    })),
    overdue,
    completionBySector: bySector.map((r) => ({ sector: r.sector, label: SECTOR.label(r.sector), completed: r.completed, total: r.total })),
  };
}

/** Incidents and emergency detentions by area in the period. */
function detentionByArea(db: ReadableDB, range: Range): Dashboard['detentionByArea'] {
  const where = WHERE;
  const ed = bit(DISPOSITION.values, 'emergency_detention');
  const byArea = db
    .prepare(
      `SELECT coalesce(area, 'unknown') AS area, count(*) AS incidents, sum((dispositions & ${ed}) != 0) AS detentions FROM incidents WHERE ${where} GROUP BY 1 ORDER BY 1`,
    )
    .all(range) as { area: string; incidents: number; detentions: number }[];
  return byArea;
}

/** The CIT goals scorecard: each measure with its numerator, denominator and rate. */
function goalsScorecard(db: ReadableDB, range: Range): { n: number; scorecard: Dashboard['scorecard'] } {
  const where = WHERE;
  const ed = bit(DISPOSITION.values, 'emergency_detention');
  const s = db
    .prepare(
      `SELECT count(*) AS n,
        sum(injuries != 0) AS injured,
        sum(force IS NOT NULL AND force NOT IN ('none', 'presence_verbal')) AS force,
        sum((dispositions & ${bit(DISPOSITION.values, 'referral')}) != 0) AS referral,
        sum(follow_up_7 = 'yes') AS fu_yes, sum(follow_up_7 IN ('yes', 'no')) AS fu_known,
        sum((dispositions & ${toMask(['arrest', 'jail_booking'], DISPOSITION.values)}) = 0) AS no_arrest,
        sum((responders & ${toMask(['co_responder', 'mobile_crisis'], RESPONDER.values)}) != 0) AS clinical,
        sum((dispositions & ${ed}) != 0) AS detention,
        sum(handcuffs) AS cuffs, sum(restraint) AS restraint,
        sum(injuries != 0 OR force IS NOT NULL) AS force_known
       FROM incidents WHERE ${where}`,
    )
    .get(range) as Record<string, number | null>;
  const n = s.n ?? 0;
  const rate = (num: number | null, den: number) => ({
    numerator: num ?? 0,
    denominator: den,
    value: den ? Math.round(((num ?? 0) / den) * 1000) / 10 : null,
  });
  const scorecard = [
    {
      goal: '1',
      label: 'Injury rate',
      definition: 'Incidents where anyone was injured, as a share of all incidents in the period.',
      ...rate(s.injured!, n),
    },
    {
      goal: '1',
      label: 'Use-of-force rate',
      definition: 'Incidents with force beyond presence or verbal direction (hands-on or more), as a share of all incidents.',
      ...rate(s.force!, n),
    },
    {
      goal: '2',
      label: 'Referral rate',
      definition: 'Incidents with a referral disposition, as a share of all incidents.',
      ...rate(s.referral!, n),
    },
    {
      goal: '2',
      label: '7-day follow-up rate',
      definition: 'Incidents with a follow-up contact within 7 days, as a share of incidents where follow-up is known (yes or no).',
      ...rate(s.fu_yes!, s.fu_known ?? 0),
    },
    {
      goal: '3',
      label: 'Resolved without arrest',
      definition: 'Incidents with neither an arrest nor a jail booking, as a share of all incidents.',
      ...rate(s.no_arrest!, n),
    },
    {
      goal: '3',
      label: 'Clinician or mobile crisis response',
      definition: 'Incidents where a co-responder clinician or the mobile crisis team responded, as a share of all incidents.',
      ...rate(s.clinical!, n),
    },
    {
      goal: '4',
      label: 'Emergency detention rate',
      definition: 'Incidents ending in an emergency detention (apprehension), as a share of all incidents.',
      ...rate(s.detention!, n),
    },
    {
      goal: '4',
      label: 'Handcuff rate',
      definition: 'Incidents where handcuffs were used, as a share of all incidents.',
      ...rate(s.cuffs!, n),
    },
    {
      goal: '4',
      label: 'Restraint rate',
      definition: 'Incidents where restraint was used, as a share of all incidents.',
      ...rate(s.restraint!, n),
    },
  ];
  return { n, scorecard };
}

export const CALL_SOURCE_LABEL = (k: string) => (k === 'unknown' ? 'Not recorded' : CALL_SOURCE.label(k));
