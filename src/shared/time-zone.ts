/**
 * The committee's time zone (an IANA name such as "America/Los_Angeles"): "today", overdue
 * flags, minutes and approval dates are dates there, not in UTC. Plain `Intl`, so it runs the
 * same in Node, the worker and the renderer.
 */

/** Area/Location names and UTC; not offsets ("+05:00") or abbreviations ("PST"). */
const IANA_SHAPE = /^(?:UTC|[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){1,2})$/;

function formatter(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hourCycle: 'h23' });
}

/** The canonical IANA name for `name` (case as Intl spells it), or null if it is not a time zone. */
export function canonicalTimeZone(name: string): string | null {
  if (!IANA_SHAPE.test(name)) return null;
  try {
    return formatter(name).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export function isTimeZone(name: string): boolean {
  return canonicalTimeZone(name) !== null;
}

/** This machine's time zone (the default for a workbench that has not set one). */
export function machineTimeZone(): string {
  const tz = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  return tz && isTimeZone(tz) ? tz : 'UTC';
}

/** The calendar date (YYYY-MM-DD) at instant `at` in `timeZone`. */
export function dateIn(timeZone: string, at: number | Date): string {
  const parts = formatter(timeZone).formatToParts(typeof at === 'number' ? new Date(at) : at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}
