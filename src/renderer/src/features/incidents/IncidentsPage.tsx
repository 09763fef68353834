import { Badge, Button, Group, MultiSelect, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import type { IncidentRow } from '../../../../shared/incidents/schemas';
import { CALL_SOURCE, DISPOSITION, INCIDENT_STATUS, INTERCEPT, RESPONDER } from '../../../../shared/incidents/values';
import { incidentsSearch, useRememberedText, useRouteSearch, type IncidentsSearch } from '../../lib/routes';
import { ErrorAlert } from '../../ui/FormActions';
import { useIncidentCount, useIncidentFacets, useIncidentPages, type ListQuery } from './queries';
import { callSourceLabel, dispositionsLabel, monthYear, STATUS_COLOR, statusLabel } from './format';
import { NewIncidentModal } from './NewIncidentModal';
import { ImportBatchBanner } from './ImportBatch';
import { VirtualTable, type Column } from './VirtualTable';

const COLUMNS: Column<IncidentRow>[] = [
  { key: 'code', label: 'Code', width: '7.5rem', sortable: true, render: (r) => <Text fw={700}>{r.code}</Text> },
  { key: 'occurred', label: 'When', width: '6.5rem', sortable: true, render: (r) => monthYear(r.occurredYear, r.occurredMonth) },
  {
    key: 'status',
    label: 'Status',
    width: '10rem',
    sortable: true,
    render: (r) => (
      <Group gap={6} wrap="nowrap">
        <Badge color={STATUS_COLOR[r.status]} variant="filled" size="lg">
          {statusLabel(r.status)}
        </Badge>
        {r.openIdentifiers > 0 && (
          <Badge color="red.9" variant="filled" size="lg" title={`${r.openIdentifiers} possible identifiers to resolve`}>
            {r.openIdentifiers} ID
          </Badge>
        )}
      </Group>
    ),
  },
  { key: 'callSource', label: 'Source', width: '7.5rem', sortable: true, render: (r) => callSourceLabel(r.callSource) },
  { key: 'area', label: 'Area', width: '6rem', sortable: true, render: (r) => r.area ?? '—' },
  { key: 'finalCallType', label: 'Call type', width: 'minmax(8rem, 1fr)', render: (r) => r.finalCallType ?? '—' },
  { key: 'dispositions', label: 'Disposition', width: 'minmax(9rem, 1.2fr)', render: (r) => dispositionsLabel(r.dispositions) },
  {
    key: 'summary',
    label: 'Summary',
    width: 'minmax(6rem, 2fr)',
    render: (r) => (
      <Text c="dimmed" truncate>
        {r.summary || '—'}
      </Text>
    ),
  },
];

/** The multi-choice filters, in the order they appear. */
const MULTI_FILTERS: {
  key: 'status' | 'callSource' | 'disposition' | 'intercept' | 'responder';
  label: string;
  options: { value: string; label: string }[];
  width: number;
}[] = [
  { key: 'status', label: 'Status', options: INCIDENT_STATUS.options, width: 240 },
  { key: 'callSource', label: 'Call source', options: CALL_SOURCE.options, width: 220 },
  { key: 'disposition', label: 'Disposition', options: DISPOSITION.options, width: 260 },
  { key: 'intercept', label: 'Intercept', options: INTERCEPT.options, width: 200 },
  { key: 'responder', label: 'Responder', options: RESPONDER.options, width: 240 },
];

const defaultDir = (by: string): 'asc' | 'desc' => (by === 'occurred' || by === 'updated' ? 'desc' : 'asc');

/** The list query from the address's filters (`/incidents?status=draft&sort=code` in the hash), the search text and the tag. */
function listQuery(s: IncidentsSearch, search: string, tag: string): ListQuery {
  const by = s.sort ?? 'occurred';
  const q = {
    status: s.status,
    callSource: s.callSource,
    disposition: s.disposition,
    intercept: s.intercept,
    responder: s.responder,
    from: s.from,
    to: s.to,
    tag: tag || undefined,
    unresolvedIdentifiers: s.unresolved,
    importBatch: s.batch,
    search: search.trim() || undefined,
    sort: by,
    dir: s.dir ?? defaultDir(by),
  };
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as ListQuery;
}

export function IncidentsPage({ onOpen, onImport }: { onOpen(id: number): void; onImport(): void }) {
  const [route, setRoute] = useRouteSearch(incidentsSearch);
  // Free text stays out of the address (the browser keeps addresses on disk): in memory only.
  const [search, setSearch] = useRememberedText('incidents.search');
  const [tag, setTag] = useRememberedText('incidents.tag');
  const [typed] = useDebouncedValue(search, 250);
  // Clearing the box shows every incident at once (no wait for the last keys to settle).
  const debounced = search.trim() ? typed : '';
  const [creating, setCreating] = useState(false);
  const query = useMemo(() => listQuery(route, debounced, tag), [route, debounced, tag]);
  const queryKey = JSON.stringify(query);
  const facets = useIncidentFacets().data ?? { tags: [], years: [], attributions: [], total: null };
  const count = useIncidentCount(query);
  const total = count.data?.total ?? null;
  const allTotal = facets.total;
  const fetchPage = useIncidentPages(query);
  const sort = { by: query.sort ?? 'occurred', dir: query.dir ?? 'desc' };
  const filters = query;
  const set = (k: keyof IncidentsSearch, v: IncidentsSearch[keyof IncidentsSearch]) =>
    setRoute({ [k]: Array.isArray(v) && v.length === 0 ? undefined : v });
  const years = facets.years.map(String);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Incidents</Title>
          <Text c="dimmed" aria-live="polite">
            {total === null ? 'Loading…' : `${total.toLocaleString()} of ${(allTotal ?? total).toLocaleString()} incidents`}
          </Text>
        </div>
        <Group>
          <Button variant="default" onClick={onImport}>
            Import CSV…
          </Button>
          <Button onClick={() => setCreating(true)}>New incident</Button>
        </Group>
      </Group>
      <Group align="flex-end" gap="sm">
        <TextInput
          label="Search"
          placeholder="Words in code, call type, area, narrative, timeline"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={340}
          type="search"
        />
        {MULTI_FILTERS.map((f) => (
          <MultiSelect
            key={f.key}
            searchable
            clearable
            label={f.label}
            data={f.options}
            value={(filters[f.key] as string[] | undefined) ?? []}
            onChange={(v) => set(f.key, v as IncidentsSearch['status'])}
            w={f.width}
          />
        ))}
        <Select
          label="From year"
          data={years}
          value={filters.from?.slice(0, 4) ?? null}
          onChange={(v) => set('from', v ? `${v}-01` : undefined)}
          w={130}
          clearable
        />
        <Select
          label="To year"
          data={years}
          value={filters.to?.slice(0, 4) ?? null}
          onChange={(v) => set('to', v ? `${v}-12` : undefined)}
          w={130}
          clearable
        />
        {facets.tags.length > 0 && (
          <Select label="Tag" data={facets.tags} value={tag || null} onChange={(v) => setTag(v ?? '')} w={180} clearable searchable />
        )}
        <Switch
          label="Unresolved identifiers only"
          checked={filters.unresolvedIdentifiers ?? false}
          onChange={(e) => set('unresolved', e.currentTarget.checked || undefined)}
          size="md"
          mb={8}
        />
      </Group>
      {route.batch && <ImportBatchBanner batchId={route.batch} onClear={() => set('batch', undefined)} />}
      <ErrorAlert error={count.error} title="Cannot list the incidents" />
      {total !== null && (
        <VirtualTable
          label="Incidents"
          columns={COLUMNS}
          total={total}
          fetchPage={fetchPage}
          queryKey={queryKey}
          sort={sort}
          onSort={(by) =>
            setRoute({ sort: by as typeof sort.by, dir: sort.by === by ? (sort.dir === 'asc' ? 'desc' : 'asc') : defaultDir(by) })
          }
          onOpen={(r) => onOpen(r.id)}
          rowKey={(r) => r.id}
          height="calc(100vh - 380px)"
        />
      )}
      {facets.attributions.map((a) => (
        <Text key={a} size="sm" c="dimmed">
          {a}
        </Text>
      ))}
      <NewIncidentModal opened={creating} onClose={() => setCreating(false)} onCreated={onOpen} />
    </Stack>
  );
}
