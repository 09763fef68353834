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
  });

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
