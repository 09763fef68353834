/**
 * Edit a finding: freely until its meeting ends; afterwards as a numbered amendment with a
 * reason (the core decides which and keeps the diff, the hash, who and when). The text is
 * guarded as it is typed, and the dialog says what the room will see.
 */
import { Alert, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { Finding, FindingEditState } from '../../../../shared/meetings/schemas';
import { FINDING_CATEGORY, FINDING_KIND, type FindingCategory } from '../../../../shared/meetings/values';
import { INTERCEPT } from '../../../../shared/incidents/values';
import { ErrorAlert, FormActions } from '../../ui/FormActions';
import { useFindingEditState, useRecordWrite } from './queries';
import { GoalChips } from './FindingQuickAdd';
import { GuardedRecordField, useNotIdentifiers } from './GuardedRecordText';
import { AmendmentList } from './RecordAmendments';

export function FindingEditModal(p: { findingId: number | null; onClose(): void; onSaved(f: Finding): void }) {
  const query = useFindingEditState(p.findingId);
  const state = p.findingId === null ? null : (query.data ?? null);
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState<FindingCategory>('policy');
  const [kind, setKind] = useState<Finding['kind']>('gap');
  const [intercept, setIntercept] = useState<string | null>(null);
  const [goals, setGoals] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const guard = useNotIdentifiers(state?.identifiers ?? []);

  // Another finding (or none): start again. Its saved state arrived: the form starts from it.
  const [openFor, setOpenFor] = useState<number | null>(null);
  const [loaded, setLoaded] = useState<FindingEditState | null>(null);
  if (openFor !== p.findingId) {
    setOpenFor(p.findingId);
    setLoaded(null);
    setError(null);
    setReason('');
    guard.reset();
  } else if (state && state !== loaded) {
    setLoaded(state);
    setDescription(state.finding.description);
    setCategory(state.finding.category);
    setKind(state.finding.kind);
    setIntercept(state.finding.intercept);
    setGoals(state.finding.goals);
  }
  const updateFinding = useRecordWrite('findings.update').mutateAsync;
  const amendFinding = useRecordWrite('findings.amend').mutateAsync;

  const f = state?.finding;
  const patch = f
    ? {
        ...(description.trim() !== f.description ? { description } : {}),
        ...(category !== f.category ? { category } : {}),
        ...(kind !== f.kind ? { kind } : {}),
        ...(intercept !== f.intercept ? { intercept: intercept as Finding['intercept'] } : {}),
        ...(JSON.stringify([...goals].sort()) !== JSON.stringify([...f.goals].sort()) ? { goals: goals as Finding['goals'] } : {}),
      }
    : {};
  const notIdentifiers = guard.forFinding(description);
  const changed = Object.keys(patch).length > 0 || notIdentifiers.length > 0;
  const locked = state?.locked ?? null;

  const submit = async () => {
    if (!f) return;
    setBusy(true);
    setError(null);
    try {
      const saved = locked
        ? (await amendFinding({ id: f.id, patch, reason, notIdentifiers })).finding
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
    <>
    {/* No open transition: with the content loading while it ran, the dialog could stay transparent (seen in headless Chromium). */}
      <Modal opened={p.findingId !== null} onClose={p.onClose} title={locked ? 'Amend finding' : 'Edit finding'} size="xl" transitionProps={{ duration: 0 }}>
      {!state || state !== loaded ? (
        query.error ? <ErrorAlert error={query.error} title="Cannot open the finding" /> : <Text>Loading…</Text>
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
            <GuardedRecordField label="Finding" field="description" value={description} onChange={setDescription} guard={guard} minRows={3} maxLength={4000} />
            <Group align="flex-end">
              <Select label="Category" data={f?.source === 'case' ? FINDING_CATEGORY.options : FINDING_CATEGORY.options.filter((o) => o.value === 'services' || o.value === 'staffing')} value={category} onChange={(v) => v && setCategory(v as FindingCategory)} allowDeselect={false} w={280} />
              {f?.source === 'case' && (
                <Select label="Gap or what worked" data={FINDING_KIND.options} value={kind} onChange={(v) => v && setKind(v as Finding['kind'])} allowDeselect={false} w={200} />
              )}
              <Select label="Intercept" placeholder="None" data={INTERCEPT.options} value={intercept} onChange={setIntercept} clearable w={300} />
            </Group>
            <GoalChips value={goals} onChange={setGoals} />
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
            <AmendmentList amendments={state.amendments} />
            <FormActions
              error={error}
              onCancel={p.onClose}
              submitLabel={locked ? 'Record amendment' : 'Save finding'}
              disabled={!changed || description.trim().length < 3 || (locked !== null && reason.trim().length < 3)}
              loading={busy}
            />
          </Stack>
        </form>
      )}
    </Modal>
    {guard.modal}
    </>
  );
}
