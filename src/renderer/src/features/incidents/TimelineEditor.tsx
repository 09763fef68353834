/** The incident's timeline: the intervals, the steps (move, edit, delete with undo) and the form to add one. */
import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { IncidentDetail, TimelineEvent } from '../../../../shared/incidents/schemas';
import { TIMELINE_KIND } from '../../../../shared/incidents/values';
import { formatDuration } from '../../../../shared/incidents/timeline';
import { FormError } from '../../ui/FormActions';
import { useIncidentWrite } from './queries';
import { EMPTY_STEP, TimelineEventForm, type StepDraft } from './TimelineEventForm';
import { TimelineTable, type StepActions } from './TimelineTable';

/** The timeline's writes; each answers with the incident, which becomes the cached one (and so the page's). */
function useTimelineSteps(incidentId: number) {
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
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
  const add = (event: StepDraft) => run(() => addStep({ incidentId, event }));
  const restore = (e: TimelineEvent) =>
    run(() =>
      addStep({
        incidentId,
        position: e.position,
        event: { time: e.time, actor: e.actor, kind: e.kind, description: e.description, decisionPoint: e.decisionPoint },
      }),
    );
  const actions: StepActions = {
    move: (e, by) => void run(() => moveStep({ id: e.id, position: Math.max(0, e.position + by) })),
    remove: (e) => void run(() => removeStep({ id: e.id })).then((ok) => ok && offerUndo(e, () => void restore(e))),
    saveEdit: async (id, patch) => {
      const ok = await run(() => updateStep({ id, patch }));
      if (ok) setEditing(null);
      return ok;
    },
  };
  return { error, editing, setEditing, add, actions };
}

function offerUndo(e: TimelineEvent, undo: () => void) {
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
            undo();
          }}
        >
          Undo
        </Button>
      </Group>
    ),
  });
}

export function TimelineEditor(p: { detail: IncidentDetail; readOnly: boolean }) {
  const { timeline, intervals } = p.detail;
  const steps = useTimelineSteps(p.detail.incident.id);
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
          <TimelineTable
            timeline={timeline}
            readOnly={p.readOnly}
            editing={steps.editing}
            onEdit={steps.setEditing}
            actions={steps.actions}
          />
        )}
        <FormError error={steps.error} />
        {!p.readOnly && (
          <Paper withBorder p="md" bg="var(--mantine-color-default-hover)">
            <Title order={4} mb="sm">
              Add a step
            </Title>
            <TimelineEventForm initial={EMPTY_STEP} onSubmit={steps.add} submitLabel="Add step" startAgain />
          </Paper>
        )}
      </Stack>
    </Paper>
  );
}
