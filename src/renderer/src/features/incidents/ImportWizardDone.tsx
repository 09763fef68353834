/** Import wizard, last step: what was imported, "show this import", and undoing it. */
import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import type { ImportReport } from '../../../../shared/import/schemas';
import { href, paths } from '../../lib/routes';
import { UndoImportButton, useImportBatches } from './ImportBatch';
import { formatCount } from '../../lib/format';

export function DoneStep({ result, onUndone }: { result: ImportReport; onUndone(): void }) {
  const batch = useImportBatches().data?.batches.find((b) => b.id === result.batchId);
  return (
    <Alert color="teal" title={`Import complete${result.batchId ? ` (import #${result.batchId})` : ''}`}>
      <Stack gap="xs">
        <Text>
          {formatCount(result.imported)} incidents imported as drafts ({formatCount(result.merged)} rows merged,{' '}
          {formatCount(result.skipped)} invalid rows left out
          {result.repeat.records ? `, ${formatCount(result.repeat.records)} already imported before and skipped` : ''}).
          {result.withIdentifiers > 0 && ` ${result.withIdentifiers} have possible identifiers to resolve before review.`}
        </Text>
        {result.attribution && <Text size="sm">{result.attribution}</Text>}
        <Group>
          {result.batchId && <Anchor href={href(paths.incidents({ batch: result.batchId }))}>Show the incidents of this import</Anchor>}
          <Anchor href={href(paths.incidents())}>Show all incidents</Anchor>
          {batch && <UndoImportButton batch={batch} onUndone={onUndone} />}
        </Group>
      </Stack>
    </Alert>
  );
}
