import { z } from 'zod';

/** Every string that crosses the contract has a maximum length. */
export const MAX = {
  short: 200,
  name: 120,
  secret: 512,
  text: 20_000,
  id: 64,
} as const;

export const shortText = (max: number = MAX.short) => z.string().trim().max(max);
export const requiredText = (label: string, max: number = MAX.short) =>
  z.string().trim().min(1, `${label} is required.`).max(max, `${label} must be at most ${max} characters.`);
export const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a valid identifier.');
export const emptyInput = z.object({}).strict();

const STANDALONE = new Set<string>();
/**
 * A message that names its field in a coordinator's words ("The month of the incident is 1 to
 * 12."): `describeZodError` shows it as it is, without the field's internal path in front.
 */
export function fieldMessage(message: string): string {
  STANDALONE.add(message);
  return message;
}

/** A one-line, user-facing description of what is wrong with an input. */
export function describeZodError(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'The input is not valid.';
  const where = first.path.length && !STANDALONE.has(first.message) ? `${first.path.join('.')}: ` : '';
  if (first.code === 'unrecognized_keys') {
    return `${where}unexpected field${first.keys.length > 1 ? 's' : ''} ${first.keys.map((k) => `"${k}"`).join(', ')}.`;
  }
  return `${where}${first.message}`;
}
