/** Issue 20: the seed leaves a year of follow-through that looks like use, and names no one. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scan } from '../deid/scanner';
import { unlockedCore } from '../test-support';
import { seed } from './seed';

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

describe('seeded follow-through', () => {
  it('sent and overdue, declined with a rationale, reported and verified, effect checks met and not met, one due; letters for two agencies', async () => {
    const t = await unlockedCore('cw-seed-ft-');
    cleanup = t.cleanup;
    const { call, core } = t;
    seed(core.workbench, { incidents: 3000, years: 3, seed: 7 });
    const recs = (await call('recommendations.list', {})).recommendations;
    const full = await Promise.all(recs.map((r) => call('recommendations.get', { id: r.id })));
    const count = (f: (r: (typeof full)[number]) => boolean) => full.filter(f).length;
    expect(count((r) => r.status === 'sent')).toBeGreaterThan(0);
    expect(count((r) => r.responseOverdue)).toBeGreaterThan(0);
    expect(count((r) => r.status === 'declined' && r.response?.kind === 'declined' && r.response.rationale.length > 10)).toBeGreaterThan(0);
    expect(count((r) => r.status === 'declined' && r.closureCode !== null)).toBe(count((r) => r.status === 'declined'));
    expect(count((r) => r.status === 'reported_implemented' && r.verification === null)).toBeGreaterThan(0);
    expect(count((r) => r.status === 'verified_implemented' && r.verification !== null && r.effect !== null)).toBe(
      count((r) => r.status === 'verified_implemented'),
    );
    const results = full.flatMap((r) => r.effectChecks.map((c) => c.result));
    expect(results).toEqual(expect.arrayContaining(['met', 'not_met', null]));
    expect(count((r) => r.effectCheckDue)).toBeGreaterThan(0);
    // Every history row is a status the lifecycle knows, in order of time.
    for (const r of full) expect(r.history.map((h) => h.at)).toEqual([...r.history.map((h) => h.at)].sort());

    // The latest ended meeting: adopted recommendations owned by two organisations or more.
    const meetings = (await call('meetings.list', {})).meetings;
    const ended = meetings.filter((m) => m.status === 'ended').sort((a, b) => a.date.localeCompare(b.date));
    const latest = ended.at(-1)!;
    const own = full.filter((r) => r.meetingId === latest.id);
    expect(own.every((r) => r.status === 'adopted' && r.owner.kind === 'organisation')).toBe(true);
    expect(new Set(own.map((r) => r.owner.id)).size).toBeGreaterThanOrEqual(2);

    // The follow-through text names no one.
    const texts = full.flatMap((r) => [
      r.response?.rationale ?? '',
      r.response?.plannedAction ?? '',
      ...(r.verification ? [r.verification.what, r.verification.by, r.verification.evidence] : []),
      r.effect?.baseline ?? '',
      r.effect?.target ?? '',
      ...r.effectChecks.flatMap((c) => [c.value, c.note]),
      ...r.history.map((h) => h.note),
    ]);
    expect(texts.flatMap((x) => scan(x).map((f) => x.slice(f.start, f.end)))).toEqual([]);

    // The annual report of a year with responses, verifications and effect checks leaves in every
    // format: the dates the committee recorded are its own, not identifiers.
    const year = Number(full.find((r) => r.response)!.response!.date.slice(0, 4));
    for (const format of ['md', 'docx', 'pdf'] as const) {
      const file = path.join(t.dataDir, `annual-${year}.${format}`);
      const r = await call('reports.exportAnnual', { year, format, handle: core.files.register(file, 'write') });
      expect(r.bytes).toBeGreaterThan(500);
      expect(fs.existsSync(file)).toBe(true);
    }
  }, 120_000);
});
