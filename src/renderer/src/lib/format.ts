/**
 * How dates are typed and shown: one place for every date on screen. Dates travel as ISO
 * calendar dates (`YYYY-MM-DD`); the committee has no locale setting yet, so ISO is what the
 * date fields show and accept.
 */
import { dateIn, machineTimeZone } from '../../../shared/time-zone';

/** The format of every date field (dayjs tokens, as @mantine/dates takes them). */
export const DATE_FORMAT = 'YYYY-MM-DD';

/** A calendar date (`YYYY-MM-DD`) as a coordinator reads it, e.g. "Tue, 3 March 2026". */
export function formatDate(iso: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** A calendar date `days` after `from` (both `YYYY-MM-DD`, no time zone involved). */
export function addDays(from: string, days: number): string {
  const d = new Date(`${from}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today's calendar date in the committee's time zone (the machine's until the setting is known). */
export function todayIn(timeZone: string | undefined): string {
  return dateIn(timeZone ?? machineTimeZone(), Date.now());
}
