/** Settings → Crisis services: each partner service with its area and weekly hours (versioned by date). */
import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { SERVICE_SECTOR_LABELS, SERVICE_SECTORS, type Service } from '../../../../shared/coverage/schemas';
import { formatIntervals, parseIntervals, WEEKDAY_NAMES } from '../../../../shared/coverage/hours';
import { todayIn } from '../../lib/format';
import { DateField } from '../../ui/DateField';
import { ErrorAlert, FormActions } from '../../ui/FormActions';
import { useSaveService, useServices, useSettings } from './queries';

interface Draft {
  id?: number;
  name: string;
  sector: Service['sector'];
  areas: string[];
  effectiveFrom: string;
  days: string[];
}

export function ServicesPanel() {
  const list = useServices();
  const services = list.data?.services ?? [];
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const saveService = useSaveService().mutateAsync;
  const timeZone = useSettings().data?.timeZone;
  const edit = (s?: Service) => {
    const latest = s?.schedules.at(-1);
    setError(null);
    setDraft({
      ...(s ? { id: s.id } : {}),
      name: s?.name ?? '',
      sector: s?.sector ?? 'mobile_crisis',
      areas: s?.areas ?? [],
      // A new service's hours apply to all past data unless a date says otherwise; a change applies from today.
      effectiveFrom: s ? todayIn(timeZone) : '2000-01-01',
      days: WEEKDAY_NAMES.map((_, i) => (latest ? formatIntervals(latest.intervals, i + 1) : '08:00-23:00')),
    });
  };
  const save = async () => {
    if (!draft) return;
    setError(null);
    try {
      const intervals = draft.days.flatMap((t, i) => parseIntervals(i + 1, t));
      await saveService({
        ...(draft.id ? { id: draft.id } : {}),
        name: draft.name,
        sector: draft.sector,
        areas: draft.areas.length ? draft.areas : null,
        schedule: { effectiveFrom: draft.effectiveFrom, intervals },
      });
      setDraft(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  // Each day's hours are checked as they are typed: the message sits on the field and goes
  // as soon as the text is fixed. Editing anything clears an error from the last save.
  const change = (patch: Partial<Draft>) => {
    setError(null);
    setDraft((d) => (d ? { ...d, ...patch } : d));
  };
  const dayErrors = (draft?.days ?? []).map((t, i) => {
    try {
      parseIntervals(i + 1, t);
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  });
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
      {services.length === 0 && !draft && (
        <Text c="dimmed">No services yet. Add the mobile crisis team first: its hours are the ones committees ask about most.</Text>
      )}
      {services.map((s) => (
        <Paper key={s.id} withBorder p="md">
          <Group justify="space-between">
            <div>
              <Text fw={700}>
                {s.name} <Badge variant="outline">{SERVICE_SECTOR_LABELS[s.sector]}</Badge>
              </Text>
              <Text size="sm" c="dimmed">
                Areas: {s.areas?.join(', ') ?? 'all'} · {s.schedules.length} schedule version{s.schedules.length === 1 ? '' : 's'}, latest
                from {s.schedules.at(-1)?.effectiveFrom ?? '—'}
              </Text>
            </div>
            <Button variant="default" onClick={() => edit(s)} aria-label={`Change the hours of ${s.name}`}>
              Change hours…
            </Button>
          </Group>
        </Paper>
      ))}
      {draft && (
        <Paper withBorder p="lg">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <Stack>
              <Group grow align="flex-start">
                <TextInput label="Service name" value={draft.name} onChange={(e) => change({ name: e.currentTarget.value })} required />
                <Select
                  label="Kind of service"
                  data={SERVICE_SECTORS.map((v) => ({ value: v, label: SERVICE_SECTOR_LABELS[v] }))}
                  value={draft.sector}
                  onChange={(v) => v && change({ sector: v as Draft['sector'] })}
                  allowDeselect={false}
                />
                <DateField
                  label="Hours in effect from"
                  value={draft.effectiveFrom}
                  onChange={(v) => change({ effectiveFrom: v ?? '' })}
                  required
                />
              </Group>
              <TagsInput
                label="Areas served"
                description="Districts, divisions or precincts as the imported data names them; leave empty for all."
                value={draft.areas}
                onChange={(v) => change({ areas: v })}
                clearable
              />
              <Text fw={600}>
                Weekly hours (for example 08:00-23:00; several ranges separated by commas; 22:00-06:00 runs past midnight; leave empty when
                closed)
              </Text>
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                {WEEKDAY_NAMES.map((d, i) => (
                  <TextInput
                    key={d}
                    label={d}
                    value={draft.days[i]}
                    error={dayErrors[i]}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      change({ days: draft.days.map((x, j) => (j === i ? value : x)) });
                    }}
                  />
                ))}
              </SimpleGrid>
              <FormActions error={error} onCancel={() => setDraft(null)} submitLabel="Save service" disabled={!draft.name.trim()} />
            </Stack>
          </form>
        </Paper>
      )}
    </Stack>
  );
}
