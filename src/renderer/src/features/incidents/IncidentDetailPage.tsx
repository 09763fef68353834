import { Alert, Anchor, Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { IdentifierFinding, IdentifierKind } from '../../../../shared/deid/kinds';
import type { IncidentDetail, IncidentFields as Fields } from '../../../../shared/incidents/schemas';
import { STATUS_MOVES, type IncidentStatus } from '../../../../shared/incidents/values';
import { ApiError } from '../../lib/api';
import { href, paths, withRememberedSearch } from '../../lib/routes';
import { ErrorAlert } from '../../ui/FormActions';
import { DismissModal, GuardedTextarea } from '../identifiers';
import { monthYear, STATUS_COLOR, statusLabel } from './format';
import { IdentifierGuardPanel } from './IdentifierGuardPanel';
import { IncidentFields } from './IncidentFields';
import classes from './IncidentDetailPage.module.css';
import { useDeleteIncident, useIncident, useIncidentWrite } from './queries';
import { ReviewPanel } from './ReviewPanel';
import { TimelineEditor } from './TimelineEditor';
import { formatDateTime } from '../../lib/format';

const fieldsOf = (d: IncidentDetail): Fields => {
  const { id: _i, status: _s, source: _so, openIdentifiers: _o, version: _v, createdAt: _c, updatedAt: _u, ...f } = d.incident;
  return f;
};

const MOVE_LABEL: Record<IncidentStatus, string> = {
  draft: 'Back to draft',
  ready_for_review: 'Ready for review',
  reviewed: 'Mark reviewed',
  closed: 'Close',
};

export function IncidentDetailPage({ id, onBack, onDeleted }: { id: number; onBack(): void; onDeleted(): void }) {
  const { data: detail, error } = useIncident(id);
  if (error && !detail) {
    return (
      <Stack>
        <ErrorAlert error={error} title="Cannot open the incident" />
        <Anchor onClick={onBack}>Back to incidents</Anchor>
      </Stack>
    );
  }
  if (!detail) return <Text>Loading…</Text>;
  return <IncidentEditor detail={detail} onBack={onBack} onDeleted={onDeleted} />;
}

/**
 * The fields being edited: a copy of the saved incident, started again whenever a new saved
 * incident arrives (a save, a status change, a redaction, a timeline change all answer with it).
 */
function useDraft(detail: IncidentDetail) {
  const [state, setState] = useState(() => ({ base: detail, draft: fieldsOf(detail) }));
  if (state.base !== detail) setState({ base: detail, draft: fieldsOf(detail) });
  const draft = state.base === detail ? state.draft : fieldsOf(detail);
  const saved = fieldsOf(detail);
  const dirtyKeys = (Object.keys(draft) as (keyof Fields)[]).filter((k) => JSON.stringify(draft[k]) !== JSON.stringify(saved[k]));
  const set = useCallback(<K extends keyof Fields>(k: K, v: Fields[K]) => setState((s) => ({ ...s, draft: { ...s.draft, [k]: v } })), []);
  return { draft, dirtyKeys, set };
}

type Dismissing = { field: string; finding: IdentifierFinding; text: string };

function IncidentEditor({ detail, onBack, onDeleted }: { detail: IncidentDetail; onBack(): void; onDeleted(): void }) {
  const id = detail.incident.id;
  const { draft, dirtyKeys, set } = useDraft(detail);
  const dirty = dirtyKeys.length > 0;
  const [error, setError] = useState<string | null>(null);
  const [dismissing, setDismissing] = useState<Dismissing | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [confirmWeak, setConfirmWeak] = useState<string | null>(null);
  const update = useIncidentWrite('incidents.update');
  const status = useIncidentWrite('incidents.setStatus');
  const redact = useIncidentWrite('identifiers.redact');
  const dismiss = useIncidentWrite('identifiers.dismiss');
  const remove = useDeleteIncident();

  const save = async () => {
    if (!dirty) return;
    setError(null);
    try {
      const patch = Object.fromEntries(dirtyKeys.map((k) => [k, draft[k]])) as Partial<Fields>;
      const d = await update.mutateAsync({ id, version: detail.incident.version, patch });
      if (detail.incident.status === 'ready_for_review' && d.incident.status === 'draft') {
        notifications.show({
          color: 'orange',
          title: 'Back to draft',
          message: 'The change added a possible identifier, so the incident went back to draft.',
        });
      } else notifications.show({ title: 'Saved', message: `Incident ${d.incident.code} saved.` });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  useSaveShortcut(save);

  const inc = detail.incident;
  const readOnly = inc.status === 'closed';
  const setStatus = async (to: IncidentStatus, confirmWeakOnly = false) => {
    setError(null);
    try {
      await status.mutateAsync({ id, status: to, confirmWeakOnly });
      setConfirmWeak(null);
    } catch (e) {
      if (e instanceof ApiError && e.detail?.confirm === 'weak_actions') setConfirmWeak(e.message);
      else
        setError(
          e instanceof ApiError && e.code === 'guard_blocked' ? `${e.message} The findings are highlighted below.` : (e as Error).message,
        );
    }
  };

  const savedDismissal = (field: string) => (f: IdentifierFinding) =>
    detail.findings.some(
      (d) =>
        d.field === field &&
        d.type === f.type &&
        d.dismissed &&
        d.text ===
          (field === 'narrative' ? draft.narrative : ((draft[field as keyof Fields] as string | null) ?? '')).slice(f.start, f.end),
    );
  const guarded = (field: 'narrative' | 'referrals', label: string, description: string, rows: number, max: number) => {
    const value = (field === 'narrative' ? draft.narrative : draft.referrals) ?? '';
    return (
      <GuardedTextarea
        label={label}
        description={description}
        value={value}
        onChange={(v) => set(field, field === 'narrative' ? v : v || null)}
        minRows={rows}
        maxLength={max}
        readOnly={readOnly}
        isDismissed={savedDismissal(field)}
        onDismiss={(f) => setDismissing({ field, finding: f, text: value.slice(f.start, f.end) })}
        dismissDisabledReason={dirty ? 'Save first: the decision is recorded against the saved text.' : null}
      />
    );
  };

  return (
    <Stack gap="lg" pb="xl">
      <Anchor onClick={(e) => (e.preventDefault(), onBack())} href={href(withRememberedSearch(paths.incidents()))} size="md">
        ← All incidents
      </Anchor>
      <IncidentHeader
        detail={detail}
        dirty={dirty}
        saving={update.isPending}
        onStatus={(s) => void setStatus(s)}
        onSave={() => void save()}
        onDelete={() => setConfirmDelete(true)}
      />
      <ErrorAlert error={error} />
      {readOnly && <Alert color="gray">This incident is closed and read-only. Set it back to reviewed to change it.</Alert>}

      <Paper withBorder p="lg">
        <Stack>
          <IncidentFields
            draft={draft}
            set={set}
            readOnly={readOnly}
            narrative={guarded(
              'narrative',
              'De-identified narrative',
              'What happened, with role labels (Officer A, Clinician B) instead of names. This is the summary the committee sees.',
              7,
              8000,
            )}
            referrals={guarded('referrals', 'Referrals made', 'Services and programmes, not people.', 2, 1000)}
          />
          {!readOnly && (
            <Group justify="flex-end">
              {dirty && (
                <Text fw={700} role="status">
                  ● Unsaved changes: {dirtyKeys.length} field{dirtyKeys.length === 1 ? '' : 's'}
                </Text>
              )}
              <Button onClick={() => void save()} disabled={!dirty} loading={update.isPending} aria-label="Save changes">
                Save
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>

      <TimelineEditor detail={detail} readOnly={readOnly} />
      <IdentifierGuardPanel
        detail={detail}
        readOnly={readOnly}
        onRedact={(f) => redact.mutate({ incidentId: id, field: f.field, start: f.start, end: f.end, type: f.type })}
        onDismiss={(f) => setDismissing({ field: f.field, finding: f, text: f.text })}
      />
      <ReviewPanel incidentId={id} readOnly={readOnly} />

      <ConfirmModal
        opened={confirmWeak !== null}
        title="Close with only weaker actions?"
        size="lg"
        onClose={() => setConfirmWeak(null)}
        cancel="Not yet"
        confirm="Close anyway"
        onConfirm={() => void setStatus('closed', true)}
      >
        {confirmWeak}
      </ConfirmModal>
      <DismissModal
        target={dismissing ? { type: dismissing.finding.type as IdentifierKind, text: dismissing.text } : null}
        onClose={() => setDismissing(null)}
        onConfirm={async (reason) => {
          const f = dismissing!;
          await dismiss.mutateAsync({
            incidentId: id,
            field: f.field,
            start: f.finding.start,
            end: f.finding.end,
            type: f.finding.type,
            reason,
          });
        }}
      />
      <ConfirmModal
        opened={confirmDelete}
        title={`Delete incident ${inc.code}?`}
        onClose={() => setConfirmDelete(false)}
        cancel="Cancel"
        confirm="Delete incident"
        danger
        onConfirm={() => remove.mutateAsync({ id }).then(onDeleted, (e: Error) => setError(e.message))}
      >
        The incident, its timeline and its identifier decisions are deleted. The audit log keeps a record that it existed.
      </ConfirmModal>
    </Stack>
  );
}

/** Ctrl/Cmd+S saves. */
function useSaveShortcut(save: () => Promise<void>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);
}

function IncidentHeader(p: {
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
          <Title order={2}>Incident {inc.code}</Title>
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

function ConfirmModal(p: {
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
