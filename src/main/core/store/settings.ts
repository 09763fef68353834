/** Workbench settings kept inside the encrypted database (the notice lives in the keyslot file). */
import { CasewalkError } from '../../../shared/result';
import { RESPONSE_DAYS_DEFAULT } from '../../../shared/recommendations/values';
import { DEFAULT_DATE_STYLE, isDateStyle, type DateStyle } from '../../../shared/dates';
import { canonicalTimeZone, machineTimeZone } from '../../../shared/time-zone';
import type { ReadableDB, WritableDB } from './db';

export const AUTO_LOCK_DEFAULT = 15;
export const AUTO_LOCK_MAX = 30;

export function autoLockMinutes(db: ReadableDB): number {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'autoLockMinutes'").get() as { value: string } | undefined;
  const n = Number(row?.value ?? AUTO_LOCK_DEFAULT);
  return Number.isInteger(n) && n >= 1 && n <= AUTO_LOCK_MAX ? n : AUTO_LOCK_DEFAULT;
}

function put(db: WritableDB, key: string, value: string): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run([key, value]);
}

export function setAutoLockMinutes(db: WritableDB, minutes: number): void {
  put(db, 'autoLockMinutes', String(minutes));
}

/** Minutes list attendees by name (off by default: by sector only). */
export function minutesNames(db: ReadableDB): boolean {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'minutesNames'").get() as { value: string } | undefined;
  return row?.value === 'true';
}

export function setMinutesNames(db: WritableDB, on: boolean): void {
  put(db, 'minutesNames', String(on));
}

/** The committee's time zone (IANA name); the machine's zone until one is set. */
export function timeZone(db: ReadableDB): string {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'timeZone'").get() as { value: string } | undefined;
  return (row && canonicalTimeZone(row.value)) ?? machineTimeZone();
}

export function setTimeZone(db: WritableDB, name: string): void {
  const tz = canonicalTimeZone(name);
  if (!tz) throw new CasewalkError('invalid_input', `“${name.slice(0, 64)}” is not a time zone (use a name like America/Los_Angeles).`);
  put(db, 'timeZone', tz);
}

/** The committee's date style (how dates are written and typed on screen and in exports); ISO until set. */
export function dateStyle(db: ReadableDB): DateStyle {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'dateStyle'").get() as { value: string } | undefined;
  return row && isDateStyle(row.value) ? row.value : DEFAULT_DATE_STYLE;
}

export function setDateStyle(db: WritableDB, style: DateStyle): void {
  put(db, 'dateStyle', style);
}

/** Days an owner agency is given to respond to a recommendation (a committee setting, 60 by default). */
export function responseDays(db: ReadableDB): number {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'recommendationResponseDays'").get() as { value: string } | undefined;
  const n = Number(row?.value ?? RESPONSE_DAYS_DEFAULT);
  return Number.isInteger(n) && n >= 7 && n <= 365 ? n : RESPONSE_DAYS_DEFAULT;
}

export function setResponseDays(db: WritableDB, days: number): void {
  put(db, 'recommendationResponseDays', String(days));
}
