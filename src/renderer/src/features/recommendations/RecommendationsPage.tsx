import { Button, Group, Menu, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { Recommendation } from '../../../../shared/recommendations/schemas';
import { STRENGTH } from '../../../../shared/meetings/values';
import { REC_STATUS, type RecStatus } from '../../../../shared/recommendations/values';
import { api, unwrap } from '../../lib/api';
import { recommendationsSearch, useRouteSearch, type RecommendationsSearch } from '../../lib/routes';
import { ErrorAlert } from '../../ui/FormActions';
import { useRoster, useToday } from '../settings';
import { useRegister } from './queries';
import { RegisterTable } from './RegisterTable';
import { LettersDialog } from './LettersDialog';
import { StatusDialog } from './StatusDialog';

type ExportKind = 'xlsx' | 'csv' | 'tracker-html' | 'tracker-csv' | 'tracker-xlsx';

/** Saves the register or the public tracker through the save dialog; says where it went. */
function useExports(owner: string | null) {
  const today = useToday();
  const [exported, setExported] = useState<string | null>(null);
  const run = async (kind: ExportKind) => {
    setExported(null);
    try {
      const tracker = kind.startsWith('tracker-');
      const format = tracker ? kind.slice('tracker-'.length) : kind;
      const f = await unwrap(
        api().files.chooseSave({ purpose: 'export', suggestedName: `${tracker ? 'tracker' : 'recommendations'}-${today}.${format}` }),
      );
      if (!f) return;
      if (tracker) {
        const r = await unwrap(api().recommendations.exportTracker({ handle: f.handle, format: format as 'html' | 'csv' | 'xlsx' }));
        setExported(`${r.displayName} saved: public tracker, ${r.rows} recommendation${r.rows === 1 ? '' : 's'}.`);
        return;
      }
      const [k, id] = owner?.split(':') ?? [];
      const r = await unwrap(
        api().recommendations.exportRegister({
          handle: f.handle,
          format: format as 'xlsx' | 'csv',
          ...(k === 'm' ? { ownerMemberId: Number(id) } : k === 'o' ? { ownerOrganisationId: Number(id) } : {}),
        }),
      );
      setExported(`${r.displayName} saved: ${r.rows} recommendation${r.rows === 1 ? '' : 's'}.`);
    } catch (e) {
      setExported((e as Error).message);
    }
  };
  return { exported, run };
}

function Filters({ filters, setFilters }: { filters: RecommendationsSearch; setFilters(f: Partial<RecommendationsSearch>): void }) {
  const roster = useRoster().data ?? { members: [], organisations: [] };
  return (
    <Group align="flex-end">
      <TextInput
        type="search"
        label="Search"
        placeholder="Code, words, owner or incident"
        defaultValue={filters.q ?? ''}
        onChange={(e) => setFilters({ q: e.currentTarget.value.trim() || undefined })}
        w={280}
      />
      <Select
        label="Status"
        data={REC_STATUS.options}
        value={filters.status ?? null}
        onChange={(v) => setFilters({ status: (v ?? undefined) as RecStatus | undefined })}
        clearable
        w={220}
      />
      <Select
        label="Owner"
        data={[
          { group: 'Organisations', items: roster.organisations.map((o) => ({ value: `o:${o.id}`, label: o.name })) },
          { group: 'Members', items: roster.members.map((m) => ({ value: `m:${m.id}`, label: m.name })) },
        ]}
        value={filters.owner ?? null}
        onChange={(v) => setFilters({ owner: v ?? undefined })}
        clearable
        searchable
        w={260}
      />
      <Select
        label="Strength"
        data={STRENGTH.options}
        value={filters.strength ?? null}
        onChange={(v) => setFilters({ strength: (v ?? undefined) as RecommendationsSearch['strength'] })}
        clearable
        w={170}
      />
      <Stack gap={6} mb={4}>
        <Switch
          size="md"
          label="Overdue only"
          checked={filters.overdue ?? false}
          onChange={(e) => setFilters({ overdue: e.currentTarget.checked || undefined })}
        />
        <Switch
          size="md"
          label="Response overdue"
          checked={filters.responseOverdue ?? false}
          onChange={(e) => setFilters({ responseOverdue: e.currentTarget.checked || undefined })}
        />
        <Switch
          size="md"
          label="Effect check due"
          checked={filters.effectCheckDue ?? false}
          onChange={(e) => setFilters({ effectCheckDue: e.currentTarget.checked || undefined })}
        />
      </Stack>
    </Group>
  );
}

/** The register: every recommendation across meetings, searchable and filterable; each opens its page. */
export function RecommendationsPage() {
  // The filters live in the address (`/recommendations?status=adopted&overdue=1` in the hash).
  const [filters, setFilters] = useRouteSearch(recommendationsSearch);
  const owner = filters.owner ?? null;
  const [changing, setChanging] = useState<{ rec: Recommendation; to: RecStatus } | null>(null);
  const [k, id] = owner?.split(':') ?? [];
  const register = useRegister({
    ...(filters.status ? { status: [filters.status] } : {}),
    ...(k === 'm' ? { ownerMemberId: Number(id) } : k === 'o' ? { ownerOrganisationId: Number(id) } : {}),
    ...(filters.strength ? { strength: filters.strength } : {}),
    ...(filters.overdue ? { overdue: true } : {}),
    ...(filters.responseOverdue ? { responseOverdue: true } : {}),
    ...(filters.effectCheckDue ? { effectCheckDue: true } : {}),
    ...(filters.q ? { search: filters.q } : {}),
  });
  const rows = register.data?.recommendations ?? null;
  const { exported, run } = useExports(owner);
  const [letters, setLetters] = useState(false);
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={2}>Recommendations</Title>
        <Group gap="sm">
          <Button variant="default" onClick={() => setLetters(true)}>
            Letters to owners…
          </Button>
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="default">Export register</Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => void run('xlsx')}>Excel (XLSX)…</Menu.Item>
              <Menu.Item onClick={() => void run('csv')}>CSV…</Menu.Item>
              <Menu.Label>Public tracker (no case details)</Menu.Label>
              <Menu.Item onClick={() => void run('tracker-html')}>Tracker web page (HTML)…</Menu.Item>
              <Menu.Item onClick={() => void run('tracker-csv')}>Tracker CSV…</Menu.Item>
              <Menu.Item onClick={() => void run('tracker-xlsx')}>Tracker Excel (XLSX)…</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      <LettersDialog opened={letters} onClose={() => setLetters(false)} />
      {exported && <Text role="status">{exported}</Text>}
      <Filters filters={filters} setFilters={setFilters} />
      <ErrorAlert error={register.error} title="Cannot list the recommendations" />
      {rows && <Text c="dimmed">{rows.length === 1 ? '1 recommendation' : `${rows.length} recommendations`}</Text>}
      {rows && rows.length === 0 && (
        <Text c="dimmed">No recommendations match. Recommendations are made from findings during a case review.</Text>
      )}
      {rows && rows.length > 0 && <RegisterTable rows={rows} onMove={(rec, to) => setChanging({ rec, to })} />}
      {changing && <StatusDialog rec={changing.rec} to={changing.to} onClose={() => setChanging(null)} />}
    </Stack>
  );
}
