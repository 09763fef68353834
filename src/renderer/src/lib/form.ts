/**
 * Forms: @mantine/form validated by the zod schemas of src/shared (Standard Schema, through
 * @mantine/form's own `schemaResolver`). Errors show under their field in the schema's words.
 */
import { schemaResolver } from '@mantine/form';
import type { z } from 'zod';

/** A synchronous validator for `useForm({ validate })` from a zod schema of the form's values. */
export const zodForm = (schema: z.ZodType) => schemaResolver(schema, { sync: true });
