import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { AgendaItem, MeetingDetail } from '../../../../shared/meetings/schemas';
import { MEETING_STATUS, MEMBER_ROLE, REC_STATUS, SECTOR } from '../../../../shared/meetings/values';
import { api, unwrap } from '../../lib/api';
import { href, paths } from '../../lib/routes';
import { useMeeting, useMeetingWrites } from './queries';
import { formatLongDate, formatTime } from '../../lib/format';
import { MEETING_COLOR } from './MeetingsPage';
import classes from './MeetingPage.module.css';
import { ExportMenu, exportWith, MinutesPanel } from './MinutesPanel';
import { SystemicFindingsPanel } from './SystemicFindingsPanel';
import { MeetingRecordPanel } from './MeetingRecordPanel';
import { ErrorAlert } from '../../ui/FormActions';
import { blockedOf, GuardBlockedAlert } from '../../ui/GuardBlocked';
import type { GuardBlock } from '../../../../shared/result';

export function MeetingPage({
  id,
  onBack,
  onWalk,
  onOpenIncident,
}: {
  id: number;
  onBack(): void;
  onWalk(): void;
  onOpenIncident(id: number): void;
}) {
  const meeting = useMeeting(id);
  const d = meeting.data;
  const [error, setError] = useState<string | null>(null);
  const [blocked, setBlocked] = useState<GuardBlock[] | null>(null);
  const [caseId, setCaseId] = useState<string | null>(null);
  const [caseMinutes, setCaseMinutes] = useState<number>(25);
  const [dragging, setDragging] = useState<number | null>(null);
  const writes = useMeetingWrites();
  const run = async (fn: () => Promise<MeetingDetail>) => {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (!d) return meeting.error ? <ErrorAlert error={meeting.error} title="Cannot open the meeting" /> : <Text>Loading…</Text>;
  const m = d.meeting;
  const ended = m.status === 'ended';
  const over = d.allottedMinutes > m.lengthMinutes;
  const move = (item: AgendaItem, to: number) => void run(() => writes.move({ id: item.id, position: Math.max(0, to) }));

  const exportAgenda = async () => {
    setError(null);
    try {
      const f = await unwrap(api().files.chooseSave({ purpose: 'export', suggestedName: `agenda-${m.date}.md` }));
      if (!f) return;
      const r = await unwrap(api().meetings.exportAgenda({ id, handle: f.handle }));
      setBlocked(null);
      notifications.show({
        title: 'Agenda exported',
        message: `${r.displayName} (${r.bytes.toLocaleString()} bytes). It contains incident codes and de-identified summaries only.`,
      });
    } catch (e) {
      setError((e as Error).message);
      setBlocked(blockedOf(e));
    }
  };

  return (
    <Stack gap="lg" pb="xl">
      <Anchor href={href(paths.meetings())} onClick={(e) => (e.preventDefault(), onBack())}>
        ← All meetings
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2}>Meeting · {formatLongDate(m.date)}</Title>
            <Badge color={MEETING_COLOR[m.status]} variant="filled" size="xl">
              {MEETING_STATUS.label(m.status)}
            </Badge>
          </Group>
          <Text c="dimmed">
            {m.time} · {m.lengthMinutes} minutes · {m.virtual ? 'virtual' : m.place || 'place to be confirmed'}
          </Text>
        </Stack>
        <Group>
          <Button variant="default" onClick={() => void exportAgenda()}>
            Export agenda (Markdown)…
          </Button>
          <ExportMenu
            label="Agenda packet"
            onPick={(format) =>
              void exportWith('packet', id, format, m.date)
                .then(
                  (msg) => (setError(null), setBlocked(null), msg && notifications.show({ title: 'Agenda packet exported', message: msg })),
                )
                .catch((e: Error) => (setError(e.message), setBlocked(blockedOf(e))))
            }
          />
          {!ended && <Button onClick={onWalk}>{m.status === 'planned' ? 'Start walk-through' : 'Resume walk-through'}</Button>}
          {m.status === 'in_progress' && (
            <Button variant="default" onClick={() => void run(() => writes.setStatus({ id, status: 'ended' }))}>
              End meeting
            </Button>
          )}
        </Group>
      </Group>
      <ErrorAlert error={error} />
      <GuardBlockedAlert blocked={blocked} />
      {d.quorumWarnings.length > 0 && (
        <Alert color="orange" title="Who is missing from the table" role="status">
          <Stack gap={4}>
            {d.quorumWarnings.map((w) => (
              <Text key={w}>{w}</Text>
            ))}
          </Stack>
        </Alert>
      )}

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
                draggable={!ended}
                onDragStart={() => setDragging(it.id)}
                onDragEnd={() => setDragging(null)}
                onDragOver={(e) => e.preventDefault()}
                onDrop={() => {
                  const from = d.items.find((x) => x.id === dragging);
                  if (from && from.id !== it.id) move(from, i);
                  setDragging(null);
                }}
                tabIndex={ended ? -1 : 0}
                aria-label={`${i + 1}. ${it.title}, ${it.minutes} minutes${it.completed ? ', done' : ''}. Alt+Up or Alt+Down moves it.`}
                onKeyDown={(e) => {
                  if (ended || !e.altKey) return;
                  if (e.key === 'ArrowUp' && i > 0) {
                    e.preventDefault();
                    move(it, i - 1);
                  } else if (e.key === 'ArrowDown' && i < d.items.length - 1) {
                    e.preventDefault();
                    move(it, i + 1);
                  }
                }}
              >
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
                          <Anchor
                            href={href(paths.incident(it.incident.id))}
                            onClick={(e) => (e.preventDefault(), onOpenIncident(it.incident!.id))}
                          >
                            {it.incident.code}
                          </Anchor>{' '}
                          · {it.incident.summary || 'No summary yet.'}
                        </Text>
                      )}
                      {it.kind === 'follow_up' &&
                        (it.carried.length ? (
                          it.carried.map((r) => (
                            <Text key={r.id} size="md">
                              {r.code} · {r.owner} · due {r.dueDate} · {REC_STATUS.label(r.status)}
                              {r.overdue && (
                                <Badge color="red.9" ml={6}>
                                  Overdue
                                </Badge>
                              )}
                              {r.responseOverdue && (
                                <Badge color="red.9" ml={6}>
                                  Response overdue
                                </Badge>
                              )}
                              {r.effectCheck && (
                                <Badge color="violet.9" ml={6}>
                                  Effect check due {r.effectCheck.dueDate}
                                </Badge>
                              )}
                            </Text>
                          ))
                        ) : (
                          <Text size="md" c="dimmed">
                            No open recommendations, responses or effect checks are due before the next meeting.
                          </Text>
                        ))}
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
                        if (v && v !== it.minutes) void run(() => writes.update({ id: it.id, patch: { minutes: v } }));
                      }}
                    />
                    <Text c="dimmed">min</Text>
                    {!ended && (
                      <>
                        <Tooltip label="Move up (Alt+↑)">
                          <ActionIcon
                            variant="default"
                            size="lg"
                            disabled={i === 0}
                            onClick={() => move(it, i - 1)}
                            aria-label={`Move ${it.title} up`}
                          >
                            ↑
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label="Move down (Alt+↓)">
                          <ActionIcon
                            variant="default"
                            size="lg"
                            disabled={i === d.items.length - 1}
                            onClick={() => move(it, i + 1)}
                            aria-label={`Move ${it.title} down`}
                          >
                            ↓
                          </ActionIcon>
                        </Tooltip>
                        <Button
                          size="compact-md"
                          variant="default"
                          onClick={() => void run(() => writes.remove({ id: it.id }))}
                          aria-label={`Remove ${it.title}`}
                        >
                          Remove
                        </Button>
                      </>
                    )}
                  </Group>
                </Group>
              </div>
            ))}
          </Stack>
          {!ended && (
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <Group align="flex-end" wrap="nowrap">
                <Select
                  label="Add a case review"
                  placeholder={d.readyIncidents.length ? 'Incident ready for review' : 'No incidents are ready for review'}
                  data={d.readyIncidents.map((r) => ({
                    value: String(r.id),
                    label: `${r.code} — ${r.summary.slice(0, 60) || 'no summary'}`,
                  }))}
                  value={caseId}
                  onChange={setCaseId}
                  searchable
                  disabled={!d.readyIncidents.length}
                  style={{ flex: 1 }}
                />
                <NumberInput label="Minutes" value={caseMinutes} onChange={(v) => setCaseMinutes(Number(v))} min={5} max={120} w={100} />
                <Button
                  disabled={!caseId}
                  onClick={() => {
                    void run(() => writes.add({ meetingId: id, kind: 'case_review', minutes: caseMinutes, incidentId: Number(caseId) }));
                    setCaseId(null);
                  }}
                >
                  Add
                </Button>
              </Group>
              <Group align="flex-end">
                <Button
                  variant="default"
                  onClick={() => void run(() => writes.add({ meetingId: id, kind: 'other_business', minutes: 5, title: 'Other business' }))}
                >
                  + Other business item
                </Button>
              </Group>
            </SimpleGrid>
          )}
        </Stack>
      </Paper>

      <Paper withBorder p="lg">
        <Stack>
          <Title order={3}>Attendance and confidentiality</Title>
          {d.attendance.length === 0 ? (
            <Text c="dimmed">Add committee members in Settings → Committee roster to take attendance.</Text>
          ) : (
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
                {d.attendance.map((a) => (
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
                        disabled={ended}
                        value={a.status ?? ''}
                        data={[
                          { value: '', label: '—' },
                          { value: 'present', label: 'Present' },
                          { value: 'absent', label: 'Absent' },
                          { value: 'guest', label: 'Guest' },
                        ]}
                        onChange={(v) =>
                          void run(() =>
                            writes.attendance({
                              meetingId: id,
                              memberId: a.memberId,
                              status: (v || null) as 'present' | 'absent' | 'guest' | null,
                            }),
                          )
                        }
                      />
                    </Table.Td>
                    <Table.Td>
                      <Checkbox
                        size="md"
                        label={a.attestedAt ? `Signed ${formatTime(a.attestedAt)}` : 'Signed'}
                        aria-label={`${a.name} signed the confidentiality statement`}
                        checked={a.attestedAt !== null}
                        disabled={ended || (a.status !== 'present' && a.status !== 'guest')}
                        onChange={(e) =>
                          void run(() =>
                            writes.attendance({ meetingId: id, memberId: a.memberId, status: a.status, attested: e.currentTarget.checked }),
                          )
                        }
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Paper>
      <MeetingRecordPanel meetingId={id} ended={ended} />
      <SystemicFindingsPanel meetingId={id} readOnly={ended} />
      <MinutesPanel meetingId={id} date={m.date} />
    </Stack>
  );
}
