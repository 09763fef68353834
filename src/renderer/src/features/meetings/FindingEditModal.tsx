/**
 * Edit a finding: freely until its meeting ends; afterwards as a numbered amendment with a
 * reason (the core decides which and keeps the diff, the hash, who and when). The text is
 * guarded as it is typed, and the dialog says what the room will see. Until the meeting ends
 * the finding can also be deleted, after a confirmation.
 */
import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { z } from 'zod';
import { meetingMethods, type Finding, type FindingEditState } from '../../../../shared/meetings/schemas';
import { FINDING_CATEGORY, FINDING_KIND, type FindingCategory } from '../../../../shared/meetings/values';
import { COVERAGE_FINDING_CATEGORIES } from '../../../../shared/meetings/records';
import { INTERCEPT } from '../../../../shared/incidents/values';
import { identityKey, zodForm } from '../../lib/form';
import { useFindingEditState, useRecordWrite } from './queries';
import { GoalChips } from './FindingQuickAdd';
import { FindingTextField, useNotIdentifiers, type NotIdentifiers } from './GuardedRecordText';
import { AmendFooter, LockedNotice, RecordDialog } from './RecordAmendments';

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
  return (
    <>
      <RecordDialog
        opened={p.findingId !== null}
        onClose={p.onClose}
        title={state?.locked ? 'Amend finding' : 'Edit finding'}
        loaded={state !== null}
        error={query.error}
        what="finding"
      >
        {state && <FindingForm key={identityKey(state)} state={state} guard={guard} onClose={p.onClose} onSaved={p.onSaved} />}
      </RecordDialog>
      {guard.modal}
    </>
  );
}

function patchOf(f: Finding, v: Values) {
  return {
    ...(v.description.trim() !== f.description ? { description: v.description } : {}),
    ...(v.category !== f.category ? { category: v.category } : {}),
    ...(v.kind !== f.kind ? { kind: v.kind } : {}),
    ...(v.intercept !== f.intercept ? { intercept: v.intercept as Finding['intercept'] } : {}),
    ...(JSON.stringify([...v.goals].sort()) !== JSON.stringify([...f.goals].sort()) ? { goals: v.goals as Finding['goals'] } : {}),
  };
}

function FindingForm(p: { state: FindingEditState; guard: NotIdentifiers; onClose(): void; onSaved(f: Finding): void }) {
  const { state, guard } = p;
  const f = state.finding;
  const locked = state.locked;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const form = useForm<Values>({
    initialValues: { description: f.description, category: f.category, kind: f.kind, intercept: f.intercept, goals: f.goals, reason: '' },
    validate: zodForm(schema(locked !== null)),
  });
  const v = form.values;
  const updateFinding = useRecordWrite('findings.update').mutateAsync;
  const amendFinding = useRecordWrite('findings.amend').mutateAsync;
  const removeFinding = useRecordWrite('findings.remove').mutateAsync;
  const patch = patchOf(f, v);
  const notIdentifiers = guard.forFinding(v.description);

  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      p.onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const submit = (values: Values) =>
    act(async () => {
      const saved = locked
        ? (await amendFinding({ id: f.id, patch, reason: values.reason, notIdentifiers })).finding
        : await updateFinding({ id: f.id, patch, notIdentifiers });
      p.onSaved(saved);
    });

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <LockedNotice locked={locked} />
        <FindingTextField
          label="Finding"
          value={v.description}
          onChange={(x) => form.setFieldValue('description', x)}
          error={form.errors.description}
          guard={guard}
          minRows={3}
        />
        <Group align="flex-end">
          <Select
            label="Category"
            data={
              f.source === 'case'
                ? FINDING_CATEGORY.options
                : FINDING_CATEGORY.options.filter((o) => (COVERAGE_FINDING_CATEGORIES as readonly string[]).includes(o.value))
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
        {!locked && (
          <DeleteFinding
            confirming={confirmDelete}
            onAsk={setConfirmDelete}
            blocked={f.recommendationIds.length > 0}
            onDelete={() => void act(() => removeFinding({ id: f.id }).then(() => undefined))}
          />
        )}
        <AmendFooter
          locked={locked}
          reason={form.getInputProps('reason') as { value: string; onChange(e: unknown): void }}
          amendments={state.amendments}
          error={error}
          onCancel={p.onClose}
          submitLabel="Save finding"
          changed={Object.keys(patch).length > 0 || notIdentifiers.length > 0}
          loading={busy}
        />
      </Stack>
    </form>
  );
}

/** Delete, then "Delete this finding?" with its own button: nothing is deleted by one stray key. */
function DeleteFinding(p: { confirming: boolean; onAsk(v: boolean): void; blocked: boolean; onDelete(): void }) {
  if (p.blocked) return <Text c="dimmed">A recommendation is based on this finding, so it cannot be deleted.</Text>;
  if (!p.confirming) {
    return (
      <Group>
        <Button variant="default" color="red.9" onClick={() => p.onAsk(true)}>
          Delete finding…
        </Button>
      </Group>
    );
  }
  return (
    <Group role="alertdialog" aria-label="Delete this finding?" gap="sm">
      <Text fw={600}>Delete this finding? It is removed from the meeting and from the room.</Text>
      <Button color="red.9" onClick={p.onDelete} data-autofocus>
        Yes, delete the finding
      </Button>
      <Button variant="default" onClick={() => p.onAsk(false)}>
        Keep it
      </Button>
    </Group>
  );
}
