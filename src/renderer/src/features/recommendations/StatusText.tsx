/** A recommendation's status as text with a coloured marker: a label, not something to press. */
import { Box, Group, Text } from '@mantine/core';
import { REC_STATUS, type RecStatus } from '../../../../shared/recommendations/values';

export const STATUS_COLOR: Record<RecStatus, string> = {
  proposed: 'gray.7',
  adopted: 'blue.8',
  sent: 'blue.8',
  response_received: 'violet.8',
  in_progress: 'indigo.8',
  reported_implemented: 'teal.8',
  verified_implemented: 'green.9',
  declined: 'dark.4',
  superseded: 'dark.4',
  no_longer_applicable: 'dark.4',
};

export function StatusText({ status }: { status: RecStatus }) {
  return (
    <Group gap={6} wrap="nowrap" align="center">
      <Box w={10} h={10} bg={STATUS_COLOR[status]} style={{ borderRadius: 2, flexShrink: 0 }} aria-hidden />
      <Text fw={600} size="md">
        {REC_STATUS.label(status)}
      </Text>
    </Group>
  );
}
