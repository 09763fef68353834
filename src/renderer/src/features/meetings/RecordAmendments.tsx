/**
 * What the finding and recommendation dialogs share: the shell that loads the record (or says
 * why it cannot), the "Part of the record" notice, and the amend footer (the reason once the
 * meeting has ended, the numbered amendments, Cancel and the submit button).
 */
import { Alert, Code, Modal, Stack, Text, Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import type { RecordAmendment } from '../../../../shared/meetings/schemas';
import { formatDateTime } from '../../lib/format';
import { ErrorAlert, FormActions } from '../../ui/FormActions';

function AmendmentList({ amendments }: { amendments: readonly RecordAmendment[] }) {
  if (!amendments.length) return null;
  return (
    <Stack gap={6} component="section" aria-label="Amendments">
      <Text fw={600}>Amendments</Text>
      {amendments.map((a) => (
        <Stack key={a.number} gap={2}>
          <Text size="sm">
            <b>Amendment {a.number}</b> · {formatDateTime(a.at)} · {a.by ?? 'unknown'} · {a.reason}
          </Text>
          <Code block>{a.diff}</Code>
        </Stack>
      ))}
    </Stack>
  );
}

/** A dialog over a saved record: "Loading…" until it arrives, the core's words if it cannot. No open transition (content loads while it would run). */
export function RecordDialog(p: {
  opened: boolean;
  title: string;
  onClose(): void;
  loaded: boolean;
  error: unknown;
  what: string;
  children: ReactNode;
}) {
  return (
    <Modal opened={p.opened} onClose={p.onClose} title={p.title} size="xl" transitionProps={{ duration: 0 }}>
      {p.loaded ? p.children : p.error ? <ErrorAlert error={p.error} title={`Cannot open the ${p.what}`} /> : <Text>Loading…</Text>}
    </Modal>
  );
}

export function LockedNotice({ locked }: { locked: string | null }) {
  if (!locked) return null;
  return (
    <Alert color="blue" title="Part of the record">
      {locked}
    </Alert>
  );
}

/** The end of an edit: the amendment's reason (once locked), the amendments so far, Cancel and submit. */
export function AmendFooter(p: {
  locked: string | null;
  reason: { value: string; onChange(e: unknown): void; error?: ReactNode };
  amendments: readonly RecordAmendment[];
  error: string | null;
  onCancel(): void;
  submitLabel: string;
  changed: boolean;
  loading?: boolean;
}) {
  return (
    <>
      {p.locked && (
        <Textarea
          label="Reason for the amendment"
          description="Recorded with your name, the time and what changed."
          autosize
          minRows={2}
          required
          {...p.reason}
        />
      )}
      <AmendmentList amendments={p.amendments} />
      <FormActions
        error={p.error}
        onCancel={p.onCancel}
        submitLabel={p.locked ? 'Record amendment' : p.submitLabel}
        disabled={!p.changed || (p.locked !== null && p.reason.value.trim().length < 3)}
        loading={p.loading ?? false}
      />
    </>
  );
}
