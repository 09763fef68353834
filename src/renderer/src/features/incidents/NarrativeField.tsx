/**
 * A guarded text of the incident (the narrative, the referrals): the identifier guard's editor
 * with a character counter near the limit and an error past it (nothing is ever cut off), and
 * focus kept in place after "Redact": on the next finding, or back in the text when none is left.
 */
import { Text } from '@mantine/core';
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import type { IdentifierFinding } from '../../../../shared/deid/kinds';
import { GuardedTextarea } from '../identifiers';
import { formatCount } from '../../lib/format';

/** From this share of the limit on, the counter shows. */
const COUNTER_FROM = 0.9;

export interface NarrativeFieldProps {
  label: string;
  description: string;
  value: string;
  onChange(v: string): void;
  limit: number;
  rows: number;
  error?: ReactNode;
  readOnly: boolean;
  isDismissed(f: IdentifierFinding): boolean;
  onDismiss(f: IdentifierFinding): void;
  dismissDisabledReason: string | null;
}

const REDACT_BUTTONS = 'button[aria-label^="Redact to"]';

export function NarrativeField(p: NarrativeFieldProps) {
  const wrap = useRef<HTMLDivElement>(null);
  // Set when a change came from a finding's Redact button: which one it was.
  const redactedAt = useRef<number | null>(null);

  const onChange = (v: string) => {
    const active = document.activeElement;
    const buttons = [...(wrap.current?.querySelectorAll<HTMLElement>(REDACT_BUTTONS) ?? [])];
    const at = active instanceof HTMLElement ? buttons.indexOf(active) : -1;
    redactedAt.current = at >= 0 ? at : null;
    p.onChange(v);
  };

  // After a redaction the button is gone: focus the finding that took its place, or the text.
  useLayoutEffect(() => {
    const at = redactedAt.current;
    if (at === null || !wrap.current) return;
    redactedAt.current = null;
    const buttons = wrap.current.querySelectorAll<HTMLElement>(REDACT_BUTTONS);
    const target = buttons[Math.min(at, buttons.length - 1)] ?? wrap.current.querySelector('textarea');
    target?.focus();
  }, [p.value]);

  const length = p.value.length;
  const over = length - p.limit;
  return (
    <div ref={wrap}>
      <GuardedTextarea
        label={p.label}
        description={p.description}
        value={p.value}
        onChange={onChange}
        minRows={p.rows}
        readOnly={p.readOnly}
        isDismissed={p.isDismissed}
        onDismiss={p.onDismiss}
        dismissDisabledReason={p.dismissDisabledReason}
        error={p.error}
      />
      {length >= p.limit * COUNTER_FROM && (
        <Text size="sm" fw={over > 0 ? 700 : 400} c={over > 0 ? 'red.9' : undefined} mt={4} aria-live="polite">
          {formatCount(length)} of {formatCount(p.limit)} characters
          {over > 0 ? ` — ${formatCount(over)} over the limit` : ` — ${formatCount(-over)} left`}
        </Text>
      )}
    </div>
  );
}
