/** The end of every form and dialog: the error (announced), Cancel, and the submit button. */
import { Alert, Button, Group, Text } from '@mantine/core';

export function FormError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <Text c="red.9" role="alert">
      {error}
    </Text>
  );
}

/** A page-level failure ("Not done"), announced to screen readers. */
export function ErrorAlert({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <Alert color="red" title="Not done" role="alert">
      {error}
    </Alert>
  );
}

export function FormActions(p: { error?: string | null; onCancel(): void; submitLabel: string; disabled?: boolean; loading?: boolean }) {
  return (
    <>
      <FormError error={p.error ?? null} />
      <Group justify="flex-end">
        <Button variant="default" onClick={p.onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={p.disabled ?? false} loading={p.loading ?? false}>
          {p.submitLabel}
        </Button>
      </Group>
    </>
  );
}
