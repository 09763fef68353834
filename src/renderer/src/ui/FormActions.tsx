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

/**
 * The one display for a call that failed, whether a read (a query's `error`) or an action:
 * what could not be done (the title) and the core's words why. Announced to screen readers.
 */
export function ErrorAlert({ error, title = 'Not done' }: { error: unknown; title?: string }) {
  if (!error) return null;
  return (
    <Alert color="red" title={title} role="alert">
      {error instanceof Error ? error.message : String(error)}
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
