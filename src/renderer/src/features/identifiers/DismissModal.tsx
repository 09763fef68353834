import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { FormActions } from '../../ui/FormActions';
import { useState } from 'react';
import { IDENTIFIER_LABELS, type IdentifierKind } from '../../../../shared/deid/kinds';

export function DismissModal(p: {
  target: { type: IdentifierKind; text: string } | null;
  onClose(): void;
  onConfirm(reason: string): Promise<void>;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setReason('');
    setError(null);
    p.onClose();
  };
  return (
    <Modal opened={p.target !== null} onClose={close} title="Not an identifier" size="lg">
      {p.target && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setBusy(true);
            p.onConfirm(reason)
              .then(close)
              .catch((err: Error) => setError(err.message))
              .finally(() => setBusy(false));
          }}
        >
          <Stack>
            <Text>
              The guard thinks “<b>{p.target.text}</b>” is {IDENTIFIER_LABELS[p.target.type]}. Say why it is not; the decision is recorded
              in the audit log with your name.
            </Text>
            <Textarea
              label="Reason"
              description="For example: “agency name”, “public facility address”, “role label”."
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              minRows={2}
              autosize
              required
              data-autofocus
            />
            <FormActions
              error={error}
              onCancel={close}
              submitLabel="Mark as not an identifier"
              disabled={reason.trim().length < 3}
              loading={busy}
            />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
