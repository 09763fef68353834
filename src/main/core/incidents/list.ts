/** The incident list: filters, full-text search (FTS5), sort and paging; the filter facets. */
import { DISPOSITION, INTERCEPT, RESPONDER, toMask } from '../../../shared/incidents/values';
import { incidentQuery, type IncidentQuery, type IncidentRow } from '../../../shared/incidents/schemas';
import type { ReadableDB } from '../store/db';
import { attributionsOf } from './attributions';
import { toRow, type IncidentDbRow } from './rows';
import { list, raw as sqlRaw, sql, where, type Sql } from '../store/sql';

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
  const filters: Sql[] = [];
  if (q.status?.length) filters.push(sql`status IN ${list(q.status)}`);
  if (q.callSource?.length) filters.push(sql`call_source IN ${list(q.callSource)}`);
  // The period twice: `occurred` for the page (it walks incidents_occurred in order), and a
  // row value over (year, month) for the count, which the covering index incidents_facets
  // answers alone (no index is covering for a query on the generated column; migration 0009).
  const pagePeriod: Sql[] = [];
  const countPeriod: Sql[] = [];
  if (q.from) {
    const [y, m] = q.from.split('-').map(Number) as [number, number];
    pagePeriod.push(sql`occurred >= ${y * 100 + m}`);
    countPeriod.push(sql`(occurred_year, occurred_month) >= (${y}, ${m})`);
  }
  if (q.to) {
    const [y, m] = q.to.split('-').map(Number) as [number, number];
    pagePeriod.push(sql`occurred <= ${y * 100 + m}`);
    countPeriod.push(sql`(occurred_year, occurred_month) <= (${y}, ${m})`);
  }
  const anyOf = (column: Sql, values: readonly string[] | undefined, all: readonly string[]) => {
    if (values?.length) filters.push(sql`(${column} & ${toMask(values, all)}) != 0`);
  };
  anyOf(sqlRaw('dispositions'), q.disposition, DISPOSITION.values);
  anyOf(sqlRaw('intercepts'), q.intercept, INTERCEPT.values);
  anyOf(sqlRaw('responders'), q.responder, RESPONDER.values);
  if (q.tag) filters.push(sql`id IN (SELECT incident_id FROM incident_tags WHERE tag = ${q.tag})`);
  if (q.unresolvedIdentifiers) filters.push(sql`open_identifiers > 0`);
  if (q.importBatch) filters.push(sql`import_batch_id = ${q.importBatch}`);
  const fts = q.search ? ftsQuery(q.search) : null;
  if (q.search && !fts) return { rows: [], total: 0 };
  const filterCount = filters.length;
  // "+id" keeps the planner from looking up every match by rowid and sorting them all:
  // it walks an index in order and tests membership, so a page of a common word is quick.
  if (fts) filters.push(sql`+id IN (SELECT rowid FROM incidents_fts WHERE incidents_fts MATCH ${fts})`);
  const dir = q.dir === 'asc' ? 'ASC' : 'DESC';
  const order = sqlRaw(`${SORT_SQL[q.sort]} ${dir}${q.sort === 'code' ? '' : `, code ${dir}`}`);
  const indexed = sqlRaw(fts && q.sort === 'occurred' ? 'INDEXED BY incidents_occurred' : '');
  const page = sql`SELECT id, code, occurred_year, occurred_month, status, call_source, final_call_type, area, dispositions, responders,
              open_identifiers, substr(narrative, 1, 200) AS narrative, updated_at
       FROM incidents ${indexed} ${where([...pagePeriod, ...filters])} ORDER BY ${order} LIMIT ${q.limit} OFFSET ${q.offset}`;
  const rows = db.prepare(page.text).all(page.params) as unknown as IncidentDbRow[];
  const count =
    fts && filterCount + pagePeriod.length === 0
      ? sql`SELECT count(*) AS n FROM incidents_fts WHERE incidents_fts MATCH ${fts}`
      : sql`SELECT count(*) AS n FROM incidents ${where([...countPeriod, ...filters])}`;
  const total = (db.prepare(count.text).get(count.params) as { n: number }).n;
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
