/** The minutes' pieces: the guard's list of what to redact, the approval dialog, the amendment bar and the amendments. */
import { Alert, Anchor, Button, Code, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo, useState } from 'react';
import { z } from 'zod';
import { minutesMethods, type GuardFinding, type Minutes } from '../../../../shared/minutes/schemas';
import { placeholder } from '../../../../shared/deid/kinds';
import { formatDate, formatLongDate } from '../../lib/format';
import { zodForm } from '../../lib/form';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useToday } from '../settings';
import { useMeetings } from './queries';

/** Minutes are approved under a later meeting's "approval of previous minutes" item: the meetings after this one held by today, nearest first. */
function useLaterMeetings(date: string, today: string) {
  const meetings = useMeetings().data?.meetings;
  const later = useMemo(
    () =>
      (meetings ?? [])
        .filter((x) => x.date > date && x.date <= today)
        .reverse()
        .map((x) => ({ value: String(x.id), label: `At the meeting of ${formatLongDate(x.date)}`, date: x.date })),
    [meetings, date, today],
  );
  // Until one is chosen (or the choice is cleared), the nearest.
  const [chosen, setAtMeeting] = useState<string | null | undefined>(undefined);
  return { later, atMeeting: chosen === undefined ? (later[0]?.value ?? null) : chosen, setAtMeeting };
}

export function GuardList(p: { m: Minutes; open: GuardFinding[]; editable: boolean; onRedact(g: GuardFinding): void }) {
  if (!p.m.guard.length) return null;
  const edited = p.m.guard.length - p.open.length;
  return (
    <Alert
      color="red"
      title={`${p.m.guard.length} possible identifier${p.m.guard.length === 1 ? '' : 's'}: redact before approving or exporting`}
      role="status"
    >
      <Stack gap={4}>
        {p.open.map((g) => (
          <Group key={`${g.section}-${g.start}`} gap="sm">
            <Anchor
              href={`#minutes-${g.section}`}
              onClick={(e) => (e.preventDefault(), document.getElementById(`minutes-${g.section}`)?.focus())}
            >
              {g.title}
            </Anchor>
            <Text>
              {g.type}: “{g.text}”
            </Text>
            {p.editable && (
              <Button size="compact-sm" color="red.9" onClick={() => p.onRedact(g)}>
                Redact to {placeholder(g.type)}
              </Button>
            )}
          </Group>
        ))}
        {edited > 0 && <Text size="sm">{edited} redacted or edited since the last check.</Text>}
        <Text size="sm">Save the minutes after redacting to check again.</Text>
      </Stack>
    </Alert>
  );
}

/**
 * "Approve…" asks first: what approval does (freezes the text, records its SHA-256), the date it
 * will carry (today, in the committee's time zone) and where (a later meeting, or outside one).
 * An approval date never precedes the meeting: before its day the button waits (the core refuses too).
 */
export function ApproveDialog(p: {
  opened: boolean;
  date: string;
  onClose(): void;
  onApprove(atMeetingId: number | null): Promise<unknown>;
}) {
  const today = useToday();
  const { later, atMeeting, setAtMeeting } = useLaterMeetings(p.date, today);
  const early = today < p.date;
  return (
    <ConfirmDialog
      opened={p.opened}
      onClose={p.onClose}
      title="Approve the minutes?"
      confirmLabel="Approve minutes"
      disabled={early}
      onConfirm={() => p.onApprove(atMeeting ? Number(atMeeting) : null)}
    >
      <Text>
        Approving the minutes of {formatLongDate(p.date)} freezes their text and records its SHA-256; later changes are numbered amendments
        with a reason.
      </Text>
      {early ? (
        <Text fw={700} role="alert">
          The meeting is on {formatLongDate(p.date)}; its minutes cannot be approved before that day (today is {formatLongDate(today)}).
        </Text>
      ) : (
        <Text fw={700}>Approval date: {formatLongDate(today)}</Text>
      )}
      {later.length > 0 && (
        <Select
          label="Approved at"
          data={later}
          value={atMeeting}
          onChange={setAtMeeting}
          clearable
          placeholder="Approved outside a meeting"
        />
      )}
    </ConfirmDialog>
  );
}

const amendSchema = z.object({ reason: minutesMethods['minutes.amend'].input.shape.reason });

/** The reason for an amendment (the contract's own check, under the field) and Record amendment. */
export function AmendBar(p: { dirty: boolean; onCancel(): void; onRecord(reason: string): void }) {
  const form = useForm({ initialValues: { reason: '' }, validate: zodForm(amendSchema) });
  return (
    <form onSubmit={form.onSubmit((v) => p.onRecord(v.reason))} noValidate>
      <Group align="flex-start">
        <TextInput label="Reason for the amendment" style={{ flex: 1 }} {...form.getInputProps('reason')} />
        <Button variant="default" onClick={p.onCancel} mt={28}>
          Cancel
        </Button>
        <Button type="submit" disabled={!p.dirty} mt={28}>
          Record amendment
        </Button>
      </Group>
    </form>
  );
}

export function MinutesAmendments({ m }: { m: Minutes }) {
  return (
    <>
      {m.status === 'approved' && (
        <Text size="sm" c="dimmed">
          Content SHA-256 at approval: <Code>{m.approvedHash}</Code>
        </Text>
      )}
      {m.amendments.map((a) => (
        <Stack key={a.number} gap={2}>
          <Text fw={700}>
            Amendment {a.number} · {formatDate(a.at)} · {a.by} — {a.reason}
          </Text>
          <Code block>{a.diff}</Code>
        </Stack>
      ))}
    </>
  );
}
