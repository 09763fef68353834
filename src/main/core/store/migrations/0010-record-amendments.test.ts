import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWithKey, type WritableDB } from '../db';
import { migrate, schemaVersion } from './index';

let dir: string;
let db: WritableDB;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-mig10-'));
  db = openWithKey(path.join(dir, 'm.db'), crypto.randomBytes(32), { create: true });
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A version-9 workbench with one finding (id 41) and one recommendation (id 1) from it. */
function v9() {
  migrate(db, 9);
  db.prepare(
    "INSERT INTO incidents (code, occurred_year, occurred_month, created_at, updated_at) VALUES ('2026-001', 2026, 3, 'x', 'x')",
  ).run();
  db.prepare("INSERT INTO members (name, sector, created_at) VALUES ('Sam', 'mental_health', 'x')").run();
  db.prepare(
    "INSERT INTO findings (id, incident_id, category, kind, goals, description, created_at) VALUES (41, 1, 'staffing', 'gap', 0, 'No CIT-trained officer was available on the evening shift', 'x')",
  ).run();
  db.prepare(
    "INSERT INTO recommendations (code, action, owner_member_id, due_date, status_at, action_type, strength, created_at) VALUES ('R-001', 'a', 1, '2026-09-01', 'x', 'training', 'weaker', 'x')",
  ).run();
}
const amend =
  'INSERT INTO record_amendments (finding_id, recommendation_id, number, changes, diff, reason, hash, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';
const dismiss =
  'INSERT INTO text_dismissals (finding_id, recommendation_id, field, type, value_hash, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)';

describe('migration 0010: amendments and "not an identifier" for findings and recommendations', () => {
  it('adds the two tables to a version-9 workbench and keeps its rows', () => {
    v9();
    expect(migrate(db, 10)).toBe(10);
    expect(schemaVersion(db)).toBe(10);
    expect(db.prepare('SELECT description FROM findings WHERE id = 41').get()).toEqual({
      description: 'No CIT-trained officer was available on the evening shift',
    });
    const cols = (t: string) => (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
    expect(cols('record_amendments')).toEqual([
      'id',
      'finding_id',
      'recommendation_id',
      'number',
      'changes',
      'diff',
      'reason',
      'hash',
      'at',
      'member',
    ]);
    expect(cols('text_dismissals')).toEqual([
      'id',
      'finding_id',
      'recommendation_id',
      'field',
      'type',
      'value_hash',
      'reason',
      'member',
      'at',
    ]);
  });

  it('an amendment belongs to exactly one finding or recommendation, is numbered once per item and needs a reason', () => {
    v9();
    migrate(db, 10);
    db.prepare(amend).run([41, null, 1, '{}', 'd', 'typo', 'h', 'x']);
    db.prepare(amend).run([null, 1, 1, '{}', 'd', 'typo', 'h', 'x']);
    db.prepare(amend).run([41, null, 2, '{}', 'd', 'typo', 'h', 'x']);
    expect(() => db.prepare(amend).run([41, null, 2, '{}', 'd', 'again', 'h', 'x'])).toThrow(/UNIQUE/);
    expect(() => db.prepare(amend).run([null, 1, 1, '{}', 'd', 'again', 'h', 'x'])).toThrow(/UNIQUE/);
    expect(() => db.prepare(amend).run([41, 1, 3, '{}', 'd', 'both', 'h', 'x'])).toThrow(/CHECK/);
    expect(() => db.prepare(amend).run([null, null, 3, '{}', 'd', 'neither', 'h', 'x'])).toThrow(/CHECK/);
    expect(() => db.prepare(amend).run([41, null, 3, '{}', 'd', '  ', 'h', 'x'])).toThrow(/CHECK/);
    expect(() => db.prepare(amend).run([99, null, 1, '{}', 'd', 'dangling', 'h', 'x'])).toThrow(/FOREIGN KEY/);
  });

  it('a dismissal is one per item, field, kind and value, and goes when its item is deleted', () => {
    v9();
    migrate(db, 10);
    db.prepare(dismiss).run([41, null, 'description', 'NAME', 'h1', 'role label', 'x']);
    db.prepare(dismiss).run([null, 1, 'action', 'NAME', 'h1', 'role label', 'x']);
    expect(() => db.prepare(dismiss).run([41, null, 'description', 'NAME', 'h1', 'twice', 'x'])).toThrow(/UNIQUE/);
    expect(() => db.prepare(dismiss).run([41, null, 'narrative', 'NAME', 'h2', 'wrong field', 'x'])).toThrow(/CHECK/);
    db.prepare(amend).run([41, null, 1, '{}', 'd', 'typo', 'h', 'x']);
    db.prepare('DELETE FROM findings WHERE id = 41').run();
    expect(db.prepare('SELECT count(*) AS n FROM text_dismissals WHERE finding_id IS NOT NULL').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM record_amendments').get()).toEqual({ n: 0 });
    db.prepare('DELETE FROM recommendations WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM text_dismissals').get()).toEqual({ n: 0 });
  });
});
