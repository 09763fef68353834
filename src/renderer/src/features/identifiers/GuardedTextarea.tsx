/**
 * A textarea that shows the identifier guard's findings inline while the user types: a
 * backdrop layer with the same text and metrics draws <mark>s under the (transparent) text.
 * Findings come from the core (debounced `identifiers.scan`, a query); the scanner never runs here.
 */
import { Badge, Box, Button, Group, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useId, useMemo, useRef, type ReactNode } from 'react';
import { IDENTIFIER_LABELS, placeholder, type IdentifierFinding, type IdentifierKind } from '../../../../shared/deid/kinds';
import { applyRedactions, rebaseSpans } from '../../../../shared/deid/redact';
import { useIdentifierScan } from './queries';
import classes from './GuardedTextarea.module.css';

export function useLiveFindings(text: string): IdentifierFinding[] {
  const [debounced] = useDebouncedValue(text, 300);
  const scanned = useIdentifierScan(debounced);
  // Offsets belong to the text that was scanned: move them to the text as it is now (a finding
  // before or after an edit or a redaction moves with it; one the edit touched waits for the next scan).
  return useMemo(() => rebaseSpans(scanned.text, text, scanned.findings), [scanned, text]);
}

function highlighted(text: string, findings: readonly IdentifierFinding[], dismissed: (f: IdentifierFinding) => boolean): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  for (const f of findings) {
    if (f.start < at) continue;
    out.push(text.slice(at, f.start));
    out.push(
      <mark key={f.start} className={dismissed(f) ? classes.dismissed : classes.mark}>
        {text.slice(f.start, f.end)}
      </mark>,
    );
    at = f.end;
  }
  out.push(`${text.slice(at)}\n`);
  return out;
}

export interface GuardedTextareaProps {
  label: string;
  description?: string;
  value: string;
  onChange(v: string): void;
  minRows?: number;
  maxLength?: number;
  readOnly?: boolean;
  /** Findings already dismissed for the saved text (shown struck through, not counted). */
  isDismissed?(f: IdentifierFinding): boolean;
  /** "Not an identifier": offered only when the text is saved (the core checks the saved text). */
  onDismiss?(f: IdentifierFinding): void;
  dismissDisabledReason?: string | null;
  /** What is wrong with the text, shown under the field (a form's validation). */
  error?: ReactNode;
  /** The field a dialog focuses first when it opens. */
  autoFocusInDialog?: boolean;
}

export function GuardedTextarea(props: GuardedTextareaProps) {
  const id = useId();
  const { value, onChange } = props;
  const findings = useLiveFindings(value);
  const area = useRef<HTMLTextAreaElement>(null);
  const backdrop = useRef<HTMLDivElement>(null);
  const isDismissed = props.isDismissed ?? (() => false);
  const open = findings.filter((f) => !isDismissed(f));

  // The shared redaction: replaces the words only if they are still at the finding's offsets.
  const redact = (f: IdentifierFinding) => {
    const r = applyRedactions(value, [{ ...f, text: value.slice(f.start, f.end) }]);
    if (!r.skipped.length) onChange(r.text);
  };

  return (
    <Stack gap={6}>
      <Text component="label" htmlFor={id} fw={600} size="md">
        {props.label}
      </Text>
      {props.description && (
        <Text size="sm" c="dimmed" id={`${id}-desc`}>
          {props.description}
        </Text>
      )}
      <Box className={classes.wrap}>
        <div ref={backdrop} className={classes.backdrop} aria-hidden>
          {highlighted(value, findings, isDismissed)}
        </div>
        <textarea
          id={id}
          ref={area}
          data-autofocus={props.autoFocusInDialog ? true : undefined}
          className={classes.area}
          value={value}
          rows={props.minRows ?? 5}
          maxLength={props.maxLength}
          readOnly={props.readOnly}
          aria-describedby={`${props.error ? `${id}-error ` : ''}${id}-findings${props.description ? ` ${id}-desc` : ''}`}
          aria-invalid={props.error ? true : undefined}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => onChange(e.currentTarget.value)}
          onScroll={(e) => {
            if (backdrop.current) backdrop.current.scrollTop = e.currentTarget.scrollTop;
          }}
        />
      </Box>
      {props.error && (
        <Text size="sm" c="red.9" id={`${id}-error`}>
          {props.error}
        </Text>
      )}
      <div id={`${id}-findings`} aria-live="polite">
        {open.length === 0 ? (
          <Text size="sm" c="dimmed">
            {findings.length ? 'All possible identifiers here are resolved.' : 'No possible identifiers found.'}
          </Text>
        ) : (
          <Stack gap={6}>
            <Text size="sm" fw={700} c="red.9">
              {open.length} possible identifier{open.length === 1 ? '' : 's'}: redact or mark as not an identifier.
            </Text>
            {open.map((f) => (
              <FindingRow
                key={`${f.start}-${f.type}`}
                finding={f}
                text={value.slice(f.start, f.end)}
                readOnly={props.readOnly ?? false}
                onRedact={() => redact(f)}
                onDismiss={props.onDismiss && !props.dismissDisabledReason ? () => props.onDismiss!(f) : undefined}
                dismissHint={props.dismissDisabledReason ?? null}
              />
            ))}
          </Stack>
        )}
      </div>
    </Stack>
  );
}

function FindingRow(p: {
  finding: IdentifierFinding;
  text: string;
  readOnly: boolean;
  onRedact(): void;
  onDismiss?: () => void;
  dismissHint: string | null;
}) {
  const kind = p.finding.type as IdentifierKind;
  return (
    <Group gap="xs" className={classes.finding}>
      <Badge color="red.9" variant="filled" size="lg" miw={90}>
        {kind}
      </Badge>
      <Text fw={600} className={classes.findingText}>
        “{p.text}”
      </Text>
      <Text size="sm" c="dimmed">
        looks like {IDENTIFIER_LABELS[kind]}
      </Text>
      {!p.readOnly && (
        <Group gap={6} ml="auto">
          <Button size="compact-md" color="red.9" onClick={p.onRedact} aria-label={`Redact to ${placeholder(kind)}: “${p.text}”`}>
            Redact to {placeholder(kind)}
          </Button>
          <Button
            size="compact-md"
            variant="default"
            onClick={p.onDismiss}
            disabled={!p.onDismiss}
            title={p.dismissHint ?? undefined}
            aria-label={`Not an identifier… “${p.text}”`}
          >
            Not an identifier…
          </Button>
        </Group>
      )}
    </Group>
  );
}
