/** The meeting's agenda: items in order (drag, Alt+↑/↓ or the buttons to move), minutes per item, adding a case or other business. */
import { Anchor, Badge, Button, Group, NumberInput, Paper, Progress, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { z } from 'zod';
import { meetingMethods, type AgendaItem, type MeetingDetail } from '../../../../shared/meetings/schemas';
import { REC_STATUS } from '../../../../shared/meetings/values';
import { zodForm } from '../../lib/form';
import { href, paths } from '../../lib/routes';
import { type useMeetingWrites } from './queries';
import classes from './MeetingPage.module.css';
import { formatDate } from '../../lib/format';
import { MoveButtons } from '../../ui/MoveButtons';
import { FollowBadge } from '../../ui/FollowBadge';

type Writes = ReturnType<typeof useMeetingWrites>;
interface AgendaProps {
  d: MeetingDetail;
  ended: boolean;
  writes: Writes;
  run(fn: () => Promise<unknown>): void;
  onOpenIncident(id: number): void;
}

export function MeetingAgenda(p: AgendaProps) {
  const { d } = p;
  const m = d.meeting;
  const over = d.allottedMinutes > m.lengthMinutes;
  const [dragging, setDragging] = useState<number | null>(null);
  const move = (item: AgendaItem, to: number) => p.run(() => p.writes.move({ id: item.id, position: Math.max(0, to) }));
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Group justify="space-between">
          <Title order={3}>Agenda</Title>
          <Text fw={700} c={over ? 'red.9' : undefined} aria-live="polite">
            {d.allottedMinutes} of {m.lengthMinutes} minutes{over ? ' — over the meeting length' : ''}
          </Text>
        </Group>
        <Progress
          value={Math.min(100, (d.allottedMinutes / m.lengthMinutes) * 100)}
          color={over ? 'red.9' : undefined}
          size="lg"
          aria-label="Time allotted against the meeting length"
        />
        <Stack gap={6} role="list" aria-label="Agenda items">
          {d.items.map((it, i) => (
            <div
              role="listitem"
              key={it.id}
              id={`agenda-item-${it.id}`}
              className={classes.item}
              data-dragging={dragging === it.id || undefined}
              draggable={!p.ended}
              onDragStart={() => setDragging(it.id)}
              onDragEnd={() => setDragging(null)}
              onDragOver={(e) => e.preventDefault()}
              onDrop={() => {
                const from = d.items.find((x) => x.id === dragging);
                if (from && from.id !== it.id) move(from, i);
                setDragging(null);
              }}
              tabIndex={p.ended ? -1 : 0}
              aria-label={`${i + 1}. ${it.title}, ${it.minutes} minutes${it.completed ? ', done' : ''}. Alt+Up or Alt+Down moves it.`}
              onKeyDown={(e) => {
                if (p.ended || !e.altKey) return;
                if (e.key === 'ArrowUp' && i > 0) {
                  e.preventDefault();
                  move(it, i - 1);
                } else if (e.key === 'ArrowDown' && i < d.items.length - 1) {
                  e.preventDefault();
                  move(it, i + 1);
                }
              }}
            >
              <AgendaRow {...p} it={it} i={i} move={move} />
            </div>
          ))}
        </Stack>
        {!p.ended && <AddToAgenda d={d} writes={p.writes} run={p.run} />}
      </Stack>
    </Paper>
  );
}

function AgendaRow(p: AgendaProps & { it: AgendaItem; i: number; move(item: AgendaItem, to: number): void }) {
  const { it, i, ended } = p;
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-start">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        {!ended && (
          <span className={classes.handle} aria-hidden>
            ⠿
          </span>
        )}
        <Stack gap={2}>
          <Text fw={700}>
            {i + 1}. {it.title} {it.completed && <Badge color="teal.9">Done</Badge>}
          </Text>
          {it.incident && (
            <Text size="md" c="dimmed" lineClamp={2}>
              <Anchor href={href(paths.incident(it.incident.id))} onClick={(e) => (e.preventDefault(), p.onOpenIncident(it.incident!.id))}>
                {it.incident.code}
              </Anchor>{' '}
              · {it.incident.summary || 'No summary yet.'}
            </Text>
          )}
          {it.kind === 'follow_up' && <Carried item={it} />}
        </Stack>
      </Group>
      <Group gap={6} wrap="nowrap">
        <NumberInput
          aria-label={`Minutes for ${it.title}`}
          value={it.minutes}
          min={1}
          max={240}
          w={90}
          disabled={ended}
          onBlur={(e) => {
            const v = Number(e.currentTarget.value);
            if (v && v !== it.minutes) p.run(() => p.writes.update({ id: it.id, patch: { minutes: v } }));
          }}
        />
        <Text c="dimmed">min</Text>
        {!ended && (
          <>
            <MoveButtons what={it.title} index={i} count={p.d.items.length} onMove={(by) => p.move(it, i + by)} />
            <Button
              size="compact-md"
              variant="default"
              onClick={() => p.run(() => p.writes.remove({ id: it.id }))}
              aria-label={`Remove ${it.title}`}
            >
              Remove
            </Button>
          </>
        )}
      </Group>
    </Group>
  );
}

function Carried({ item }: { item: AgendaItem }) {
  if (!item.carried.length) {
    return (
      <Text size="md" c="dimmed">
        No open recommendations, responses or effect checks are due before the next meeting.
      </Text>
    );
  }
  return item.carried.map((r) => (
    <Text key={r.id} size="md">
      {r.code} · {r.owner} · <span style={{ whiteSpace: 'nowrap' }}>due {formatDate(r.dueDate)}</span> · {REC_STATUS.label(r.status)}
      {r.overdue && <FollowBadge kind="overdue" ml={6} />}
      {r.responseOverdue && <FollowBadge kind="responseOverdue" ml={6} />}
      {r.effectCheck && <FollowBadge kind="effectCheckDue" date={r.effectCheck.dueDate} ml={6} />}
    </Text>
  ));
}

// The contract's check for the minutes; the incident is chosen from those ready for review.
const addSchema = z.object({
  caseId: z.string('Choose an incident that is ready for review.'),
  minutes: z.number('Give the minutes for the case.').pipe(meetingMethods['agenda.add'].input.shape.minutes),
});

function AddToAgenda({ d, writes, run }: { d: MeetingDetail; writes: Writes; run(fn: () => Promise<unknown>): void }) {
  const form = useForm<{ caseId: string | null; minutes: number | string }>({
    initialValues: { caseId: null, minutes: 25 },
    validate: zodForm(addSchema),
  });
  const meetingId = d.meeting.id;
  const add = form.onSubmit((v) => {
    run(() => writes.add({ meetingId, kind: 'case_review', minutes: Number(v.minutes), incidentId: Number(v.caseId) }));
    form.setFieldValue('caseId', null);
  });
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <form onSubmit={add} noValidate>
        <Group align="flex-start" wrap="nowrap">
          <Select
            label="Add a case review"
            placeholder={d.readyIncidents.length ? 'Incident ready for review' : 'No incidents are ready for review'}
            data={d.readyIncidents.map((r) => ({ value: String(r.id), label: `${r.code} — ${r.summary.slice(0, 60) || 'no summary'}` }))}
            searchable
            disabled={!d.readyIncidents.length}
            style={{ flex: 1 }}
            {...form.getInputProps('caseId')}
          />
          <NumberInput label="Minutes" min={5} max={120} w={100} {...form.getInputProps('minutes')} />
          <Button type="submit" disabled={!form.getValues().caseId} mt={28}>
            Add
          </Button>
        </Group>
      </form>
      <Group align="flex-end">
        <Button
          variant="default"
          onClick={() => run(() => writes.add({ meetingId, kind: 'other_business', minutes: 5, title: 'Other business' }))}
        >
          + Other business item
        </Button>
      </Group>
    </SimpleGrid>
  );
}
