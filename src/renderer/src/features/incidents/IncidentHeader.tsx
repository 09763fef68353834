/** The incident page's sticky header (code, status, workflow buttons) and its confirmation dialog. */
import { Badge, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import type { IncidentDetail } from '../../../../shared/incidents/schemas';
import { STATUS_MOVES, type IncidentStatus } from '../../../../shared/incidents/values';
import { formatDateTime } from '../../lib/format';
import { monthYear, STATUS_COLOR, statusLabel } from './format';
import classes from './IncidentDetailPage.module.css';

const MOVE_LABEL: Record<IncidentStatus, string> = {
  draft: 'Back to draft',
  ready_for_review: 'Ready for review',
  reviewed: 'Mark reviewed',
  closed: 'Close',
};

/** The incident's heading, focused when an incident opens (a screen reader starts there; Tab goes on from it). */
function IncidentHeading({ id, code }: { id: number; code: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [id]);
  return (
    <Title order={2} ref={heading} tabIndex={-1} className={classes.heading}>
      Incident {code}
    </Title>
  );
}

export function IncidentHeader(p: {
  detail: IncidentDetail;
  dirty: boolean;
  saving: boolean;
  onStatus(s: IncidentStatus): void;
  onSave(): void;
  onDelete(): void;
}) {
  const inc = p.detail.incident;
  const readOnly = inc.status === 'closed';
  return (
    <Group justify="space-between" align="flex-start" className={classes.sticky}>
      <Stack gap={4}>
        <Group gap="sm">
          <IncidentHeading id={inc.id} code={inc.code} />
          <Badge color={STATUS_COLOR[inc.status]} variant="filled" size="xl">
            {statusLabel(inc.status)}
          </Badge>
          {inc.openIdentifiers > 0 && (
            <Badge color="red.9" variant="filled" size="xl">
              {inc.openIdentifiers} unresolved identifier{inc.openIdentifiers === 1 ? '' : 's'}
            </Badge>
          )}
        </Group>
        <Text c="dimmed">
          {monthYear(inc.occurredYear, inc.occurredMonth)} ·{' '}
          {inc.source === 'manual' ? 'entered by hand' : `imported (${inc.source.replace('import:', '')})`} · last saved{' '}
          {formatDateTime(inc.updatedAt)}
        </Text>
      </Stack>
      <Group>
        {STATUS_MOVES[inc.status].map((s) => (
          <Button
            key={s}
            variant={s === 'ready_for_review' || s === 'reviewed' ? 'filled' : 'default'}
            disabled={p.dirty}
            title={p.dirty ? 'Save your changes first' : undefined}
            onClick={() => p.onStatus(s)}
          >
            {MOVE_LABEL[s]}
          </Button>
        ))}
        {!readOnly && (
          <Button onClick={p.onSave} disabled={!p.dirty} loading={p.saving} variant={p.dirty ? 'filled' : 'default'}>
            {p.dirty ? 'Save (Ctrl+S)' : 'Saved'}
          </Button>
        )}
        {(inc.status === 'draft' || inc.status === 'ready_for_review') && (
          <Button variant="default" color="red.9" onClick={p.onDelete}>
            Delete…
          </Button>
        )}
      </Group>
    </Group>
  );
}

export function ConfirmModal(p: {
  opened: boolean;
  title: string;
  size?: string;
  onClose(): void;
  cancel: string;
  confirm: string;
  danger?: boolean;
  onConfirm(): void;
  children: ReactNode;
}) {
  return (
    <Modal opened={p.opened} onClose={p.onClose} title={p.title} {...(p.size ? { size: p.size } : {})}>
      <Stack>
        <Text>{p.children}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={p.onClose}>
            {p.cancel}
          </Button>
          <Button {...(p.danger ? { color: 'red.9' } : {})} onClick={p.onConfirm}>
            {p.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
