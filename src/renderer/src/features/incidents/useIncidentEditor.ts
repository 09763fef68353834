/** What the incident page does: save the record's form, move its status, redact and dismiss findings, delete. */
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import type { IdentifierFinding } from '../../../../shared/deid/kinds';
import type { IncidentDetail } from '../../../../shared/incidents/schemas';
import type { IncidentStatus } from '../../../../shared/incidents/values';
import { ApiError } from '../../lib/api';
import { useToday } from '../settings';
import { focusFirstError, patchOf, showUnderField, useIncidentForm } from './incidentForm';
import { useIncidentWrite } from './queries';

export type Dismissing = { field: string; finding: IdentifierFinding; text: string };

export function useIncidentEditor(detail: IncidentDetail) {
  const id = detail.incident.id;
  const { form, dirtyKeys } = useIncidentForm(detail, useToday());
  const [error, setError] = useState<string | null>(null);
  const [confirmWeak, setConfirmWeak] = useState<string | null>(null);
  const update = useIncidentWrite('incidents.update');
  const status = useIncidentWrite('incidents.setStatus');
  const dirty = dirtyKeys.length > 0;

  const save = async () => {
    if (!dirty) return;
    setError(null);
    if (form.validate().hasErrors) {
      setError('Not saved: correct the fields marked in red.');
      focusFirstError();
      return;
    }
    try {
      const d = await update.mutateAsync({ id, version: detail.incident.version, patch: patchOf(form.getValues(), dirtyKeys) });
      if (detail.incident.status === 'ready_for_review' && d.incident.status === 'draft') {
        notifications.show({
          color: 'orange',
          title: 'Back to draft',
          message: 'The change added a possible identifier, so the incident went back to draft.',
        });
      } else notifications.show({ title: 'Saved', message: `Incident ${d.incident.code} saved.` });
    } catch (e) {
      if (showUnderField(form, e)) focusFirstError();
      else setError((e as Error).message);
    }
  };
  useSaveShortcut(save);

  const setStatus = async (to: IncidentStatus, confirmWeakOnly = false) => {
    setError(null);
    try {
      await status.mutateAsync({ id, status: to, confirmWeakOnly });
      setConfirmWeak(null);
    } catch (e) {
      if (e instanceof ApiError && e.detail?.confirm === 'weak_actions') setConfirmWeak(e.message);
      else
        setError(
          e instanceof ApiError && e.code === 'guard_blocked' ? `${e.message} The findings are highlighted below.` : (e as Error).message,
        );
    }
  };

  return { form, dirtyKeys, dirty, error, setError, save, saving: update.isPending, setStatus, confirmWeak, setConfirmWeak };
}

/** Ctrl/Cmd+S saves. */
function useSaveShortcut(save: () => Promise<void>): void {
  const latest = useRef(save);
  useEffect(() => {
    latest.current = save;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void latest.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
