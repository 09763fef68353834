import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWithKey, type WritableDB } from '../db';
import { migrate, schemaVersion } from './index';
import { LEGACY_STATUS, REC_STATUS } from '../../../../shared/recommendations/values';

let dir: string;
let db: WritableDB;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-mig13-'));
  db = openWithKey(path.join(dir, 'm.db'), crypto.randomBytes(32), { create: true });
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A version-12 workbench with one recommendation in each of the five statuses before issue 20, each with its history. */
function seedV12(): void {
  migrate(db, 12);
  db.prepare("INSERT INTO organisations (name, sector, created_at) VALUES ('County Behavioral Health', 'mental_health', 'x')").run();
  db.prepare(
    "INSERT INTO meetings (date, time, length_minutes, place, virtual, status, created_at, updated_at) VALUES ('2026-03-01', '14:00', 90, '', 1, 'ended', 'x', 'x')",
  ).run();
  const old = ['proposed', 'accepted', 'in_progress', 'completed', 'declined'];
  old.forEach((status, i) => {
    const id = Number(
      db
        .prepare(
          `INSERT INTO recommendations (code, action, owner_organisation_id, due_date, status, status_at, action_type, strength, meeting_id, created_at)
           VALUES (?, 'Fund a clinician', 1, '2026-09-30', ?, 'x', 'staffing', 'intermediate', ?, '2026-03-10T15:00:00Z')`,
        )
        .run([`R-00${i + 1}`, status, i === 1 ? null : 1]).lastInsertRowid,
    );
    const hist = db.prepare('INSERT INTO recommendation_history (recommendation_id, status, note, at, member) VALUES (?, ?, ?, ?, ?)');
    hist.run([id, 'proposed', '', '2026-03-10T15:00:00Z', 'Dana']);
    if (status === 'in_progress' || status === 'completed') hist.run([id, 'accepted', 'Agreed', '2026-03-11T09:00:00Z', 'Dana']);
    if (status !== 'proposed') hist.run([id, status, status === 'declined' ? 'Out of remit' : 'Done', '2026-04-01T09:00:00Z', 'Dana']);
  });
}

describe('migration 0013: recommendation follow-through (issue 20)', () => {
  it("maps today's statuses onto the lifecycle, keeps every history row and what it was recorded as", () => {
    seedV12();
    expect(migrate(db, 13)).toBe(13);
    expect(schemaVersion(db)).toBe(13);
    const recs = db.prepare('SELECT code, status, response_due, closure_code, verified_on FROM recommendations ORDER BY code').all();
    expect(recs).toEqual([
      { code: 'R-001', status: 'proposed', response_due: null, closure_code: null, verified_on: null },
      // Without a meeting the response date counts from the day it was made; otherwise from the meeting.
      { code: 'R-002', status: 'adopted', response_due: '2026-05-09', closure_code: null, verified_on: null },
      { code: 'R-003', status: 'in_progress', response_due: '2026-04-30', closure_code: null, verified_on: null },
      // Completed is reported implemented, never verified without evidence.
      { code: 'R-004', status: 'reported_implemented', response_due: '2026-04-30', closure_code: null, verified_on: null },
      { code: 'R-005', status: 'declined', response_due: '2026-04-30', closure_code: null, verified_on: null },
    ]);
    const hist = db
      .prepare(
        'SELECT r.code, h.status, h.was, h.note FROM recommendation_history h JOIN recommendations r ON r.id = h.recommendation_id ORDER BY h.id',
      )
      .all();
    expect(hist).toEqual([
      { code: 'R-001', status: 'proposed', was: null, note: '' },
      { code: 'R-002', status: 'proposed', was: null, note: '' },
      { code: 'R-002', status: 'adopted', was: 'accepted', note: 'Done' },
      { code: 'R-003', status: 'proposed', was: null, note: '' },
      { code: 'R-003', status: 'adopted', was: 'accepted', note: 'Agreed' },
      { code: 'R-003', status: 'in_progress', was: null, note: 'Done' },
      { code: 'R-004', status: 'proposed', was: null, note: '' },
      { code: 'R-004', status: 'adopted', was: 'accepted', note: 'Agreed' },
      { code: 'R-004', status: 'reported_implemented', was: 'completed', note: 'Done' },
      { code: 'R-005', status: 'proposed', was: null, note: '' },
      { code: 'R-005', status: 'declined', was: null, note: 'Out of remit' },
    ]);
    // Every status left is one the lifecycle knows, and the mapping table says the same.
    const statuses = (
      db.prepare('SELECT status FROM recommendation_history UNION SELECT status FROM recommendations').all() as { status: string }[]
    ).map((r) => r.status);
    for (const s of statuses) expect(REC_STATUS.values).toContain(s);
    expect(LEGACY_STATUS).toMatchObject({ accepted: 'adopted', completed: 'reported_implemented' });
  });

  it('effect checks: a result is one of four, and a check belongs to a recommendation', () => {
    seedV12();
    migrate(db, 13);
    const add = db.prepare(
      "INSERT INTO recommendation_effect_checks (recommendation_id, due_date, reason, result) VALUES (?, '2027-01-01', ?, ?)",
    );
    add.run([1, 'measure', null]);
    add.run([1, 'verified', 'met']);
    expect(() => add.run([1, 'measure', 'great'])).toThrow(/CHECK/);
    expect(() => add.run([1, 'whim', null])).toThrow(/CHECK/);
    expect(() => add.run([99, 'measure', null])).toThrow(/FOREIGN KEY/);
  });
});
