/** The register's table: each recommendation (its RCA² strength under the action) with links to its page, its cases and its meeting; the next steps as buttons. */
import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Recommendation } from '../../../../shared/recommendations/schemas';
import { ACTION_TYPE } from '../../../../shared/meetings/values';
import { REC_STATUS, statusChanges, type RecStatus } from '../../../../shared/recommendations/values';
import { formatDate } from '../../lib/format';
import { href, paths } from '../../lib/routes';
import { StrengthBadge } from '../meetings';
import { StatusText } from './StatusText';
import { FollowBadge } from '../../ui/FollowBadge';

export function RegisterTable(p: { rows: Recommendation[]; onMove(rec: Recommendation, to: RecStatus): void }) {
  const link = (path: string, text: ReactNode, label?: string, wrap = false) => (
    <Anchor key={path} href={href(path)} aria-label={label} fw={600} style={wrap ? undefined : { whiteSpace: 'nowrap' }}>
      {text}
    </Anchor>
  );
  return (
    // Scrolls inside its frame on a narrow window instead of pushing the page sideways.
    <Table.ScrollContainer minWidth={960} type="native">
      <Table fz="md" striped aria-label="Recommendation register">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Code</Table.Th>
            <Table.Th miw={280}>Action</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>From</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.rows.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{link(paths.recommendation(r.id), r.code)}</Table.Td>
              <Table.Td>
                {r.action}
                {r.measure && (
                  <Text size="sm" c="dimmed">
                    Measure: {r.measure}
                  </Text>
                )}
                <Group gap="xs" mt={4}>
                  <StrengthBadge type={r.actionType} short />
                  <Text size="sm" c="dimmed">
                    {ACTION_TYPE.label(r.actionType)}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>{r.owner.name}</Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <Text style={{ whiteSpace: 'nowrap' }}>{formatDate(r.dueDate)}</Text>
                  {r.overdue && <FollowBadge kind="overdue" />}
                  {r.responseOverdue && <FollowBadge kind="responseOverdue" />}
                  {r.effectCheckDue && <FollowBadge kind="effectCheckDue" />}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Stack gap={6}>
                  <StatusText status={r.status} />
                  <Group gap={4}>
                    {statusChanges(r.status).map((to) => (
                      <Button
                        key={to}
                        size="compact-sm"
                        variant="default"
                        onClick={() => p.onMove(r, to)}
                        aria-label={`${r.code}: ${REC_STATUS.label(to)}`}
                      >
                        → {REC_STATUS.label(to)}
                      </Button>
                    ))}
                  </Group>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {r.incidents.map((i) => link(paths.incident(i.id), i.code, `Incident ${i.code}`))}
                  {r.fromCoverageGap && <Text size="sm">24/7 coverage gap</Text>}
                  {r.meetingId &&
                    r.meetingDate &&
                    link(
                      paths.meeting(r.meetingId),
                      <>
                        Meeting <span style={{ whiteSpace: 'nowrap' }}>{formatDate(r.meetingDate)}</span>
                      </>,
                      undefined,
                      true,
                    )}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
