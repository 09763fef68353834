import { Alert, Badge, Checkbox, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { z } from 'zod';
import { recommendationMethods } from '../../../../shared/recommendations/schemas';
import {
  type Finding,
  type Member,
  type Organisation,
  type Recommendation,
  type RecommendationEditState,
} from '../../../../shared/meetings/schemas';
import { ACTION_STRENGTH, ACTION_TYPE, FINDING_CATEGORY, STRENGTH, type ActionType } from '../../../../shared/meetings/values';
import { addDays, todayIn } from '../../lib/format';
import { identityKey, zodForm } from '../../lib/form';
import { DateField } from '../../ui/DateField';
import { ErrorAlert, FormActions } from '../../ui/FormActions';
import { useRoster, useSettings } from '../settings';
import { useRecommendationEditState, useRecordWrite } from './queries';
import { GuardedRecordField, useNotIdentifiers, type NotIdentifiers } from './GuardedRecordText';
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

// The form's checks are the contract's own (src/shared), plus the two choices a select leaves empty.
const create = recommendationMethods['recommendations.create'].input.shape;
const formSchema = (p: { fromFindings: boolean; amending: boolean }) =>
  z.object({
    findingIds: p.fromFindings ? z.array(z.number()).min(1, 'Tick at least one finding the recommendation answers.') : z.array(z.number()),
    action: create.action,
    owner: z.string('Choose who owns the recommendation.'),
    dueDate: z.string('Choose a due date.').pipe(create.dueDate),
    actionType: create.actionType,
    measure: create.measure,
    reason: p.amending ? recommendationMethods['recommendations.amend'].input.shape.reason : z.string(),
  });
type Values = {
  findingIds: number[];
  action: string;
  owner: string | null;
  dueDate: string | null;
  actionType: ActionType;
  measure: string;
  reason: string;
};

const ownerKey = (o: Recommendation['owner']) => `${o.kind === 'member' ? 'm' : 'o'}:${o.id}`;
const ownerOf = (v: string) => {
  const [k, id] = v.split(':');
  return k === 'm' ? { memberId: Number(id) } : { organisationId: Number(id) };
};

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
  const opened = p.opened || editing;
  const editQuery = useRecommendationEditState(editing ? p.editId! : null);
  const state = editing ? (editQuery.data ?? null) : null;
  const guard = useNotIdentifiers(state?.identifiers ?? []);
  // Opened (for a new one, or for another to edit): the guard starts again, and so does the form
  // (a fresh one per opening, and again from the edited one's saved state whenever it arrives).
  const session = opened ? `${p.editId ?? 'new'}:${p.findings.map((f) => f.id).join(',')}` : null;
  const [openFor, setOpenFor] = useState<string | null>(null);
  if (openFor !== session) {
    setOpenFor(session);
    if (session !== null) guard.reset();
  }
  const cur = state?.recommendation;
  const locked = state?.locked ?? null;

  return (
    <>
      <Modal
        opened={opened}
        onClose={p.onClose}
        title={!editing ? 'New recommendation' : `${locked ? 'Amend' : 'Edit'} recommendation${cur ? ` ${cur.code}` : ''}`}
        size="xl"
        {...(editing ? { transitionProps: { duration: 0 } } : {})}
      >
        {editing && !state ? (
          editQuery.error ? (
            <ErrorAlert error={editQuery.error} title="Cannot open the recommendation" />
          ) : (
            <Text>Loading…</Text>
          )
        ) : (
          <RecommendationForm key={`${session ?? 'closed'}:${state ? identityKey(state) : 'new'}`} {...p} state={state} guard={guard} />
        )}
      </Modal>
      {guard.modal}
    </>
  );
}

function RecommendationForm(p: {
  opened: boolean;
  findings: Finding[];
  meetingId: number | null;
  editId?: number | null;
  state: RecommendationEditState | null;
  guard: NotIdentifiers;
  onClose(): void;
  onCreated(r: Recommendation): void;
}) {
  const editing = p.editId != null;
  const { state, guard } = p;
  const cur = state?.recommendation;
  const locked = state?.locked ?? null;
  const [error, setError] = useState<string | null>(null);
  const timeZone = useSettings().data?.timeZone;
  // Due in 90 days by default, counted from today in the committee's time zone.
  const [defaultDue] = useState(() => addDays(todayIn(timeZone), 90));
  const form = useForm<Values>({
    initialValues: cur
      ? {
          findingIds: cur.findingIds,
          action: cur.action,
          owner: ownerKey(cur.owner),
          dueDate: cur.dueDate,
          actionType: cur.actionType,
          measure: cur.measure,
          reason: '',
        }
      : {
          findingIds: p.findings.slice(-1).map((f) => f.id),
          action: '',
          owner: null,
          dueDate: defaultDue,
          actionType: 'standardisation',
          measure: '',
          reason: '',
        },
    validate: zodForm(formSchema({ fromFindings: !editing, amending: locked !== null })),
  });
  const v = form.getValues();
  const roster = useRoster(p.opened || editing).data ?? NO_ROSTER;
  const writes = {
    create: useRecordWrite('recommendations.create').mutateAsync,
    amend: useRecordWrite('recommendations.amend').mutateAsync,
    update: useRecordWrite('recommendations.update').mutateAsync,
  };
  const owners = [
    { group: 'Partner organisations', items: roster.organisations.map((o) => ({ value: `o:${o.id}`, label: o.name })) },
    { group: 'Committee members', items: roster.members.filter((m) => m.active).map((m) => ({ value: `m:${m.id}`, label: m.name })) },
  ];
  const notIdentifiers = guard.forRecommendation({ action: v.action, measure: v.measure });
  const patch = cur
    ? {
        ...(v.action.trim() !== cur.action ? { action: v.action } : {}),
        ...(v.measure.trim() !== cur.measure ? { measure: v.measure } : {}),
        ...(v.dueDate && v.dueDate !== cur.dueDate ? { dueDate: v.dueDate } : {}),
        ...(v.actionType !== cur.actionType ? { actionType: v.actionType } : {}),
        ...(v.owner && v.owner !== ownerKey(cur.owner) ? { owner: ownerOf(v.owner) } : {}),
      }
    : {};
  const submit = async (values: Values) => {
    setError(null);
    try {
      const r = !editing
        ? await writes.create({
            findingIds: values.findingIds,
            meetingId: p.meetingId,
            action: values.action,
            owner: ownerOf(values.owner!),
            dueDate: values.dueDate!,
            measure: values.measure,
            actionType: values.actionType,
            notIdentifiers,
          })
        : locked
          ? (await writes.amend({ id: p.editId!, patch, reason: values.reason, notIdentifiers })).recommendation
          : await writes.update({ id: p.editId!, patch, notIdentifiers });
      guard.reset();
      p.onCreated(r);
      p.onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const changed = !editing || Object.keys(patch).length > 0 || notIdentifiers.length > 0;

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
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
                checked={v.findingIds.includes(f.id)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  form.setFieldValue('findingIds', (s) => (on ? [...s, f.id] : s.filter((x) => x !== f.id)));
                }}
                label={`${FINDING_CATEGORY.label(f.category)}: ${f.description}`}
              />
            ))}
            {form.errors.findingIds && (
              <Text c="red.9" size="sm">
                {form.errors.findingIds}
              </Text>
            )}
          </Stack>
        )}
        <GuardedRecordField
          label="Action"
          description="What should change in the system, stated so that it can be checked."
          field="action"
          value={v.action}
          onChange={(x) => form.setFieldValue('action', x)}
          error={form.errors.action}
          guard={guard}
          minRows={2}
          maxLength={2000}
        />
        <Group grow align="flex-start">
          <Select
            label="Owner"
            data={owners}
            searchable
            required
            nothingFoundMessage="Add members or organisations in Settings → Committee roster"
            {...form.getInputProps('owner')}
          />
          <DateField label="Due date" required {...form.getInputProps('dueDate')} />
        </Group>
        <Group align="flex-end">
          <Select
            label="Kind of action (RCA² hierarchy)"
            data={ACTION_TYPE.options}
            allowDeselect={false}
            w={420}
            {...form.getInputProps('actionType')}
          />
          <StrengthBadge type={v.actionType} />
        </Group>
        {ACTION_STRENGTH[v.actionType] === 'weaker' && (
          <Text size="md" role="status">
            Training, memos, warnings and more study rely on people remembering. Could a stronger action (a forcing function,
            standardisation, redesign) do the job?
          </Text>
        )}
        <GuardedRecordField
          label="Measure of success"
          field="measure"
          value={v.measure}
          onChange={(x) => form.setFieldValue('measure', x)}
          error={form.errors.measure}
          guard={guard}
          minRows={1}
          maxLength={1000}
        />
        {locked && (
          <Textarea
            label="Reason for the amendment"
            description="Recorded with your name, the time and what changed."
            autosize
            minRows={2}
            required
            {...form.getInputProps('reason')}
          />
        )}
        {state && <AmendmentList amendments={state.amendments} />}
        <FormActions
          error={error}
          onCancel={p.onClose}
          submitLabel={editing && locked ? 'Record amendment' : 'Save recommendation'}
          disabled={!changed || (locked !== null && v.reason.trim().length < 3)}
        />
      </Stack>
    </form>
  );
}
