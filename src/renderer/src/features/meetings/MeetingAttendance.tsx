/**
 * Attendance and confidentiality: "Mark all present" first, then the exceptions one by one;
 * the quorum as a count (a majority of members present) and by seat; each member's signature
 * of the confidentiality statement, which is shown here as they sign it.
 */
import { Badge, Button, Checkbox, Group, List, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import type { MeetingDetail } from '../../../../shared/meetings/schemas';
import { CONFIDENTIALITY_STATEMENT, MEMBER_ROLE, SECTOR } from '../../../../shared/meetings/values';
import { formatTime } from '../../lib/format';

type Status = 'present' | 'absent' | 'guest' | null;
export interface AttendanceWrite {
  (input: { meetingId: number; memberId: number; status: Status; attested?: boolean }): Promise<MeetingDetail>;
}

export function MeetingAttendance(p: { d: MeetingDetail; ended: boolean; write: AttendanceWrite; run(fn: () => Promise<unknown>): void }) {
  const { d, ended } = p;
  const id = d.meeting.id;
  const blank = d.attendance.filter((a) => a.status === null);
  const markAll = () =>
    p.run(async () => Promise.all(blank.map((a) => p.write({ meetingId: id, memberId: a.memberId, status: 'present' }))));
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="attendance-title">
      <Stack>
        <Group justify="space-between">
          <Title order={3} id="attendance-title">
            Attendance and confidentiality
          </Title>
          {!ended && d.attendance.length > 0 && (
            <Button variant="default" disabled={!blank.length} onClick={markAll}>
              Mark all present{blank.length ? ` (${blank.length})` : ''}
            </Button>
          )}
        </Group>
        {d.attendance.length === 0 ? (
          <Text c="dimmed">Add committee members in Settings → Committee roster to take attendance.</Text>
        ) : (
          <>
            <QuorumLine q={d.quorum} />
            <Text size="md">
              <b>Confidentiality statement:</b> {CONFIDENTIALITY_STATEMENT}
            </Text>
            <AttendanceTable {...p} />
          </>
        )}
      </Stack>
    </Paper>
  );
}

function QuorumLine({ q }: { q: MeetingDetail['quorum'] }) {
  return (
    <Stack gap={4} role="status" aria-label="Quorum">
      <Group gap="sm">
        <Badge size="lg" color={q.met ? 'teal.9' : 'red.9'} variant="filled">
          {q.met ? 'Quorum' : 'No quorum yet'}
        </Badge>
        <Text fw={700}>
          {q.present} of {q.members} members present · {q.needed} needed
        </Text>
      </Group>
      <List size="md" spacing={0} listStyleType="none" aria-label="Seats">
        {q.seats.map((s) => (
          <List.Item key={s.label} display="inline-block" mr="md">
            {s.filled ? '✓' : '✗'} {s.label}
            {s.filled ? '' : ' (empty)'}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

const CHOICES = [
  { value: '', label: '—' },
  { value: 'present', label: 'Present' },
  { value: 'absent', label: 'Absent' },
  { value: 'guest', label: 'Guest' },
];

function AttendanceTable(p: { d: MeetingDetail; ended: boolean; write: AttendanceWrite; run(fn: () => Promise<unknown>): void }) {
  const meetingId = p.d.meeting.id;
  return (
    <Table fz="md" aria-label="Attendance">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Member</Table.Th>
          <Table.Th>Sector</Table.Th>
          <Table.Th>Attendance</Table.Th>
          <Table.Th>Confidentiality statement</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {p.d.attendance.map((a) => (
          <Table.Tr key={a.memberId}>
            <Table.Td fw={600}>
              {a.name}{' '}
              <Text span c="dimmed">
                ({MEMBER_ROLE.label(a.role)})
              </Text>
            </Table.Td>
            <Table.Td>{SECTOR.label(a.sector)}</Table.Td>
            <Table.Td>
              <SegmentedControl
                aria-label={`Attendance of ${a.name}`}
                disabled={p.ended}
                value={a.status ?? ''}
                data={CHOICES}
                onChange={(v) => p.run(() => p.write({ meetingId, memberId: a.memberId, status: (v || null) as Status }))}
              />
            </Table.Td>
            <Table.Td>
              <Checkbox
                size="md"
                label={a.attestedAt ? `Signed ${formatTime(a.attestedAt)}` : 'Signed'}
                aria-label={`${a.name} signed the confidentiality statement`}
                checked={a.attestedAt !== null}
                disabled={p.ended || (a.status !== 'present' && a.status !== 'guest')}
                onChange={(e) =>
                  p.run(() => p.write({ meetingId, memberId: a.memberId, status: a.status, attested: e.currentTarget.checked }))
                }
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
