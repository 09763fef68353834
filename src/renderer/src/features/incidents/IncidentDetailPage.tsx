import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Chip,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import type { IdentifierFinding, IdentifierKind } from '../../../../shared/deid/kinds';
import type { IncidentDetail, IncidentFields } from '../../../../shared/incidents/schemas';
import {
  BEHAVIOUR,
  CALL_SOURCE,
  DISPOSITION,
  FORCE,
  INJURY,
  INTERCEPT,
  RESPONDER,
  STATUS_MOVES,
  WEAPON,
  WEEKDAY,
  YES_NO_UNKNOWN,
  type IncidentStatus,
} from '../../../../shared/incidents/values';
import { api, ApiError, unwrap } from '../../lib/api';
import { DismissModal } from './DismissModal';
import { MONTH_OPTIONS, monthYear, STATUS_COLOR, statusLabel } from './format';
import { GuardedTextarea } from './GuardedTextarea';
import { TimelineEditor } from './TimelineEditor';
import { ReviewPanel } from './ReviewPanel';
import classes from './IncidentDetailPage.module.css';
import { ErrorAlert } from '../layout/FormActions';

const HOURS = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${String(h).padStart(2, '0')}:00–${String(h).padStart(2, '0')}:59` }));

type Fields = IncidentFields;
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
  const [detail, setDetail] = useState<IncidentDetail | null>(null);
  const [draft, setDraft] = useState<Fields | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [dismissing, setDismissing] = useState<{ field: string; finding: IdentifierFinding; text: string } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [confirmWeak, setConfirmWeak] = useState<string | null>(null);

  const accept = useCallback((d: IncidentDetail) => {
    setDetail(d);
    setDraft(fieldsOf(d));
  }, []);
  useEffect(() => {
    unwrap(api().incidents.get({ id }))
      .then(accept)
      .catch((e: Error) => setError(e.message));
  }, [id, accept]);

  const dirtyKeys = detail && draft ? (Object.keys(draft) as (keyof Fields)[]).filter((k) => JSON.stringify(draft[k]) !== JSON.stringify(fieldsOf(detail)[k])) : [];
  const dirty = dirtyKeys.length > 0;

  const save = useCallback(async () => {
    if (!detail || !draft || !dirty) return;
    setSaving(true);
    setError(null);
    try {
      const patch = Object.fromEntries(dirtyKeys.map((k) => [k, draft[k]])) as Partial<Fields>;
      const d = await unwrap(api().incidents.update({ id, version: detail.incident.version, patch }));
      accept(d);
      if (detail.incident.status === 'ready_for_review' && d.incident.status === 'draft') {
        notifications.show({ color: 'orange', title: 'Back to draft', message: 'The change added a possible identifier, so the incident went back to draft.' });
      } else notifications.show({ title: 'Saved', message: `Incident ${d.incident.code} saved.` });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  }, [detail, draft, dirty, dirtyKeys, id, accept]);

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

  if (error && !detail) {
    return (
      <Stack>
        <Alert color="red" title="Cannot open the incident">
          {error}
        </Alert>
        <Anchor onClick={onBack}>Back to incidents</Anchor>
      </Stack>
    );
  }
  if (!detail || !draft) return <Text>Loading…</Text>;
  const inc = detail.incident;
  const readOnly = inc.status === 'closed';
  const set = <K extends keyof Fields>(k: K, v: Fields[K]) => setDraft((d) => (d ? { ...d, [k]: v } : d));

  const setStatus = async (status: IncidentStatus, confirmWeakOnly = false) => {
    setError(null);
    try {
      accept(await unwrap(api().incidents.setStatus({ id, status, confirmWeakOnly })));
      setConfirmWeak(null);
    } catch (e) {
      if (e instanceof ApiError && e.detail?.confirm === 'weak_actions') setConfirmWeak(e.message);
      else setError(e instanceof ApiError && e.code === 'guard_blocked' ? `${e.message} The findings are highlighted below.` : (e as Error).message);
    }
  };

  const savedDismissal = (field: string) => (f: IdentifierFinding) =>
    detail.findings.some((d) => d.field === field && d.type === f.type && d.dismissed && d.text === (field === 'narrative' ? draft.narrative : (draft[field as keyof Fields] as string | null) ?? '').slice(f.start, f.end));
  const onDismiss = (field: string, value: string) => (f: IdentifierFinding) => setDismissing({ field, finding: f, text: value.slice(f.start, f.end) });
  const dismissHint = dirty ? 'Save first: the decision is recorded against the saved text.' : null;

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
        onDismiss={onDismiss(field, value)}
        dismissDisabledReason={dismissHint}
      />
    );
  };

  const otherFindings = detail.findings.filter((f) => !['narrative', 'referrals'].includes(f.field));
  const dismissed = detail.findings.filter((f) => f.dismissed);

  return (
    <Stack gap="lg" pb="xl">
      <Anchor onClick={onBack} href="#/incidents" size="md">
        ← All incidents
      </Anchor>
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
            {monthYear(inc.occurredYear, inc.occurredMonth)} · {inc.source === 'manual' ? 'entered by hand' : `imported (${inc.source.replace('import:', '')})`} · last saved{' '}
            {new Date(inc.updatedAt).toLocaleString()}
          </Text>
        </Stack>
        <Group>
          {STATUS_MOVES[inc.status].map((s) => (
            <Button
              key={s}
              variant={s === 'ready_for_review' || s === 'reviewed' ? 'filled' : 'default'}
              disabled={dirty}
              title={dirty ? 'Save your changes first' : undefined}
              onClick={() => void setStatus(s)}
            >
              {MOVE_LABEL[s]}
            </Button>
          ))}
          {!readOnly && (
            <Button onClick={() => void save()} disabled={!dirty} loading={saving} variant={dirty ? 'filled' : 'default'}>
              {dirty ? 'Save (Ctrl+S)' : 'Saved'}
            </Button>
          )}
          {(inc.status === 'draft' || inc.status === 'ready_for_review') && (
            <Button variant="default" color="red.9" onClick={() => setConfirmDelete(true)}>
              Delete…
            </Button>
          )}
        </Group>
      </Group>
      <ErrorAlert error={error} />
      {readOnly && <Alert color="gray">This incident is closed and read-only. Set it back to reviewed to change it.</Alert>}

      <Paper withBorder p="lg">
        <Stack>
          {guarded('narrative', 'De-identified narrative', 'What happened, with role labels (Officer A, Clinician B) instead of names. This is the summary the committee sees.', 7, 8000)}
          <Title order={3}>When and where</Title>
          <SimpleGrid cols={{ base: 2, lg: 5 }}>
            <NumberInput label="Year" value={draft.occurredYear} onChange={(v) => set('occurredYear', Number(v))} min={1990} max={2100} readOnly={readOnly} />
            <Select label="Month" data={MONTH_OPTIONS} value={String(draft.occurredMonth)} onChange={(v) => v && set('occurredMonth', Number(v))} allowDeselect={false} readOnly={readOnly} />
            <Select label="Weekday" data={WEEKDAY.options} value={draft.weekday} onChange={(v) => set('weekday', v as Fields['weekday'])} clearable readOnly={readOnly} />
            <Select label="Hour of day" data={HOURS} value={draft.hourOfDay === null ? null : String(draft.hourOfDay)} onChange={(v) => set('hourOfDay', v === null ? null : Number(v))} clearable readOnly={readOnly} />
            <TextInput label="Area" description="District, division or precinct" value={draft.area ?? ''} onChange={(e) => set('area', e.currentTarget.value || null)} maxLength={80} readOnly={readOnly} />
          </SimpleGrid>
          <Title order={3}>Call</Title>
          <SimpleGrid cols={{ base: 1, lg: 3 }}>
            <Select label="Call source" data={CALL_SOURCE.options} value={draft.callSource} onChange={(v) => set('callSource', v as Fields['callSource'])} clearable readOnly={readOnly} />
            <TextInput label="Initial call type" value={draft.initialCallType ?? ''} onChange={(e) => set('initialCallType', e.currentTarget.value || null)} maxLength={120} readOnly={readOnly} />
            <TextInput label="Final call type" value={draft.finalCallType ?? ''} onChange={(e) => set('finalCallType', e.currentTarget.value || null)} maxLength={120} readOnly={readOnly} />
          </SimpleGrid>
          <Title order={3}>Response</Title>
          <ChipGroup label="Responders" options={RESPONDER.options} value={draft.responders} onChange={(v) => set('responders', v as Fields['responders'])} readOnly={readOnly} />
          <Group>
            <Checkbox size="md" label="CIT officer requested" checked={draft.citRequested} onChange={(e) => set('citRequested', e.currentTarget.checked)} disabled={readOnly} />
            <Checkbox size="md" label="CIT officer dispatched" checked={draft.citDispatched} onChange={(e) => set('citDispatched', e.currentTarget.checked)} disabled={readOnly} />
            <Checkbox size="md" label="CIT officer arrived" checked={draft.citArrived} onChange={(e) => set('citArrived', e.currentTarget.checked)} disabled={readOnly} />
          </Group>
          <Title order={3}>Risk</Title>
          <SimpleGrid cols={{ base: 1, lg: 3 }}>
            <Select label="Weapon" data={WEAPON.options} value={draft.weapon} onChange={(v) => set('weapon', v as Fields['weapon'])} clearable readOnly={readOnly} />
            <Select label="Highest use of force" data={FORCE.options} value={draft.force} onChange={(v) => set('force', v as Fields['force'])} clearable readOnly={readOnly} />
            <MultiSelect searchable label="Injuries" data={INJURY.options} value={draft.injuries} onChange={(v) => set('injuries', v as Fields['injuries'])} clearable readOnly={readOnly} />
          </SimpleGrid>
          <Group>
            <Checkbox size="md" label="Threats of violence" checked={draft.threats} onChange={(e) => set('threats', e.currentTarget.checked)} disabled={readOnly} />
            <Checkbox size="md" label="Restraint used" checked={draft.restraint} onChange={(e) => set('restraint', e.currentTarget.checked)} disabled={readOnly} />
            <Checkbox size="md" label="Handcuffs used" checked={draft.handcuffs} onChange={(e) => set('handcuffs', e.currentTarget.checked)} disabled={readOnly} />
          </Group>
          <ChipGroup label="Behaviours observed" options={BEHAVIOUR.options} value={draft.behaviours} onChange={(v) => set('behaviours', v as Fields['behaviours'])} readOnly={readOnly} />
          <Title order={3}>Outcome</Title>
          <ChipGroup label="Disposition" options={DISPOSITION.options} value={draft.dispositions} onChange={(v) => set('dispositions', v as Fields['dispositions'])} readOnly={readOnly} />
          {guarded('referrals', 'Referrals made', 'Services and programmes, not people.', 2, 1000)}
          <SimpleGrid cols={{ base: 1, lg: 3 }}>
            <Select label="Follow-up contact within 7 days" data={YES_NO_UNKNOWN.options} value={draft.followUp7} onChange={(v) => v && set('followUp7', v as Fields['followUp7'])} allowDeselect={false} readOnly={readOnly} />
            <Select label="Veteran" data={YES_NO_UNKNOWN.options} value={draft.veteran} onChange={(v) => v && set('veteran', v as Fields['veteran'])} allowDeselect={false} readOnly={readOnly} />
            <NumberInput label="Prior contacts in last 12 months" value={draft.priorContacts ?? ''} onChange={(v) => set('priorContacts', v === '' ? null : Number(v))} min={0} max={999} readOnly={readOnly} />
          </SimpleGrid>
          <ChipGroup label="Sequential Intercept Model" options={INTERCEPT.options} value={draft.intercepts} onChange={(v) => set('intercepts', v as Fields['intercepts'])} readOnly={readOnly} />
          <TagsInput label="Tags" value={draft.tags} onChange={(v) => set('tags', v)} maxTags={20} readOnly={readOnly} clearable />
          {!readOnly && (
            <Group justify="flex-end" >
              {dirty && (
                <Text fw={700} role="status">
                  ● Unsaved changes: {dirtyKeys.length} field{dirtyKeys.length === 1 ? '' : 's'}
                </Text>
              )}
              <Button onClick={() => void save()} disabled={!dirty} loading={saving} aria-label="Save changes">
                Save
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>

      <TimelineEditor detail={detail} readOnly={readOnly} onChange={accept} />

      {(otherFindings.length > 0 || dismissed.length > 0) && (
        <Paper withBorder p="lg">
          <Stack gap="sm">
            <Title order={3}>Identifier guard</Title>
            {otherFindings
              .filter((f) => !f.dismissed)
              .map((f) => (
                <Group key={`${f.field}-${f.start}`} gap="sm">
                  <Badge color="red.9" variant="filled">
                    {f.type}
                  </Badge>
                  <Text>
                    “{f.text}” in {f.field.startsWith('timeline:') ? 'a timeline step' : f.field}
                  </Text>
                  {!readOnly && (
                    <>
                      <Button size="compact-md" color="red.9" onClick={() => void unwrap(api().identifiers.redact({ incidentId: id, field: f.field, start: f.start, end: f.end, type: f.type })).then(accept)}>
                        Redact
                      </Button>
                      <Button size="compact-md" variant="default" onClick={() => setDismissing({ field: f.field, finding: f, text: f.text })}>
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
                    “{f.text}” ({f.type}) — {f.dismissed!.reason} · {f.dismissed!.by ?? 'unknown'}, {new Date(f.dismissed!.at).toLocaleDateString()}
                  </Text>
                ))}
              </>
            )}
          </Stack>
        </Paper>
      )}

      <ReviewPanel incidentId={id} readOnly={readOnly} />

      <Modal opened={confirmWeak !== null} onClose={() => setConfirmWeak(null)} title="Close with only weaker actions?" size="lg">
        <Stack>
          <Text>{confirmWeak}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmWeak(null)}>
              Not yet
            </Button>
            <Button onClick={() => void setStatus('closed', true)}>Close anyway</Button>
          </Group>
        </Stack>
      </Modal>
      <DismissModal
        target={dismissing ? { type: dismissing.finding.type as IdentifierKind, text: dismissing.text } : null}
        onClose={() => setDismissing(null)}
        onConfirm={async (reason) => {
          const f = dismissing!;
          accept(await unwrap(api().identifiers.dismiss({ incidentId: id, field: f.field, start: f.finding.start, end: f.finding.end, type: f.finding.type, reason })));
        }}
      />
      <Modal opened={confirmDelete} onClose={() => setConfirmDelete(false)} title={`Delete incident ${inc.code}?`}>
        <Stack>
          <Text>The incident, its timeline and its identifier decisions are deleted. The audit log keeps a record that it existed.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmDelete(false)}>
              Cancel
            </Button>
            <Button color="red.9" onClick={() => void unwrap(api().incidents.delete({ id })).then(onDeleted, (e: Error) => setError(e.message))}>
              Delete incident
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function ChipGroup(p: { label: string; options: { value: string; label: string }[]; value: string[]; onChange(v: string[]): void; readOnly: boolean }) {
  return (
    <Stack gap={6} role="group" aria-label={p.label}>
      <Text fw={600}>{p.label}</Text>
      <Chip.Group multiple value={p.value} onChange={(v) => !p.readOnly && p.onChange(v)}>
        <Group gap="xs">
          {p.options.map((o) => (
            <Chip key={o.value} value={o.value} size="md" variant="outline" disabled={p.readOnly}>
              {o.label}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </Stack>
  );
}
