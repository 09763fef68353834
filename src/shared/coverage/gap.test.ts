import { describe, expect, it } from 'vitest';
import { busiestGap, describeBlock, draftCoverageFinding } from './gap';
import type { CoverageReport } from './schemas';

const grid = (f: (d: number, h: number) => number) => Array.from({ length: 7 }, (_, d) => Array.from({ length: 24 }, (_, h) => f(d, h)));
const bools = (f: (d: number, h: number) => boolean) => Array.from({ length: 7 }, (_, d) => Array.from({ length: 24 }, (_, h) => f(d, h)));
/** Available every day from `start` up to (not including) `end`, whole hours. */
const dailyHours = (start: number, end: number) => bools((_, h) => h >= start && h < end);

describe('busiestGap', () => {
  it('finds the overnight stretch with the most incidents, across midnight', () => {
    const available = dailyHours(8, 23);
    // Saturday night into Sunday morning is busiest.
    const counts = grid((d, h) => (d === 5 && h === 23 ? 50 : d === 6 && h < 8 ? 10 : 1));
    const g = busiestGap({ byHourWeekday: counts, available })!;
    expect(g).toEqual({ day: 5, hour: 23, hours: 9, incidents: 50 + 80 });
    expect(describeBlock(g)).toBe('Saturday 23:00–Sunday 08:00');
  });
  it('joins the Sunday-night and Monday-morning hours into one stretch', () => {
    const available = bools((d) => d >= 1 && d <= 5); // Tue–Sat all day
    const g = busiestGap({ byHourWeekday: grid(() => 1), available })!;
    expect(g).toEqual({ day: 6, hour: 0, hours: 48, incidents: 48 });
    expect(describeBlock(g)).toBe('Sunday 00:00–Monday 24:00');
  });
  it('is null when every hour is covered, and the whole week when none is', () => {
    expect(busiestGap({ byHourWeekday: grid(() => 2), available: bools(() => true) })).toBeNull();
    expect(busiestGap({ byHourWeekday: grid(() => 2), available: null })).toBeNull();
    const none = busiestGap({ byHourWeekday: grid(() => 2), available: bools(() => false) })!;
    expect(none.incidents).toBe(336);
    expect(describeBlock(none)).toBe('every hour of the week');
  });
  it('names an evening gap that ends at midnight on its own day', () => {
    expect(describeBlock({ day: 0, hour: 16, hours: 8, incidents: 0 })).toBe('Monday 16:00–24:00');
    expect(describeBlock({ day: 2, hour: 1, hours: 5, incidents: 0 })).toBe('Wednesday 01:00–06:00');
  });
});

describe('draftCoverageFinding', () => {
  const report: CoverageReport = {
    service: { id: 1, name: 'Mobile crisis team' },
    from: '2024-01',
    to: '2024-12',
    incidents: 1200,
    placed: 1000,
    outsideHours: 250,
    outsideShare: 0.25,
    byHourWeekday: grid((d, h) => (h < 8 ? 10 : 5)),
    available: dailyHours(8, 23),
    rates: {
      inside: { incidents: 750, detentionsRecorded: 750, detentions: 150, arrestsRecorded: 0, arrests: 0, detentionRate: 20, arrestRate: null },
      outside: { incidents: 250, detentionsRecorded: 250, detentions: 95, arrestsRecorded: 0, arrests: 0, detentionRate: 38, arrestRate: null },
    },
    areas: [],
  };
  it('drafts a services finding at intercept 0 for a community service, with the figures and their counts', () => {
    const d = draftCoverageFinding(report, { name: 'Mobile crisis team', sector: 'mobile_crisis' }, { area: 'D14' });
    expect(d).toMatchObject({ category: 'services', intercept: '0', goals: ['2', '3'] });
    expect(d.description).toContain('From 2024-01 to 2024-12 in D14, 250 of 1,000 crisis incidents');
    expect(d.description).toContain('(25%) happened when Mobile crisis team was not available');
    expect(d.description).toContain('38% ended in emergency detention or apprehension (95 of 250 with detention recorded) against 20% inside (150 of 750)');
    // A source that records no arrests (Toronto's) gives no arrest comparison, not 0% of every incident.
    expect(d.description).not.toContain('Arrests');
    expect(d.description).toMatch(/busiest uncovered stretch is \w+day 23:00–\w+day 08:00/);
  });
  it('drafts a staffing finding at intercept 1 for police-side coverage', () => {
    expect(draftCoverageFinding(report, { name: 'Co-responder', sector: 'co_responder' })).toMatchObject({ category: 'staffing', intercept: '1' });
  });
  it('leaves out rates it cannot compare', () => {
    const d = draftCoverageFinding({ ...report, rates: { ...report.rates, inside: { incidents: 0, detentionsRecorded: 0, detentions: 0, arrestsRecorded: 0, arrests: 0, detentionRate: null, arrestRate: null } } }, { name: 'Mobile crisis team', sector: 'mobile_crisis' });
    expect(d.description).not.toContain('emergency detention');
    expect(d.description).toContain('happened when Mobile crisis team was not available');
  });
});
