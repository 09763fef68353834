import { Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { FormActions } from '../layout/FormActions';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../lib/api';
import { MONTH_OPTIONS } from './format';


export function NewIncidentModal({ opened, onClose, onCreated }: { opened: boolean; onClose(): void; onCreated(id: number): void }) {
  const now = new Date();
  const [year, setYear] = useState<number>(now.getFullYear());
  const [month, setMonth] = useState<string>(String(now.getMonth() + 1));
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!opened || !year || year < 1990 || year > 2100) return;
    void unwrap(api().incidents.nextCode({ year })).then((r) => setCode(r.code));
  }, [opened, year]);

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const d = await unwrap(api().incidents.create({ occurredYear: year, occurredMonth: Number(month), ...(code.trim() ? { code: code.trim() } : {}) }));
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
            <NumberInput label="Year" value={year} onChange={(v) => setYear(Number(v))} min={1990} max={2100} required data-autofocus />
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
