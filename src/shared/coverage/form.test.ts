import { describe, expect, it } from 'vitest';
import { serviceForm, serviceToSave, type ServiceFormValues } from './form';

const values = (patch: Partial<ServiceFormValues> = {}): ServiceFormValues => ({
  name: 'Mobile crisis team',
  sector: 'mobile_crisis',
  areas: [],
  effectiveFrom: '2026-01-01',
  days: ['08:00-23:00', '08:00-23:00', '08:00-23:00', '08:00-23:00', '08:00-23:00', '', '22:00-06:00'],
  ...patch,
});
const issues = (v: ServiceFormValues) => {
  const r = serviceForm.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
};

describe('the crisis-service form', () => {
  it('puts a bad day under that day, in the parser’s words', () => {
    const days = values().days.map((d, i) => (i === 6 ? '8 to 5' : d));
    expect(issues(values({ days }))).toEqual([['days.6', 'Sunday: "8 to 5" is not a time range like 08:00-23:00.']]);
  });

  it('needs a name and a start date', () => {
    expect(issues(values({ name: '  ', effectiveFrom: null })).map(([p]) => p)).toEqual(['name', 'effectiveFrom']);
  });

  it('sends what services.save takes: all areas as null, intervals parsed per weekday', () => {
    const s = serviceToSave(values(), 4);
    expect(s).toMatchObject({ id: 4, name: 'Mobile crisis team', areas: null, schedule: { effectiveFrom: '2026-01-01' } });
    expect(s.schedule.intervals.filter((i) => i.weekday === 6)).toEqual([]);
    expect(s.schedule.intervals.find((i) => i.weekday === 7)).toEqual({ weekday: 7, start: '22:00', end: '06:00' });
  });
});
