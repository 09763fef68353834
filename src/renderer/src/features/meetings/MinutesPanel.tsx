/**
 * The minutes editor: plain structured sections drafted from the record; the identifier guard
 * lists anything to redact (with a link to the section); approval freezes the text; later
 * changes are numbered amendments with a reason. Exports go through a save dialog.
 */
import { Alert, Anchor, Badge, Button, Code, Group, Menu, Paper, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import type { GuardFinding, Minutes, MinutesSection } from '../../../../shared/minutes/schemas';
import type { GuardBlock } from '../../../../shared/result';
import { placeholder } from '../../../../shared/deid/kinds';
import { rebaseSpans, redactOne } from '../../../../shared/deid/redact';
import { api, unwrap } from '../../lib/api';
import { ErrorAlert } from '../../ui/FormActions';
import { blockedOf, GuardBlockedAlert } from '../../ui/GuardBlocked';
import { useMeetings, useMinutes, useMinutesWrite } from './queries';
import { formatDate } from '../../lib/format';

export async function exportWith(
  kind: 'minutes' | 'packet',
  meetingId: number,
  format: 'md' | 'docx' | 'pdf',
  date: string,
): Promise<string> {
  const f = await unwrap(
    api().files.chooseSave({ purpose: 'export', suggestedName: `${kind === 'minutes' ? 'minutes' : 'agenda-packet'}-${date}.${format}` }),
  );
  if (!f) return '';
  const r =
    kind === 'minutes'
      ? await unwrap(api().minutes.export({ meetingId, format, handle: f.handle }))
      : await unwrap(api().meetings.exportPacket({ meetingId, format, handle: f.handle }));
  return `${r.displayName} saved (${r.bytes.toLocaleString()} bytes).`;
}

export function ExportMenu({ label, onPick }: { label: string; onPick(format: 'md' | 'docx' | 'pdf'): void }) {
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default">{label}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => onPick('pdf')}>PDF…</Menu.Item>
        <Menu.Item onClick={() => onPick('docx')}>Word (DOCX)…</Menu.Item>
        <Menu.Item onClick={() => onPick('md')}>Markdown…</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** Minutes are approved under a later meeting's "approval of previous minutes" item: the meetings after this one, nearest first. */
function useLaterMeetings(date: string) {
  const meetings = useMeetings().data?.meetings;
  const later = useMemo(
    () =>
      (meetings ?? [])
        .filter((x) => x.date > date)
        .reverse()
        .map((x) => ({ value: String(x.id), label: `At the meeting of ${x.date}` })),
    [meetings, date],
  );
  // Until one is chosen (or the choice is cleared), the nearest.
  const [chosen, setAtMeeting] = useState<string | null | undefined>(undefined);
  return { later, atMeeting: chosen === undefined ? (later[0]?.value ?? null) : chosen, setAtMeeting };
}

export function MinutesPanel({ meetingId, date }: { meetingId: number; date: string }) {
  const { data: m, error: loadError } = useMinutes(meetingId);
  const [draft, setDraft] = useState<MinutesSection[]>([]);
  const [amending, setAmending] = useState(false);
  const [reason, setReason] = useState('');
  const { later, atMeeting, setAtMeeting } = useLaterMeetings(date);
  const [error, setError] = useState<string | null>(null);
  const [blocked, setBlocked] = useState<GuardBlock[] | null>(null);
  // The guard's findings in the offsets of the draft as it is now: moved along with every edit
  // and redaction (never replaced by stale offsets), dropped when an edit touches them.
  const [open, setOpen] = useState<GuardFinding[]>([]);
  // Saved minutes arrived (loaded, drafted, saved, approved, amended): edit them from there.
  const [accepted, setAccepted] = useState<Minutes | null | undefined>(undefined);
  if (m !== undefined && m !== accepted) {
    setAccepted(m);
    setDraft(m?.sections ?? []);
    setOpen(m?.guard ?? []);
    setAmending(false);
  }
  const accept = (x: Minutes | null) => {
    setAccepted(x);
    setDraft(x?.sections ?? []);
    setOpen(x?.guard ?? []);
    setAmending(false);
  };
  const fail = (e: unknown) => {
    setError((e as Error).message);
    setBlocked(blockedOf(e));
  };
  const writes = {
    draft: useMinutesWrite('minutes.draft').mutateAsync,
    update: useMinutesWrite('minutes.update').mutateAsync,
    approve: useMinutesWrite('minutes.approve').mutateAsync,
    amend: useMinutesWrite('minutes.amend').mutateAsync,
  };
  const run = async (fn: () => Promise<Minutes>) => {
    setError(null);
    setBlocked(null);
    try {
      await fn();
    } catch (e) {
      fail(e);
    }
  };
  if (m === undefined) return loadError ? <ErrorAlert error={loadError} title="Cannot show the minutes" /> : null;
  const approved = m?.status === 'approved';
  const editable = !!m && (!approved || amending);
  const dirty = !!m && JSON.stringify(draft) !== JSON.stringify(m.sections);
  const sectionOpen = (key: string) => open.filter((g) => g.section === key);
  const setBody = (key: string, body: string) => {
    const before = draft.find((s) => s.key === key)?.body ?? '';
    setOpen((o) => [
      ...o.filter((g) => g.section !== key),
      ...rebaseSpans(
        before,
        body,
        o.filter((g) => g.section === key),
      ),
    ]);
    setDraft((d) => d.map((x) => (x.key === key ? { ...x, body } : x)));
  };
  // One redaction: only if the flagged words are still at their offsets; the other findings move with the text.
  const redact = (g: GuardFinding) => {
    const s = draft.find((x) => x.key === g.section);
    const r = s && redactOne(s.body, g, sectionOpen(g.section));
    if (!s || !r) return setError('That text was edited since the check. Save the minutes to check again.');
    setOpen((o) => [...o.filter((x) => x.section !== g.section), ...r.spans]);
    setDraft((d) => d.map((x) => (x.key === g.section ? { ...x, body: r.text } : x)));
  };
  const edited = m ? m.guard.length - open.length : 0;

  return (
    <Paper withBorder p="lg">
      <Stack>
        <Group justify="space-between">
          <Group gap="sm">
            <Title order={3}>Minutes</Title>
            {m && (
              <Badge size="lg" color={approved ? 'teal.9' : 'gray.8'} variant="filled">
                {approved ? `Approved ${formatDate(m.approvedAt!)}` : 'Draft'}
              </Badge>
            )}
          </Group>
          <Group>
            {!m && <Button onClick={() => void run(() => writes.draft({ meetingId }))}>Draft minutes from the record</Button>}
            {m && !approved && (
              <>
                <Button variant="default" onClick={() => void run(() => writes.draft({ meetingId, replace: true }))}>
                  Redraft from the record
                </Button>
                <Button variant="default" disabled={!dirty} onClick={() => void run(() => writes.update({ meetingId, sections: draft }))}>
                  Save minutes
                </Button>
                {later.length > 0 && (
                  <Select
                    aria-label="Approved at"
                    data={later}
                    value={atMeeting}
                    onChange={setAtMeeting}
                    w={260}
                    clearable
                    placeholder="Approved outside a meeting"
                  />
                )}
                <Button
                  disabled={dirty || m.guard.length > 0}
                  title={dirty ? 'Save first' : undefined}
                  onClick={() => void run(() => writes.approve({ meetingId, atMeetingId: atMeeting ? Number(atMeeting) : null }))}
                >
                  Approve…
                </Button>
              </>
            )}
            {approved && !amending && (
              <Button variant="default" onClick={() => setAmending(true)}>
                Amend…
              </Button>
            )}
            {m && (
              <ExportMenu
                label={approved ? 'Export minutes' : 'Export draft'}
                onPick={(format) =>
                  void exportWith('minutes', meetingId, format, date)
                    .then(
                      (msg) => (setError(null), setBlocked(null), msg && notifications.show({ title: 'Minutes exported', message: msg })),
                    )
                    .catch(fail)
                }
              />
            )}
          </Group>
        </Group>
        <ErrorAlert error={error} />
        <GuardBlockedAlert blocked={blocked} />
        {m && m.guard.length > 0 && (
          <Alert
            color="red"
            title={`${m.guard.length} possible identifier${m.guard.length === 1 ? '' : 's'}: redact before approving or exporting`}
            role="status"
          >
            <Stack gap={4}>
              {open.map((g) => (
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
                  {editable && (
                    <Button size="compact-sm" color="red.9" onClick={() => redact(g)}>
                      Redact to {placeholder(g.type)}
                    </Button>
                  )}
                </Group>
              ))}
              {edited > 0 && <Text size="sm">{edited} redacted or edited since the last check.</Text>}
              <Text size="sm">Save the minutes after redacting to check again.</Text>
            </Stack>
          </Alert>
        )}
        {m &&
          draft.map((s) => (
            <Textarea
              key={s.key}
              id={`minutes-${s.key}`}
              label={s.title}
              value={s.body}
              readOnly={!editable}
              autosize
              minRows={2}
              onChange={(e) => setBody(s.key, e.currentTarget.value)}
            />
          ))}
        {amending && (
          <Group align="flex-end">
            <TextInput
              label="Reason for the amendment"
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button variant="default" onClick={() => accept(m!)}>
              Cancel
            </Button>
            <Button
              disabled={!dirty || reason.trim().length < 3}
              onClick={() => void run(() => writes.amend({ meetingId, sections: draft, reason }))}
            >
              Record amendment
            </Button>
          </Group>
        )}
        {m && approved && (
          <Text size="sm" c="dimmed">
            Content SHA-256 at approval: <Code>{m.approvedHash}</Code>
          </Text>
        )}
        {m?.amendments.map((a) => (
          <Stack key={a.number} gap={2}>
            <Text fw={700}>
              Amendment {a.number} · {formatDate(a.at)} · {a.by} — {a.reason}
            </Text>
            <Code block>{a.diff}</Code>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
