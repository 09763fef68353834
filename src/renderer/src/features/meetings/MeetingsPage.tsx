import { Badge, Button, Group, Modal, NumberInput, Paper, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { z } from 'zod';
import { MEETING_STATUS } from '../../../../shared/meetings/values';
import { meetingFields } from '../../../../shared/meetings/schemas';
import { addDays, formatLongDate, todayIn } from '../../lib/format';
import { zodForm } from '../../lib/form';
import { href, paths } from '../../lib/routes';
import { DateField } from '../../ui/DateField';
import { ErrorAlert, FormActions } from '../../ui/FormActions';
import { useSettings } from '../settings';
import { useMeetings, useMeetingWrite } from './queries';

export const MEETING_COLOR: Record<string, string> = { planned: 'blue.9', in_progress: 'teal.9', ended: 'gray.8' };

export function MeetingsPage({ onOpen }: { onOpen(id: number): void }) {
  const { data, error } = useMeetings();
  const rows = data?.meetings ?? null;
  const [planning, setPlanning] = useState(false);
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={2}>Meetings</Title>
        <Button onClick={() => setPlanning(true)}>Plan a meeting</Button>
      </Group>
      <ErrorAlert error={error} title="Cannot list the meetings" />
      {rows && rows.length === 0 && (
        <Paper withBorder p="xl" maw={760}>
          <Text>
            No meetings yet. Plan one: it starts with the standing items (welcome, approval of minutes, recommendation follow-up, other
            business); add case reviews from incidents that are ready for review.
          </Text>
        </Paper>
      )}
      {rows && rows.length > 0 && (
        <Table fz="md" striped highlightOnHover aria-label="Meetings">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Time</Table.Th>
              <Table.Th>Place</Table.Th>
              <Table.Th>Case reviews</Table.Th>
              <Table.Th>In the room</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  <a
                    href={href(paths.meeting(m.id))}
                    onClick={(e) => (e.preventDefault(), onOpen(m.id))}
                    style={{ fontWeight: 700, color: 'inherit' }}
                  >
                    {formatLongDate(m.date)}
                  </a>
                </Table.Td>
                <Table.Td>{m.time}</Table.Td>
                <Table.Td>{m.virtual ? 'Virtual' : m.place || '—'}</Table.Td>
                <Table.Td>{m.caseCount}</Table.Td>
                <Table.Td>{m.present}</Table.Td>
                <Table.Td>
                  <Badge color={MEETING_COLOR[m.status]} variant="filled" size="lg">
                    {MEETING_STATUS.label(m.status)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <PlanMeetingModal opened={planning} onClose={() => setPlanning(false)} onCreated={onOpen} />
    </Stack>
  );
}

// The contract's checks (src/shared), on the form's values (a cleared date or length is empty).
const fields = meetingFields.shape;
const planSchema = z.object({
  date: z.string('Choose the date of the meeting.').pipe(fields.date),
  time: fields.time,
  lengthMinutes: z.number('Give the length in minutes.').pipe(fields.lengthMinutes),
  place: fields.place,
  virtual: fields.virtual,
});
type PlanValues = { date: string | null; time: string; lengthMinutes: number | string; place: string; virtual: boolean };

function PlanMeetingModal({ opened, onClose, onCreated }: { opened: boolean; onClose(): void; onCreated(id: number): void }) {
  const timeZone = useSettings().data?.timeZone;
  // Two weeks from today in the committee's time zone, by default.
  const [defaultDate] = useState(() => addDays(todayIn(timeZone), 14));
  const form = useForm<PlanValues>({
    initialValues: { date: defaultDate, time: '14:00', lengthMinutes: 90, place: '', virtual: false },
    validate: zodForm(planSchema),
  });
  const [error, setError] = useState<string | null>(null);
  const createMeeting = useMeetingWrite('meetings.create').mutateAsync;
  const submit = async (v: PlanValues) => {
    setError(null);
    try {
      const d = await createMeeting({
        date: v.date!,
        time: v.time,
        lengthMinutes: Number(v.lengthMinutes),
        place: v.place,
        virtual: v.virtual,
      });
      onClose();
      onCreated(d.meeting.id);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Plan a meeting" size="lg">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <Group grow align="flex-start">
            <DateField label="Date" required data-autofocus {...form.getInputProps('date')} />
            {/* 24-hour, typed as hours and minutes (the contract's HH:MM). */}
            <TimePicker
              label="Start time"
              format="24h"
              hoursInputLabel="Start time, hours"
              minutesInputLabel="Start time, minutes"
              required
              {...form.getInputProps('time')}
            />
            <NumberInput label="Length (minutes)" min={15} max={480} step={15} {...form.getInputProps('lengthMinutes')} />
          </Group>
          <TextInput label="Place" disabled={form.values.virtual} {...form.getInputProps('place')} />
          <Switch size="md" label="Virtual meeting" {...form.getInputProps('virtual', { type: 'checkbox' })} />
          <FormActions error={error} onCancel={onClose} submitLabel="Plan meeting" />
        </Stack>
      </form>
    </Modal>
  );
}
