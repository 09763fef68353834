import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWithKey, type WritableDB } from '../db';
import { LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from './index';

let dir: string;
let db: WritableDB;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-mig-'));
  db = openWithKey(path.join(dir, 'm.db'), crypto.randomBytes(32), { create: true });
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const tables = () => (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
const columns = (t: string) => (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);

describe('migrations', () => {
  it('are numbered 1..N without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });
  it('0001 creates meta, settings and the audit log, and stamps the application id', () => {
    expect(migrate(db, 1)).toBe(1);
    expect(tables()).toEqual(['audit', 'meta', 'settings']);
    expect(columns('audit')).toEqual(['id', 'at', 'member', 'event', 'entity', 'outcome', 'detail', 'prev_hash', 'hash']);
    expect(Number(db.pragma('application_id', { simple: true }))).toBe(0x43574b31);
  });
  it('0002 adds keyholders to a version-1 database and keeps its rows', () => {
    migrate(db, 1);
    db.prepare("INSERT INTO meta (key, value) VALUES ('committee', 'X')").run();
    expect(migrate(db, 2)).toBe(2);
    expect(columns('keyholders')).toEqual(['id', 'name', 'added_at', 'removed_at']);
    expect(db.prepare('SELECT value FROM meta').get()).toEqual({ value: 'X' });
  });
  it('is idempotent and records the version', () => {
    migrate(db);
    migrate(db);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
  });
  it('a failing migration leaves the database at the previous version', () => {
    migrate(db, 1);
    const broken = { version: 99, name: 'broken', up: (d: WritableDB) => d.exec('CREATE TABLE half (a); SELECT * FROM no_such_table;') };
    expect(() => db.transaction(() => broken.up(db))()).toThrow();
    expect(tables()).not.toContain('half');
    expect(schemaVersion(db)).toBe(1);
  });
});

describe('schema snapshot', () => {
  // Fails when a migration drops or renames a table or column without saying so here.
  const SNAPSHOT: Record<string, string[]> = {
    audit: ['id', 'at', 'member', 'event', 'entity', 'outcome', 'detail', 'prev_hash', 'hash'],
    keyholders: ['id', 'name', 'added_at', 'removed_at'],
    meta: ['key', 'value'],
    settings: ['key', 'value'],
  };
  it('every snapshotted table and column still exists at the latest version', () => {
    migrate(db);
    for (const [t, cols] of Object.entries(SNAPSHOT)) {
      expect(tables(), t).toContain(t);
      for (const c of cols) expect(columns(t), `${t}.${c}`).toContain(c);
    }
  });
});
