/** Settings → Crisis services: each partner service with its area and weekly hours (versioned by date). */
import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { SERVICE_SECTOR_LABELS, SERVICE_SECTORS, type Service } from '../../../../shared/coverage/schemas';
import { formatIntervals, WEEKDAY_NAMES } from '../../../../shared/coverage/hours';
import { serviceForm, serviceToSave, type ServiceFormValues } from '../../../../shared/coverage/form';
import { zodForm } from '../../lib/form';
import { DateField } from '../../ui/DateField';
import { ErrorAlert, FormActions } from '../../ui/FormActions';
import { useSaveService, useServices, useToday } from './queries';

function initialValues(s: Service | undefined, today: string): ServiceFormValues {
  const latest = s?.schedules.at(-1);
  return {
    name: s?.name ?? '',
    sector: s?.sector ?? 'mobile_crisis',
    areas: s?.areas ?? [],
    // A new service's hours apply to all past data unless a date says otherwise; a change applies from today.
    effectiveFrom: s ? today : '2000-01-01',
    days: WEEKDAY_NAMES.map((_, i) => (latest ? formatIntervals(latest.intervals, i + 1) : '08:00-23:00')),
  };
}

/** The service form: each day's hours are checked as they are typed, the message under that day's field. */
function ServiceForm({ service, today, onDone }: { service: Service | undefined; today: string; onDone(): void }) {
  const [error, setError] = useState<string | null>(null);
  const saveService = useSaveService().mutateAsync;
  const form = useForm<ServiceFormValues>({
    initialValues: initialValues(service, today),
    validate: zodForm(serviceForm),
    validateInputOnChange: true,
    // Editing anything clears the message from the last save.
    onValuesChange: () => setError(null),
  });
  const save = async (v: ServiceFormValues) => {
    try {
      await saveService(serviceToSave(v, service?.id));
      onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Paper withBorder p="lg">
      <form
        onSubmit={form.onSubmit(
          (v) => void save(v),
          (errors) => setError(String(Object.values(errors)[0] ?? '')),
        )}
        noValidate
      >
        <Stack>
          <Group grow align="flex-start">
            <TextInput label="Service name" required {...form.getInputProps('name')} />
            <Select
              label="Kind of service"
              data={SERVICE_SECTORS.map((v) => ({ value: v, label: SERVICE_SECTOR_LABELS[v] }))}
              allowDeselect={false}
              {...form.getInputProps('sector')}
            />
            <DateField label="Hours in effect from" required {...form.getInputProps('effectiveFrom')} />
          </Group>
          <TagsInput
            label="Areas served"
            description="Districts, divisions or precincts as the imported data names them; leave empty for all."
            clearable
            {...form.getInputProps('areas')}
          />
          <Text fw={600}>
            Weekly hours (for example 08:00-23:00; several ranges separated by commas; 22:00-06:00 runs past midnight; leave empty when
            closed)
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {WEEKDAY_NAMES.map((d, i) => (
              <TextInput key={d} label={d} {...form.getInputProps(`days.${i}`)} />
            ))}
          </SimpleGrid>
          <FormActions error={error} onCancel={onDone} submitLabel="Save service" />
        </Stack>
      </form>
    </Paper>
  );
}

function ServiceRow({ s, onEdit }: { s: Service; onEdit(): void }) {
  return (
    <Paper withBorder p="md">
      <Group justify="space-between">
        <div>
          <Text fw={700}>
            {s.name} <Badge variant="outline">{SERVICE_SECTOR_LABELS[s.sector]}</Badge>
          </Text>
          <Text size="sm" c="dimmed">
            Areas: {s.areas?.join(', ') ?? 'all'} · {s.schedules.length} schedule version{s.schedules.length === 1 ? '' : 's'}, latest from{' '}
            {s.schedules.at(-1)?.effectiveFrom ?? '—'}
          </Text>
        </div>
        <Button variant="default" onClick={onEdit} aria-label={`Change the hours of ${s.name}`}>
          Change hours…
        </Button>
      </Group>
    </Paper>
  );
}

export function ServicesPanel() {
  const list = useServices();
  const services = list.data?.services ?? [];
  // null: no form; 'new': a new service; else the service being changed (a new form each time: `key`).
  const [editing, setEditing] = useState<{ service: Service | undefined; n: number } | null>(null);
  const today = useToday();
  const edit = (service?: Service) => setEditing((e) => ({ service, n: (e?.n ?? 0) + 1 }));
  return (
    <Stack gap="lg" maw={1100}>
      <Group justify="space-between">
        <div>
          <Title order={3}>Crisis services</Title>
          <Text c="dimmed">When each partner service can answer. Reports → Coverage compares these hours with when crises happen.</Text>
        </div>
        <Button onClick={() => edit()}>Add service</Button>
      </Group>
      <ErrorAlert error={list.error} title="Cannot list the services" />
      {services.length === 0 && !editing && (
        <Text c="dimmed">No services yet. Add the mobile crisis team first: its hours are the ones committees ask about most.</Text>
      )}
      {services.map((s) => (
        <ServiceRow key={s.id} s={s} onEdit={() => edit(s)} />
      ))}
      {editing && <ServiceForm key={editing.n} service={editing.service} today={today} onDone={() => setEditing(null)} />}
    </Stack>
  );
}
