/** The recommendation form (new, edit, amend): @mantine/form checked by the contract's own zod schemas. */
import { Checkbox, Group, Select, Stack, Text } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import {
  type Finding,
  type Member,
  type Organisation,
  type Recommendation,
  type RecommendationEditState,
} from '../../../../shared/meetings/schemas';
import { ACTION_STRENGTH, ACTION_TYPE, FINDING_CATEGORY, type ActionType } from '../../../../shared/meetings/values';
import { recommendationMethods } from '../../../../shared/recommendations/schemas';
import { addDays, todayIn } from '../../lib/format';
import { zodForm } from '../../lib/form';
import { DateField } from '../../ui/DateField';
import { useRoster, useSettings } from '../settings';
import { useRecordWrite } from './queries';
import { GuardedRecordField, type NotIdentifiers } from './GuardedRecordText';
import { AmendFooter, LockedNotice } from './RecordAmendments';
import { StrengthBadge } from './StrengthBadge';

const NO_ROSTER: { members: Member[]; organisations: Organisation[] } = { members: [], organisations: [] };

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
type Form = UseFormReturnType<Values>;

const ownerKey = (o: Recommendation['owner']) => `${o.kind === 'member' ? 'm' : 'o'}:${o.id}`;
const ownerOf = (v: string) => {
  const [k, id] = v.split(':');
  return k === 'm' ? { memberId: Number(id) } : { organisationId: Number(id) };
};

function patchOf(cur: Recommendation | undefined, v: Values) {
  if (!cur) return {};
  return {
    ...(v.action.trim() !== cur.action ? { action: v.action } : {}),
    ...(v.measure.trim() !== cur.measure ? { measure: v.measure } : {}),
    ...(v.dueDate && v.dueDate !== cur.dueDate ? { dueDate: v.dueDate } : {}),
    ...(v.actionType !== cur.actionType ? { actionType: v.actionType } : {}),
    ...(v.owner && v.owner !== ownerKey(cur.owner) ? { owner: ownerOf(v.owner) } : {}),
  };
}

function useRecForm(cur: Recommendation | undefined, findings: Finding[], schema: z.ZodType): Form {
  const timeZone = useSettings().data?.timeZone;
  // Due in 90 days by default, counted from today in the committee's time zone.
  const [defaultDue] = useState(() => addDays(todayIn(timeZone), 90));
  return useForm<Values>({
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
          findingIds: findings.slice(-1).map((f) => f.id),
          action: '',
          owner: null,
          dueDate: defaultDue,
          actionType: 'standardisation',
          measure: '',
          reason: '',
        },
    validate: zodForm(schema),
  });
}

export function RecommendationForm(p: {
  opened: boolean;
  findings: Finding[];
  meetingId: number | null;
  editId?: number | null;
  state: RecommendationEditState | null;
  guard: NotIdentifiers;
  onDirty(dirty: boolean): void;
  onCancel(): void;
  onClose(): void;
  onCreated(r: Recommendation): void;
}) {
  const editing = p.editId != null;
  const { state, guard } = p;
  const cur = state?.recommendation;
  const locked = state?.locked ?? null;
  const [error, setError] = useState<string | null>(null);
  const form = useRecForm(cur, p.findings, formSchema({ fromFindings: !editing, amending: locked !== null }));
  const v = form.getValues();
  const typed = v.action.trim() !== (cur?.action ?? '') || v.measure.trim() !== (cur?.measure ?? '') || v.reason.trim() !== '';
  const { onDirty } = p;
  useEffect(() => onDirty(typed), [typed, onDirty]);
  const writes = {
    create: useRecordWrite('recommendations.create').mutateAsync,
    amend: useRecordWrite('recommendations.amend').mutateAsync,
    update: useRecordWrite('recommendations.update').mutateAsync,
  };
  const notIdentifiers = guard.forRecommendation({ action: v.action, measure: v.measure });
  const patch = patchOf(cur, v);
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
      p.onCreated(r);
      p.onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <LockedNotice locked={locked} />
        {!editing && <BasedOn findings={p.findings} form={form} />}
        <GuardedRecordField
          label="Action"
          description="What should change in the system, stated so that it can be checked."
          autoFocusInDialog
          field="action"
          value={v.action}
          onChange={(x) => form.setFieldValue('action', x)}
          error={form.errors.action}
          guard={guard}
          minRows={2}
          maxLength={2000}
        />
        <OwnerAndKind form={form} enabled={p.opened || editing} />
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
        <AmendFooter
          locked={locked}
          reason={form.getInputProps('reason') as { value: string; onChange(e: unknown): void }}
          amendments={state?.amendments ?? []}
          error={error}
          onCancel={p.onCancel}
          submitLabel="Save recommendation"
          changed={!editing || Object.keys(patch).length > 0 || notIdentifiers.length > 0}
        />
      </Stack>
    </form>
  );
}

function BasedOn({ findings, form }: { findings: Finding[]; form: Form }) {
  const ids = form.getValues().findingIds;
  return (
    <Stack gap={4} role="group" aria-label="Based on findings">
      <Text fw={600}>Based on</Text>
      {findings.map((f) => (
        <Checkbox
          key={f.id}
          size="md"
          checked={ids.includes(f.id)}
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
  );
}

/** Owner (Enter picks the highlighted option, never submits), due date, kind of action with its strength. */
function OwnerAndKind({ form, enabled }: { form: Form; enabled: boolean }) {
  const roster = useRoster(enabled).data ?? NO_ROSTER;
  const owners = [
    { group: 'Partner organisations', items: roster.organisations.map((o) => ({ value: `o:${o.id}`, label: o.name })) },
    { group: 'Committee members', items: roster.members.filter((m) => m.active).map((m) => ({ value: `m:${m.id}`, label: m.name })) },
  ];
  const type = form.getValues().actionType;
  return (
    <>
      <Group grow align="flex-start">
        <Select
          label="Owner"
          data={owners}
          searchable
          required
          selectFirstOptionOnChange
          nothingFoundMessage="Add members or organisations in Settings → Committee roster"
          onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
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
        <StrengthBadge type={type} />
      </Group>
      {ACTION_STRENGTH[type] === 'weaker' && (
        <Text size="md" role="status">
          Training, memos, warnings and more study rely on people remembering. Could a stronger action (a forcing function, standardisation,
          redesign) do the job?
        </Text>
      )}
    </>
  );
}
