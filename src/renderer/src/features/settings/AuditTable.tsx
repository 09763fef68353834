/**
 * The audit rows, wrapping to the window (fixed layout, long words broken anywhere): the time,
 * who, what happened, the entity in words with a link where it has a page, outcome and detail.
 */
import { Anchor, Table } from '@mantine/core';
import type { AuditEntityLink, AuditRowView } from '../../../../shared/workbench/schemas';
import { formatDateTime } from '../../lib/format';
import { href, paths } from '../../lib/routes';
import classes from './AuditTable.module.css';

/** The address of an audit entity's page. */
function entityPath(link: AuditEntityLink): string {
  switch (link.page) {
    case 'incident':
      return paths.incident(link.id);
    case 'meeting':
      return paths.meeting(link.id);
    case 'incidents':
      return paths.incidents(link.batch ? { batch: link.batch } : undefined);
    case 'recommendations':
      return paths.recommendations();
    case 'reports':
      return paths.reports();
    case 'settings':
      return paths.settings(link.tab);
  }
}

function Entity({ row }: { row: AuditRowView }) {
  if (!row.entityLabel) return null;
  if (!row.entityLink) return <>{row.entityLabel}</>;
  return (
    <Anchor href={href(entityPath(row.entityLink))} fw={600}>
      {row.entityLabel}
    </Anchor>
  );
}

const COLUMNS = [
  ['#', '3.5rem'],
  ['Time', '7rem'],
  ['Member', '8rem'],
  ['Event', '8.5rem'],
  ['Entity', '21%'],
  ['Outcome', '6.5rem'],
  ['Detail', 'auto'],
] as const;

export function AuditTable({ rows }: { rows: AuditRowView[] }) {
  return (
    <Table striped fz="md" aria-label="Audit log" className={classes.table}>
      <colgroup>
        {COLUMNS.map(([name, width]) => (
          <col key={name} style={{ width }} />
        ))}
      </colgroup>
      <Table.Thead>
        <Table.Tr>
          {COLUMNS.map(([name]) => (
            <Table.Th key={name}>{name}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>{r.id}</Table.Td>
            <Table.Td>{formatDateTime(r.at)}</Table.Td>
            <Table.Td>{r.member}</Table.Td>
            <Table.Td>{r.event.replace(/_/g, ' ')}</Table.Td>
            <Table.Td>
              <Entity row={r} />
            </Table.Td>
            <Table.Td>{r.outcome}</Table.Td>
            <Table.Td>{r.detail}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
