/**
 * The committee's date style (a setting; ISO by default): how every calendar date and time is
 * written on screen and typed into date fields. A calendar date travels as ISO (`YYYY-MM-DD`)
 * whatever the style; only what people read and type changes. Plain string work, so the renderer,
 * the core's exports and the CLI write a date the same way.
 */
import { z } from 'zod';

export const DATE_STYLES = {
  iso: { label: 'ISO 8601 — 2026-12-08, 14:05', pattern: 'YYYY-MM-DD', hour12: false, longLocale: 'en-GB' },
  'en-US': { label: 'United States — 12/08/2026, 2:05 PM', pattern: 'MM/DD/YYYY', hour12: true, longLocale: 'en-US' },
  'en-GB': { label: 'United Kingdom — 08/12/2026, 14:05', pattern: 'DD/MM/YYYY', hour12: false, longLocale: 'en-GB' },
  'en-CA': { label: 'Canada — 2026-12-08, 2:05 p.m.', pattern: 'YYYY-MM-DD', hour12: true, longLocale: 'en-CA' },
  'de-DE': { label: 'German — 08.12.2026, 14:05', pattern: 'DD.MM.YYYY', hour12: false, longLocale: 'de-DE' },
} as const;
export type DateStyle = keyof typeof DATE_STYLES;
export const DATE_STYLE_NAMES = Object.keys(DATE_STYLES) as DateStyle[];
export const DEFAULT_DATE_STYLE: DateStyle = 'iso';
export const dateStyle = z.enum(DATE_STYLE_NAMES as [DateStyle, ...DateStyle[]], {
  error: `Choose one of the date styles: ${DATE_STYLE_NAMES.join(', ')}.`,
});

export function isDateStyle(v: string): v is DateStyle {
  return Object.hasOwn(DATE_STYLES, v);
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` written in `style`'s pattern ("12/08/2026"); anything else is returned as is. */
export function writeDate(iso: string, style: DateStyle): string {
  const m = CALENDAR_DATE.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  return DATE_STYLES[style].pattern.replace('YYYY', y).replace('MM', mo).replace('DD', d);
}

/** A date typed in `style`'s pattern (or ISO, always accepted) as `YYYY-MM-DD`, or null if it is not a real date. */
export function readDate(text: string, style: DateStyle): string | null {
  const t = text.trim();
  let y: string | undefined, mo: string | undefined, d: string | undefined;
  const iso = CALENDAR_DATE.exec(t);
  if (iso) [, y, mo, d] = iso;
  else {
    const pattern = DATE_STYLES[style].pattern;
    const sep = pattern.replace(/[YMD]/g, '')[0] ?? '-';
    const parts = t.split(sep);
    const order = pattern.split(sep);
    if (parts.length !== 3 || order.length !== 3) return null;
    for (const [i, token] of order.entries()) {
      const p = parts[i]!;
      if (token === 'YYYY' && /^\d{4}$/.test(p)) y = p;
      else if (token === 'MM' && /^\d{1,2}$/.test(p)) mo = p.padStart(2, '0');
      else if (token === 'DD' && /^\d{1,2}$/.test(p)) d = p.padStart(2, '0');
      else return null;
    }
  }
  if (!y || !mo || !d) return null;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  const back = date.toISOString().slice(0, 10);
  return back === `${y}-${mo}-${d}` ? back : null;
}

/** `HH:MM` (24-hour) in `style`: "14:05" or "2:05 PM". */
export function writeClock(hhmm: string, style: DateStyle): string {
  const m = /^(\d{2}):(\d{2})/.exec(hhmm);
  if (!m || !DATE_STYLES[style].hour12) return m ? `${m[1]}:${m[2]}` : hhmm;
  const h = Number(m[1]);
  const suffix = style === 'en-CA' ? (h < 12 ? 'a.m.' : 'p.m.') : h < 12 ? 'AM' : 'PM';
  return `${h % 12 || 12}:${m[2]} ${suffix}`;
}

/** A calendar date spelled out in `style`'s language: "Tue, 8 December 2026", "Tue, December 8, 2026". */
export function writeLongDate(iso: string, style: DateStyle): string {
  if (!CALENDAR_DATE.test(iso)) return iso;
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString(DATE_STYLES[style].longLocale, {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** Calendar arithmetic on YYYY-MM-DD dates (no time of day, so no time zone: the caller's today is already the committee's). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The same day `months` later; the month's last day where that day does not exist (31 Jan + 1 month → 28/29 Feb). */
export function addMonthsTo(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** Whole days from `a` to `b`. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
