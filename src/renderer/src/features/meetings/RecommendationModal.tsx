import { Alert, Badge, Checkbox, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { FormActions } from '../../ui/FormActions';
import { useState } from 'react';
import type { Finding, Member, Organisation, Recommendation, RecommendationEditState } from '../../../../shared/meetings/schemas';
import { ACTION_STRENGTH, ACTION_TYPE, FINDING_CATEGORY, STRENGTH, type ActionType } from '../../../../shared/meetings/values';
import { ErrorAlert } from '../../ui/FormActions';
import { useRoster } from '../settings';
import { useRecommendationEditState, useRecordWrite } from './queries';
import { GuardedRecordField, useNotIdentifiers } from './GuardedRecordText';
import { AmendmentList } from './RecordAmendments';

const NO_ROSTER: { members: Member[]; organisations: Organisation[] } = { members: [], organisations: [] };
const STRENGTH_COLOR = { stronger: 'teal.9', intermediate: 'blue.9', weaker: 'orange.4' } as const;

export function StrengthBadge({ type, short = false }: { type: ActionType; short?: boolean }) {
  const s = ACTION_STRENGTH[type];
  return (
    <Badge color={STRENGTH_COLOR[s]} variant="filled" size="lg" autoContrast style={{ flexShrink: 0 }}>
      {STRENGTH.label(s)}
      {short ? '' : ' action'}
    </Badge>
  );
}

/**
 * Make a recommendation from one or more findings: owner (member or organisation), due date,
 * RCA² strength. With `editId`, the same form edits one: freely while it is open and its meeting
 * is on; otherwise as a numbered amendment with a reason. Action and measure are guarded as typed.
 */
export function RecommendationModal(p: {
  opened: boolean;
  findings: Finding[];
  meetingId: number | null;
  onClose(): void;
  onCreated(r: Recommendation): void;
  /** Edit this recommendation instead of making a new one. */
  editId?: number | null;
}) {
  const editing = p.editId != null;
  const [selected, setSelected] = useState<number[]>([]);
  const [action, setAction] = useState('');
  const [owner, setOwner] = useState<string | null>(null);
  const [due, setDue] = useState(() => new Date(Date.now() + 90 * 86400_000).toISOString().slice(0, 10));
  const [type, setType] = useState<ActionType>('standardisation');
  const [measure, setMeasure] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const opened = p.opened || editing;
  const editQuery = useRecommendationEditState(editing ? p.editId! : null);
  const state = editing ? (editQuery.data ?? null) : null;
  const guard = useNotIdentifiers(state?.identifiers ?? []);
  const roster = useRoster(opened).data ?? NO_ROSTER;
  // Opened (for a new one, or for another to edit): start again; the edited one's saved state
  // arrived: the form starts from it.
  const session = opened ? `${p.editId ?? 'new'}:${p.findings.map((f) => f.id).join(',')}` : null;
  const [openFor, setOpenFor] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<RecommendationEditState | null>(null);
  if (openFor !== session) {
    setOpenFor(session);
    setLoaded(null);
    if (session !== null) {
      setError(null);
      setReason('');
      guard.reset();
      if (!editing) setSelected(p.findings.slice(-1).map((f) => f.id));
    }
  } else if (state && state !== loaded) {
    const r = state.recommendation;
    setLoaded(state);
    setSelected(r.findingIds);
    setAction(r.action);
    setOwner(`${r.owner.kind === 'member' ? 'm' : 'o'}:${r.owner.id}`);
    setDue(r.dueDate);
    setType(r.actionType);
    setMeasure(r.measure);
  }
  const writes = {
    create: useRecordWrite('recommendations.create').mutateAsync,
    amend: useRecordWrite('recommendations.amend').mutateAsync,
    update: useRecordWrite('recommendations.update').mutateAsync,
  };

  const owners = [
    { group: 'Partner organisations', items: roster.organisations.map((o) => ({ value: `o:${o.id}`, label: o.name })) },
    { group: 'Committee members', items: roster.members.filter((m) => m.active).map((m) => ({ value: `m:${m.id}`, label: m.name })) },
  ];
  const ownerOf = (v: string) => {
    const [k, id] = v.split(':');
    return k === 'm' ? { memberId: Number(id) } : { organisationId: Number(id) };
  };
  const notIdentifiers = guard.forRecommendation({ action, measure });
  const cur = state?.recommendation;
  const patch = cur
    ? {
        ...(action.trim() !== cur.action ? { action } : {}),
        ...(measure.trim() !== cur.measure ? { measure } : {}),
        ...(due !== cur.dueDate ? { dueDate: due } : {}),
        ...(type !== cur.actionType ? { actionType: type } : {}),
        ...(owner && owner !== `${cur.owner.kind === 'member' ? 'm' : 'o'}:${cur.owner.id}` ? { owner: ownerOf(owner) } : {}),
      }
    : {};
  const locked = state?.locked ?? null;
  const close = () => {
    setAction('');
    setMeasure('');
    p.onClose();
  };
  const submit = async () => {
    setError(null);
    try {
      if (!owner) throw new Error('Choose who owns the recommendation.');
      const r = !editing
        ? await writes.create({ findingIds: selected, meetingId: p.meetingId, action, owner: ownerOf(owner), dueDate: due, measure, actionType: type, notIdentifiers })
        : locked
          ? (await writes.amend({ id: p.editId!, patch, reason, notIdentifiers })).recommendation
          : await writes.update({ id: p.editId!, patch, notIdentifiers });
      guard.reset();
      p.onCreated(r);
      close();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const changed = !editing || Object.keys(patch).length > 0 || notIdentifiers.length > 0;

  return (
    <>
    <Modal opened={opened} onClose={close} title={!editing ? 'New recommendation' : `${locked ? 'Amend' : 'Edit'} recommendation${cur ? ` ${cur.code}` : ''}`} size="xl"
      {...(editing ? { transitionProps: { duration: 0 } } : {})}
    >
      {editing && (!state || state !== loaded) ? (
        editQuery.error ? <ErrorAlert error={editQuery.error} title="Cannot open the recommendation" /> : <Text>Loading…</Text>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack>
            {locked && (
              <Alert color="blue" title="Part of the record">
                {locked}
              </Alert>
            )}
            {!editing && (
              <Stack gap={4} role="group" aria-label="Based on findings">
                <Text fw={600}>Based on</Text>
                {p.findings.map((f) => (
                  <Checkbox
                    key={f.id}
                    size="md"
                    checked={selected.includes(f.id)}
                    onChange={(e) => setSelected((s) => (e.currentTarget.checked ? [...s, f.id] : s.filter((x) => x !== f.id)))}
                    label={`${FINDING_CATEGORY.label(f.category)}: ${f.description}`}
                  />
                ))}
              </Stack>
            )}
            <GuardedRecordField label="Action" description="What should change in the system, stated so that it can be checked." field="action" value={action} onChange={setAction} guard={guard} minRows={2} maxLength={2000} />
            <Group grow align="flex-start">
              <Select label="Owner" data={owners} value={owner} onChange={setOwner} searchable required nothingFoundMessage="Add members or organisations in Settings → Committee roster" />
              <TextInput label="Due date" type="date" value={due} onChange={(e) => setDue(e.currentTarget.value)} required />
            </Group>
            <Group align="flex-end">
              <Select label="Kind of action (RCA² hierarchy)" data={ACTION_TYPE.options} value={type} onChange={(v) => v && setType(v as ActionType)} allowDeselect={false} w={420} />
              <StrengthBadge type={type} />
            </Group>
            {ACTION_STRENGTH[type] === 'weaker' && (
              <Text size="md" role="status">
                Training, memos, warnings and more study rely on people remembering. Could a stronger action (a forcing function, standardisation, redesign) do the job?
              </Text>
            )}
            <GuardedRecordField label="Measure of success" field="measure" value={measure} onChange={setMeasure} guard={guard} minRows={1} maxLength={1000} />
            {locked && (
              <Textarea
                label="Reason for the amendment"
                description="Recorded with your name, the time and what changed."
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                autosize
                minRows={2}
                required
              />
            )}
            {state && <AmendmentList amendments={state.amendments} />}
            <FormActions
              error={error}
              onCancel={close}
              submitLabel={!editing ? 'Save recommendation' : locked ? 'Record amendment' : 'Save recommendation'}
              disabled={!selected.length || action.trim().length < 3 || !changed || (locked !== null && reason.trim().length < 3)}
            />
          </Stack>
        </form>
      )}
    </Modal>
    {guard.modal}
    </>
  );
}
