/**
 * Forms: @mantine/form validated by the zod schemas of src/shared (Standard Schema, through
 * @mantine/form's own `schemaResolver`). Errors show under their field in the schema's words.
 */
import { schemaResolver } from '@mantine/form';
import type { z } from 'zod';

/** A synchronous validator for `useForm({ validate })` from a zod schema of the form's values. */
export const zodForm = (schema: z.ZodType) => schemaResolver(schema, { sync: true });

const identities = new WeakMap<object, number>();
let lastIdentity = 0;
/**
 * A key for a form that starts from server data: it changes exactly when the data is another
 * object, so the form starts again when fresh data arrives (a refetch of equal data keeps the
 * object, TanStack Query's structural sharing, and so the edits in progress).
 */
export function identityKey(value: object): number {
  let id = identities.get(value);
  if (id === undefined) {
    id = ++lastIdentity;
    identities.set(value, id);
  }
  return id;
}
