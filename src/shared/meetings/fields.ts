/** Field schemas the meeting contract's files share: row ids, file handles, dates, times, names. */
import { z } from 'zod';
import { MAX } from '../zod-helpers';

export const rowId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const fileHandle = z.string().regex(/^fh_[A-Za-z0-9_-]{8,64}$/, 'Not a file handle: choose the file again.');
export const isoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'A date is YYYY-MM-DD.')
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'That date does not exist.',
  );
export const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time is HH:MM (24-hour).');
export const name = (label: string) =>
  z.string().trim().min(1, `${label} is required.`).max(MAX.name, `${label} must be at most ${MAX.name} characters.`);
