/**
 * A step that cannot be undone, asked first: what it will do (the children), Cancel (focused,
 * the safe choice) and the confirming button. While the step runs the button shows it is busy;
 * a refusal stays in the dialog in the core's words; success closes it.
 */
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { FormError } from './FormActions';

export function ConfirmDialog(p: {
  opened: boolean;
  title: string;
  cancelLabel?: string;
  confirmLabel: string;
  confirmColor?: string;
  /** The step may not be taken yet (the reason is in the children). */
  disabled?: boolean;
  onConfirm(): Promise<unknown>;
  onClose(): void;
  children: ReactNode;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await p.onConfirm();
      p.onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={p.opened} onClose={p.onClose} title={p.title} size="lg" transitionProps={{ duration: 0 }}>
      <Stack>
        {p.children}
        <FormError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={p.onClose} data-autofocus>
            {p.cancelLabel ?? 'Cancel'}
          </Button>
          <Button color={p.confirmColor} onClick={() => void confirm()} disabled={p.disabled} loading={busy}>
            {p.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
