import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { VerifyReport } from '../../../../shared/workbench/schemas';
import { AUDIT_EVENT_NAMES } from '../../../../shared/workbench/audit-events';
import { api, unwrap } from '../../lib/api';
import { ErrorAlert } from '../../ui/FormActions';
import { useAuditLog } from './queries';
import { AuditTable } from './AuditTable';

export function AuditPanel() {
  const [event, setEvent] = useState<string | null>(null);
  const log = useAuditLog({ limit: 200, ...(event ? { event: event as (typeof AUDIT_EVENT_NAMES)[number] } : {}) });
  const rows = log.data?.rows ?? [];
  const total = log.data?.total ?? 0;
  const [verify, setVerify] = useState<VerifyReport | null>(null);
  return (
    <Stack gap="md">
      <Group align="flex-end" wrap="wrap">
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
          <Text fw={700} size="lg" c={verify.ok ? 'teal.9' : 'red.9'} role="status">
            {verify.ok
              ? `Verified: ${verify.auditChain.rows} audit rows intact`
              : !verify.keyslots.ok && verify.auditChain.ok && verify.integrity.ok
                ? 'Problem: the key file was changed outside Casewalk'
                : `Problem: ${verify.auditChain.reason ?? 'database integrity check failed'} (row ${verify.auditChain.firstBroken})`}
          </Text>
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
      <AuditTable rows={rows} />
    </Stack>
  );
}
