/**
 * The identifier guard on the free text of findings and recommendations, as in the incident
 * narrative editor: the same GuardedTextarea (highlights as you type, one-click redaction) and
 * the same "Not an identifier…" dialog. A decision is sent with the text when it is saved; the
 * core checks it against the saved text, keeps the reason and audits it. Under the field, the
 * words the room will see when they differ from what was typed, so nothing changes silently.
 */
import { Text } from '@mantine/core';
import { useCallback, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { type IdentifierFinding, type IdentifierKind } from '../../../../shared/deid/kinds';
import { redactSpans } from '../../../../shared/deid/redact';
import type { NotIdentifier, RecordTextField, TextIdentifier } from '../../../../shared/meetings/schemas';
import { DismissModal, GuardedTextarea, useLiveFindings } from '../identifiers';

interface Pending {
  field: RecordTextField;
  type: IdentifierKind;
  text: string;
  reason: string;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** "Not an identifier" decisions: those already saved for the item, and those made in this form. */
export function useNotIdentifiers(saved: readonly TextIdentifier[] = []) {
  const [pending, setPending] = useState<Pending[]>([]);
  const [asking, setAsking] = useState<{ field: RecordTextField; type: IdentifierKind; text: string } | null>(null);

  const isDismissed = useCallback(
    (field: RecordTextField, value: string) => (f: IdentifierFinding) => {
      const words = value.slice(f.start, f.end);
      return (
        pending.some((p) => p.field === field && p.type === f.type && same(p.text, words)) ||
        saved.some((s) => s.field === field && s.dismissed && s.type === f.type && same(s.text, words))
      );
    },
    [pending, saved],
  );
  const ask = (field: RecordTextField, value: string) => (f: IdentifierFinding) =>
    setAsking({ field, type: f.type, text: value.slice(f.start, f.end) });

  /** The decisions to send with the text, for words still in it. */
  const stillThere = (texts: Partial<Record<RecordTextField, string>>) =>
    pending.filter((p) => (texts[p.field] ?? '').toLowerCase().includes(p.text.trim().toLowerCase()));
  const forFinding = (description: string): NotIdentifier[] =>
    stillThere({ description }).map((p) => ({ type: p.type, text: p.text, reason: p.reason }));
  const forRecommendation = (texts: { action: string; measure: string }) =>
    stillThere(texts).map((p) => ({ field: p.field as 'action' | 'measure', type: p.type, text: p.text, reason: p.reason }));

  const modal: ReactNode = (
    <DismissModal
      target={asking ? { type: asking.type, text: asking.text } : null}
      onClose={() => setAsking(null)}
      onConfirm={async (reason) => {
        if (asking)
          setPending((p) => [
            ...p.filter((x) => !(x.field === asking.field && x.type === asking.type && same(x.text, asking.text))),
            { ...asking, reason: reason.trim() },
          ]);
      }}
    />
  );
  return { pending, isDismissed, ask, forFinding, forRecommendation, modal, reset: () => setPending([]) };
}

export type NotIdentifiers = ReturnType<typeof useNotIdentifiers>;

/** The text with every finding that is not dismissed replaced by its placeholder, as the core does for the room. */
function redactedForRoom(text: string, findings: readonly IdentifierFinding[], dismissed: (f: IdentifierFinding) => boolean): string {
  // The shared redaction (end to start, overlaps merged): skipping an overlapping finding left part of it visible.
  return redactSpans(
    text,
    findings.filter((f) => !dismissed(f)),
  );
}

export function GuardedRecordField(p: {
  label: string;
  description?: string;
  field: RecordTextField;
  value: string;
  onChange(v: string): void;
  guard: NotIdentifiers;
  minRows?: number;
  maxLength?: number;
  error?: ReactNode;
  onKeyDown?: (e: KeyboardEvent<HTMLDivElement>) => void;
  /** The field a dialog focuses first when it opens. */
  autoFocusInDialog?: boolean;
}) {
  const findings = useLiveFindings(p.value);
  const dismissed = p.guard.isDismissed(p.field, p.value);
  const room = useMemo(() => redactedForRoom(p.value, findings, dismissed), [p.value, findings, dismissed]);
  return (
    // The key handler sits on a wrapper so the shared textarea stays as the incident editor has it.
    <div onKeyDown={p.onKeyDown} style={{ flex: 1, minWidth: 0 }}>
      <GuardedTextarea
        label={p.label}
        {...(p.description ? { description: p.description } : {})}
        value={p.value}
        onChange={p.onChange}
        minRows={p.minRows ?? 3}
        {...(p.maxLength ? { maxLength: p.maxLength } : {})}
        error={p.error}
        isDismissed={dismissed}
        onDismiss={p.guard.ask(p.field, p.value)}
        autoFocusInDialog={p.autoFocusInDialog}
      />
      {room !== p.value && (
        <Text size="sm" mt={4} role="status">
          <b>The room will see:</b> {room}
        </Text>
      )}
    </div>
  );
}

/** A finding's text, the same in the walk's quick-add and the edit dialog: guarded as typed, at most 4000 characters. */
export function FindingTextField(p: Omit<Parameters<typeof GuardedRecordField>[0], 'field' | 'maxLength'>) {
  return <GuardedRecordField {...p} field="description" maxLength={4000} />;
}
