/**
 * Schedule arithmetic: which (weekday, hour) cells a weekly schedule covers. An interval whose
 * end is at or before its start runs past midnight into the next weekday (Sunday → Monday).
 * An hour counts as covered when its middle (hh:30) falls inside an interval.
 */
import type { HoursInterval, ScheduleVersion } from '../../../shared/coverage/schemas';

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** grid[weekday 0–6][hour 0–23] */
export function coverageGrid(intervals: readonly HoursInterval[]): boolean[][] {
  const grid = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => false));
  for (const iv of intervals) {
    const s = minutes(iv.start);
    let e = minutes(iv.end);
    if (e <= s) e += 24 * 60; // overnight (or 24 h when equal)
    for (let h = 0; h < 48; h++) {
      const mid = h * 60 + 30;
      if (mid >= s && mid < e) grid[(iv.weekday - 1 + Math.floor(h / 24)) % 7]![h % 24] = true;
    }
  }
  return grid;
}

/** The schedule in effect at the start of a month (YYYYMM), or null before the first one. */
export function scheduleFor(versions: readonly ScheduleVersion[], month: number): ScheduleVersion | null {
  const first = `${Math.floor(month / 100)}-${String(month % 100).padStart(2, '0')}-01`;
  let best: ScheduleVersion | null = null;
  for (const v of versions) if (v.effectiveFrom <= first && (!best || v.effectiveFrom > best.effectiveFrom)) best = v;
  return best;
}
