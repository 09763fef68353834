import { Alert, Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { VerifyReport } from '../../../../shared/workbench/schemas';
import { AUDIT_EVENT_NAMES } from '../../../../shared/workbench/audit-events';
import { api, unwrap } from '../../lib/api';
import { ErrorAlert } from '../../ui/FormActions';
import { useAuditLog } from './queries';
import { formatDateTime } from '../../lib/format';

export function AuditPanel() {
  const [event, setEvent] = useState<string | null>(null);
  const log = useAuditLog({ limit: 200, ...(event ? { event: event as (typeof AUDIT_EVENT_NAMES)[number] } : {}) });
  const rows = log.data?.rows ?? [];
  const total = log.data?.total ?? 0;
  const [verify, setVerify] = useState<VerifyReport | null>(null);
  return (
    <Stack gap="md">
      <Group align="flex-end">
        <Select
          label="Event"
          placeholder="All events"
          clearable
          data={AUDIT_EVENT_NAMES.map((e) => ({ value: e, label: e.replace(/_/g, ' ') }))}
          value={event}
          onChange={setEvent}
          w={280}
        />
        <Button variant="default" onClick={() => void unwrap(api().workbench.verify()).then(setVerify)}>
          Verify integrity
        </Button>
        {verify && (
          <Badge size="xl" color={verify.ok ? 'teal' : 'red'} role="status">
            {verify.ok
              ? `Verified: ${verify.auditChain.rows} audit rows intact`
              : !verify.keyslots.ok && verify.auditChain.ok && verify.integrity.ok
                ? 'Problem: the key file was changed outside Casewalk'
                : `Problem: ${verify.auditChain.reason ?? 'database integrity check failed'} (row ${verify.auditChain.firstBroken})`}
          </Badge>
        )}
      </Group>
      {verify && !verify.keyslots.ok && (
        <Alert color="red" role="alert" title="Key file">
          {verify.keyslots.problems.map((p) => (
            <Text key={p}>{p}</Text>
          ))}
        </Alert>
      )}
      <ErrorAlert error={log.error} title="Cannot show the audit log" />
      <Text c="dimmed">{total} events</Text>
      <Table striped fz="md" aria-label="Audit log">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>Time</Table.Th>
            <Table.Th>Member</Table.Th>
            <Table.Th>Event</Table.Th>
            <Table.Th>Entity</Table.Th>
            <Table.Th>Outcome</Table.Th>
            <Table.Th>Detail</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.id}</Table.Td>
              <Table.Td>{formatDateTime(r.at)}</Table.Td>
              <Table.Td>{r.member}</Table.Td>
              <Table.Td>{r.event.replace(/_/g, ' ')}</Table.Td>
              <Table.Td>{r.entity}</Table.Td>
              <Table.Td>{r.outcome}</Table.Td>
              <Table.Td>{r.detail}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
