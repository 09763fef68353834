/** The incident list's columns: readable status badges, clipped texts with "…" and their full text on hover and focus. */
import { Badge, Group, Text, VisuallyHidden } from '@mantine/core';
import type { IncidentRow } from '../../../../shared/incidents/schemas';
import { callSourceLabel, dispositionsLabel, monthYear, STATUS_COLOR, statusLabel } from './format';
import { Clipped, type Column } from './VirtualTable';

/** Row heights (px) of the two densities: comfortable for the projector, compact to see more at once. */
export const ROW_HEIGHT = { comfortable: 56, compact: 40 } as const;
export type Density = keyof typeof ROW_HEIGHT;

function StatusCell({ row: r, compact }: { row: IncidentRow; compact: boolean }) {
  const size = compact ? 'md' : 'lg';
  const ids = r.openIdentifiers;
  return (
    <Group gap={6} wrap="nowrap">
      <Badge color={STATUS_COLOR[r.status]} variant="filled" size={size} style={{ flexShrink: 0 }}>
        {statusLabel(r.status)}
      </Badge>
      {ids > 0 && (
        <Badge
          color="red.9"
          variant="filled"
          size={size}
          style={{ flexShrink: 0 }}
          title={`${ids} possible identifier${ids === 1 ? '' : 's'} to resolve`}
        >
          {ids} ID{ids === 1 ? '' : 's'}
          <VisuallyHidden> to resolve</VisuallyHidden>
        </Badge>
      )}
    </Group>
  );
}

export function incidentColumns(density: Density): Column<IncidentRow>[] {
  const compact = density === 'compact';
  return [
    // Wide enough for the longest committee code (YYYY-NNNNN): a code is never cut.
    { key: 'code', label: 'Code', width: '9rem', sortable: true, render: (r) => <Text fw={700}>{r.code}</Text> },
    { key: 'occurred', label: 'When', width: '6.5rem', sortable: true, render: (r) => monthYear(r.occurredYear, r.occurredMonth) },
    {
      key: 'status',
      label: 'Status',
      width: compact ? '11rem' : '13rem',
      sortable: true,
      render: (r) => <StatusCell row={r} compact={compact} />,
    },
    {
      key: 'callSource',
      label: 'Source',
      width: '8.5rem',
      sortable: true,
      render: (r) => <Clipped text={callSourceLabel(r.callSource)} />,
    },
    { key: 'area', label: 'Area', width: '6rem', sortable: true, render: (r) => <Clipped text={r.area ?? '—'} /> },
    { key: 'finalCallType', label: 'Call type', width: 'minmax(7rem, 1fr)', render: (r) => <Clipped text={r.finalCallType ?? '—'} /> },
    {
      key: 'dispositions',
      label: 'Disposition',
      width: 'minmax(8rem, 1.2fr)',
      render: (r) => <Clipped text={dispositionsLabel(r.dispositions)} />,
    },
    { key: 'summary', label: 'Summary', width: 'minmax(0, 2fr)', render: (r) => <Clipped text={r.summary || '—'} dimmed /> },
  ];
}
