import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWithKey, type WritableDB } from '../db';
import { migrate, schemaVersion } from './index';

let dir: string;
let db: WritableDB;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-mig14-'));
  db = openWithKey(path.join(dir, 'm.db'), crypto.randomBytes(32), { create: true });
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const COVERAGE =
  "SELECT weekday, count(*), sum(source NOT LIKE 'import:%') FROM incidents INDEXED BY incidents_facets WHERE (occurred_year, occurred_month) BETWEEN (2016, 1) AND (2016, 12) GROUP BY weekday";
const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('migration 0014: the facets index carries the incident source', () => {
  it('keeps the incidents, adds source to the covering index, and the coverage groups read the index alone', () => {
    migrate(db, 13);
    db.prepare(
      "INSERT INTO incidents (code, occurred_year, occurred_month, created_at, updated_at, source) VALUES ('2016-001', 2016, 3, 'x', 'x', 'import:toronto')",
    ).run();
    // Before: the recorded-outcome condition on source sends the query back to the table rows.
    expect(plan(COVERAGE)).not.toMatch(/COVERING INDEX incidents_facets/);
    expect(migrate(db, 14)).toBe(14);
    expect(schemaVersion(db)).toBe(14);
    const cols = (db.prepare("PRAGMA index_info('incidents_facets')").all() as { name: string }[]).map((c) => c.name);
    expect(cols.at(-1)).toBe('source');
    expect(cols.slice(0, 2)).toEqual(['occurred_year', 'occurred_month']);
    expect(plan(COVERAGE)).toMatch(/USING COVERING INDEX incidents_facets/);
    expect(db.prepare('SELECT code, source FROM incidents').get()).toEqual({ code: '2016-001', source: 'import:toronto' });
  });
});
