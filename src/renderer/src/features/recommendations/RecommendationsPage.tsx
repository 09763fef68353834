import { Badge, Button, Group, Menu, Modal, Select, Stack, Switch, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { Recommendation } from '../../../../shared/meetings/schemas';
import { ACTION_TYPE, REC_MOVES, REC_STATUS, STRENGTH, type RecStatus } from '../../../../shared/meetings/values';
import { api, unwrap } from '../../lib/api';
import { StrengthBadge } from '../meetings';
import { recommendationsSearch, useRouteSearch, type RecommendationsSearch } from '../../lib/routes';
import { ErrorAlert } from '../../ui/FormActions';
import { useRoster, useToday } from '../settings';
import { useRegister, useSetRecommendationStatus } from './queries';

const STATUS_COLOR: Record<RecStatus, string> = {
  proposed: 'gray.8',
  adopted: 'blue.9',
  sent: 'blue.9',
  response_received: 'violet.9',
  in_progress: 'indigo.9',
  reported_implemented: 'teal.9',
  verified_implemented: 'green.9',
  declined: 'dark.6',
  superseded: 'dark.6',
  no_longer_applicable: 'dark.6',
};

/** The register: every recommendation across meetings, filterable by owner, status, overdue and strength. */
export function RecommendationsPage() {
  // The filters live in the address (`/recommendations?status=accepted&overdue=1` in the hash).
  const [filters, setFilters] = useRouteSearch(recommendationsSearch);
  const status = filters.status ?? null;
  const owner = filters.owner ?? null;
  const strength = filters.strength ?? null;
  const overdue = filters.overdue ?? false;
  const roster = useRoster().data ?? { members: [], organisations: [] };
  const [changing, setChanging] = useState<{ rec: Recommendation; to: RecStatus } | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const [k, id] = owner?.split(':') ?? [];
  const register = useRegister({
    ...(status ? { status: [status] } : {}),
    ...(k === 'm' ? { ownerMemberId: Number(id) } : k === 'o' ? { ownerOrganisationId: Number(id) } : {}),
    ...(strength ? { strength } : {}),
    ...(overdue ? { overdue: true } : {}),
  });
  const rows = register.data?.recommendations ?? null;
  const setRecStatus = useSetRecommendationStatus().mutateAsync;
  /** The register as a spreadsheet for the steering committee (the owner filter applies). */
  const today = useToday();
  const exportRegister = async (format: 'xlsx' | 'csv') => {
    setExported(null);
    try {
      const f = await unwrap(api().files.chooseSave({ purpose: 'export', suggestedName: `recommendations-${today}.${format}` }));
      if (!f) return;
      const [k, id] = owner?.split(':') ?? [];
      const r = await unwrap(
        api().recommendations.exportRegister({
          handle: f.handle,
          format,
          ...(k === 'm' ? { ownerMemberId: Number(id) } : k === 'o' ? { ownerOrganisationId: Number(id) } : {}),
        }),
      );
      setExported(`${r.displayName} saved: ${r.rows} recommendation${r.rows === 1 ? '' : 's'}.`);
    } catch (e) {
      setExported((e as Error).message);
    }
  };

  const apply = async () => {
    if (!changing) return;
    setError(null);
    try {
      await setRecStatus({ id: changing.rec.id, status: changing.to, note });
      setChanging(null);
      setNote('');
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={2}>Recommendations</Title>
        <Menu position="bottom-end">
          <Menu.Target>
            <Button variant="default">Export register</Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => void exportRegister('xlsx')}>Excel (XLSX)…</Menu.Item>
            <Menu.Item onClick={() => void exportRegister('csv')}>CSV…</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      {exported && <Text role="status">{exported}</Text>}
      <Group align="flex-end">
        <Select
          label="Status"
          data={REC_STATUS.options}
          value={status}
          onChange={(v) => setFilters({ status: (v ?? undefined) as RecStatus | undefined })}
          clearable
          w={200}
        />
        <Select
          label="Owner"
          data={[
            { group: 'Organisations', items: roster.organisations.map((o) => ({ value: `o:${o.id}`, label: o.name })) },
            { group: 'Members', items: roster.members.map((m) => ({ value: `m:${m.id}`, label: m.name })) },
          ]}
          value={owner}
          onChange={(v) => setFilters({ owner: v ?? undefined })}
          clearable
          searchable
          w={280}
        />
        <Select
          label="Strength"
          data={STRENGTH.options}
          value={strength}
          onChange={(v) => setFilters({ strength: (v ?? undefined) as RecommendationsSearch['strength'] })}
          clearable
          w={200}
        />
        <Switch
          size="md"
          label="Overdue only"
          checked={overdue}
          onChange={(e) => setFilters({ overdue: e.currentTarget.checked || undefined })}
          mb={8}
        />
      </Group>
      <ErrorAlert error={register.error} title="Cannot list the recommendations" />
      {rows && rows.length === 0 && (
        <Text c="dimmed">No recommendations match. Recommendations are made from findings during a case review.</Text>
      )}
      {rows && rows.length > 0 && (
        <Table fz="md" striped aria-label="Recommendation register">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Code</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th>Strength</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>From</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {r.code}
                </Table.Td>
                <Table.Td maw={420}>
                  {r.action}
                  {r.measure && (
                    <Text size="sm" c="dimmed">
                      Measure: {r.measure}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{r.owner.name}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {r.dueDate}{' '}
                  {r.overdue && (
                    <Badge color="red.9" variant="filled">
                      Overdue
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <StrengthBadge type={r.actionType} short />
                  <Text size="sm" c="dimmed">
                    {ACTION_TYPE.label(r.actionType)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    <Badge color={STATUS_COLOR[r.status]} variant="filled" size="lg">
                      {REC_STATUS.label(r.status)}
                    </Badge>
                    <Group gap={4}>
                      {REC_MOVES[r.status].map((to) => (
                        <Button
                          key={to}
                          size="compact-sm"
                          variant="default"
                          onClick={() => setChanging({ rec: r, to })}
                          aria-label={`${r.code}: ${REC_STATUS.label(to)}`}
                        >
                          {REC_STATUS.label(to)}
                        </Button>
                      ))}
                    </Group>
                  </Stack>
                </Table.Td>
                <Table.Td>{[...r.incidentCodes, ...(r.fromCoverageGap ? ['24/7 coverage gap'] : [])].join(', ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={changing !== null}
        onClose={() => setChanging(null)}
        title={changing ? `${changing.rec.code}: ${REC_STATUS.label(changing.to)}` : 'Change status'}
        size="lg"
      >
        {changing && (
          <Stack>
            <Text>{changing.rec.action}</Text>
            <Textarea
              label={changing.to === 'declined' ? 'Why was it declined? (required)' : 'Note (optional)'}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={2}
              data-autofocus
            />
            {error && (
              <Text c="red.9" role="alert">
                {error}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setChanging(null)}>
                Cancel
              </Button>
              <Button onClick={() => void apply()}>Record: {REC_STATUS.label(changing.to)}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
