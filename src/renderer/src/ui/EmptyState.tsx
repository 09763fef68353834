import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="xl" maw={760}>
      <Stack gap="sm">
        <Title order={3}>{title}</Title>
        <Text size="md">{children}</Text>
      </Stack>
    </Paper>
  );
}
