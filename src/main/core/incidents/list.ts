/** The incident list: filters, full-text search (FTS5), sort and paging; the filter facets. */
import { DISPOSITION, INTERCEPT, RESPONDER, toMask } from '../../../shared/incidents/values';
import { incidentQuery, type IncidentQuery, type IncidentRow } from '../../../shared/incidents/schemas';
import type { ReadableDB } from '../store/db';
import { attributionsOf } from './attributions';
import { toRow, type IncidentDbRow } from './rows';

/** User words → an FTS5 query of quoted prefixes (no FTS syntax reaches the engine). */
export function ftsQuery(search: string): string | null {
  const words = search
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 12);
  return words.length ? words.map((w) => `"${w}"*`).join(' ') : null;
}

const SORT_SQL: Record<string, string> = {
  code: 'code',
  occurred: 'occurred',
  status: "CASE status WHEN 'draft' THEN 0 WHEN 'ready_for_review' THEN 1 WHEN 'reviewed' THEN 2 ELSE 3 END",
  updated: 'updated_at',
  callSource: 'call_source',
  area: 'area',
};

export function listIncidents(db: ReadableDB, raw: IncidentQuery): { rows: IncidentRow[]; total: number } {
  const q = incidentQuery.parse(raw);
  const where: string[] = [];
  const args: (string | number)[] = [];
  const inList = (col: string, values: readonly string[]) => {
    where.push(`${col} IN (${values.map(() => '?').join(', ')})`);
    args.push(...values);
  };
  if (q.status?.length) inList('status', q.status);
  if (q.callSource?.length) inList('call_source', q.callSource);
  // The period twice: `occurred` for the page (it walks incidents_occurred in order), and a
  // row value over (year, month) for the count, which the covering index incidents_facets
  // answers alone (no index is covering for a query on the generated column; migration 0009).
  const period: { page: string; count: string; args: number[] }[] = [];
  if (q.from) {
    const [y, m] = q.from.split('-').map(Number) as [number, number];
    period.push({ page: 'occurred >= ?', count: '(occurred_year, occurred_month) >= (?, ?)', args: [y * 100 + m, y, m] });
  }
  if (q.to) {
    const [y, m] = q.to.split('-').map(Number) as [number, number];
    period.push({ page: 'occurred <= ?', count: '(occurred_year, occurred_month) <= (?, ?)', args: [y * 100 + m, y, m] });
  }
  const anyOf = (col: string, values: readonly string[] | undefined, all: readonly string[]) => {
    if (!values?.length) return;
    where.push(`(${col} & ?) != 0`);
    args.push(toMask(values, all));
  };
  anyOf('dispositions', q.disposition, DISPOSITION.values);
  anyOf('intercepts', q.intercept, INTERCEPT.values);
  anyOf('responders', q.responder, RESPONDER.values);
  if (q.tag) {
    where.push('id IN (SELECT incident_id FROM incident_tags WHERE tag = ?)');
    args.push(q.tag);
  }
  if (q.unresolvedIdentifiers) where.push('open_identifiers > 0');
  const fts = q.search ? ftsQuery(q.search) : null;
  if (q.search && !fts) return { rows: [], total: 0 };
  const filterCount = where.length;
  if (fts) {
    // "+id" keeps the planner from looking up every match by rowid and sorting them all:
    // it walks an index in order and tests membership, so a page of a common word is quick.
    where.push('+id IN (SELECT rowid FROM incidents_fts WHERE incidents_fts MATCH ?)');
    args.push(fts);
  }
  const clause = (parts: string[]) => (parts.length ? `WHERE ${parts.join(' AND ')}` : '');
  const whereSql = clause([...period.map((p) => p.page), ...where]);
  const pageArgs = [...period.map((p) => p.args[0]!), ...args];
  const dir = q.dir === 'asc' ? 'ASC' : 'DESC';
  const order = `${SORT_SQL[q.sort]} ${dir}${q.sort === 'code' ? '' : `, code ${dir}`}`;
  const indexed = fts && q.sort === 'occurred' ? 'INDEXED BY incidents_occurred' : '';
  const rows = db
    .prepare(
      `SELECT id, code, occurred_year, occurred_month, status, call_source, final_call_type, area, dispositions, responders,
              open_identifiers, substr(narrative, 1, 200) AS narrative, updated_at
       FROM incidents ${indexed} ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
    .all([...pageArgs, q.limit, q.offset]) as unknown as IncidentDbRow[];
  const total =
    fts && filterCount + period.length === 0
      ? (db.prepare('SELECT count(*) AS n FROM incidents_fts WHERE incidents_fts MATCH ?').get([fts]) as { n: number }).n
      : (db.prepare(`SELECT count(*) AS n FROM incidents ${clause([...period.map((p) => p.count), ...where])}`).get([...period.flatMap((p) => p.args.slice(1)), ...args]) as { n: number }).n;
  return { rows: rows.map(toRow), total };
}

export function facets(db: ReadableDB) {
  const col = (sql: string) => (db.prepare(sql).all() as { v: string | number }[]).map((r) => r.v);
  return {
    callTypes: col(
      'SELECT v FROM (SELECT initial_call_type AS v FROM incidents WHERE v IS NOT NULL UNION SELECT final_call_type FROM incidents WHERE final_call_type IS NOT NULL) ORDER BY v LIMIT 500',
    ) as string[],
    areas: col('SELECT DISTINCT area AS v FROM incidents WHERE area IS NOT NULL ORDER BY v LIMIT 500') as string[],
    tags: col('SELECT DISTINCT tag AS v FROM incident_tags ORDER BY v LIMIT 500') as string[],
    years: col('SELECT DISTINCT occurred_year AS v FROM incidents ORDER BY v DESC') as number[],
    total: (db.prepare('SELECT count(*) AS n FROM incidents').get() as { n: number }).n,
    attributions: attributionsOf(db),
  };
}
