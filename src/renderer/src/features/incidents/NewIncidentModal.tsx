import { Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo, useState } from 'react';
import { z } from 'zod';
import { futureMonthProblem, incidentCode, incidentFieldsShape, monthOf } from '../../../../shared/incidents/schemas';
import { zodForm } from '../../lib/form';
import { FormActions } from '../../ui/FormActions';
import { useSettings, useToday } from '../settings';
import { showUnderField, yearField, yearOf } from './incidentForm';
import { useIncidentWrite, useNextCode } from './queries';
import { MONTH_OPTIONS } from './format';

type Values = { occurredYear: number | string; occurredMonth: string | null; code: string };

/**
 * The contract's checks (src/shared), on the form's values: the year as its box holds it, the
 * month as a select's string, an empty code meaning "the next free one"; and never a month after
 * today's in the committee's time zone.
 */
function newIncidentSchema(today: string) {
  return z
    .object({
      occurredYear: yearField,
      occurredMonth: z.preprocess((v) => (v === null || v === '' ? undefined : Number(v)), incidentFieldsShape.occurredMonth),
      code: z.union([z.literal(''), incidentCode]),
    })
    .superRefine((v, ctx) => {
      const problem = futureMonthProblem(v.occurredYear, v.occurredMonth, today);
      if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
    });
}

export function NewIncidentModal({ opened, onClose, onCreated }: { opened: boolean; onClose(): void; onCreated(id: number): void }) {
  const settings = useSettings();
  return (
    <Modal opened={opened} onClose={onClose} title="New incident" size="lg">
      {/* Mounted on opening, once the committee's time zone is known: the default month is this month there. */}
      {settings.isPending ? <Text>Loading…</Text> : <NewIncidentForm onClose={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function NewIncidentForm({ onClose, onCreated }: { onClose(): void; onCreated(id: number): void }) {
  const today = useToday();
  const schema = useMemo(() => newIncidentSchema(today), [today]);
  const form = useForm<Values>({
    initialValues: { occurredYear: monthOf(today).year, occurredMonth: String(monthOf(today).month), code: '' },
    validate: zodForm(schema),
  });
  // The code as typed; until then (and again after the year changes) the next free code is offered.
  const [typed, setTyped] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const year = yearOf(form.values.occurredYear);
  const next = useNextCode(year, year >= 1990 && year <= 2100);
  const code = typed ? form.values.code : (next.data?.code ?? '');
  const create = useIncidentWrite('incidents.create');

  const submit = async (v: Values) => {
    setError(null);
    try {
      const d = await create.mutateAsync({
        occurredYear: yearOf(v.occurredYear),
        occurredMonth: Number(v.occurredMonth),
        ...(code.trim() ? { code: code.trim() } : {}),
      });
      onClose();
      onCreated(d.incident.id);
    } catch (e) {
      if (!showUnderField(form, e)) setError((e as Error).message);
    }
  };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <Text>Only the month and year of the incident are kept. Times of day go into the timeline as clock times or offsets.</Text>
        <Group grow align="flex-start">
          <NumberInput
            label="Year"
            required
            data-autofocus
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            {...form.getInputProps('occurredYear')}
            onChange={(v) => {
              form.setFieldValue('occurredYear', v);
              form.setFieldValue('code', '');
              setTyped(false);
            }}
          />
          <Select label="Month" data={MONTH_OPTIONS} allowDeselect={false} required {...form.getInputProps('occurredMonth')} />
        </Group>
        <TextInput
          label="Committee code"
          description="Assigned by the committee (YYYY-NNN). Never a CAD or report number."
          {...form.getInputProps('code')}
          value={code}
          onChange={(e) => {
            form.setFieldValue('code', e.currentTarget.value);
            setTyped(true);
          }}
        />
        <FormActions error={error} onCancel={onClose} submitLabel="Create" loading={create.isPending} />
      </Stack>
    </form>
  );
}
