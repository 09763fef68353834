/** A plain labelled table: header row and body rows, for figures, samples and row errors. */
import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

export function DataTable(p: { label: string; headers: string[]; rows: ReactNode[][]; size?: 'sm' | 'md'; border?: boolean }) {
  return (
    <Table fz={p.size ?? 'md'} withTableBorder={p.border ?? false} aria-label={p.label}>
      <Table.Thead>
        <Table.Tr>
          {p.headers.map((h) => (
            <Table.Th key={h}>{h}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {p.rows.map((r, i) => (
          <Table.Tr key={i}>
            {r.map((c, j) => (
              <Table.Td key={j}>{c}</Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
