/** A headline figure: label, value, optional note; "alert" marks a figure that needs attention. */
import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function StatCard(p: { label: string; value: ReactNode; note?: ReactNode; alert?: boolean }) {
  return (
    <Paper withBorder p="md" style={p.alert ? { borderLeft: '6px solid var(--mantine-color-red-9)' } : undefined}>
      <Text c="dimmed">{p.label}</Text>
      <Text fw={800} size="xl" my={2}>
        {p.value}
      </Text>
      {p.note && <Text size="sm">{p.note}</Text>}
    </Paper>
  );
}
