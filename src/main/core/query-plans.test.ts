/**
 * EXPLAIN QUERY PLAN for the hot paths at scale: none may scan a whole table. ("SCAN t USING
 * INDEX" walks an index in order and stops at the page size; FTS5 MATCH is a virtual-table index.)
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWithKey, type WritableDB } from './store/db';
import { migrate } from './store/migrations';
import { FINDINGS_IN_PERIOD } from './reports/dashboard';

let dir: string;
let db: WritableDB;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-plan-'));
  db = openWithKey(path.join(dir, 'p.db'), crypto.randomBytes(32), { create: true });
  migrate(db);
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function plan(sql: string): string {
  return (
    db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => 1)) as { detail: string }[]
  )
    .map((r) => r.detail)
    .join(' | ');
}
const fullScan = (p: string) =>
  /\bSCAN (incidents|timeline_events|findings|agenda_items|recommendations|incident_tags|meetings)\b(?! USING)/.test(p);

const COUNT_WITH_FILTERS =
  'SELECT count(*) FROM incidents WHERE (occurred_year, occurred_month) >= (?, ?) AND (occurred_year, occurred_month) <= (?, ?) AND call_source IN (?) AND (dispositions & ?) != 0';
const COVERAGE_GROUPS =
  "SELECT weekday, hour_of_day, coalesce(area, ''), count(*), sum((dispositions & 8) != 0), sum(source NOT LIKE 'import:%' OR (source IN ('import:toronto') AND dispositions != 0)) FROM incidents INDEXED BY incidents_facets WHERE (occurred_year, occurred_month) BETWEEN (?, ?) AND (?, ?) AND area = ? GROUP BY weekday, hour_of_day, area";

const HOT: [string, string][] = [
  ['list page, newest first', 'SELECT id FROM incidents ORDER BY occurred DESC, code DESC LIMIT 50'],
  [
    'list page, a year, by disposition',
    'SELECT id FROM incidents WHERE occurred >= ? AND occurred <= ? AND (dispositions & ?) != 0 ORDER BY occurred DESC, code DESC LIMIT 50',
  ],
  ['list count with filters', COUNT_WITH_FILTERS],
  ['list by status', 'SELECT id FROM incidents WHERE status IN (?) ORDER BY occurred DESC LIMIT 50'],
  [
    'search page',
    'SELECT id FROM incidents INDEXED BY incidents_occurred WHERE +id IN (SELECT rowid FROM incidents_fts WHERE incidents_fts MATCH ?) ORDER BY occurred DESC, code DESC LIMIT 50',
  ],
  ['search count', 'SELECT count(*) FROM incidents_fts WHERE incidents_fts MATCH ?'],
  ['unresolved identifiers', 'SELECT count(*) FROM incidents WHERE open_identifiers > 0'],
  ['incident by code', 'SELECT id FROM incidents WHERE code = ?'],
  ['timeline of an incident', 'SELECT * FROM timeline_events WHERE incident_id = ? ORDER BY position, id'],
  ['findings of an incident', 'SELECT * FROM findings WHERE incident_id = ?'],
  ['agenda of a meeting', 'SELECT * FROM agenda_items WHERE meeting_id = ? ORDER BY position, id'],
  ['tag filter', 'SELECT incident_id FROM incident_tags WHERE tag = ?'],
  [
    'open recommendations due',
    "SELECT id FROM recommendations WHERE status IN ('proposed', 'adopted', 'sent', 'response_received', 'in_progress') AND due_date < ?",
  ],
  ['effect checks due', 'SELECT recommendation_id FROM recommendation_effect_checks WHERE result IS NULL AND due_date <= ?'],
  ['findings from coverage gaps', "SELECT id FROM findings f WHERE f.source != 'case'"],
  ['dashboard findings by category (case and systemic halves)', FINDINGS_IN_PERIOD('f.category')],
  [
    'dashboard months',
    'SELECT occurred, call_source, count(*) FROM incidents WHERE occurred BETWEEN ? AND ? GROUP BY occurred, call_source',
  ],
];

describe('query plans on the hot paths', () => {
  it.each(HOT)('%s uses an index', (_name, sql) => {
    const p = plan(sql);
    expect(fullScan(p), p).toBe(false);
  });
  it.each([
    ['list count with filters', COUNT_WITH_FILTERS],
    ['24/7 coverage groups', COVERAGE_GROUPS],
  ])('%s reads the covering index alone, never the incident rows', (_name, sql) => {
    expect(plan(sql)).toMatch(/USING COVERING INDEX incidents_facets/);
  });
  it('the detector itself catches a full scan', () => {
    expect(fullScan(plan('SELECT id FROM incidents WHERE narrative LIKE ?'))).toBe(true);
  });
});
