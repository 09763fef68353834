/** Incidents' server state: the list, facets, one incident, and the writes. */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { MethodName } from '../../../../shared/contract';
import type { IncidentDetail, IncidentQuery, IncidentRow } from '../../../../shared/incidents/schemas';
import { keyOf, methodQuery, useMethod, useMethodMutation } from '../../lib/query';

/** What a change to incidents makes stale (lists, counts, summaries built from them). */
export const INCIDENT_READS: readonly MethodName[] = [
  'incidents.list',
  'incidents.facets',
  'incidents.nextCode',
  'home.summary',
  'meetings.get',
  'reports.dashboard',
  'reports.coverage',
];

export type ListQuery = Omit<IncidentQuery, 'offset' | 'limit'>;

export const useIncidentFacets = () => useMethod('incidents.facets');
/** The number of incidents matching (the previous number stays while a new filter loads). */
export const useIncidentCount = (query: ListQuery) => useMethod('incidents.list', { ...query, limit: 1 }, { keepPrevious: true });

/** Rows [offset, offset + limit) of the list, cached until a change to incidents. */
export function useIncidentPages(query: ListQuery): (offset: number, limit: number) => Promise<IncidentRow[]> {
  const client = useQueryClient();
  return useCallback(
    async (offset, limit) =>
      (await client.fetchQuery({ ...methodQuery('incidents.list', { ...query, offset, limit }), staleTime: Infinity })).rows,
    [client, query],
  );
}

export const useIncident = (id: number) => useMethod('incidents.get', { id });
export const useNextCode = (year: number, enabled: boolean) => useMethod('incidents.nextCode', { year }, { enabled });
export const useImportPresets = () => useMethod('import.presets');

type DetailWrite =
  | 'incidents.create'
  | 'incidents.update'
  | 'incidents.setStatus'
  | 'identifiers.redact'
  | 'identifiers.dismiss'
  | 'timeline.add'
  | 'timeline.update'
  | 'timeline.move'
  | 'timeline.remove';

/** A write that answers with the incident: the answer becomes the cached incident; lists go stale. */
export function useIncidentWrite<M extends DetailWrite>(method: M) {
  return useMethodMutation(method, {
    invalidates: INCIDENT_READS,
    onSuccess: (d, _input, client) => {
      const detail = d as IncidentDetail;
      client.setQueryData(keyOf('incidents.get', { id: detail.incident.id }), detail);
    },
  });
}

export const useDeleteIncident = () =>
  useMethodMutation('incidents.delete', {
    invalidates: INCIDENT_READS,
    onSuccess: (_d, input, client) => client.removeQueries({ queryKey: keyOf('incidents.get', { id: input.id }) }),
  });
