/**
 * Dates on screen: one module for every date typed and shown. Calendar dates travel as ISO
 * (`YYYY-MM-DD`) and are shown as ISO; instants (audit rows, amendments, saves) are shown as ISO
 * date and 24-hour time in the machine's time zone. The committee has no locale setting yet, so ISO
 * is what the date fields show and accept.
 */
import { dateIn, machineTimeZone } from '../../../shared/time-zone';

/** The format of every date field (dayjs tokens, as @mantine/dates takes them). */
export const DATE_FORMAT = 'YYYY-MM-DD';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date as is, or an instant's date in `timeZone`: `2026-12-08`. */
export function formatDate(value: string | number | Date, timeZone: string = machineTimeZone()): string {
  if (typeof value === 'string' && CALENDAR_DATE.test(value)) return value;
  return dateIn(timeZone, new Date(value));
}

/** An instant's 24-hour time in `timeZone`: `14:05`. */
export function formatTime(value: string | number | Date, timeZone: string = machineTimeZone()): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(value));
}

/** An instant as date and 24-hour time in `timeZone`: `2026-12-08 14:05`. */
export function formatDateTime(value: string | number | Date, timeZone: string = machineTimeZone()): string {
  return `${dateIn(timeZone, new Date(value))} ${formatTime(value, timeZone)}`;
}

/** A meeting's day in headings and lists, weekday and month spelled out: "Tue, 8 December 2026". */
export function formatLongDate(iso: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
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
