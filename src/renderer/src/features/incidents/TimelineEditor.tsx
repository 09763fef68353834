import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { timelineEventInput, type IncidentDetail, type TimelineEvent, type TimelineEventInput } from '../../../../shared/incidents/schemas';
import { TIMELINE_ACTOR, TIMELINE_KIND } from '../../../../shared/incidents/values';
import { formatDuration } from '../../../../shared/incidents/timeline';
import { zodForm } from '../../lib/form';
import { useIncidentWrite } from './queries';
import { GuardedTextarea } from '../identifiers';

type Draft = Required<TimelineEventInput>;
const EMPTY: Draft = { time: '', actor: 'dispatch_911', kind: 'call', description: '', decisionPoint: false };

export function TimelineEditor(p: { detail: IncidentDetail; readOnly: boolean }) {
  const { timeline, intervals } = p.detail;
  const [editing, setEditing] = useState<{ id: number; value: Draft } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Each answers with the incident, which becomes the cached one (and so the page's).
  const addStep = useIncidentWrite('timeline.add').mutateAsync;
  const moveStep = useIncidentWrite('timeline.move').mutateAsync;
  const removeStep = useIncidentWrite('timeline.remove').mutateAsync;
  const updateStep = useIncidentWrite('timeline.update').mutateAsync;

  const run = async (fn: () => Promise<IncidentDetail>) => {
    setError(null);
    try {
      await fn();
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    }
  };
  const add = (event: Draft) => run(() => addStep({ incidentId: p.detail.incident.id, event }));
  const move = (e: TimelineEvent, by: number) => void run(() => moveStep({ id: e.id, position: Math.max(0, e.position + by) }));
  const remove = async (e: TimelineEvent) => {
    if (!(await run(() => removeStep({ id: e.id })))) return;
    const id = `undo-${e.id}`;
    notifications.show({
      id,
      autoClose: 10000,
      title: 'Step deleted',
      message: (
        <Group justify="space-between">
          <Text size="sm">
            {e.time} · {TIMELINE_KIND.label(e.kind)}
          </Text>
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => {
              notifications.hide(id);
              void run(() =>
                addStep({
                  incidentId: p.detail.incident.id,
                  position: e.position,
                  event: { time: e.time, actor: e.actor, kind: e.kind, description: e.description, decisionPoint: e.decisionPoint },
                }),
              );
            }}
          >
            Undo
          </Button>
        </Group>
      ),
    });
  };
  const saveEdit = async (id: number, patch: Draft) => {
    const ok = await run(() => updateStep({ id, patch }));
    if (ok) setEditing(null);
    return ok;
  };

  return (
    <Paper withBorder p="lg">
      <Stack>
        <Title order={3}>Timeline</Title>
        <SimpleGrid cols={{ base: 2, md: 4 }} aria-label="Intervals">
          {(
            [
              ['Call → dispatch', intervals.callToDispatch],
              ['Dispatch → arrival', intervals.dispatchToArrival],
              ['Arrival → disposition', intervals.arrivalToDisposition],
              ['Call → disposition', intervals.callToDisposition],
            ] as const
          ).map(([label, v]) => (
            <Paper key={label} withBorder p="sm">
              <Text size="sm" c="dimmed">
                {label}
              </Text>
              <Text fw={700} size="xl">
                {formatDuration(v)}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
        {timeline.length === 0 ? (
          <Text c="dimmed">No steps yet. Add the call first, then each dispatch, arrival, decision point and the disposition.</Text>
        ) : (
          <Table fz="md" verticalSpacing="sm" aria-label="Timeline steps">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={90}>Time</Table.Th>
                <Table.Th w={190}>Actor</Table.Th>
                <Table.Th w={170}>Kind</Table.Th>
                <Table.Th>Description</Table.Th>
                <Table.Th w={220}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {timeline.map((e, i) =>
                editing?.id === e.id ? (
                  <Table.Tr key={e.id}>
                    <Table.Td colSpan={5}>
                      <EventForm
                        initial={editing.value}
                        onSubmit={(v) => saveEdit(e.id, v)}
                        submitLabel="Save step"
                        onCancel={() => setEditing(null)}
                      />
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  <Table.Tr
                    key={e.id}
                    tabIndex={p.readOnly ? undefined : 0}
                    aria-label={`Step ${i + 1}: ${e.time}, ${TIMELINE_ACTOR.label(e.actor)}, ${TIMELINE_KIND.label(e.kind)}${e.decisionPoint ? ', decision point' : ''}. Alt+Up or Alt+Down moves it.`}
                    onKeyDown={(k) => {
                      if (p.readOnly || !k.altKey) return;
                      if (k.key === 'ArrowUp' && i > 0) {
                        k.preventDefault();
                        move(e, -1);
                      } else if (k.key === 'ArrowDown' && i < timeline.length - 1) {
                        k.preventDefault();
                        move(e, 1);
                      }
                    }}
                  >
                    <Table.Td fw={700}>{e.time}</Table.Td>
                    <Table.Td>{TIMELINE_ACTOR.label(e.actor)}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {TIMELINE_KIND.label(e.kind)}
                        {e.decisionPoint && (
                          <Badge color="grape.9" variant="filled">
                            Decision
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{e.description}</Table.Td>
                    <Table.Td>
                      {!p.readOnly && (
                        <Group gap={4} wrap="nowrap">
                          <Tooltip label="Move up (Alt+↑)">
                            <ActionIcon
                              variant="default"
                              size="lg"
                              disabled={i === 0}
                              onClick={() => move(e, -1)}
                              aria-label={`Move step ${i + 1} up`}
                            >
                              ↑
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label="Move down (Alt+↓)">
                            <ActionIcon
                              variant="default"
                              size="lg"
                              disabled={i === timeline.length - 1}
                              onClick={() => move(e, 1)}
                              aria-label={`Move step ${i + 1} down`}
                            >
                              ↓
                            </ActionIcon>
                          </Tooltip>
                          <Button
                            size="compact-md"
                            variant="default"
                            onClick={() =>
                              setEditing({
                                id: e.id,
                                value: {
                                  time: e.time,
                                  actor: e.actor,
                                  kind: e.kind,
                                  description: e.description,
                                  decisionPoint: e.decisionPoint,
                                },
                              })
                            }
                          >
                            Edit
                          </Button>
                          <Button
                            size="compact-md"
                            variant="default"
                            color="red.9"
                            onClick={() => void remove(e)}
                            aria-label={`Delete step ${i + 1}`}
                          >
                            Delete
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ),
              )}
            </Table.Tbody>
          </Table>
        )}
        {error && (
          <Text c="red.9" role="alert">
            {error}
          </Text>
        )}
        {!p.readOnly && (
          <Paper withBorder p="md" bg="var(--mantine-color-default-hover)">
            <Title order={4} mb="sm">
              Add a step
            </Title>
            <EventForm initial={EMPTY} onSubmit={add} submitLabel="Add step" startAgain />
          </Paper>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * One step's fields, checked by the contract's schema (src/shared) with the error under the field.
 * `startAgain`: after a successful submit the form empties, keeping the actor (the next step is
 * often the same one's).
 */
function EventForm(p: {
  initial: Draft;
  onSubmit(v: Draft): Promise<boolean>;
  submitLabel: string;
  onCancel?: () => void;
  startAgain?: boolean;
}) {
  const form = useForm<Draft>({ initialValues: p.initial, validate: zodForm(timelineEventInput) });
  const v = form.values;
  const submit = async (values: Draft) => {
    if ((await p.onSubmit(values)) && p.startAgain) form.setValues({ ...EMPTY, actor: values.actor });
  };
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="sm">
        <Group align="flex-end" grow>
          <TextInput label="Time" description="14:05 or T+12:30" required maw={170} {...form.getInputProps('time')} />
          <Select label="Actor" data={TIMELINE_ACTOR.options} allowDeselect={false} {...form.getInputProps('actor')} />
          <Select
            label="Kind"
            data={TIMELINE_KIND.options}
            allowDeselect={false}
            {...form.getInputProps('kind')}
            onChange={(k) => {
              if (!k) return;
              form.setFieldValue('kind', k as Draft['kind']);
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
          maxLength={2000}
        />
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
