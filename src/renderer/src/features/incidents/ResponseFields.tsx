/** The incident's response and risk fields, and the chip group its multi-valued fields use. */
import { Checkbox, Chip, Group, MultiSelect, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { BEHAVIOUR, FORCE, INJURY, RESPONDER, WEAPON } from '../../../../shared/incidents/values';
import type { IncidentFormValues as Values, SectionProps } from './incidentForm';

type Flag = 'citRequested' | 'citDispatched' | 'citArrived' | 'threats' | 'restraint' | 'handcuffs';

function Flags({ values, set, readOnly, flags }: SectionProps & { flags: [Flag, string][] }) {
  return (
    <Group>
      {flags.map(([key, label]) => (
        <Checkbox
          key={key}
          size="md"
          label={label}
          checked={values[key]}
          onChange={(e) => set(key, e.currentTarget.checked)}
          disabled={readOnly}
        />
      ))}
    </Group>
  );
}

export function ResponseFields(p: SectionProps) {
  return (
    <>
      <Title order={3}>Response</Title>
      <ChipGroup
        label="Responders"
        options={RESPONDER.options}
        value={p.values.responders}
        onChange={(x) => p.set('responders', x as Values['responders'])}
        error={p.errors.responders}
        readOnly={p.readOnly}
      />
      <Flags
        {...p}
        flags={[
          ['citRequested', 'CIT officer requested'],
          ['citDispatched', 'CIT officer dispatched'],
          ['citArrived', 'CIT officer arrived'],
        ]}
      />
    </>
  );
}

export function RiskFields(p: SectionProps) {
  const { values: v, set, errors, readOnly } = p;
  return (
    <>
      <Title order={3}>Risk</Title>
      <SimpleGrid cols={{ base: 1, lg: 3 }}>
        <Select
          label="Weapon"
          data={WEAPON.options}
          value={v.weapon}
          onChange={(x) => set('weapon', x as Values['weapon'])}
          clearable
          error={errors.weapon}
          readOnly={readOnly}
        />
        <Select
          label="Highest use of force"
          data={FORCE.options}
          value={v.force}
          onChange={(x) => set('force', x as Values['force'])}
          clearable
          error={errors.force}
          readOnly={readOnly}
        />
        <MultiSelect
          searchable
          label="Injuries"
          data={INJURY.options}
          value={v.injuries}
          onChange={(x) => set('injuries', x as Values['injuries'])}
          clearable
          error={errors.injuries}
          readOnly={readOnly}
        />
      </SimpleGrid>
      <Flags
        {...p}
        flags={[
          ['threats', 'Threats of violence'],
          ['restraint', 'Restraint used'],
          ['handcuffs', 'Handcuffs used'],
        ]}
      />
      <ChipGroup
        label="Behaviours observed"
        options={BEHAVIOUR.options}
        value={v.behaviours}
        onChange={(x) => set('behaviours', x as Values['behaviours'])}
        error={errors.behaviours}
        readOnly={readOnly}
      />
    </>
  );
}

export function ChipGroup(p: {
  label: string;
  options: { value: string; label: string }[];
  value: string[];
  onChange(v: string[]): void;
  error?: string | undefined;
  readOnly: boolean;
}) {
  const errorId = useId();
  return (
    <Stack gap={6} role="group" aria-label={p.label} aria-describedby={p.error ? errorId : undefined}>
      <Text fw={600}>{p.label}</Text>
      <Chip.Group multiple value={p.value} onChange={(v) => !p.readOnly && p.onChange(v)}>
        <Group gap="xs">
          {p.options.map((o) => (
            <Chip key={o.value} value={o.value} size="md" variant="outline" disabled={p.readOnly}>
              {o.label}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {p.error && (
        <Text size="sm" c="red.9" id={errorId}>
          {p.error}
        </Text>
      )}
    </Stack>
  );
}
