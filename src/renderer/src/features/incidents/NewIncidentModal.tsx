import { Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { FormActions } from '../../ui/FormActions';
import { useState } from 'react';
import { useIncidentWrite, useNextCode } from './queries';
import { MONTH_OPTIONS } from './format';


export function NewIncidentModal({ opened, onClose, onCreated }: { opened: boolean; onClose(): void; onCreated(id: number): void }) {
  const now = new Date();
  const [year, setYear] = useState<number>(now.getFullYear());
  const [month, setMonth] = useState<string>(String(now.getMonth() + 1));
  // The code as typed; until then (and again after the year changes) the next free code is offered.
  const [typed, setCode] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = useNextCode(year, opened && year >= 1990 && year <= 2100);
  const code = typed ?? next.data?.code ?? '';
  const createIncident = useIncidentWrite('incidents.create').mutateAsync;

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const d = await createIncident({ occurredYear: year, occurredMonth: Number(month), ...(code.trim() ? { code: code.trim() } : {}) });
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
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <Stack>
          <Text>Only the month and year of the incident are kept. Times of day go into the timeline as clock times or offsets.</Text>
          <Group grow>
            <NumberInput label="Year" value={year} onChange={(v) => (setYear(Number(v)), setCode(null))} min={1990} max={2100} required data-autofocus />
            <Select label="Month" data={MONTH_OPTIONS} value={month} onChange={(v) => v && setMonth(v)} required />
          </Group>
          <TextInput
            label="Committee code"
            description="Assigned by the committee (YYYY-NNN). Never a CAD or report number."
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
          />
          <FormActions error={error} onCancel={onClose} submitLabel="Create" loading={busy} />
        </Stack>
      </form>
    </Modal>
  );
}
