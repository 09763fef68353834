/** Issue 20, reports: the figures agree with the recommendations themselves, and the annual report and register carry them. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seed } from '../seed/seed';
import { unlockedCore } from '../test-support';
import { daysBetween } from '../../../shared/dates';
import { median } from './report';
import { followThroughBlocks } from './report-doc';
import { trackerRows } from './tracker';

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

  it("the tracker's Adopted date is the day in the committee's time zone, not the UTC date", async () => {
    const t = await unlockedCore('cw-trk-');
    cleanup = t.cleanup;
    const { call, core } = t;
    await call('settings.update', { timeZone: 'America/Los_Angeles' });
    const org = await call('roster.saveOrganisation', { name: 'County Behavioral Health', sector: 'mental_health' });
    const d = await call('incidents.create', { occurredYear: 2026, occurredMonth: 4, narrative: 'Officer A waited for Clinician B.' });
    const f = await call('findings.create', {
      incidentId: d.incident.id,
      meetingId: null,
      category: 'services',
      kind: 'gap',
      intercept: '0',
      goals: ['2'],
      timelineEventId: null,
      description: 'No clinician was available after midnight.',
    });
    const r = await call('recommendations.create', {
      findingIds: [f.id],
      meetingId: null,
      action: 'Fund an overnight clinician',
      owner: { organisationId: org.id },
      dueDate: '2026-12-31',
      measure: '',
      actionType: 'staffing',
    });
    await call('recommendations.setStatus', { id: r.id, status: 'adopted' });
    // Adopted at 17:30 in Los Angeles on 15 June: 00:30 UTC on the 16th.
    core.workbench.write({ event: 'update', entity: 'test' }, (db) =>
      db.prepare("UPDATE recommendation_history SET at = '2026-06-16T00:30:00.000Z' WHERE status = 'adopted'").run([]),
    );
    const [row] = core.workbench.read((db) => trackerRows(db, '2026-06-20'));
    expect(row![1]).toBe('Services');
    expect(row![6]).toBe('2026-06-15');
  });
});
