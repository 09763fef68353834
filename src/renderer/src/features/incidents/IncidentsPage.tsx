import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { incidentsSearch, useRememberedText, useRouteSearch, type IncidentsSearch } from '../../lib/routes';
import { ErrorAlert } from '../../ui/FormActions';
import { useIncidentCount, useIncidentFacets, useIncidentPages, type ListQuery } from './queries';
import { incidentColumns, ROW_HEIGHT, type Density } from './incidentColumns';
import { DensityControl, IncidentFilters } from './IncidentFilters';
import { NewIncidentModal } from './NewIncidentModal';
import { ImportBatchBanner } from './ImportBatch';
import { VirtualTable } from './VirtualTable';
import { formatCount } from '../../lib/format';

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
  const set = (k: keyof IncidentsSearch, v: IncidentsSearch[keyof IncidentsSearch]) =>
    setRoute({ [k]: Array.isArray(v) && v.length === 0 ? undefined : v });
  const density: Density = route.density ?? 'comfortable';
  const columns = useMemo(() => incidentColumns(density), [density]);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Incidents</Title>
          <Text c="dimmed" aria-live="polite">
            {total === null ? 'Loading…' : `${formatCount(total)} of ${formatCount(allTotal ?? total)} incidents`}
          </Text>
        </div>
        <Group>
          <DensityControl density={density} onChange={(d) => set('density', d)} />
          <Button variant="default" onClick={onImport}>
            Import CSV…
          </Button>
          <Button onClick={() => setCreating(true)}>New incident</Button>
        </Group>
      </Group>
      <IncidentFilters
        query={query}
        set={set}
        search={search}
        onSearch={setSearch}
        tag={tag}
        onTag={setTag}
        tags={facets.tags}
        years={facets.years.map(String)}
      />
      {route.batch && <ImportBatchBanner batchId={route.batch} onClear={() => set('batch', undefined)} />}
      <ErrorAlert error={count.error} title="Cannot list the incidents" />
      {total !== null && (
        <VirtualTable
          label="Incidents"
          columns={columns}
          rowHeight={ROW_HEIGHT[density]}
          total={total}
          fetchPage={fetchPage}
          queryKey={queryKey}
          sort={sort}
          onSort={(by) =>
            setRoute({ sort: by as typeof sort.by, dir: sort.by === by ? (sort.dir === 'asc' ? 'desc' : 'asc') : defaultDir(by) })
          }
          onOpen={(r) => onOpen(r.id)}
          rowKey={(r) => r.id}
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
