/**
 * Make a recommendation from one or more findings: owner (member or organisation), due date
 * (ui/DateField), RCA² strength. With `editId`, the same form edits one: freely while it is
 * open and its meeting is on; otherwise as a numbered amendment with a reason. Action and
 * measure are guarded as typed. Cancel, Esc or × discard the draft (after asking, if something
 * was typed): the next opening starts empty. Enter in the Owner box picks the option.
 */
import { Alert, Button, Group } from '@mantine/core';
import { useState } from 'react';
import type { Finding, Recommendation } from '../../../../shared/meetings/schemas';
import { identityKey } from '../../lib/form';
import { useRecommendationEditState } from './queries';
import { useNotIdentifiers } from './GuardedRecordText';
import { RecordDialog } from './RecordAmendments';
import { RecommendationForm } from './RecommendationForm';

export { StrengthBadge } from './StrengthBadge';

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
  const [dirty, setDirty] = useState(false);
  const [asking, setAsking] = useState(false);
  // Opened (for a new one, or for another to edit): the guard starts again, and so does the form
  // (a fresh one per opening, and again from the edited one's saved state whenever it arrives).
  const session = opened ? `${p.editId ?? 'new'}:${p.findings.map((f) => f.id).join(',')}` : null;
  const [openFor, setOpenFor] = useState<string | null>(null);
  if (openFor !== session) {
    setOpenFor(session);
    setDirty(false);
    setAsking(false);
    if (session !== null) guard.reset();
  }
  const discard = () => {
    setAsking(false);
    setDirty(false);
    guard.reset();
    p.onClose();
  };
  const requestClose = () => (dirty ? setAsking(true) : discard());
  const cur = state?.recommendation;

  return (
    <>
      <RecordDialog
        opened={opened}
        onClose={requestClose}
        title={!editing ? 'New recommendation' : `${state?.locked ? 'Amend' : 'Edit'} recommendation${cur ? ` ${cur.code}` : ''}`}
        loaded={!editing || state !== null}
        error={editQuery.error}
        what="recommendation"
      >
        {asking && <DiscardQuestion editing={editing} onDiscard={discard} onKeep={() => setAsking(false)} />}
        <div hidden={asking}>
          <RecommendationForm
            key={`${session ?? 'closed'}:${state ? identityKey(state) : 'new'}`}
            {...p}
            state={state}
            guard={guard}
            onDirty={setDirty}
            onCancel={requestClose}
            onClose={discard}
          />
        </div>
      </RecordDialog>
      {guard.modal}
    </>
  );
}

function DiscardQuestion(p: { editing: boolean; onDiscard(): void; onKeep(): void }) {
  return (
    <Alert color="orange" title={p.editing ? 'Discard your changes?' : 'Discard this recommendation?'} role="alertdialog">
      <Group mt="sm">
        <Button color="red.9" onClick={p.onDiscard} data-autofocus>
          Discard
        </Button>
        <Button variant="default" onClick={p.onKeep}>
          Keep editing
        </Button>
      </Group>
    </Alert>
  );
}
