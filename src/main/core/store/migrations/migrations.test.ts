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

const tables = () =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
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
  it('0003 adds incidents, tags, timelines, dismissals and full-text search to a version-2 database', () => {
    migrate(db, 2);
    db.prepare("INSERT INTO keyholders (id, name, added_at) VALUES ('k1', 'Dana', '2026-01-01')").run();
    expect(migrate(db, 3)).toBe(3);
    expect(tables()).toEqual(
      expect.arrayContaining(['incidents', 'incident_tags', 'timeline_events', 'identifier_dismissals', 'incidents_fts']),
    );
    expect(db.prepare('SELECT name FROM keyholders').get()).toEqual({ name: 'Dana' });
    db.prepare(
      "INSERT INTO incidents (code, occurred_year, occurred_month, created_at, updated_at) VALUES ('2026-001', 2026, 3, 'x', 'x')",
    ).run();
    expect(db.prepare('SELECT occurred, status, version FROM incidents').get()).toEqual({ occurred: 202603, status: 'draft', version: 0 });
    expect(() =>
      db
        .prepare(
          "INSERT INTO incidents (code, occurred_year, occurred_month, created_at, updated_at) VALUES ('2026-002', 2026, 13, 'x', 'x')",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.prepare("INSERT INTO incidents_fts (rowid, narrative) VALUES (1, 'voluntary transport')").run();
    expect(db.prepare("SELECT rowid FROM incidents_fts WHERE incidents_fts MATCH 'transport'").all()).toEqual([{ rowid: 1 }]);
    db.prepare("INSERT INTO timeline_events (incident_id, position, time, actor, kind) VALUES (1, 0, '14:05', 'ems', 'call')").run();
    db.prepare('DELETE FROM incidents WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM timeline_events').get()).toEqual({ n: 0 });
  });
  it('0004 adds the roster, meetings, agenda, attendance, findings and recommendations to a version-3 database', () => {
    migrate(db, 3);
    db.prepare(
      "INSERT INTO incidents (code, occurred_year, occurred_month, created_at, updated_at) VALUES ('2026-001', 2026, 3, 'x', 'x')",
    ).run();
    expect(migrate(db, 4)).toBe(4);
    expect(tables()).toEqual(
      expect.arrayContaining([
        'members',
        'organisations',
        'meetings',
        'agenda_items',
        'attendance',
        'findings',
        'recommendations',
        'recommendation_findings',
        'recommendation_history',
      ]),
    );
    expect(db.prepare('SELECT code FROM incidents').get()).toEqual({ code: '2026-001' });
    db.prepare("INSERT INTO members (name, sector, created_at) VALUES ('Sam', 'mental_health', 'x')").run();
    db.prepare("INSERT INTO organisations (name, sector, created_at) VALUES ('County BH', 'mental_health', 'x')").run();
    // An owner is a member or an organisation, never both and never neither.
    const rec =
      "INSERT INTO recommendations (code, action, owner_member_id, owner_organisation_id, due_date, status_at, action_type, strength, created_at) VALUES (?, 'a', ?, ?, '2026-01-01', 'x', 'training', 'weaker', 'x')";
    expect(() => db.prepare(rec).run(['R-1', 1, 1])).toThrow(/CHECK/);
    expect(() => db.prepare(rec).run(['R-2', null, null])).toThrow(/CHECK/);
    db.prepare(rec).run(['R-3', 1, null]);
  });
  it('0005 adds minutes and numbered amendments to a version-4 database', () => {
    migrate(db, 4);
    db.prepare(
      "INSERT INTO meetings (date, time, length_minutes, created_at, updated_at) VALUES ('2026-05-12', '14:00', 90, 'x', 'x')",
    ).run();
    expect(migrate(db, 5)).toBe(5);
    db.prepare("INSERT INTO minutes (meeting_id, sections, created_at, updated_at) VALUES (1, '[]', 'x', 'x')").run();
    expect(() => db.prepare("INSERT INTO minutes (meeting_id, sections, created_at, updated_at) VALUES (1, '[]', 'x', 'x')").run()).toThrow(
      /UNIQUE/,
    );
    db.prepare(
      "INSERT INTO minutes_amendments (minutes_id, number, sections, diff, reason, hash, at) VALUES (1, 1, '[]', '', 'typo', 'h', 'x')",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO minutes_amendments (minutes_id, number, sections, diff, reason, hash, at) VALUES (1, 1, '[]', '', 'typo', 'h', 'x')",
        )
        .run(),
    ).toThrow(/UNIQUE/);
  });
  it('0006 adds a covering filter index that list counts use instead of the table', () => {
    migrate(db, 5);
    db.prepare(
      "INSERT INTO incidents (code, occurred_year, occurred_month, created_at, updated_at) VALUES ('2026-001', 2026, 3, 'x', 'x')",
    ).run();
    expect(migrate(db, 6)).toBe(6);
    const plan = (
      db
        .prepare('EXPLAIN QUERY PLAN SELECT count(*) FROM incidents WHERE occurred BETWEEN 202001 AND 202012 AND (dispositions & 8) != 0')
        .all() as { detail: string }[]
    ).map((r) => r.detail);
    expect(plan.join(' ')).toMatch(/USING (COVERING )?INDEX incidents_filter/);
  });
  it('0007 adds crisis services with versioned weekly hours', () => {
    migrate(db, 6);
    expect(migrate(db, 7)).toBe(7);
    db.prepare("INSERT INTO services (name, sector, created_at) VALUES ('Mobile crisis', 'mobile_crisis', 'x')").run();
    db.prepare(
      "INSERT INTO service_hours (service_id, effective_from, weekday, start, end) VALUES (1, '2024-01-01', 1, '08:00', '23:00')",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO service_hours (service_id, effective_from, weekday, start, end) VALUES (1, '2024-01-01', 8, '08:00', '23:00')",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.prepare('DELETE FROM services').run();
    expect(db.prepare('SELECT count(*) AS n FROM service_hours').get()).toEqual({ n: 0 });
  });
  const v7WithFinding = () => {
    migrate(db, 7);
    db.prepare(
      "INSERT INTO incidents (code, occurred_year, occurred_month, created_at, updated_at) VALUES ('2026-001', 2026, 3, 'x', 'x')",
    ).run();
    db.prepare(
      "INSERT INTO meetings (date, time, length_minutes, created_at, updated_at) VALUES ('2026-05-12', '14:00', 90, 'x', 'x')",
    ).run();
    db.prepare("INSERT INTO members (name, sector, created_at) VALUES ('Sam', 'mental_health', 'x')").run();
    db.prepare(
      "INSERT INTO findings (id, incident_id, meeting_id, category, kind, goals, description, created_at) VALUES (41, 1, 1, 'services', 'gap', 3, 'No clinician overnight', 'x')",
    ).run();
    db.prepare(
      "INSERT INTO recommendations (code, action, owner_member_id, due_date, status_at, action_type, strength, created_at) VALUES ('R-1', 'a', 1, '2026-09-01', 'x', 'training', 'weaker', 'x')",
    ).run();
    db.prepare('INSERT INTO recommendation_findings (recommendation_id, finding_id) VALUES (1, 41)').run();
  };
  it('0008 rebuilds findings so a finding may come from a coverage gap, keeping ids and recommendation links', () => {
    v7WithFinding();
    expect(migrate(db, 8)).toBe(8);
    expect(columns('findings')).toContain('source');
    expect(db.prepare('SELECT id, incident_id, source, meeting_id, goals, description FROM findings').get()).toEqual({
      id: 41,
      incident_id: 1,
      source: 'case',
      meeting_id: 1,
      goals: 3,
      description: 'No clinician overnight',
    });
    expect(db.prepare('SELECT finding_id FROM recommendation_findings').get()).toEqual({ finding_id: 41 });
    // Foreign keys are back on after the rebuild, and they point at the new table.
    expect(Number(db.pragma('foreign_keys', { simple: true }))).toBe(1);
    expect((db.prepare('PRAGMA foreign_key_list(recommendation_findings)').all() as { table: string }[]).map((r) => r.table)).toContain(
      'findings',
    );
    const add =
      "INSERT INTO findings (incident_id, source, category, kind, description, created_at) VALUES (?, ?, 'staffing', 'gap', 'd', 'x')";
    db.prepare(add).run([null, 'coverage']);
    expect(() => db.prepare(add).run([null, 'case'])).toThrow(/CHECK/);
    expect(() => db.prepare(add).run([1, 'coverage'])).toThrow(/CHECK/);
    expect(() => db.prepare(add).run([99, 'case'])).toThrow(/FOREIGN KEY/);
    // Deleting the incident still cascades to its findings and their recommendation links.
    db.prepare('DELETE FROM incidents WHERE id = 1').run();
    expect(db.prepare('SELECT source FROM findings').all()).toEqual([{ source: 'coverage' }]);
    expect(db.prepare('SELECT count(*) AS n FROM recommendation_findings').get()).toEqual({ n: 0 });
    const idx = (
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'findings' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .all() as { name: string }[]
    ).map((r) => r.name);
    expect(idx).toEqual(['findings_incident', 'findings_meeting', 'findings_source']);
  });
  it('a table rebuild that would leave a broken reference is refused and the database stays at the previous version', () => {
    v7WithFinding();
    db.pragma('foreign_keys = OFF');
    db.prepare(
      "INSERT INTO findings (id, incident_id, category, kind, description, created_at) VALUES (42, 777, 'policy', 'gap', 'dangling', 'x')",
    ).run();
    db.pragma('foreign_keys = ON');
    expect(() => migrate(db, 8)).toThrow(/Migration 8 .*broken reference.*findings row 42/);
    expect(schemaVersion(db)).toBe(7);
    expect(columns('findings')).not.toContain('source');
    expect(db.prepare('SELECT count(*) AS n FROM findings').get()).toEqual({ n: 2 });
    expect(Number(db.pragma('foreign_keys', { simple: true }))).toBe(1);
  });
  it('0009 replaces the filter index with one that is really covering (no generated column) for counts and coverage', () => {
    migrate(db, 8);
    db.prepare(
      "INSERT INTO incidents (code, occurred_year, occurred_month, weekday, hour_of_day, area, created_at, updated_at) VALUES ('2026-001', 2026, 3, 6, 2, 'D14', 'x', 'x')",
    ).run();
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' ');
    const count =
      "SELECT count(*) FROM incidents WHERE (occurred_year, occurred_month) BETWEEN (2020, 1) AND (2026, 12) AND call_source IN ('x') AND (dispositions & 8) != 0";
    // Before: the 0006 index is chosen but, starting with the generated column, never covers.
    const before = plan(
      'SELECT count(*) FROM incidents INDEXED BY incidents_filter WHERE occurred BETWEEN 202001 AND 202612 AND (dispositions & 8) != 0',
    );
    expect(before).toMatch(/USING INDEX incidents_filter/);
    expect(before).not.toMatch(/COVERING/);
    expect(migrate(db, 9)).toBe(9);
    expect(plan(count)).toMatch(/USING COVERING INDEX incidents_facets/);
    expect(
      plan(
        "SELECT weekday, hour_of_day, coalesce(area, ''), count(*), sum((dispositions & 8) != 0) FROM incidents WHERE (occurred_year, occurred_month) BETWEEN (2020, 1) AND (2026, 12) GROUP BY weekday, hour_of_day, area",
      ),
    ).toMatch(/USING COVERING INDEX incidents_facets/);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'incidents_filter'").get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT weekday, hour_of_day, area FROM incidents').get()).toEqual({ weekday: 6, hour_of_day: 2, area: 'D14' });
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
    incidents: [
      'id',
      'code',
      'occurred_year',
      'occurred_month',
      'weekday',
      'hour_of_day',
      'area',
      'call_source',
      'initial_call_type',
      'final_call_type',
      'responders',
      'cit_requested',
      'cit_dispatched',
      'cit_arrived',
      'weapon',
      'threats',
      'injuries',
      'force',
      'restraint',
      'handcuffs',
      'behaviours',
      'dispositions',
      'referrals',
      'follow_up_7',
      'veteran',
      'prior_contacts',
      'intercepts',
      'narrative',
      'status',
      'source',
      'open_identifiers',
      'version',
      'created_at',
      'updated_at',
    ],
    incident_tags: ['incident_id', 'tag'],
    members: ['id', 'name', 'organisation', 'sector', 'role', 'active', 'keyholder_id', 'created_at'],
    organisations: ['id', 'name', 'sector', 'created_at'],
    meetings: [
      'id',
      'date',
      'time',
      'length_minutes',
      'place',
      'virtual',
      'status',
      'notes',
      'started_at',
      'ended_at',
      'created_at',
      'updated_at',
    ],
    agenda_items: ['id', 'meeting_id', 'position', 'kind', 'title', 'minutes', 'incident_id', 'completed', 'started_at', 'notes'],
    attendance: ['meeting_id', 'member_id', 'status', 'attested_at'],
    findings: [
      'id',
      'incident_id',
      'source',
      'meeting_id',
      'category',
      'kind',
      'intercept',
      'goals',
      'timeline_event_id',
      'description',
      'created_at',
      'created_by',
    ],
    recommendations: [
      'id',
      'code',
      'action',
      'owner_member_id',
      'owner_organisation_id',
      'due_date',
      'status',
      'status_at',
      'measure',
      'action_type',
      'strength',
      'meeting_id',
      'created_at',
    ],
    recommendation_findings: ['recommendation_id', 'finding_id'],
    recommendation_history: ['id', 'recommendation_id', 'status', 'note', 'at', 'member'],
    minutes: [
      'id',
      'meeting_id',
      'status',
      'sections',
      'approved_at',
      'approved_by',
      'approved_hash',
      'approved_at_meeting_id',
      'created_at',
      'updated_at',
    ],
    services: ['id', 'name', 'sector', 'areas', 'created_at'],
    service_hours: ['id', 'service_id', 'effective_from', 'weekday', 'start', 'end'],
    minutes_amendments: ['id', 'minutes_id', 'number', 'sections', 'diff', 'reason', 'hash', 'at', 'member'],
    timeline_events: ['id', 'incident_id', 'position', 'time', 'actor', 'kind', 'description', 'decision_point'],
    identifier_dismissals: ['id', 'incident_id', 'field', 'type', 'value_hash', 'reason', 'member', 'at'],
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
