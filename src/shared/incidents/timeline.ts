/** Timeline time arithmetic, shared by the core (stored intervals) and the UI (live display). */
import type { Intervals } from './schemas';

/** "14:05" / "14:05:30" → seconds since midnight; "T+12:30" / "T+1:02:03" → seconds since the call. */
export function parseTime(time: string): { base: 'clock' | 'offset'; seconds: number } | null {
  const t = time.trim();
  let m = /^T\+(?:(\d{1,3}):)?(\d{1,4}):([0-5]\d)$/.exec(t);
  if (m) return { base: 'offset', seconds: Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) };
  m = /^([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/.exec(t);
  if (m) return { base: 'clock', seconds: Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0) };
  return null;
}

/**
 * Seconds on one axis for events in order: clock times that go backwards have crossed midnight;
 * offsets count from the first clock time (or from zero when there is none).
 */
export function timelineSeconds(events: readonly { time: string }[]): (number | null)[] {
  let dayShift = 0;
  let lastClock: number | null = null;
  let origin: number | null = null;
  const clockSeconds = events.map((e) => {
    const p = parseTime(e.time);
    if (!p || p.base !== 'clock') return null;
    if (lastClock !== null && p.seconds + dayShift < lastClock) dayShift += 86_400;
    lastClock = p.seconds + dayShift;
    origin ??= lastClock;
    return lastClock;
  });
  return events.map((e, i) => {
    const p = parseTime(e.time);
    if (!p) return null;
    if (p.base === 'clock') return clockSeconds[i]!;
    return (origin ?? 0) + p.seconds;
  });
}

export function computeIntervals(events: readonly { kind: string; seconds: number | null }[]): Intervals {
  const first = (kind: string) => events.find((e) => e.kind === kind && e.seconds !== null)?.seconds ?? null;
  const call = first('call');
  const dispatch = first('dispatch');
  const arrival = first('arrival');
  const disposition = first('disposition');
  const diff = (a: number | null, b: number | null) => (a !== null && b !== null && b >= a ? b - a : null);
  return {
    callToDispatch: diff(call, dispatch),
    dispatchToArrival: diff(dispatch, arrival),
    arrivalToDisposition: diff(arrival, disposition),
    callToDisposition: diff(call, disposition),
  };
}

/** 754 → "12 min 34 s"; 3720 → "1 h 2 min". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h) return `${h} h ${m} min`;
  if (m) return s ? `${m} min ${s} s` : `${m} min`;
  return `${s} s`;
}
