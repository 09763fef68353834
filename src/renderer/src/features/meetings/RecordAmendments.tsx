/** The numbered amendments of a finding or recommendation: number, who, when, reason and what changed. */
import { Code, Stack, Text } from '@mantine/core';
import type { RecordAmendment } from '../../../../shared/meetings/schemas';
import { formatDateTime } from '../../lib/format';

export function AmendmentList({ amendments }: { amendments: readonly RecordAmendment[] }) {
  if (!amendments.length) return null;
  return (
    <Stack gap={6} component="section" aria-label="Amendments">
      <Text fw={600}>Amendments</Text>
      {amendments.map((a) => (
        <Stack key={a.number} gap={2}>
          <Text size="sm">
            <b>Amendment {a.number}</b> · {formatDateTime(a.at)} · {a.by ?? 'unknown'} · {a.reason}
          </Text>
          <Code block>{a.diff}</Code>
        </Stack>
      ))}
    </Stack>
  );
}
