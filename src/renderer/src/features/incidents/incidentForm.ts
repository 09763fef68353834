/**
 * The incident record's form: @mantine/form checked by the contract's schema (src/shared) plus
 * the rule that an incident is never in a month after today's in the committee's time zone.
 * Errors show under their field in the schema's words; the core's own refusals that name a field
 * (`detail.field`: a code already used, a future month) go under that field too.
 */
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useEffect, useMemo, useRef } from 'react';
import { z } from 'zod';
import { futureMonthProblem, incidentFields, type IncidentDetail, type IncidentFields } from '../../../../shared/incidents/schemas';
import { ApiError } from '../../lib/api';
import { zodForm } from '../../lib/form';

/** The form's values: the record's fields, with the year as its number box holds it ('' while empty). */
export type IncidentFormValues = Omit<IncidentFields, 'occurredYear'> & { occurredYear: number | '' };
export type IncidentForm = UseFormReturnType<IncidentFormValues>;
export type SetField = <K extends keyof IncidentFormValues>(k: K, v: IncidentFormValues[K]) => void;
export type FieldErrors = Partial<Record<keyof IncidentFormValues, string>>;

/** What each section of the record's fields gets. */
export interface SectionProps {
  values: IncidentFormValues;
  set: SetField;
  errors: FieldErrors;
  readOnly: boolean;
}

function fieldsOf(d: IncidentDetail): IncidentFields {
  const { id: _i, status: _s, source: _so, openIdentifiers: _o, version: _v, createdAt: _c, updatedAt: _u, ...f } = d.incident;
  return f;
}

/** The record's checks for a form, with "today" (YYYY-MM-DD) in the committee's time zone. */
function incidentFormSchema(today: string) {
  return incidentFields.superRefine((f, ctx) => {
    const problem = futureMonthProblem(f.occurredYear, f.occurredMonth, today);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const KEYS = Object.keys(incidentFields.shape) as (keyof IncidentFields)[];

/**
 * The form over one incident. When a new saved incident arrives (a save, a status change, a
 * redaction, a timeline change all answer with it), each field the user has not touched takes
 * the saved value; edits in progress stay.
 */
export function useIncidentForm(detail: IncidentDetail, today: string) {
  const saved = useMemo(() => fieldsOf(detail), [detail]);
  const schema = useMemo(() => incidentFormSchema(today), [today]);
  const form = useForm<IncidentFormValues>({
    initialValues: saved,
    validate: zodForm(schema),
    // The narrative says it is too long as it crosses the limit, not only on save.
    validateInputOnChange: ['narrative'],
  });
  const base = useRef(saved);
  useEffect(() => {
    const before = base.current;
    if (before === saved) return;
    base.current = saved;
    const current = form.getValues();
    form.setValues(Object.fromEntries(KEYS.map((k) => [k, same(current[k], before[k]) ? saved[k] : current[k]])) as IncidentFormValues);
  }, [saved, form]);
  const values = form.values;
  const dirtyKeys = KEYS.filter((k) => !same(values[k], saved[k]));
  return { form, saved, dirtyKeys };
}

/** The changed fields as the contract's patch (after `form.validate()` passed). */
export function patchOf(values: IncidentFormValues, keys: readonly (keyof IncidentFields)[]): Partial<IncidentFields> {
  return Object.fromEntries(keys.map((k) => [k, values[k]])) as Partial<IncidentFields>;
}

/**
 * Puts a refusal of the core under its field when it names one (`detail.field`); returns false
 * when the error belongs to the whole form.
 */
export function showUnderField<V>(form: UseFormReturnType<V>, e: unknown): boolean {
  const field = e instanceof ApiError ? e.detail?.field : undefined;
  if (typeof field !== 'string' || !(field in (form.getValues() as object))) return false;
  form.setFieldError(field as never, e instanceof Error ? e.message : String(e));
  return true;
}

/** The element around the record's fields (where a refused save looks for the first error). */
export const FIELDS_ID = 'incident-record-fields';

/** Moves focus to the first field with an error (after a refused save). */
export function focusFirstError(): void {
  requestAnimationFrame(() => document.getElementById(FIELDS_ID)?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

/** A schema check on a value the form does not hold as the contract does (used by the new-incident dialog). */
export const yearOf = (v: number | string) => (v === '' ? Number.NaN : Number(v));
export const yearField = z.preprocess(yearOf, incidentFields.shape.occurredYear);
