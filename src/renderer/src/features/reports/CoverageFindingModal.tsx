/**
 * Record a finding straight from a 24/7 coverage gap: category (services or staffing /
 * resources), intercept 0 or 1 and the description arrive pre-filled from the report the
 * committee is looking at; they can change any of it, and attach it to a meeting's minutes.
 * The text is guarded as it is typed, as for a case finding (see GuardedRecordText): highlights,
 * one-click redaction and "Not an identifier…" with a reason, sent with the text.
 */
import { Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { CoverageFindingDraft } from '../../../../shared/coverage/gap';
import { COVERAGE_FINDING_CATEGORIES, COVERAGE_FINDING_INTERCEPTS, type Finding } from '../../../../shared/meetings/schemas';
import { FINDING_CATEGORY } from '../../../../shared/meetings/values';
import { INTERCEPT } from '../../../../shared/incidents/values';
import { BlameReminder, GoalChips, GuardedRecordField, useBlameHints, useMeetings, useNotIdentifiers, useRecordWrite } from '../meetings';
import { FormActions } from '../../ui/FormActions';

export function CoverageFindingModal(p: { draft: CoverageFindingDraft | null; onClose(): void; onCreated(f: Finding): void }) {
  const [category, setCategory] = useState<string>('services');
  const [intercept, setIntercept] = useState<string>('0');
  const [goals, setGoals] = useState<string[]>([]);
  const [description, setDescription] = useState('');
  const [chosenMeeting, setMeetingId] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const hints = useBlameHints(description);
  const guard = useNotIdentifiers();
  const all = useMeetings(p.draft !== null).data?.meetings;
  const meetings = useMemo(() => (all ?? []).filter((m) => m.status !== 'ended'), [all]);
  // The meeting in progress, else the next planned one: where the committee will discuss it (until one is chosen).
  const next =
    meetings.find((m) => m.status === 'in_progress') ??
    [...meetings].sort((a, b) => a.date.localeCompare(b.date)).find((m) => m.status === 'planned');
  const meetingId = chosenMeeting === undefined ? (next ? String(next.id) : null) : chosenMeeting;
  const createSystemic = useRecordWrite('findings.createSystemic').mutateAsync;

  // A new draft from the heat map: the form starts from it.
  const [shown, setShown] = useState<CoverageFindingDraft | null>(null);
  if (p.draft && p.draft !== shown) {
    setShown(p.draft);
    setCategory(p.draft.category);
    setIntercept(p.draft.intercept);
    setGoals(p.draft.goals);
    setDescription(p.draft.description);
    setMeetingId(undefined);
    guard.reset();
    setError(null);
  }

  const submit = async () => {
    setError(null);
    setSaving(true);
    try {
      const f = await createSystemic({
        source: 'coverage',
        meetingId: meetingId ? Number(meetingId) : null,
        category: category as 'services',
        intercept: intercept as '0',
        goals: goals as '2'[],
        description,
        notIdentifiers: guard.forFinding(description),
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
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack>
            <Text size="sm">A systemic finding: it describes when the crisis system cannot answer, not any one incident or person.</Text>
            <Stack gap="sm">
              <Stack gap={4}>
                <Text size="sm" fw={600} id="cov-cat">
                  Category
                </Text>
                <SegmentedControl
                  fullWidth
                  aria-labelledby="cov-cat"
                  value={category}
                  onChange={setCategory}
                  data={COVERAGE_FINDING_CATEGORIES.map((c) => ({ value: c, label: FINDING_CATEGORY.label(c) }))}
                />
              </Stack>
              <Stack gap={4}>
                <Text size="sm" fw={600} id="cov-int">
                  Sequential Intercept Model intercept
                </Text>
                <SegmentedControl
                  fullWidth
                  aria-labelledby="cov-int"
                  value={intercept}
                  onChange={setIntercept}
                  data={COVERAGE_FINDING_INTERCEPTS.map((c) => ({ value: c, label: INTERCEPT.label(c) }))}
                />
              </Stack>
            </Stack>
            <GoalChips value={goals} onChange={setGoals} />
            <GuardedRecordField
              label="Finding"
              field="description"
              value={description}
              onChange={setDescription}
              guard={guard}
              minRows={5}
              maxLength={4000}
            />
            <BlameReminder hints={hints} />
            <Select
              label="Discuss at meeting (its minutes list systemic findings)"
              data={meetings.map((m) => ({
                value: String(m.id),
                label: `${m.date} ${m.time}${m.status === 'in_progress' ? ' (in progress)' : ''}`,
              }))}
              value={meetingId}
              onChange={setMeetingId}
              clearable
              placeholder="Not tied to a meeting"
            />
            <FormActions
              error={error}
              onCancel={p.onClose}
              submitLabel="Save finding"
              disabled={description.trim().length < 3}
              loading={saving}
            />
          </Stack>
        </form>
      </Modal>
      {guard.modal}
    </>
  );
}
