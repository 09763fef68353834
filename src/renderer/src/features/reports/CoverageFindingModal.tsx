/**
 * Record a finding straight from a 24/7 coverage gap: category (services or staffing /
 * resources), intercept 0 or 1 and the description arrive pre-filled from the report the
 * committee is looking at; they can change any of it, and attach it to a meeting's minutes
 * (by default the next meeting, as the core defines it for Home). The text is guarded as it is
 * typed, as for a case finding (see GuardedRecordText): highlights, one-click redaction and
 * "Not an identifier…" with a reason, sent with the text. The form is @mantine/form checked by
 * the contract's own rules for a systemic finding: each error under its field.
 */
import { Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo, useState } from 'react';
import { z } from 'zod';
import type { CoverageFindingDraft } from '../../../../shared/coverage/gap';
import { COVERAGE_FINDING_CATEGORIES, COVERAGE_FINDING_INTERCEPTS, systemicFindingShape } from '../../../../shared/meetings/records';
import type { Finding } from '../../../../shared/meetings/schemas';
import { FINDING_CATEGORY } from '../../../../shared/meetings/values';
import { INTERCEPT } from '../../../../shared/incidents/values';
import { zodForm } from '../../lib/form';
import { formatDate } from '../../lib/format';
import { FormActions } from '../../ui/FormActions';
import { useHomeSummary } from '../home';
import { BlameReminder, GoalChips, GuardedRecordField, useBlameHints, useMeetings, useNotIdentifiers, useRecordWrite } from '../meetings';

const schema = z.object({
  category: systemicFindingShape.category,
  intercept: systemicFindingShape.intercept,
  goals: systemicFindingShape.goals,
  description: systemicFindingShape.description,
  meetingId: z.string().nullable(),
});
type Values = z.input<typeof schema>;

function Segments<V extends string>(p: { id: string; label: string; values: readonly V[]; labelOf(v: V): string; props: object }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} id={p.id}>
        {p.label}
      </Text>
      <SegmentedControl fullWidth aria-labelledby={p.id} data={p.values.map((c) => ({ value: c, label: p.labelOf(c) }))} {...p.props} />
    </Stack>
  );
}

export function CoverageFindingModal(p: { draft: CoverageFindingDraft | null; onClose(): void; onCreated(f: Finding): void }) {
  const form = useForm<Values>({
    initialValues: { category: 'services', intercept: '0', goals: [], description: '', meetingId: null },
    validate: zodForm(schema),
  });
  const description = form.values.description;
  const hints = useBlameHints(description);
  const guard = useNotIdentifiers();
  const all = useMeetings(p.draft !== null).data?.meetings;
  const meetings = useMemo(() => (all ?? []).filter((m) => m.status !== 'ended'), [all]);
  // The core's "next meeting" (Home's): where the committee will discuss it, until one is chosen.
  const next = useHomeSummary().data?.nextMeeting ?? null;
  const [chosen, setChosen] = useState(false);
  const meetingId = chosen ? form.values.meetingId : next ? String(next.id) : null;
  const createSystemic = useRecordWrite('findings.createSystemic').mutateAsync;
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // A new draft from the heat map: the form starts from it.
  const [shown, setShown] = useState<CoverageFindingDraft | null>(null);
  if (p.draft && p.draft !== shown) {
    setShown(p.draft);
    form.setValues({ ...p.draft, meetingId: null });
    form.resetDirty();
    setChosen(false);
    guard.reset();
    setError(null);
  }

  const submit = async (v: Values) => {
    setError(null);
    setSaving(true);
    try {
      const f = await createSystemic({
        source: 'coverage',
        meetingId: meetingId ? Number(meetingId) : null,
        category: v.category,
        intercept: v.intercept,
        goals: v.goals,
        description: v.description,
        notIdentifiers: guard.forFinding(v.description),
      });
      p.onCreated(f);
      p.onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      {/* No open transition, as in the finding editor: with the guard's scan arriving during it, the dialog could stay transparent (headless Chromium). */}
      <Modal
        opened={p.draft !== null}
        onClose={p.onClose}
        title="Record a finding from this coverage gap"
        size="xl"
        transitionProps={{ duration: 0 }}
      >
        <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
          <Stack>
            <Text size="sm">A systemic finding: it describes when the crisis system cannot answer, not any one incident or person.</Text>
            <Segments
              id="cov-cat"
              label="Category"
              values={COVERAGE_FINDING_CATEGORIES}
              labelOf={FINDING_CATEGORY.label}
              props={form.getInputProps('category')}
            />
            <Segments
              id="cov-int"
              label="Sequential Intercept Model intercept"
              values={COVERAGE_FINDING_INTERCEPTS}
              labelOf={INTERCEPT.label}
              props={form.getInputProps('intercept')}
            />
            <GoalChips value={form.values.goals} onChange={(v) => form.setFieldValue('goals', v as Values['goals'])} />
            <GuardedRecordField
              label="Finding"
              field="description"
              value={description}
              onChange={(v) => form.setFieldValue('description', v)}
              error={form.errors.description}
              guard={guard}
              minRows={5}
              maxLength={4000}
            />
            <BlameReminder hints={hints} />
            <Select
              label="Discuss at meeting (its minutes list systemic findings)"
              data={meetings.map((m) => ({
                value: String(m.id),
                label: `${formatDate(m.date)} ${m.time}${m.status === 'in_progress' ? ' (in progress)' : ''}`,
              }))}
              value={meetingId}
              onChange={(v) => {
                setChosen(true);
                form.setFieldValue('meetingId', v);
              }}
              clearable
              placeholder="Not tied to a meeting"
            />
            <FormActions error={error} onCancel={p.onClose} submitLabel="Save finding" loading={saving} />
          </Stack>
        </form>
      </Modal>
      {guard.modal}
    </>
  );
}
