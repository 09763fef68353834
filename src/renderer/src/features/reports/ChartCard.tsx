/** A chart with its title and, one click away, the same figures as a table (the chart's text alternative). */
import { Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { DataTable } from '../../ui/DataTable';

export function ChartCard({
  title,
  children,
  table,
}: {
  title: string;
  children: ReactNode;
  table: { headers: string[]; rows: (string | number)[][] };
}) {
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Title order={3}>{title}</Title>
        <div role="img" aria-label={`${title}: chart (the table below has the figures)`}>
          {children}
        </div>
        <details>
          <summary style={{ cursor: 'pointer', fontWeight: 600 }}>Table: {title}</summary>
          <DataTable label={title} headers={table.headers} rows={table.rows} />
        </details>
      </Stack>
    </Paper>
  );
}
