/** "Not an identifier": the reason a person gives (audited with their name), checked by the contract's rule under the field. */
import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { z } from 'zod';
import { IDENTIFIER_LABELS, type IdentifierKind } from '../../../../shared/deid/kinds';
import { incidentMethods } from '../../../../shared/incidents/schemas';
import { zodForm } from '../../lib/form';
import { FormActions } from '../../ui/FormActions';

const schema = z.object({ reason: incidentMethods['identifiers.dismiss'].input.shape.reason });

export function DismissModal(p: {
  target: { type: IdentifierKind; text: string } | null;
  onClose(): void;
  onConfirm(reason: string): Promise<void>;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({ initialValues: { reason: '' }, validate: zodForm(schema), validateInputOnBlur: true });
  const close = () => {
    form.reset();
    setError(null);
    p.onClose();
  };
  const submit = ({ reason }: { reason: string }) => {
    setBusy(true);
    p.onConfirm(reason.trim())
      .then(close)
      .catch((err: Error) => setError(err.message))
      .finally(() => setBusy(false));
  };
  return (
    <Modal opened={p.target !== null} onClose={close} title="Not an identifier" size="lg">
      {p.target && (
        <form onSubmit={form.onSubmit(submit)} noValidate>
          <Stack>
            <Text>
              The guard thinks “<b>{p.target.text}</b>” is {IDENTIFIER_LABELS[p.target.type]}. Say why it is not; the decision is recorded
              in the audit log with your name.
            </Text>
            <Textarea
              label="Reason"
              description="For example: “agency name”, “public facility address”, “role label”."
              minRows={2}
              autosize
              required
              data-autofocus
              {...form.getInputProps('reason')}
            />
            <FormActions error={error} onCancel={close} submitLabel="Mark as not an identifier" loading={busy} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
