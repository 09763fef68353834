/**
 * Identifier findings outside the two guarded texts (timeline steps, short fields), and the
 * decisions already made. After "Redact" focus goes to the next finding, or to the panel's
 * heading (which then says none is left), never to the page's start.
 */
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useLayoutEffect, useRef, useState } from 'react';
import type { IncidentDetail } from '../../../../shared/incidents/schemas';
import { formatDate } from '../../lib/format';
import { ErrorAlert } from '../../ui/FormActions';
import classes from './IncidentDetailPage.module.css';

type Finding = IncidentDetail['findings'][number];

const where = (f: Finding) => (f.field.startsWith('timeline:') ? 'a timeline step' : f.field);

export function IdentifierGuardPanel(p: {
  detail: IncidentDetail;
  readOnly: boolean;
  onRedact(f: Finding): Promise<unknown>;
  onDismiss(f: Finding): void;
}) {
  const open = p.detail.findings.filter((f) => !['narrative', 'referrals'].includes(f.field) && !f.dismissed);
  const dismissed = p.detail.findings.filter((f) => f.dismissed);
  const panel = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // After a redaction: the position of the finding redacted (focus goes to the one now there).
  const focusAt = useRef<number | null>(null);
  // Kept on screen once its last finding is redacted, to say so and to hold the focus.
  const [cleared, setCleared] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // The redaction answers with the incident: focus moves once its findings are on screen.
  useLayoutEffect(() => {
    const at = focusAt.current;
    if (at === null) return;
    focusAt.current = null;
    const buttons = panel.current?.querySelectorAll<HTMLElement>('button[data-redact]') ?? [];
    (buttons[Math.min(at, buttons.length - 1)] ?? heading.current)?.focus();
  }, [p.detail]);

  if (open.length === 0 && dismissed.length === 0 && !cleared) return null;

  const redact = async (f: Finding, i: number) => {
    setError(null);
    focusAt.current = i;
    if (open.length === 1) setCleared(true);
    try {
      await p.onRedact(f);
    } catch (e) {
      focusAt.current = null;
      setError(e);
    }
  };

  return (
    <Paper withBorder p="lg" ref={panel}>
      <Stack gap="sm">
        <Title order={3} ref={heading} tabIndex={-1} className={classes.heading}>
          Identifier guard
        </Title>
        <ErrorAlert error={error} title="Not redacted" />
        {open.length === 0 && <Text>No possible identifiers are left outside the narrative and referrals.</Text>}
        {open.map((f, i) => (
          <Group key={`${f.field}-${f.start}`} gap="sm">
            <Badge color="red.9" variant="filled">
              {f.type}
            </Badge>
            <Text>
              “{f.text}” in {where(f)}
            </Text>
            {!p.readOnly && (
              <>
                <Button
                  size="compact-md"
                  color="red.9"
                  data-redact
                  onClick={() => void redact(f, i)}
                  aria-label={`Redact “${f.text}” in ${where(f)}`}
                >
                  Redact
                </Button>
                <Button
                  size="compact-md"
                  variant="default"
                  onClick={() => p.onDismiss(f)}
                  aria-label={`Not an identifier… “${f.text}” in ${where(f)}`}
                >
                  Not an identifier…
                </Button>
              </>
            )}
          </Group>
        ))}
        {dismissed.length > 0 && (
          <>
            <Text fw={700}>Marked as not identifiers</Text>
            {dismissed.map((f) => (
              <Text key={`${f.field}-${f.start}-d`} size="md">
                “{f.text}” ({f.type}) — {f.dismissed!.reason} · {f.dismissed!.by ?? 'unknown'}, {formatDate(f.dismissed!.at)}
              </Text>
            ))}
          </>
        )}
      </Stack>
    </Paper>
  );
}
