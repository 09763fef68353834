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
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-mig12-'));
  db = openWithKey(path.join(dir, 'm.db'), crypto.randomBytes(32), { create: true });
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const sha = 'b'.repeat(64);
const addBatch = 'INSERT INTO import_batches (file_name, file_sha256, source, rows, incidents, created_at) VALUES (?, ?, ?, ?, ?, ?)';
const addIncident =
  "INSERT INTO incidents (code, occurred_year, occurred_month, created_at, updated_at, import_batch_id) VALUES (?, 2016, 3, 'x', 'x', ?)";

describe('migration 0012: import batches (issue 19)', () => {
  it('adds the batch tables and a batch column to incidents, keeping existing incidents (with no batch)', () => {
    migrate(db, 11);
    db.prepare(
      "INSERT INTO incidents (code, occurred_year, occurred_month, created_at, updated_at) VALUES ('2026-001', 2026, 3, 'x', 'x')",
    ).run();
    expect(migrate(db, 12)).toBe(12);
    expect(schemaVersion(db)).toBe(12);
    expect(db.prepare('SELECT code, import_batch_id FROM incidents').get()).toEqual({ code: '2026-001', import_batch_id: null });
    const cols = (t: string) => (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
    expect(cols('import_batches')).toEqual([
      'id',
      'file_name',
      'file_sha256',
      'source',
      'rows',
      'incidents',
      'skipped_repeats',
      'created_at',
      'undone_at',
    ]);
    expect(cols('import_record_keys')).toEqual(['key_sha256', 'batch_id']);
  });

  it('an incident points at an existing batch; a record key belongs to one batch once; checks refuse bad rows', () => {
    migrate(db, 12);
    db.pragma('foreign_keys = ON');
    const batch = Number(db.prepare(addBatch).run(['spd.csv', sha, 'seattle-crisis', 4, 3, 'x']).lastInsertRowid);
    db.prepare(addIncident).run(['2016-001', batch]);
    expect(() => db.prepare(addIncident).run(['2016-002', batch + 1])).toThrow(/FOREIGN KEY/);
    db.prepare('INSERT INTO import_record_keys (key_sha256, batch_id) VALUES (?, ?)').run([sha, batch]);
    expect(() => db.prepare('INSERT INTO import_record_keys (key_sha256, batch_id) VALUES (?, ?)').run([sha, batch])).toThrow(
      /UNIQUE|PRIMARY/,
    );
    expect(() => db.prepare(addBatch).run(['spd.csv', 'short', 'seattle-crisis', 4, 3, 'x'])).toThrow(/CHECK/);
    expect(() => db.prepare(addBatch).run(['', sha, 'seattle-crisis', 4, 3, 'x'])).toThrow(/CHECK/);
    expect(() => db.prepare(addBatch).run(['a.csv', sha, 'seattle-crisis', -1, 3, 'x'])).toThrow(/CHECK/);
    // Deleting a batch's keys with the batch (an undo keeps the batch row; the cascade is for completeness).
    db.prepare('DELETE FROM incidents').run();
    db.prepare('DELETE FROM import_batches').run();
    expect(db.prepare('SELECT count(*) AS n FROM import_record_keys').get()).toEqual({ n: 0 });
  });
});
