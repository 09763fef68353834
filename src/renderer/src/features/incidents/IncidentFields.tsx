/** The incident's coded fields (when, call, response, risk, outcome) with the two guarded texts. */
import {
  Checkbox,
  Chip,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import type { IncidentFields as Fields } from '../../../../shared/incidents/schemas';
import {
  BEHAVIOUR,
  CALL_SOURCE,
  DISPOSITION,
  FORCE,
  INJURY,
  INTERCEPT,
  RESPONDER,
  WEAPON,
  WEEKDAY,
  YES_NO_UNKNOWN,
} from '../../../../shared/incidents/values';
import { MONTH_OPTIONS } from './format';

const HOURS = Array.from({ length: 24 }, (_, h) => ({
  value: String(h),
  label: `${String(h).padStart(2, '0')}:00–${String(h).padStart(2, '0')}:59`,
}));

export type SetField = <K extends keyof Fields>(k: K, v: Fields[K]) => void;

export interface IncidentFieldsProps {
  draft: Fields;
  set: SetField;
  readOnly: boolean;
  /** The narrative and referrals editors (guarded as typed). */
  narrative: ReactNode;
  referrals: ReactNode;
}

export function IncidentFields({ draft, set, readOnly, narrative, referrals }: IncidentFieldsProps) {
  return (
    <>
      {narrative}
      <Title order={3}>When and where</Title>
      <SimpleGrid cols={{ base: 2, lg: 5 }}>
        <NumberInput
          label="Year"
          value={draft.occurredYear}
          onChange={(v) => set('occurredYear', Number(v))}
          min={1990}
          max={2100}
          readOnly={readOnly}
        />
        <Select
          label="Month"
          data={MONTH_OPTIONS}
          value={String(draft.occurredMonth)}
          onChange={(v) => v && set('occurredMonth', Number(v))}
          allowDeselect={false}
          readOnly={readOnly}
        />
        <Select
          label="Weekday"
          data={WEEKDAY.options}
          value={draft.weekday}
          onChange={(v) => set('weekday', v as Fields['weekday'])}
          clearable
          readOnly={readOnly}
        />
        <Select
          label="Hour of day"
          data={HOURS}
          value={draft.hourOfDay === null ? null : String(draft.hourOfDay)}
          onChange={(v) => set('hourOfDay', v === null ? null : Number(v))}
          clearable
          readOnly={readOnly}
        />
        <TextInput
          label="Area"
          description="District, division or precinct"
          value={draft.area ?? ''}
          onChange={(e) => set('area', e.currentTarget.value || null)}
          maxLength={80}
          readOnly={readOnly}
        />
      </SimpleGrid>
      <Title order={3}>Call</Title>
      <SimpleGrid cols={{ base: 1, lg: 3 }}>
        <Select
          label="Call source"
          data={CALL_SOURCE.options}
          value={draft.callSource}
          onChange={(v) => set('callSource', v as Fields['callSource'])}
          clearable
          readOnly={readOnly}
        />
        <TextInput
          label="Initial call type"
          value={draft.initialCallType ?? ''}
          onChange={(e) => set('initialCallType', e.currentTarget.value || null)}
          maxLength={120}
          readOnly={readOnly}
        />
        <TextInput
          label="Final call type"
          value={draft.finalCallType ?? ''}
          onChange={(e) => set('finalCallType', e.currentTarget.value || null)}
          maxLength={120}
          readOnly={readOnly}
        />
      </SimpleGrid>
      <ResponseAndRisk draft={draft} set={set} readOnly={readOnly} />
      <Title order={3}>Outcome</Title>
      <ChipGroup
        label="Disposition"
        options={DISPOSITION.options}
        value={draft.dispositions}
        onChange={(v) => set('dispositions', v as Fields['dispositions'])}
        readOnly={readOnly}
      />
      {referrals}
      <SimpleGrid cols={{ base: 1, lg: 3 }}>
        <Select
          label="Follow-up contact within 7 days"
          data={YES_NO_UNKNOWN.options}
          value={draft.followUp7}
          onChange={(v) => v && set('followUp7', v as Fields['followUp7'])}
          allowDeselect={false}
          readOnly={readOnly}
        />
        <Select
          label="Veteran"
          data={YES_NO_UNKNOWN.options}
          value={draft.veteran}
          onChange={(v) => v && set('veteran', v as Fields['veteran'])}
          allowDeselect={false}
          readOnly={readOnly}
        />
        <NumberInput
          label="Prior contacts in last 12 months"
          value={draft.priorContacts ?? ''}
          onChange={(v) => set('priorContacts', v === '' ? null : Number(v))}
          min={0}
          max={999}
          readOnly={readOnly}
        />
      </SimpleGrid>
      <ChipGroup
        label="Sequential Intercept Model"
        options={INTERCEPT.options}
        value={draft.intercepts}
        onChange={(v) => set('intercepts', v as Fields['intercepts'])}
        readOnly={readOnly}
      />
      <TagsInput label="Tags" value={draft.tags} onChange={(v) => set('tags', v)} maxTags={20} readOnly={readOnly} clearable />
    </>
  );
}

function ResponseAndRisk({ draft, set, readOnly }: { draft: Fields; set: SetField; readOnly: boolean }) {
  return (
    <>
      <Title order={3}>Response</Title>
      <ChipGroup
        label="Responders"
        options={RESPONDER.options}
        value={draft.responders}
        onChange={(v) => set('responders', v as Fields['responders'])}
        readOnly={readOnly}
      />
      <Group>
        <Checkbox
          size="md"
          label="CIT officer requested"
          checked={draft.citRequested}
          onChange={(e) => set('citRequested', e.currentTarget.checked)}
          disabled={readOnly}
        />
        <Checkbox
          size="md"
          label="CIT officer dispatched"
          checked={draft.citDispatched}
          onChange={(e) => set('citDispatched', e.currentTarget.checked)}
          disabled={readOnly}
        />
        <Checkbox
          size="md"
          label="CIT officer arrived"
          checked={draft.citArrived}
          onChange={(e) => set('citArrived', e.currentTarget.checked)}
          disabled={readOnly}
        />
      </Group>
      <Title order={3}>Risk</Title>
      <SimpleGrid cols={{ base: 1, lg: 3 }}>
        <Select
          label="Weapon"
          data={WEAPON.options}
          value={draft.weapon}
          onChange={(v) => set('weapon', v as Fields['weapon'])}
          clearable
          readOnly={readOnly}
        />
        <Select
          label="Highest use of force"
          data={FORCE.options}
          value={draft.force}
          onChange={(v) => set('force', v as Fields['force'])}
          clearable
          readOnly={readOnly}
        />
        <MultiSelect
          searchable
          label="Injuries"
          data={INJURY.options}
          value={draft.injuries}
          onChange={(v) => set('injuries', v as Fields['injuries'])}
          clearable
          readOnly={readOnly}
        />
      </SimpleGrid>
      <Group>
        <Checkbox
          size="md"
          label="Threats of violence"
          checked={draft.threats}
          onChange={(e) => set('threats', e.currentTarget.checked)}
          disabled={readOnly}
        />
        <Checkbox
          size="md"
          label="Restraint used"
          checked={draft.restraint}
          onChange={(e) => set('restraint', e.currentTarget.checked)}
          disabled={readOnly}
        />
        <Checkbox
          size="md"
          label="Handcuffs used"
          checked={draft.handcuffs}
          onChange={(e) => set('handcuffs', e.currentTarget.checked)}
          disabled={readOnly}
        />
      </Group>
      <ChipGroup
        label="Behaviours observed"
        options={BEHAVIOUR.options}
        value={draft.behaviours}
        onChange={(v) => set('behaviours', v as Fields['behaviours'])}
        readOnly={readOnly}
      />
    </>
  );
}

function ChipGroup(p: {
  label: string;
  options: { value: string; label: string }[];
  value: string[];
  onChange(v: string[]): void;
  readOnly: boolean;
}) {
  return (
    <Stack gap={6} role="group" aria-label={p.label}>
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
    </Stack>
  );
}
