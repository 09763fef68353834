import { Alert, Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { IdentifierFinding, IdentifierKind } from '../../../../shared/deid/kinds';
import { LIMITS, type IncidentDetail } from '../../../../shared/incidents/schemas';
import { href, paths, withRememberedSearch } from '../../lib/routes';
import { ErrorAlert } from '../../ui/FormActions';
import { DismissModal } from '../identifiers';
import { IdentifierGuardPanel } from './IdentifierGuardPanel';
import { FIELDS_ID, type IncidentForm } from './incidentForm';
import { IncidentFields } from './IncidentFields';
import { ConfirmModal, IncidentHeader } from './IncidentHeader';
import { NarrativeField } from './NarrativeField';
import { useDeleteIncident, useIncident, useIncidentWrite } from './queries';
import { ReviewPanel } from './ReviewPanel';
import { TimelineEditor } from './TimelineEditor';
import { useIncidentEditor, type Dismissing } from './useIncidentEditor';

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

function IncidentEditor({ detail, onBack, onDeleted }: { detail: IncidentDetail; onBack(): void; onDeleted(): void }) {
  const id = detail.incident.id;
  const editor = useIncidentEditor(detail);
  const [dismissing, setDismissing] = useState<Dismissing | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const redact = useIncidentWrite('identifiers.redact');
  const dismiss = useIncidentWrite('identifiers.dismiss');
  const remove = useDeleteIncident();
  const inc = detail.incident;
  const readOnly = inc.status === 'closed';

  return (
    <Stack gap="lg" pb="xl">
      <Anchor onClick={(e) => (e.preventDefault(), onBack())} href={href(withRememberedSearch(paths.incidents()))} size="md">
        ← All incidents
      </Anchor>
      <IncidentHeader
        detail={detail}
        dirty={editor.dirty}
        saving={editor.saving}
        onStatus={(s) => void editor.setStatus(s)}
        onSave={() => void editor.save()}
        onDelete={() => setConfirmDelete(true)}
      />
      <ErrorAlert error={editor.error} />
      {readOnly && <Alert color="gray">This incident is closed and read-only. Set it back to reviewed to change it.</Alert>}
      <RecordFields detail={detail} editor={editor} readOnly={readOnly} onDismiss={setDismissing} />
      <TimelineEditor detail={detail} readOnly={readOnly} />
      <IdentifierGuardPanel
        detail={detail}
        readOnly={readOnly}
        onRedact={(f) => redact.mutateAsync({ incidentId: id, field: f.field, start: f.start, end: f.end, type: f.type })}
        onDismiss={(f) => setDismissing({ field: f.field, finding: f, text: f.text })}
      />
      <ReviewPanel incidentId={id} readOnly={readOnly} />

      <ConfirmModal
        opened={editor.confirmWeak !== null}
        title="Close with only weaker actions?"
        size="lg"
        onClose={() => editor.setConfirmWeak(null)}
        cancel="Not yet"
        confirm="Close anyway"
        onConfirm={() => void editor.setStatus('closed', true)}
      >
        {editor.confirmWeak}
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
        onConfirm={() => remove.mutateAsync({ id }).then(onDeleted, (e: Error) => editor.setError(e.message))}
      >
        The incident, its timeline and its identifier decisions are deleted. The audit log keeps a record that it existed.
      </ConfirmModal>
    </Stack>
  );
}

/** The record's fields with the two guarded texts, and the save row. */
function RecordFields(p: {
  detail: IncidentDetail;
  editor: ReturnType<typeof useIncidentEditor>;
  readOnly: boolean;
  onDismiss(d: Dismissing): void;
}) {
  const { form, dirty, dirtyKeys } = p.editor;
  const values = form.values;
  const guarded = (field: 'narrative' | 'referrals', label: string, description: string, rows: number) => {
    const value = (field === 'narrative' ? values.narrative : values.referrals) ?? '';
    return (
      <NarrativeField
        label={label}
        description={description}
        value={value}
        onChange={(v) => form.setFieldValue(field, field === 'narrative' ? v : v || null)}
        limit={LIMITS[field]}
        rows={rows}
        error={form.errors[field]}
        readOnly={p.readOnly}
        isDismissed={savedDismissal(p.detail, form, field)}
        onDismiss={(f) => p.onDismiss({ field, finding: f, text: value.slice(f.start, f.end) })}
        dismissDisabledReason={dirty ? 'Save first: the decision is recorded against the saved text.' : null}
      />
    );
  };
  return (
    <Paper withBorder p="lg" id={FIELDS_ID}>
      <Stack>
        <IncidentFields
          values={values}
          set={(k, v) => form.setFieldValue(k, v as never)}
          errors={form.errors as Record<string, string>}
          readOnly={p.readOnly}
          narrative={guarded(
            'narrative',
            'De-identified narrative',
            'What happened, with role labels (Officer A, Clinician B) instead of names. This is the summary the committee sees.',
            7,
          )}
          referrals={guarded('referrals', 'Referrals made', 'Services and programmes, not people.', 2)}
        />
        {!p.readOnly && (
          <Group justify="flex-end">
            {dirty && (
              <Text fw={700} role="status">
                ● Unsaved changes: {dirtyKeys.length} field{dirtyKeys.length === 1 ? '' : 's'}
              </Text>
            )}
            <Button onClick={() => void p.editor.save()} disabled={!dirty} loading={p.editor.saving} aria-label="Save changes">
              Save
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** A finding the committee already marked "not an identifier" in the saved text (matched by its words). */
function savedDismissal(detail: IncidentDetail, form: IncidentForm, field: 'narrative' | 'referrals') {
  const text = (field === 'narrative' ? form.values.narrative : form.values.referrals) ?? '';
  return (f: IdentifierFinding) =>
    detail.findings.some((d) => d.field === field && d.type === f.type && d.dismissed && d.text === text.slice(f.start, f.end));
}
