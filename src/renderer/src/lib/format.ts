/**
 * Dates on screen: one module for every date typed and shown. Calendar dates travel as ISO
 * (`YYYY-MM-DD`) and are shown in the committee's date style (a setting, ISO by default;
 * `src/shared/dates.ts`); instants (audit rows, amendments, saves) are shown as a date and a time
 * in the committee's time zone. `DisplaySettings` (in the settings feature) keeps the style and
 * zone here in step with the saved settings; until they arrive, ISO and the machine's zone.
 */
import { DEFAULT_DATE_STYLE, DATE_STYLES, writeClock, writeDate, writeLongDate, type DateStyle } from '../../../shared/dates';
import { dateIn, machineTimeZone } from '../../../shared/time-zone';

export interface Display {
  style: DateStyle;
  timeZone: string;
}
let display: Display = { style: DEFAULT_DATE_STYLE, timeZone: machineTimeZone() };

/** The date style and time zone every formatter uses unless told otherwise. */
export function setDisplay(next: Display): void {
  display = next;
}
export const currentDisplay = (): Display => display;

/** The pattern a date field shows and accepts besides ISO (dayjs tokens, as @mantine/dates takes them): `YYYY-MM-DD`, `MM/DD/YYYY`… */
export const datePattern = (style: DateStyle = display.style): string => DATE_STYLES[style].pattern;

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date in the committee's style, or an instant's date in `timeZone`: `2026-12-08`, `12/08/2026`. */
export function formatDate(value: string | number | Date, timeZone: string = display.timeZone, style: DateStyle = display.style): string {
  const iso = typeof value === 'string' && CALENDAR_DATE.test(value) ? value : dateIn(timeZone, new Date(value));
  return writeDate(iso, style);
}

/** A month (`YYYY-MM`) for periods: ISO, or the style's order without the day ("12/2026"). */
export function formatMonth(month: string, style: DateStyle = display.style): string {
  if (!/^\d{4}-\d{2}$/.test(month) || style === 'iso' || style === 'en-CA') return month;
  const [y, m] = month.split('-') as [string, string];
  return style === 'de-DE' ? `${m}.${y}` : `${m}/${y}`;
}

/** An instant's time in `timeZone`, 24-hour or 12-hour as the style writes it: `14:05`, `2:05 PM`. */
export function formatTime(value: string | number | Date, timeZone: string = display.timeZone, style: DateStyle = display.style): string {
  const hhmm = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(value));
  return writeClock(hhmm, style);
}

/** A clock time typed as `HH:MM` (a meeting's start) in the committee's style. */
export const formatClock = (hhmm: string, style: DateStyle = display.style): string => writeClock(hhmm, style);

/** An instant as date and time in `timeZone`: `2026-12-08 14:05`. */
export function formatDateTime(
  value: string | number | Date,
  timeZone: string = display.timeZone,
  style: DateStyle = display.style,
): string {
  return `${formatDate(value, timeZone, style)} ${formatTime(value, timeZone, style)}`;
}

/** A meeting's day in headings and lists, weekday and month spelled out: "Tue, 8 December 2026". */
export function formatLongDate(iso: string, style: DateStyle = display.style): string {
  return writeLongDate(iso, style);
}

/** A count in the committee's style: "31,944" (or "31.944" with German dates). */
export function formatCount(n: number, style: DateStyle = display.style): string {
  return n.toLocaleString(DATE_STYLES[style].longLocale);
}

/** A calendar date `days` after another (both `YYYY-MM-DD`, no time zone involved). */
export { addDays } from '../../../shared/dates';

/** Today's calendar date in the committee's time zone (the machine's until the setting is known). */
export function todayIn(timeZone: string | undefined): string {
  return dateIn(timeZone ?? display.timeZone, Date.now());
}
