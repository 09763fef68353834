/**
 * Reports aggregates: monthly series, dispositions over time, findings, the recommendation
 * register's state and the CIT goals scorecard. Every query is one pass over an indexed
 * period range; multi-valued fields are bit masks, so counts are sums of bit tests.
 */
import type { Dashboard } from '../../../shared/minutes/schemas';
import { CALL_SOURCE, DISPOSITION, INTERCEPT } from '../../../shared/incidents/values';
import { FINDING_CATEGORY, REC_STATUS, SECTOR } from '../../../shared/meetings/values';
import type { ReadableDB } from '../store/db';
import { attributionsOf } from '../incidents/attributions';
import { addMonths, ym } from '../period';
import { list, sql } from '../store/sql';
import { IMPLEMENTED_STATUSES, NOT_CARRIED_OUT_STATUSES, OPEN_REC_STATUSES } from '../../../shared/recommendations/values';
import { DETENTION_RECORDED } from '../coverage/recorded';
import { goalsScorecard } from './scorecard';

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
  const overdueQ = sql`SELECT count(*) AS n FROM recommendations WHERE status IN ${list(OPEN_REC_STATUSES)} AND due_date < ${today}`;
  const overdue = (db.prepare(overdueQ.text).get(overdueQ.params) as { n: number }).n;
  const bySectorQ = sql`SELECT coalesce(m.sector, o.sector) AS sector, sum(r.status IN ${list(IMPLEMENTED_STATUSES)}) AS completed, count(*) AS total
       FROM recommendations r LEFT JOIN members m ON m.id = r.owner_member_id LEFT JOIN organisations o ON o.id = r.owner_organisation_id
       WHERE r.status NOT IN ${list(NOT_CARRIED_OUT_STATUSES)} GROUP BY 1 ORDER BY total DESC`;
  const bySector = db.prepare(bySectorQ.text).all(bySectorQ.params) as { sector: string; completed: number; total: number }[];
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

/** Incidents and emergency detentions by area in the period, with the incidents where detention was recorded. */
function detentionByArea(db: ReadableDB, range: Range): Dashboard['detentionByArea'] {
  const ed = bit(DISPOSITION.values, 'emergency_detention');
  const q = sql`SELECT coalesce(area, 'unknown') AS area, count(*) AS incidents, sum(${DETENTION_RECORDED}) AS recorded,
      sum((dispositions & ${ed}) != 0) AS detentions
    FROM incidents WHERE occurred BETWEEN ${range[0]} AND ${range[1]} GROUP BY 1 ORDER BY 1`;
  return db.prepare(q.text).all(q.params) as Dashboard['detentionByArea'];
}

export const CALL_SOURCE_LABEL = (k: string) => (k === 'unknown' ? 'Not recorded' : CALL_SOURCE.label(k));
