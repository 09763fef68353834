/**
 * The minutes editor: plain structured sections drafted from the record; the identifier guard
 * lists anything to redact (with a link to the section); approval freezes the text; later
 * changes are numbered amendments with a reason. Exports go through a save dialog.
 */
import { Badge, Button, Group, Menu, Paper, Stack, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { GuardFinding, Minutes, MinutesSection } from '../../../../shared/minutes/schemas';
import type { GuardBlock } from '../../../../shared/result';
import { rebaseSpans, redactOne } from '../../../../shared/deid/redact';
import { api, unwrap } from '../../lib/api';
import { ErrorAlert } from '../../ui/FormActions';
import { blockedOf, GuardBlockedAlert } from '../../ui/GuardBlocked';
import { useMinutes, useMinutesWrite } from './queries';
import { AmendBar, ApproveDialog, GuardList, MinutesAmendments } from './MinutesParts';
import { formatDate, formatCount } from '../../lib/format';

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
  return `${r.displayName} saved (${formatCount(r.bytes)} bytes).`;
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

/** The minutes being edited: the draft, and the guard's findings moved along with every edit and redaction. */
function useMinutesDraft(m: Minutes | null | undefined, onStale: (msg: string) => void) {
  const [draft, setDraft] = useState<MinutesSection[]>([]);
  const [amending, setAmending] = useState(false);
  // The guard's findings in the offsets of the draft as it is now: moved along with every edit
  // and redaction (never replaced by stale offsets), dropped when an edit touches them.
  const [open, setOpen] = useState<GuardFinding[]>([]);
  // Saved minutes arrived (loaded, drafted, saved, approved, amended): edit them from there.
  const [accepted, setAccepted] = useState<Minutes | null | undefined>(undefined);
  const accept = (x: Minutes | null) => {
    setAccepted(x);
    setDraft(x?.sections ?? []);
    setOpen(x?.guard ?? []);
    setAmending(false);
  };
  if (m !== undefined && m !== accepted) accept(m);
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
    if (!s || !r) return onStale('That text was edited since the check. Save the minutes to check again.');
    setOpen((o) => [...o.filter((x) => x.section !== g.section), ...r.spans]);
    setDraft((d) => d.map((x) => (x.key === g.section ? { ...x, body: r.text } : x)));
  };
  return { draft, open, amending, setAmending, accept, setBody, redact };
}

export function MinutesPanel({ meetingId, date }: { meetingId: number; date: string }) {
  const { data: m, error: loadError } = useMinutes(meetingId);
  const [approving, setApproving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [blocked, setBlocked] = useState<GuardBlock[] | null>(null);
  const ed = useMinutesDraft(m, setError);
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
  const editable = !!m && (!approved || ed.amending);
  const dirty = !!m && JSON.stringify(ed.draft) !== JSON.stringify(m.sections);

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
                <Button
                  variant="default"
                  disabled={!dirty}
                  onClick={() => void run(() => writes.update({ meetingId, sections: ed.draft }))}
                >
                  Save minutes
                </Button>
                <Button disabled={dirty || m.guard.length > 0} title={dirty ? 'Save first' : undefined} onClick={() => setApproving(true)}>
                  Approve…
                </Button>
              </>
            )}
            {approved && !ed.amending && (
              <Button variant="default" onClick={() => ed.setAmending(true)}>
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
        {m && <GuardList m={m} open={ed.open} editable={editable} onRedact={ed.redact} />}
        {m &&
          ed.draft.map((s) => (
            <Textarea
              key={s.key}
              id={`minutes-${s.key}`}
              label={s.title}
              value={s.body}
              readOnly={!editable}
              autosize
              minRows={2}
              onChange={(e) => ed.setBody(s.key, e.currentTarget.value)}
            />
          ))}
        {ed.amending && (
          <AmendBar
            dirty={dirty}
            onCancel={() => ed.accept(m!)}
            onRecord={(reason) => void run(() => writes.amend({ meetingId, sections: ed.draft, reason }))}
          />
        )}
        {m && <MinutesAmendments m={m} />}
      </Stack>
      {m && !approved && (
        <ApproveDialog
          opened={approving}
          date={date}
          onClose={() => setApproving(false)}
          onApprove={(atMeetingId) => writes.approve({ meetingId, atMeetingId })}
        />
      )}
    </Paper>
  );
}
