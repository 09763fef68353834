import { Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { z } from 'zod';
import { incidentFieldsShape, incidentCode } from '../../../../shared/incidents/schemas';
import { zodForm } from '../../lib/form';
import { FormActions } from '../../ui/FormActions';
import { useIncidentWrite, useNextCode } from './queries';
import { MONTH_OPTIONS } from './format';

// The contract's checks (src/shared), on the form's values: the month is a select's string, and an
// empty code means "the next free one".
const schema = z.object({
  occurredYear: z.number('Give the year of the incident.').pipe(incidentFieldsShape.occurredYear),
  occurredMonth: z.string('Choose the month.'),
  code: z.union([z.literal(''), incidentCode]),
});
type Values = { occurredYear: number | string; occurredMonth: string | null; code: string };

export function NewIncidentModal({ opened, onClose, onCreated }: { opened: boolean; onClose(): void; onCreated(id: number): void }) {
  const [now] = useState(() => new Date());
  const form = useForm<Values>({
    initialValues: { occurredYear: now.getFullYear(), occurredMonth: String(now.getMonth() + 1), code: '' },
    validate: zodForm(schema),
  });
  // The code as typed; until then (and again after the year changes) the next free code is offered.
  const [typed, setTyped] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const year = Number(form.values.occurredYear);
  const next = useNextCode(year, opened && year >= 1990 && year <= 2100);
  const code = typed ? form.values.code : (next.data?.code ?? '');
  const createIncident = useIncidentWrite('incidents.create').mutateAsync;

  const create = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const d = await createIncident({
        occurredYear: Number(v.occurredYear),
        occurredMonth: Number(v.occurredMonth),
        ...(code.trim() ? { code: code.trim() } : {}),
      });
      onClose();
      onCreated(d.incident.id);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="New incident" size="lg">
      <form onSubmit={form.onSubmit(create)} noValidate>
        <Stack>
          <Text>Only the month and year of the incident are kept. Times of day go into the timeline as clock times or offsets.</Text>
          <Group grow align="flex-start">
            <NumberInput
              label="Year"
              min={1990}
              max={2100}
              required
              data-autofocus
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
          <FormActions error={error} onCancel={onClose} submitLabel="Create" loading={busy} />
        </Stack>
      </form>
    </Modal>
  );
}
