import { afterEach, describe, expect, it } from 'vitest';
import { unlockedCore } from '../test-support';
import { scan } from '../deid/scanner';
import { seed } from './seed';

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

async function seeded(s: number) {
  const t = await unlockedCore('cw-seed-');
  cleanups.push(t.cleanup);
  const result = seed(t.core.workbench, { incidents: 3000, years: 3, seed: s, endYear: 2025 });
  return { ...t, result };
}

describe('synthetic seed', () => {
  it('is deterministic for a seed and different for another', async () => {
    const a = await seeded(42);
    const b = await seeded(42);
    const c = await seeded(43);
    const digest = (t: typeof a) =>
      t.core.workbench.read((db) =>
        JSON.stringify(db.prepare('SELECT code, dispositions, responders, narrative, hour_of_day FROM incidents ORDER BY id').all()),
      );
    expect(a.result).toEqual(b.result);
    expect(digest(a)).toBe(digest(b));
    expect(digest(a)).not.toBe(digest(c));
  }, 180_000);

  it('builds plausible, complete data: 5–15 steps each, monthly meetings, findings and every recommendation status', async () => {
    const { call, result, core } = await seeded(7);
    expect(result).toMatchObject({ incidents: 3000, members: 12, organisations: 6, meetings: 36 });
    expect(result.timelineEvents).toBeGreaterThanOrEqual(3000 * 5);
    expect(result.timelineEvents).toBeLessThanOrEqual(3000 * 15);
    const perIncident = core.workbench.read((db) =>
      db.prepare('SELECT min(n) AS lo, max(n) AS hi FROM (SELECT count(*) AS n FROM timeline_events GROUP BY incident_id)').get(),
    );
    expect(perIncident).toEqual({ lo: 5, hi: 15 });
    const detention = (await call('incidents.list', { disposition: ['emergency_detention'], limit: 1 })).total;
    expect(detention / 3000).toBeGreaterThan(0.15);
    expect(detention / 3000).toBeLessThan(0.3);
    const recs = (await call('recommendations.list', {})).recommendations;
    expect([...new Set(recs.map((r) => r.status))]).toEqual(
      expect.arrayContaining(['adopted', 'sent', 'in_progress', 'reported_implemented', 'verified_implemented', 'declined']),
    );
    expect(result.findings).toBeGreaterThan(0);
    const meetings = (await call('meetings.list', {})).meetings;
    expect(meetings.filter((m) => m.caseCount > 0).length).toBeGreaterThan(20);
    expect((await call('workbench.verify', {})).ok).toBe(true);
    // Entirely synthetic: no narrative or roster entry looks like a real identifier.
    const texts = core.workbench.read((db) =>
      (db.prepare('SELECT DISTINCT narrative AS t FROM incidents').all() as { t: string }[]).map((r) => r.t),
    );
    expect(texts.flatMap((t) => scan(t))).toEqual([]);
    expect((await call('incidents.list', { unresolvedIdentifiers: true })).total).toBe(0);
  });

  it('never puts an incident in a month after the anchor date, and only meetings before it have ended', async () => {
    const t = await unlockedCore('cw-seed-');
    cleanups.push(t.cleanup);
    seed(t.core.workbench, { incidents: 600, years: 2, seed: 5, today: '2026-11-29' });
    const q = <T>(sql: string) => t.core.workbench.read((db) => db.prepare(sql).get() as T);
    const span = q<{ first: number; last: number }>(
      'SELECT min(occurred_year * 100 + occurred_month) AS first, max(occurred_year * 100 + occurred_month) AS last FROM incidents',
    );
    // Two years ending with the anchor's month: 2025-01 … 2026-11, nothing in December 2026.
    expect(span).toEqual({ first: 202501, last: 202611 });
    const meetings = q<{ lastEnded: string; firstPlanned: string }>(
      "SELECT (SELECT max(date) FROM meetings WHERE status = 'ended') AS lastEnded, (SELECT min(date) FROM meetings WHERE status = 'planned') AS firstPlanned",
    );
    expect(meetings.lastEnded < '2026-11-29').toBe(true);
    expect(meetings.firstPlanned >= '2026-11-29').toBe(true);
  });
});

describe.each(['2026-12-02', '2026-12-28'])('a year of use anchored on %s', (today) => {
  it('keeps every guarantee of issue 19', async () => {
    const t = await unlockedCore('cw-seed-');
    cleanups.push(t.cleanup);
    seed(t.core.workbench, { incidents: 300, years: 2, seed: 11, today });
    const all = <T>(sql: string, params: unknown[] = []) => t.core.workbench.read((db) => db.prepare(sql).all(params as never) as T[]);
    const lastYm = Number(today.slice(0, 4)) * 100 + Number(today.slice(5, 7));
    expect(all<{ n: number }>('SELECT count(*) AS n FROM incidents WHERE occurred_year * 100 + occurred_month > ?', [lastYm])[0]!.n).toBe(
      0,
    );

    // Every ended meeting: attendance and minutes, approved at the next meeting on its day, the latest one a draft.
    const ended = all<{
      id: number;
      date: string;
      attendance: number;
      status: string | null;
      approved_at: string | null;
      at: string | null;
    }>(
      `SELECT m.id, m.date, (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id) AS attendance, n.status, n.approved_at,
        (SELECT date FROM meetings WHERE id = n.approved_at_meeting_id) AS at
       FROM meetings m LEFT JOIN minutes n ON n.meeting_id = m.id WHERE m.status = 'ended' ORDER BY m.date`,
    );
    expect(ended.length).toBeGreaterThan(20);
    expect(ended.every((m) => m.date < today && m.attendance > 0)).toBe(true);
    expect(ended.map((m) => m.status)).toEqual([...ended.slice(1).map(() => 'approved'), 'draft']);
    ended.slice(0, -1).forEach((m, i) => {
      expect(m.at).toBe(ended[i + 1]!.date);
      expect(m.approved_at!.slice(0, 10)).toBe(m.at);
      expect(m.approved_at!.slice(0, 10) > m.date).toBe(true);
    });
    const latest = ended.at(-1)!;
    const minutes = await t.call('minutes.get', { meetingId: latest.id });
    expect(minutes?.status).toBe('draft');
    expect(minutes?.sections.length).toBeGreaterThan(3);
    const first = await t.call('minutes.get', { meetingId: ended[0]!.id });
    expect(first?.approvedHash).toMatch(/^[0-9a-f]{64}$/);

    // The latest ended meeting: two cases with findings, adopted recommendations owned by two organisations.
    const cases = all<{ n: number }>('SELECT count(DISTINCT incident_id) AS n FROM findings WHERE meeting_id = ?', [latest.id])[0]!.n;
    expect(cases).toBeGreaterThanOrEqual(2);
    const owners = all<{ org: number | null }>(
      "SELECT DISTINCT owner_organisation_id AS org FROM recommendations WHERE meeting_id = ? AND status NOT IN ('proposed', 'declined')",
      [latest.id],
    );
    expect(owners.filter((o) => o.org !== null).length).toBeGreaterThanOrEqual(2);

    // Owners are organisations, never members.
    expect(all<{ n: number }>('SELECT count(*) AS n FROM recommendations WHERE owner_member_id IS NOT NULL')[0]!.n).toBe(0);
    expect(all<{ n: number }>('SELECT count(*) AS n FROM recommendations WHERE owner_organisation_id IS NULL')[0]!.n).toBe(0);

    // The next meeting: planned after the anchor, three cases ready for review, twelve recommendations to follow up.
    const next = all<{ id: number; date: string }>("SELECT id, date FROM meetings WHERE status = 'planned' AND date > ? ORDER BY date", [
      today,
    ])[0]!;
    expect(next).toBeDefined();
    const detail = await t.call('meetings.get', { id: next.id });
    const caseItems = detail.items.filter((i) => i.kind === 'case_review');
    expect(caseItems.length).toBeGreaterThanOrEqual(3);
    expect(caseItems.every((i) => i.incident && ['ready_for_review', 'reviewed'].includes(i.incident.status))).toBe(true);
    expect(detail.items.at(-1)!.kind).toBe('other_business');
    expect(detail.items.map((i) => i.position)).toEqual(detail.items.map((_, i) => i));
    const followUp = detail.items.find((i) => i.kind === 'follow_up')!;
    expect(followUp.carried.length).toBeGreaterThanOrEqual(12);
    expect((await t.call('workbench.verify', {})).ok).toBe(true);
  });
});
