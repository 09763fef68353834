/**
 * One timeline step's fields, checked by the contract's schema (src/shared) with the error under
 * the field in a coordinator's words. `startAgain`: after a successful submit the form empties,
 * keeping the actor (the next step is often the same one's).
 */
import { Button, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { LIMITS, timelineEventInput, type TimelineEventInput } from '../../../../shared/incidents/schemas';
import { TIMELINE_ACTOR, TIMELINE_KIND } from '../../../../shared/incidents/values';
import { zodForm } from '../../lib/form';
import { GuardedTextarea } from '../identifiers';
import { formatCount } from '../../lib/format';

export type StepDraft = Required<TimelineEventInput>;
export const EMPTY_STEP: StepDraft = { time: '', actor: 'dispatch_911', kind: 'call', description: '', decisionPoint: false };

export function TimelineEventForm(p: {
  initial: StepDraft;
  onSubmit(v: StepDraft): Promise<boolean>;
  submitLabel: string;
  onCancel?: () => void;
  startAgain?: boolean;
}) {
  const form = useForm<StepDraft>({
    initialValues: p.initial,
    validate: zodForm(timelineEventInput),
    validateInputOnChange: ['description'],
  });
  const v = form.values;
  const submit = async (values: StepDraft) => {
    if ((await p.onSubmit(values)) && p.startAgain) form.setValues({ ...EMPTY_STEP, actor: values.actor });
  };
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="sm">
        <Group align="flex-start" grow>
          <TextInput label="Time" description="14:05 or T+12:30" required maw={170} {...form.getInputProps('time')} />
          <Select label="Actor" data={TIMELINE_ACTOR.options} allowDeselect={false} {...form.getInputProps('actor')} />
          <Select
            label="Kind"
            data={TIMELINE_KIND.options}
            allowDeselect={false}
            {...form.getInputProps('kind')}
            onChange={(k) => {
              if (!k) return;
              form.setFieldValue('kind', k as StepDraft['kind']);
              if (k === 'decision_point') form.setFieldValue('decisionPoint', true);
            }}
          />
        </Group>
        <GuardedTextarea
          label="Description"
          value={v.description}
          onChange={(d) => form.setFieldValue('description', d)}
          error={form.errors.description}
          minRows={2}
        />
        {v.description.length > LIMITS.description * 0.9 && (
          <Text size="sm" c={v.description.length > LIMITS.description ? 'red.9' : undefined}>
            {formatCount(v.description.length)} of {formatCount(LIMITS.description)} characters
          </Text>
        )}
        <Group justify="space-between">
          <Checkbox label="Decision point" size="md" {...form.getInputProps('decisionPoint', { type: 'checkbox' })} />
          <Group>
            {p.onCancel && (
              <Button variant="default" onClick={p.onCancel}>
                Cancel
              </Button>
            )}
            <Button type="submit">{p.submitLabel}</Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
