/** One meeting: its header and exports, quorum, agenda, attendance, the record made at it, and the minutes. */
import { Alert, Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { MeetingDetail } from '../../../../shared/meetings/schemas';
import type { GuardBlock } from '../../../../shared/result';
import { MEETING_STATUS } from '../../../../shared/meetings/values';
import { api, unwrap } from '../../lib/api';
import { href, paths } from '../../lib/routes';
import { formatLongDate, formatCount } from '../../lib/format';
import { ErrorAlert } from '../../ui/FormActions';
import { blockedOf, GuardBlockedAlert } from '../../ui/GuardBlocked';
import { useMeeting, useMeetingWrites } from './queries';
import { MEETING_COLOR } from './MeetingsPage';
import { ExportMenu, exportWith, MinutesPanel } from './MinutesPanel';
import { SystemicFindingsPanel } from './SystemicFindingsPanel';
import { MeetingRecordPanel } from './MeetingRecordPanel';
import { MeetingAgenda } from './MeetingAgenda';
import { MeetingAttendance } from './MeetingAttendance';
import { EndMeetingDialog } from './EndMeetingDialog';
import { StartWalkButton } from './StartWalkButton';
import { useToday } from '../settings';

interface Props {
  id: number;
  onBack(): void;
  onWalk(): void;
  onOpenIncident(id: number): void;
}

export function MeetingPage({ id, onBack, onWalk, onOpenIncident }: Props) {
  const meeting = useMeeting(id);
  const d = meeting.data;
  const [error, setError] = useState<string | null>(null);
  const [blocked, setBlocked] = useState<GuardBlock[] | null>(null);
  const writes = useMeetingWrites();
  const run = (fn: () => Promise<unknown>) => {
    setError(null);
    fn().catch((e: Error) => setError(e.message));
  };
  const fail = (e: unknown) => (setError((e as Error).message), setBlocked(blockedOf(e)));

  if (!d) return meeting.error ? <ErrorAlert error={meeting.error} title="Cannot open the meeting" /> : <Text>Loading…</Text>;
  const ended = d.meeting.status === 'ended';

  return (
    <Stack gap="lg" pb="xl">
      <Anchor href={href(paths.meetings())} onClick={(e) => (e.preventDefault(), onBack())}>
        ← All meetings
      </Anchor>
      <MeetingHeader
        d={d}
        onWalk={onWalk}
        onEnd={(carry) => writes.setStatus({ id, status: 'ended', carryUnreviewed: carry })}
        onFail={fail}
        onDone={() => (setError(null), setBlocked(null))}
      />
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
      <MeetingAgenda d={d} ended={ended} writes={writes} run={run} onOpenIncident={onOpenIncident} />
      <MeetingAttendance d={d} ended={ended} write={writes.attendance} run={run} />
      <MeetingRecordPanel meetingId={id} ended={ended} />
      <SystemicFindingsPanel meetingId={id} readOnly={ended} />
      <MinutesPanel meetingId={id} date={d.meeting.date} />
    </Stack>
  );
}

function MeetingHeader(p: {
  d: MeetingDetail;
  onWalk(): void;
  onEnd(carry: boolean): Promise<MeetingDetail>;
  onFail(e: unknown): void;
  onDone(): void;
}) {
  const m = p.d.meeting;
  const id = m.id;
  const [ending, setEnding] = useState(false);
  const today = useToday();
  const exportAgenda = async () => {
    try {
      const f = await unwrap(api().files.chooseSave({ purpose: 'export', suggestedName: `agenda-${m.date}.md` }));
      if (!f) return;
      const r = await unwrap(api().meetings.exportAgenda({ id, handle: f.handle }));
      p.onDone();
      notifications.show({
        title: 'Agenda exported',
        message: `${r.displayName} (${formatCount(r.bytes)} bytes). It contains incident codes and de-identified summaries only.`,
      });
    } catch (e) {
      p.onFail(e);
    }
  };
  return (
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
              .then((msg) => (p.onDone(), msg && notifications.show({ title: 'Agenda packet exported', message: msg })))
              .catch(p.onFail)
          }
        />
        {m.status !== 'ended' && <StartWalkButton meeting={m} today={today} onWalk={p.onWalk} />}
        {m.status === 'in_progress' && (
          <Button variant="default" onClick={() => setEnding(true)}>
            End meeting…
          </Button>
        )}
      </Group>
      <EndMeetingDialog d={p.d} opened={ending} onClose={() => setEnding(false)} onEnd={p.onEnd} />
    </Group>
  );
}
