/**
 * The crisis-service form (Settings → Crisis services) as a schema: the same rules as
 * `services.save`, with each weekday's hours typed as text ("08:00-23:00, 01:00-03:00") and
 * checked by the parser the save uses, so each message sits under its own day's field.
 */
import { z } from 'zod';
import { parseIntervals, WEEKDAY_NAMES } from './hours';
import { coverageMethods, SERVICE_SECTORS } from './schemas';

const saveInput = coverageMethods['services.save'].input;

export const serviceForm = z.object({
  name: saveInput.shape.name,
  sector: z.enum(SERVICE_SECTORS),
  areas: z.array(z.string().trim().min(1).max(80)).max(100),
  effectiveFrom: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Choose the date these hours start (YYYY-MM-DD).')
    .nullable()
    .refine((v) => v !== null, 'Choose the date these hours start (YYYY-MM-DD).'),
  days: z
    .array(z.string().max(200, 'At most 200 characters of hours a day.'))
    .length(WEEKDAY_NAMES.length)
    .superRefine((days, ctx) =>
      days.forEach((text, i) => {
        try {
          parseIntervals(i + 1, text);
        } catch (e) {
          ctx.addIssue({ code: 'custom', path: [i], message: (e as Error).message });
        }
      }),
    ),
});
export type ServiceFormValues = z.input<typeof serviceForm>;

/** The form's values as `services.save` takes them. */
export function serviceToSave(v: ServiceFormValues, id?: number) {
  return {
    ...(id ? { id } : {}),
    name: v.name.trim(),
    sector: v.sector,
    areas: v.areas.length ? v.areas : null,
    schedule: { effectiveFrom: v.effectiveFrom ?? '', intervals: v.days.flatMap((t, i) => parseIntervals(i + 1, t)) },
  };
}
