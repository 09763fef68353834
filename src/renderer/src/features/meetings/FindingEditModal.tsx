/**
 * Edit a finding: freely until its meeting ends; afterwards as a numbered amendment with a
 * reason (the core decides which and keeps the diff, the hash, who and when). The text is
 * guarded as it is typed, and the dialog says what the room will see.
 */
import { Alert, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { z } from 'zod';
import { meetingMethods, type Finding, type FindingEditState } from '../../../../shared/meetings/schemas';
import { FINDING_CATEGORY, FINDING_KIND, type FindingCategory } from '../../../../shared/meetings/values';
import { INTERCEPT } from '../../../../shared/incidents/values';
import { identityKey, zodForm } from '../../lib/form';
import { ErrorAlert, FormActions } from '../../ui/FormActions';
import { useFindingEditState, useRecordWrite } from './queries';
import { GoalChips } from './FindingQuickAdd';
import { GuardedRecordField, useNotIdentifiers, type NotIdentifiers } from './GuardedRecordText';
import { AmendmentList } from './RecordAmendments';

// The contract's checks (src/shared): the text as a new finding's, the reason as an amendment's.
const schema = (amending: boolean) =>
  z.object({
    description: meetingMethods['findings.create'].input.shape.description,
    reason: amending ? meetingMethods['findings.amend'].input.shape.reason : z.string(),
  });
type Values = {
  description: string;
  category: FindingCategory;
  kind: Finding['kind'];
  intercept: string | null;
  goals: string[];
  reason: string;
};

export function FindingEditModal(p: { findingId: number | null; onClose(): void; onSaved(f: Finding): void }) {
  const query = useFindingEditState(p.findingId);
  const state = p.findingId === null ? null : (query.data ?? null);
  const guard = useNotIdentifiers(state?.identifiers ?? []);
  // Another finding (or none): the guard starts again, and so does the form (a fresh one per
  // finding, from its saved state once it has arrived).
  const [openFor, setOpenFor] = useState<number | null>(null);
  if (openFor !== p.findingId) {
    setOpenFor(p.findingId);
    guard.reset();
  }
  const locked = state?.locked ?? null;

  return (
    <>
      {/* No open transition: with the content loading while it ran, the dialog could stay transparent (seen in headless Chromium). */}
      <Modal
        opened={p.findingId !== null}
        onClose={p.onClose}
        title={locked ? 'Amend finding' : 'Edit finding'}
        size="xl"
        transitionProps={{ duration: 0 }}
      >
        {!state ? (
          query.error ? (
            <ErrorAlert error={query.error} title="Cannot open the finding" />
          ) : (
            <Text>Loading…</Text>
          )
        ) : (
          <FindingForm key={identityKey(state)} state={state} guard={guard} onClose={p.onClose} onSaved={p.onSaved} />
        )}
      </Modal>
      {guard.modal}
    </>
  );
}

function FindingForm(p: { state: FindingEditState; guard: NotIdentifiers; onClose(): void; onSaved(f: Finding): void }) {
  const { state, guard } = p;
  const f = state.finding;
  const locked = state.locked;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm<Values>({
    initialValues: { description: f.description, category: f.category, kind: f.kind, intercept: f.intercept, goals: f.goals, reason: '' },
    validate: zodForm(schema(locked !== null)),
  });
  const v = form.values;
  const updateFinding = useRecordWrite('findings.update').mutateAsync;
  const amendFinding = useRecordWrite('findings.amend').mutateAsync;

  const patch = {
    ...(v.description.trim() !== f.description ? { description: v.description } : {}),
    ...(v.category !== f.category ? { category: v.category } : {}),
    ...(v.kind !== f.kind ? { kind: v.kind } : {}),
    ...(v.intercept !== f.intercept ? { intercept: v.intercept as Finding['intercept'] } : {}),
    ...(JSON.stringify([...v.goals].sort()) !== JSON.stringify([...f.goals].sort()) ? { goals: v.goals as Finding['goals'] } : {}),
  };
  const notIdentifiers = guard.forFinding(v.description);
  const changed = Object.keys(patch).length > 0 || notIdentifiers.length > 0;

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const saved = locked
        ? (await amendFinding({ id: f.id, patch, reason: values.reason, notIdentifiers })).finding
        : await updateFinding({ id: f.id, patch, notIdentifiers });
      p.onSaved(saved);
      p.onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        {locked && (
          <Alert color="blue" title="Part of the record">
            {locked}
          </Alert>
        )}
        <GuardedRecordField
          label="Finding"
          field="description"
          value={v.description}
          onChange={(x) => form.setFieldValue('description', x)}
          error={form.errors.description}
          guard={guard}
          minRows={3}
          maxLength={4000}
        />
        <Group align="flex-end">
          <Select
            label="Category"
            data={
              f.source === 'case'
                ? FINDING_CATEGORY.options
                : FINDING_CATEGORY.options.filter((o) => o.value === 'services' || o.value === 'staffing')
            }
            allowDeselect={false}
            w={280}
            {...form.getInputProps('category')}
          />
          {f.source === 'case' && (
            <Select label="Gap or what worked" data={FINDING_KIND.options} allowDeselect={false} w={200} {...form.getInputProps('kind')} />
          )}
          <Select label="Intercept" placeholder="None" data={INTERCEPT.options} clearable w={300} {...form.getInputProps('intercept')} />
        </Group>
        <GoalChips value={v.goals} onChange={(g) => form.setFieldValue('goals', g)} />
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
        <AmendmentList amendments={state.amendments} />
        <FormActions
          error={error}
          onCancel={p.onClose}
          submitLabel={locked ? 'Record amendment' : 'Save finding'}
          disabled={!changed || (locked !== null && v.reason.trim().length < 3)}
          loading={busy}
        />
      </Stack>
    </form>
  );
}
