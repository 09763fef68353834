import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import { unlockedCore } from '../test-support';
import { coverageGrid, scheduleFor } from './schedule';
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
    expect(r.rates.outside).toEqual({ incidents: 3, detentions: 2, arrests: 1, detentionRate: 66.7, arrestRate: 33.3 });
    expect(r.rates.inside).toEqual({ incidents: 2, detentions: 0, arrests: 0, detentionRate: 0, arrestRate: 0 });
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
