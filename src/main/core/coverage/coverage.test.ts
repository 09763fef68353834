import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import { unlockedCore } from '../test-support';
import { coverageGrid, scheduleFor } from './schedule';
import { scan } from '../deid/scanner';
import { formatIntervals, parseIntervals } from '../../../shared/coverage/hours';

const TORONTO = path.resolve(__dirname, '../../../../../shared/data/persons_in_crisis_data.csv');
const DAILY = (start: string, end: string) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end }));
const hours = (row: boolean[]) => row.map((v, h) => (v ? h : -1)).filter((h) => h >= 0);

describe('schedule arithmetic', () => {
  it('an overnight span covers the evening and the next morning, wrapping Sunday → Monday', () => {
    const g = coverageGrid([{ weekday: 7, start: '22:00', end: '06:00' }]);
    expect(hours(g[6]!)).toEqual([22, 23]);
    expect(hours(g[0]!)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(g.slice(1, 6).every((d) => hours(d).length === 0)).toBe(true);
  });
  it('several intervals on a day; an hour counts when its middle is inside', () => {
    const g = coverageGrid([...parseIntervals(3, '08:00-12:00, 13:15-17:00'), { weekday: 3, start: '20:45', end: '21:30' }]);
    expect(hours(g[2]!)).toEqual([8, 9, 10, 11, 13, 14, 15, 16]);
    expect(hours(coverageGrid([{ weekday: 1, start: '00:00', end: '00:00' }])[0]!)).toHaveLength(24);
    expect(() => parseIntervals(1, '8 to 5')).toThrow('Monday: "8 to 5" is not a time range like 08:00-23:00.');
    expect(formatIntervals(parseIntervals(2, '8:00-23:00, 2330-0200'), 2)).toBe('08:00-23:00, 23:30-02:00');
  });
  it('picks the schedule in effect at the start of the month', () => {
    const v = [
      { effectiveFrom: '2014-01-01', intervals: [] },
      { effectiveFrom: '2014-06-15', intervals: [{ weekday: 1, start: '08:00', end: '20:00' }] },
    ];
    expect(scheduleFor(v, 201312)).toBeNull();
    expect(scheduleFor(v, 201406)!.effectiveFrom).toBe('2014-01-01');
    expect(scheduleFor(v, 201407)!.effectiveFrom).toBe('2014-06-15');
  });
});

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

describe('coverage report', () => {
  it('counts incidents inside and outside hours, by area and schedule version, with rates and counts', async () => {
    const t = await unlockedCore('cw-cov-');
    cleanup = t.cleanup;
    const { call, core } = t;
    const mk = (month: number, weekday: string, hourOfDay: number, area: string, dispositions: ('emergency_detention' | 'arrest')[] = []) =>
      call('incidents.create', { occurredYear: 2025, occurredMonth: month, weekday: weekday as '1', hourOfDay, area, dispositions });
    await mk(3, '1', 10, 'North'); // inside (day shift)
    await mk(3, '1', 2, 'North', ['emergency_detention']); // outside (night)
    await mk(3, '6', 23, 'North', ['arrest']); // Saturday 23:00: outside until the evening shift starts in May
    await mk(5, '6', 23, 'North'); // inside (evening shift added from May)
    await mk(5, '1', 10, 'South', ['emergency_detention']); // outside: the team does not serve South
    const s = await call('services.save', { name: 'Mobile crisis team', sector: 'mobile_crisis', areas: ['North'], schedule: { effectiveFrom: '2025-01-01', intervals: DAILY('08:00', '18:00') } });
    await call('services.save', { id: s.id, name: 'Mobile crisis team', sector: 'mobile_crisis', areas: ['North'], schedule: { effectiveFrom: '2025-05-01', intervals: [...DAILY('08:00', '18:00'), { weekday: 6, start: '20:00', end: '02:00' }] } });
    const r = await call('reports.coverage', { serviceId: s.id, from: '2025-01', to: '2025-12' });
    expect(r).toMatchObject({ incidents: 5, placed: 5, outsideHours: 3, outsideShare: 0.6 });
    expect(r.rates.outside).toEqual({ incidents: 3, detentionsRecorded: 3, detentions: 2, arrestsRecorded: 3, arrests: 1, detentionRate: 66.7, arrestRate: 33.3 });
    // Entered with no disposition: no data, so no rate (not 0%).
    expect(r.rates.inside).toEqual({ incidents: 2, detentionsRecorded: 0, detentions: 0, arrestsRecorded: 0, arrests: 0, detentionRate: null, arrestRate: null });
    expect(r.byHourWeekday[0]![10]).toBe(2);
    expect(r.available![5]![23]).toBe(true);
    expect(r.available![0]![2]).toBe(false);
    expect((await call('reports.coverage', { serviceId: s.id, area: 'South', from: '2025-01', to: '2025-12' })).outsideHours).toBe(1);
    expect(await dispatch(core, 'services.save', { name: 'x', sector: 'mobile_crisis', areas: null, schedule: { effectiveFrom: '2025-01-01', intervals: [{ weekday: 1, start: '25:00', end: '02:00' }] } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it.runIf(fs.existsSync(TORONTO))('works from imported hour/weekday/division data (Toronto, a team 08:00–23:00 daily)', async () => {
    const t = await unlockedCore('cw-cov-');
    cleanup = t.cleanup;
    const { call, core } = t;
    const o = await call('import.open', { handle: core.files.register(TORONTO, 'read') });
    await call('import.run', { stagingId: o.stagingId, source: { preset: 'toronto-pic' } });
    const s = await call('services.save', { name: 'Mobile crisis team', sector: 'mobile_crisis', areas: null, schedule: { effectiveFrom: '2010-01-01', intervals: DAILY('08:00', '23:00') } });
    const r = await call('reports.coverage', { serviceId: s.id, from: '2014-01', to: '2015-06' });
    expect(r.incidents).toBe(31944);
    expect(r.placed).toBe(31944);
    // Hours 23:00–07:59 are outside: counted independently from the rows' event_hour.
    const csv = fs.readFileSync(TORONTO, 'utf8').trim().split('\n').slice(1);
    const night = csv.filter((l) => {
      const h = Number(l.split(',')[3]);
      return h >= 23 || h < 8;
    }).length;
    expect(r.outsideHours).toBe(night);
    expect(r.rates.outside.incidents + r.rates.inside.incidents).toBe(31944);
    // Toronto records apprehension (yes or no) for every call, and never an arrest.
    expect(r.rates.outside.detentionsRecorded + r.rates.inside.detentionsRecorded).toBe(31944);
    expect(r.rates.outside.arrestsRecorded + r.rates.inside.arrestsRecorded).toBe(0);
    expect(r.rates.outside.arrestRate).toBeNull();
    expect(r.areas).toHaveLength(17);
  }, 60_000);
});

describe('annual report', () => {
  it('includes the coverage view when services exist', async () => {
    const t = await unlockedCore('cw-cov-');
    cleanup = t.cleanup;
    const { call, core, dataDir } = t;
    await call('incidents.create', { occurredYear: 2025, occurredMonth: 3, weekday: '1', hourOfDay: 2 });
    await call('services.save', { name: 'Mobile crisis team', sector: 'mobile_crisis', areas: null, schedule: { effectiveFrom: '2020-01-01', intervals: DAILY('08:00', '23:00') } });
    const out = path.join(dataDir, 'annual.pdf');
    await call('reports.exportAnnual', { year: 2025, format: 'pdf', handle: core.files.register(out, 'write') });
    const { execFileSync } = await import('node:child_process');
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('24/7 coverage');
    expect(text).toContain('100% (1 of 1)');
    expect(text).toContain('CIT goals scorecard');
  });
});

describe('a finding straight from a coverage gap', () => {
  it('is recorded without an incident, pre-filled from the report, and flows into recommendations, minutes and the dashboard', async () => {
    const t = await unlockedCore('cw-cov-');
    cleanup = t.cleanup;
    const { call, core } = t;
    const { draftCoverageFinding } = await import('../../../shared/coverage/gap');
    for (const [hourOfDay, dispositions] of [
      [2, ['emergency_detention']],
      [3, ['emergency_detention']],
      [14, []],
    ] as const)
      await call('incidents.create', { occurredYear: 2025, occurredMonth: 3, weekday: '6', hourOfDay, dispositions: [...dispositions] });
    const svc = await call('services.save', { name: 'Mobile crisis team', sector: 'mobile_crisis', areas: null, schedule: { effectiveFrom: '2020-01-01', intervals: DAILY('08:00', '23:00') } });
    const org = await call('roster.saveOrganisation', { name: 'County Behavioral Health', sector: 'mental_health' });
    const m = await call('meetings.create', { date: '2025-06-10', time: '14:00', lengthMinutes: 90, place: 'Room 2', virtual: false });
    const report = await call('reports.coverage', { serviceId: svc.id, from: '2025-01', to: '2025-12' });
    const draft = draftCoverageFinding(report, svc);
    expect(draft.description).toContain('2 of 3 crisis incidents');
    expect(draft.description).toContain('Friday 23:00–Saturday 08:00 (2 incidents)');
    // The drafted words never trip the identifier guard (short day names did: 'Sun', 'Mon').
    expect(scan(draft.description)).toEqual([]);
    expect(scan(draftCoverageFinding(report, svc, { area: 'D14' }).description)).toEqual([]);

    const f = await call('findings.createSystemic', { source: 'coverage', meetingId: m.meeting.id, category: draft.category, intercept: draft.intercept, goals: draft.goals, description: draft.description });
    expect(f).toMatchObject({ incidentId: null, incidentCode: null, source: 'coverage', kind: 'gap', category: 'services', intercept: '0', goals: ['2', '3'], meetingId: m.meeting.id });
    expect((await call('findings.list', { source: 'coverage' })).findings.map((x) => x.id)).toEqual([f.id]);
    expect((await call('findings.list', { source: 'case' })).findings).toEqual([]);
    expect((await call('findings.list', { meetingId: m.meeting.id })).findings.map((x) => x.id)).toEqual([f.id]);

    // The rules: services or staffing/resources, intercept 0 or 1, no incident or timeline link.
    for (const bad of [{ category: 'policy' }, { intercept: '2' }, { incidentId: 1 }, { description: ' ab ' }])
      expect(await dispatch(core, 'findings.createSystemic', { source: 'coverage', meetingId: null, category: 'services', intercept: '0', goals: [], description: 'Overnight gap', ...bad })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    expect(await dispatch(core, 'findings.createSystemic', { source: 'coverage', meetingId: null, category: 'services', intercept: '0', goals: [], description: 'ab' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Describe the finding (at least 3 characters).') },
    });
    expect(await dispatch(core, 'findings.createSystemic', { source: 'coverage', meetingId: 999, category: 'staffing', intercept: '1', goals: [], description: 'Overnight gap' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await dispatch(core, 'findings.update', { id: f.id, patch: { timelineEventId: 1 } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const rec = await call('recommendations.create', { findingIds: [f.id], meetingId: m.meeting.id, action: 'Extend mobile crisis hours to cover weekend nights', owner: { organisationId: org.id }, dueDate: '2025-12-31', measure: 'Weekend night calls with a clinician', actionType: 'staffing' });
    expect(rec).toMatchObject({ incidentCodes: [], fromCoverageGap: true });
    expect((await call('findings.list', { source: 'coverage' })).findings[0]!.recommendationIds).toEqual([rec.id]);

    const minutes = await call('minutes.draft', { meetingId: m.meeting.id, replace: false });
    const systemic = minutes.sections.find((s) => s.key === 'systemic')!;
    expect(systemic.title).toBe('Systemic findings: 24/7 coverage');
    expect(systemic.body).toContain('Services (intercept 0 · Community services; CIT goal 2 · Connection to services; 3 · Law enforcement only where needed): From 2025-01 to 2025-12');
    expect(systemic.body).toContain(`Recommendation ${rec.code}: Extend mobile crisis hours`);
    expect(minutes.guard).toEqual([]);

    const month = new Date().toISOString().slice(0, 7);
    const dash = await call('reports.dashboard', { from: month, to: month });
    expect(dash.findingsByCategory.find((c) => c.key === 'services')?.count).toBe(1);
    expect(dash.findingsByIntercept.find((c) => c.key === '0')?.count).toBe(1);
    // Removing it is refused while a recommendation rests on it.
    expect(await dispatch(core, 'findings.remove', { id: f.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // The annual report of the year it was recorded lists it with its recommendation.
    const annual = path.join(t.dataDir, 'annual.pdf');
    await call('reports.exportAnnual', { year: Number(month.slice(0, 4)), format: 'pdf', handle: core.files.register(annual, 'write') });
    const { execFileSync } = await import('node:child_process');
    const md = execFileSync('pdftotext', [annual, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(md).toContain('Coverage gaps the committee recorded');
    expect(md).toContain(`(recommendation ${rec.code})`);
  });
});
