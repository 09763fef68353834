import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, headMac, headMacMatches, listAudit } from './audit';
import { openWithKey, type WritableDB } from './db';
import { migrate } from './migrations';
import { autoLockMinutes, setAutoLockMinutes } from './settings';

let dir: string;
let db: WritableDB;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-sa-'));
  db = openWithKey(path.join(dir, 'x.db'), crypto.randomBytes(32), { create: true });
  migrate(db);
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('settings', () => {
  it('defaults to 15 minutes, stores a choice, and ignores an out-of-range stored value', () => {
    expect(autoLockMinutes(db)).toBe(15);
    setAutoLockMinutes(db, 5);
    expect(autoLockMinutes(db)).toBe(5);
    db.prepare("UPDATE settings SET value = '90' WHERE key = 'autoLockMinutes'").run();
    expect(autoLockMinutes(db)).toBe(15);
  });
});

describe('audit listing', () => {
  it('pages newest first and filters by event', () => {
    for (let i = 0; i < 7; i++) appendAudit(db, 'Dana', { event: i % 2 ? 'backup' : 'update', entity: `e${i}` });
    const page = listAudit(db, { limit: 3, offset: 0 });
    expect(page.total).toBe(7);
    expect(page.rows.map((r) => r.id)).toEqual([7, 6, 5]);
    expect(listAudit(db, { limit: 3, offset: 6 }).rows.map((r) => r.id)).toEqual([1]);
    const backups = listAudit(db, { event: 'backup', limit: 10, offset: 0 });
    expect(backups.total).toBe(3);
    expect(backups.rows.every((r) => r.event === 'backup')).toBe(true);
  });
});

describe('head anchor MAC', () => {
  it('matches only the same key, rows and hash; a malformed MAC is a mismatch, not a crash', () => {
    const key = crypto.randomBytes(32);
    const head = { rows: 4, hash: 'a'.repeat(64) };
    const mac = headMac(key, head);
    expect(headMacMatches(key, { ...head, mac })).toBe(true);
    expect(headMacMatches(crypto.randomBytes(32), { ...head, mac })).toBe(false);
    expect(headMacMatches(key, { ...head, rows: 3, mac })).toBe(false);
    expect(headMacMatches(key, { ...head, mac: 'short' })).toBe(false);
    expect(headMacMatches(key, { ...head, mac: `${mac}00` })).toBe(false);
  });
});
