/** The timeline's steps as a table: each row keyboard-movable (Alt+↑/↓), with its move, edit and delete actions. */
import { Badge, Button, Group, Table, VisuallyHidden } from '@mantine/core';
import type { TimelineEvent } from '../../../../shared/incidents/schemas';
import { TIMELINE_ACTOR, TIMELINE_KIND } from '../../../../shared/incidents/values';
import { MoveButtons } from '../../ui/MoveButtons';
import { TimelineEventForm, type StepDraft } from './TimelineEventForm';

export interface StepActions {
  move(e: TimelineEvent, by: number): void;
  remove(e: TimelineEvent): void;
  saveEdit(id: number, patch: StepDraft): Promise<boolean>;
}

const draftOf = (e: TimelineEvent): StepDraft => ({
  time: e.time,
  actor: e.actor,
  kind: e.kind,
  description: e.description,
  decisionPoint: e.decisionPoint,
});

export function TimelineTable(p: {
  timeline: TimelineEvent[];
  readOnly: boolean;
  editing: number | null;
  onEdit(id: number | null): void;
  actions: StepActions;
}) {
  return (
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
        {p.timeline.map((e, i) =>
          p.editing === e.id ? (
            <Table.Tr key={e.id}>
              <Table.Td colSpan={5}>
                <TimelineEventForm
                  initial={draftOf(e)}
                  onSubmit={(v) => p.actions.saveEdit(e.id, v)}
                  submitLabel="Save step"
                  onCancel={() => p.onEdit(null)}
                />
              </Table.Td>
            </Table.Tr>
          ) : (
            <StepRow
              key={e.id}
              step={e}
              index={i}
              count={p.timeline.length}
              readOnly={p.readOnly}
              onEdit={() => p.onEdit(e.id)}
              {...p.actions}
            />
          ),
        )}
      </Table.Tbody>
    </Table>
  );
}

function StepRow(p: { step: TimelineEvent; index: number; count: number; readOnly: boolean; onEdit(): void } & StepActions) {
  const { step: e, index: i } = p;
  return (
    <Table.Tr
      tabIndex={p.readOnly ? undefined : 0}
      aria-label={`Step ${i + 1}: ${e.time}, ${TIMELINE_ACTOR.label(e.actor)}, ${TIMELINE_KIND.label(e.kind)}${e.decisionPoint ? ', decision point' : ''}. Alt+Up or Alt+Down moves it.`}
      onKeyDown={(k) => {
        if (p.readOnly || !k.altKey) return;
        if (k.key === 'ArrowUp' && i > 0) {
          k.preventDefault();
          p.move(e, -1);
        } else if (k.key === 'ArrowDown' && i < p.count - 1) {
          k.preventDefault();
          p.move(e, 1);
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
            <MoveButtons what={`step ${i + 1}`} index={i} count={p.count} onMove={(by) => p.move(e, by)} />
            <Button size="compact-md" variant="default" onClick={p.onEdit} aria-label={`Edit step ${i + 1}`}>
              Edit
            </Button>
            <Button size="compact-md" variant="default" color="red.9" onClick={() => p.remove(e)} aria-label={`Delete step ${i + 1}`}>
              Delete
            </Button>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
