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
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-mig11-'));
  db = openWithKey(path.join(dir, 'm.db'), crypto.randomBytes(32), { create: true });
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const add = 'INSERT INTO workbench_copies (kind, path, sha256, bytes, created_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?)';
const sha = 'a'.repeat(64);

describe('migration 0011: the copies of the workbench Casewalk wrote (issue 16, item 5)', () => {
  it('adds workbench_copies to a version-10 workbench and keeps its rows', () => {
    migrate(db, 10);
    db.prepare(
      "INSERT INTO incidents (code, occurred_year, occurred_month, created_at, updated_at) VALUES ('2026-001', 2026, 3, 'x', 'x')",
    ).run();
    expect(migrate(db, 11)).toBe(11);
    expect(schemaVersion(db)).toBe(11);
    expect(db.prepare('SELECT code FROM incidents').get()).toEqual({ code: '2026-001' });
    const cols = (db.prepare('PRAGMA table_info(workbench_copies)').all() as { name: string }[]).map((c) => c.name);
    expect(cols).toEqual(['id', 'kind', 'path', 'sha256', 'bytes', 'created_at', 'deleted_at']);
  });

  it('a copy is a backup or a replaced copy with a path, a SHA-256 and a size; one live record per path', () => {
    migrate(db, 11);
    db.prepare(add).run(['backup', '/b/one.cwbackup', sha, 10, 'x', null]);
    db.prepare(add).run(['replaced', '/b/w.replaced-1.db', sha, 0, 'x', null]);
    expect(() => db.prepare(add).run(['backup', '/b/one.cwbackup', sha, 11, 'y', null])).toThrow(/UNIQUE/);
    // A deleted record does not hold the path.
    db.prepare("UPDATE workbench_copies SET deleted_at = 'z' WHERE path = '/b/one.cwbackup'").run();
    db.prepare(add).run(['backup', '/b/one.cwbackup', sha, 11, 'y', null]);
    expect(() => db.prepare(add).run(['export', '/b/x', sha, 1, 'x', null])).toThrow(/CHECK/);
    expect(() => db.prepare(add).run(['backup', '', sha, 1, 'x', null])).toThrow(/CHECK/);
    expect(() => db.prepare(add).run(['backup', '/b/short', 'abc', 1, 'x', null])).toThrow(/CHECK/);
    expect(() => db.prepare(add).run(['backup', '/b/neg', sha, -1, 'x', null])).toThrow(/CHECK/);
  });
});
