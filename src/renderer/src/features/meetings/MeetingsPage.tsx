import { Badge, Button, Group, Modal, NumberInput, Paper, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { MEETING_STATUS } from '../../../../shared/meetings/values';
import { formatDate } from '../../lib/format';
import { href, paths } from '../../lib/routes';
import { ErrorAlert, FormActions } from '../../ui/FormActions';
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
          <Text>No meetings yet. Plan one: it starts with the standing items (welcome, approval of minutes, recommendation follow-up, other business); add case reviews from incidents that are ready for review.</Text>
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
                  <a href={href(paths.meeting(m.id))} onClick={(e) => (e.preventDefault(), onOpen(m.id))} style={{ fontWeight: 700, color: 'inherit' }}>
                    {formatDate(m.date)}
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

function PlanMeetingModal({ opened, onClose, onCreated }: { opened: boolean; onClose(): void; onCreated(id: number): void }) {
  const [date, setDate] = useState(() => new Date(Date.now() + 14 * 86400_000).toISOString().slice(0, 10));
  const [time, setTime] = useState('14:00');
  const [length, setLength] = useState<number>(90);
  const [place, setPlace] = useState('');
  const [virtual, setVirtual] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const createMeeting = useMeetingWrite('meetings.create').mutateAsync;
  const submit = async () => {
    setError(null);
    try {
      const d = await createMeeting({ date, time, lengthMinutes: length, place, virtual });
      onClose();
      onCreated(d.meeting.id);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Plan a meeting" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Group grow>
            <TextInput label="Date" type="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} required data-autofocus />
            <TextInput label="Start time" type="time" value={time} onChange={(e) => setTime(e.currentTarget.value)} required />
            <NumberInput label="Length (minutes)" value={length} onChange={(v) => setLength(Number(v))} min={15} max={480} step={15} />
          </Group>
          <TextInput label="Place" value={place} onChange={(e) => setPlace(e.currentTarget.value)} disabled={virtual} />
          <Switch size="md" label="Virtual meeting" checked={virtual} onChange={(e) => setVirtual(e.currentTarget.checked)} />
          <FormActions error={error} onCancel={onClose} submitLabel="Plan meeting" />
        </Stack>
      </form>
    </Modal>
  );
}
