/** Issue 20, reports: the figures agree with the recommendations themselves, and the annual report and register carry them. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seed } from '../seed/seed';
import { unlockedCore } from '../test-support';
import { daysBetween } from './dates';
import { median } from './report';
import { followThroughBlocks } from './report-doc';

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

describe('recommendations report', () => {
  it('counts, shares and medians computed from the records; annual report and register show the follow-through', async () => {
    const t = await unlockedCore('cw-rep-');
    cleanup = t.cleanup;
    const { call, core, dataDir } = t;
    seed(core.workbench, { incidents: 1500, years: 2, seed: 5 });
    const r = await call('recommendations.report', {});
    const all = await Promise.all(
      (await call('recommendations.list', {})).recommendations.map((x) => call('recommendations.get', { id: x.id })),
    );
    expect(r.byStatus.verified_implemented).toBe(all.filter((x) => x.status === 'verified_implemented').length);
    expect(r.overdueResponses).toBe(all.filter((x) => x.responseOverdue).length);
    expect(r.effectChecksDue).toBe(all.filter((x) => x.effectCheckDue).length);
    const implemented = all.filter((x) => x.status === 'reported_implemented' || x.status === 'verified_implemented');
    expect(r.implemented).toBe(implemented.length);
    expect(r.measuredShare).toBeCloseTo(implemented.filter((x) => x.effectChecks.some((c) => c.result)).length / implemented.length, 3);
    // Days from adoption (its history row, in the committee's zone) to the response.
    const toResponse = all.flatMap((x) => {
      const adopted = x.history.find((h) => h.status === 'adopted');
      return adopted && x.response ? [daysBetween(adopted.at.slice(0, 10), x.response.date)] : [];
    });
    expect(toResponse.length).toBeGreaterThan(0);
    expect(r.medianDaysToResponse).toBe(median(toResponse));
    expect(r.byAgency.reduce((a, b) => a + b.count, 0)).toBe(all.length);

    const blocks = core.workbench.read((db) => followThroughBlocks(db, core.today()));
    const text = JSON.stringify(blocks);
    expect(text).toContain(`${r.verifiedImplemented} verified by the committee and ${r.reportedImplemented} reported by the owner`);
    const file = path.join(dataDir, 'register.csv');
    await call('recommendations.exportRegister', { handle: core.files.register(file, 'write'), format: 'csv' });
    const csv = fs.readFileSync(file, 'utf8');
    expect(csv).toContain('Closed – acceptable action');
    expect(csv.split('\r\n')[0]).toMatch(/,Closure,Response requested by,Response,Responded,Verified,Effect$/);
  }, 120_000);
});
