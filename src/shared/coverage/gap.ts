/**
 * A finding drafted from a 24/7 coverage gap: the committee reads the heat map, presses
 * "Record a finding", and starts from this text instead of a blank box. Pure, so the panel
 * and the tests use the same words.
 */
import type { CoverageReport, Service } from './schemas';
import { WEEKDAY_NAMES } from './hours';

export interface GapBlock {
  /** 0 = Monday … 6 = Sunday, hour 0–23 of the first uncovered hour. */
  day: number;
  hour: number;
  hours: number;
  incidents: number;
}

const hh = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
// Whole day names: the identifier scanner reads 'Sun' or 'Mon' next to a time as a possible surname.
const dayName = (d: number) => WEEKDAY_NAMES[((d % 7) + 7) % 7]!;

/**
 * The stretch of consecutive uncovered hours (running across midnight and from Sunday into
 * Monday) that held the most incidents; null when the service covered every hour.
 */
export function busiestGap(r: Pick<CoverageReport, 'byHourWeekday' | 'available'>): GapBlock | null {
  if (!r.available) return null;
  const slots = 7 * 24;
  const off = (i: number) => !r.available![Math.floor((i % slots) / 24)]![i % 24];
  const count = (i: number) => r.byHourWeekday[Math.floor((i % slots) / 24)]![i % 24]!;
  let firstOn = -1;
  for (let i = 0; i < slots; i++) if (!off(i)) firstOn = i;
  if (firstOn === -1) return { day: 0, hour: 0, hours: slots, incidents: r.byHourWeekday.flat().reduce((a, b) => a + b, 0) };
  let best: GapBlock | null = null;
  // Start just after a covered hour so a run that wraps past Sunday midnight is one run.
  let runStart = -1;
  let runHours = 0;
  let runIncidents = 0;
  for (let k = 1; k <= slots; k++) {
    const i = firstOn + k;
    if (!off(i)) {
      runStart = -1;
      continue;
    }
    if (runStart === -1) [runStart, runHours, runIncidents] = [i % slots, 0, 0];
    runHours += 1;
    runIncidents += count(i);
    if (!best || runIncidents > best.incidents || (runIncidents === best.incidents && runHours > best.hours))
      best = { day: Math.floor(runStart / 24), hour: runStart % 24, hours: runHours, incidents: runIncidents };
  }
  return best;
}

export function describeBlock(b: GapBlock): string {
  if (b.hours >= 7 * 24) return 'every hour of the week';
  const endAt = b.day * 24 + b.hour + b.hours;
  // An end on midnight belongs to the day it closes ("Monday 16:00–24:00").
  const lastDay = Math.floor((endAt - 1) / 24) % 7;
  const end = endAt % 24 === 0 ? '24:00' : hh(endAt);
  return `${dayName(b.day)} ${hh(b.hour)}–${lastDay === b.day && b.hours < 24 ? '' : `${dayName(lastDay)} `}${end}`;
}

const n = (v: number) => v.toLocaleString('en-US');
const pct = (v: number | null) => (v === null ? 'no' : `${Math.round(v * 10) / 10}%`);

export interface CoverageFindingDraft {
  category: 'services' | 'staffing';
  intercept: '0' | '1';
  goals: ('2' | '3')[];
  description: string;
}

/**
 * Services a community provides (mobile crisis, stabilisation, respite, follow-up) are
 * intercept 0 and a services finding; police-side coverage (co-responders, CIT patrol) is
 * intercept 1 and a staffing/resources finding.
 */
export function draftCoverageFinding(r: CoverageReport, service: Pick<Service, 'name' | 'sector'>, filters: { area?: string | null } = {}): CoverageFindingDraft {
  const policeSide = service.sector === 'co_responder' || service.sector === 'cit_patrol';
  const gap = busiestGap(r);
  const o = r.rates.outside;
  const i = r.rates.inside;
  const parts = [
    `From ${r.from} to ${r.to}${filters.area ? ` in ${filters.area}` : ''}, ${n(r.outsideHours)} of ${n(r.placed)} crisis incidents with a known hour and weekday (${r.outsideShare === null ? 'no share' : pct(r.outsideShare * 100)}) happened when ${service.name} was not available.`,
    gap && gap.incidents > 0 ? `The busiest uncovered stretch is ${describeBlock(gap)} (${n(gap.incidents)} incident${gap.incidents === 1 ? '' : 's'}).` : null,
    o.detentionsRecorded > 0 && i.detentionsRecorded > 0
      ? `Outside its hours ${pct(o.detentionRate)} ended in emergency detention or apprehension (${n(o.detentions)} of ${n(o.detentionsRecorded)} with detention recorded) against ${pct(i.detentionRate)} inside (${n(i.detentions)} of ${n(i.detentionsRecorded)}).`
      : null,
    o.arrestsRecorded > 0 && i.arrestsRecorded > 0
      ? `Arrests: ${pct(o.arrestRate)} outside (${n(o.arrests)} of ${n(o.arrestsRecorded)} with arrests recorded) against ${pct(i.arrestRate)} inside (${n(i.arrests)} of ${n(i.arrestsRecorded)}).`
      : null,
    `Calls in these hours cannot get ${policeSide ? 'this police-side crisis coverage' : 'a mental-health response from this service'}; the committee should look at extending its hours or another way to answer them.`,
  ];
  return {
    category: policeSide ? 'staffing' : 'services',
    intercept: policeSide ? '1' : '0',
    goals: ['2', '3'],
    description: parts.filter(Boolean).join(' '),
  };
}
