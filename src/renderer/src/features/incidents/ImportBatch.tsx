/** An import batch on screen: "this import" above the incident list, and undoing a whole import (confirmed, audited). */
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ImportBatch } from '../../../../shared/import/schemas';
import { formatDateTime, formatCount } from '../../lib/format';
import { useMethod, useMethodMutation } from '../../lib/query';
import { ErrorAlert } from '../../ui/FormActions';
import { IMPORT_READS } from './ImportWizardState';

export const useImportBatches = () => useMethod('import.batches');

/** "Undo this import…": a confirmation that says what goes, then one all-or-nothing call; the core refuses while any is on an agenda. */
export function UndoImportButton({ batch, onUndone }: { batch: ImportBatch; onUndone?(): void }) {
  const [open, setOpen] = useState(false);
  const undo = useMethodMutation('import.undo', { invalidates: IMPORT_READS });
  if (batch.undoneAt) return null;
  const close = () => {
    setOpen(false);
    undo.reset();
  };
  return (
    <>
      <Button color="red.9" onClick={() => setOpen(true)}>
        Undo this import…
      </Button>
      <Modal opened={open} onClose={close} title={`Undo import #${batch.id}?`} size="lg">
        <Stack>
          <Text>
            The {formatCount(batch.remaining)} incidents imported from “{batch.fileName}” on {formatDateTime(batch.importedAt)} are removed
            from the workbench, all of them or none. The audit log keeps a record of the import and of this undo.
          </Text>
          <ErrorAlert error={undo.error} title="The import was not undone" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Keep the import
            </Button>
            <Button
              color="red.9"
              loading={undo.isPending}
              onClick={() =>
                undo.mutate(
                  { batchId: batch.id },
                  {
                    onSuccess: () => {
                      setOpen(false);
                      onUndone?.();
                    },
                  },
                )
              }
            >
              Undo import #{batch.id}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Above the incident list while it shows one import: which file, when, and the undo. */
export function ImportBatchBanner({ batchId, onClear }: { batchId: number; onClear(): void }) {
  const batches = useImportBatches();
  const batch = batches.data?.batches.find((b) => b.id === batchId);
  if (batches.isPending) return null;
  return (
    <Alert color={batch?.undoneAt ? 'gray' : 'blue'} title={`This import: #${batchId}`}>
      <Group justify="space-between" align="center">
        <Text>
          {!batch
            ? 'There is no such import.'
            : batch.undoneAt
              ? `“${batch.fileName}” was imported on ${formatDateTime(batch.importedAt)} and undone on ${formatDateTime(batch.undoneAt)}.`
              : `“${batch.fileName}”, imported on ${formatDateTime(batch.importedAt)}: ${formatCount(batch.incidents)} incidents (${batch.source}).`}
        </Text>
        <Group>
          {batch && <UndoImportButton batch={batch} />}
          <Button variant="default" onClick={onClear}>
            Show all incidents
          </Button>
        </Group>
      </Group>
    </Alert>
  );
}
