/**
 * The incident list's filters: search, status, call source and disposition always in view; the
 * rarer ones (intercept, responder, years, tag, unresolved identifiers) behind "More filters",
 * open by themselves while one of them is set. And the row density.
 */
import { Button, Collapse, Group, MultiSelect, SegmentedControl, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { CALL_SOURCE, DISPOSITION, INCIDENT_STATUS, INTERCEPT, RESPONDER } from '../../../../shared/incidents/values';
import type { IncidentsSearch } from '../../lib/routes';
import type { ListQuery } from './queries';

type MultiKey = 'status' | 'callSource' | 'disposition' | 'intercept' | 'responder';
const MULTI: Record<MultiKey, { label: string; options: { value: string; label: string }[]; width: number }> = {
  status: { label: 'Status', options: INCIDENT_STATUS.options, width: 170 },
  callSource: { label: 'Call source', options: CALL_SOURCE.options, width: 170 },
  disposition: { label: 'Disposition', options: DISPOSITION.options, width: 200 },
  intercept: { label: 'Intercept', options: INTERCEPT.options, width: 200 },
  responder: { label: 'Responder', options: RESPONDER.options, width: 240 },
};

export interface IncidentFiltersProps {
  query: ListQuery;
  set(k: keyof IncidentsSearch, v: IncidentsSearch[keyof IncidentsSearch]): void;
  search: string;
  onSearch(v: string): void;
  tag: string;
  onTag(v: string): void;
  tags: string[];
  years: string[];
}

function Multi({ k, query, set }: { k: MultiKey } & Pick<IncidentFiltersProps, 'query' | 'set'>) {
  const f = MULTI[k];
  return (
    <MultiSelect
      searchable
      clearable
      label={f.label}
      data={f.options}
      value={(query[k] as string[] | undefined) ?? []}
      onChange={(v) => set(k, v as IncidentsSearch['status'])}
      w={f.width}
    />
  );
}

export function IncidentFilters(p: IncidentFiltersProps) {
  const q = p.query;
  const more = [q.intercept?.length, q.responder?.length, q.from, q.to, p.tag, q.unresolvedIdentifiers].filter(Boolean).length;
  // Open when coming back with one of them set (the filters live in the address).
  const [shown, setShown] = useState(more > 0);
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm">
        <TextInput
          label="Search"
          placeholder="Words in code, call type, area, narrative, timeline"
          value={p.search}
          onChange={(e) => p.onSearch(e.currentTarget.value)}
          w={200}
          type="search"
        />
        <Multi k="status" {...p} />
        <Multi k="callSource" {...p} />
        <Multi k="disposition" {...p} />
        <Button variant="default" onClick={() => setShown((o) => !o)} aria-expanded={shown}>
          {shown ? 'Fewer filters' : 'More filters'}
          {more > 0 && ` (${more} set)`}
        </Button>
      </Group>
      <Collapse expanded={shown}>
        <MoreFilters {...p} />
      </Collapse>
    </Stack>
  );
}

/** Comfortable rows (for the projector) or compact ones (to see more at once); kept in the address. */
export function DensityControl({ density, onChange }: { density: 'comfortable' | 'compact'; onChange(d: 'compact' | undefined): void }) {
  return (
    <Group gap={8} align="center">
      <Text fw={600} id="incident-density-label">
        Rows
      </Text>
      <SegmentedControl
        aria-labelledby="incident-density-label"
        value={density}
        onChange={(v) => onChange(v === 'compact' ? 'compact' : undefined)}
        data={[
          { value: 'comfortable', label: 'Comfortable' },
          { value: 'compact', label: 'Compact' },
        ]}
      />
    </Group>
  );
}

function MoreFilters(p: IncidentFiltersProps) {
  const q = p.query;
  return (
    <Group align="flex-end" gap="sm">
      <Multi k="intercept" {...p} />
      <Multi k="responder" {...p} />
      <Select
        label="From year"
        data={p.years}
        value={q.from?.slice(0, 4) ?? null}
        onChange={(v) => p.set('from', v ? `${v}-01` : undefined)}
        w={130}
        clearable
      />
      <Select
        label="To year"
        data={p.years}
        value={q.to?.slice(0, 4) ?? null}
        onChange={(v) => p.set('to', v ? `${v}-12` : undefined)}
        w={130}
        clearable
      />
      {p.tags.length > 0 && (
        <Select label="Tag" data={p.tags} value={p.tag || null} onChange={(v) => p.onTag(v ?? '')} w={180} clearable searchable />
      )}
      <Switch
        label="Unresolved identifiers only"
        checked={q.unresolvedIdentifiers ?? false}
        onChange={(e) => p.set('unresolved', e.currentTarget.checked || undefined)}
        size="md"
        mb={8}
      />
    </Group>
  );
}
