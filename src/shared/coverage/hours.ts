/** Weekly hours as people type them ("08:00-23:00, 23:30-02:00"), for the services editor and tests. */
import type { HoursInterval } from './schemas';

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** Parses one weekday's ranges; a range like 22:00-06:00 runs past midnight. */
export function parseIntervals(weekday: number, text: string): HoursInterval[] {
  return text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const m = /^(\d{1,2}):?(\d{2})\s*[-–]\s*(\d{1,2}):?(\d{2})$/.exec(p);
      if (!m) throw new Error(`${WEEKDAY_NAMES[weekday - 1]}: "${p}" is not a time range like 08:00-23:00.`);
      const pad = (h: string, mm: string) => `${h.padStart(2, '0')}:${mm}`;
      return { weekday, start: pad(m[1]!, m[2]!), end: pad(m[3]!, m[4]!) };
    });
}

/** The inverse of parseIntervals for one weekday. */
export function formatIntervals(intervals: readonly HoursInterval[], weekday: number): string {
  return intervals
    .filter((i) => i.weekday === weekday)
    .map((i) => `${i.start}-${i.end}`)
    .join(', ');
}
