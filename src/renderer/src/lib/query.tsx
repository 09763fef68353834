/**
 * Server state: TanStack Query over the contract. Query keys are named after contract methods
 * (`['incidents.get', { id }]`), so a key says which call filled it and invalidating
 * `['findings.list']` reaches every findings list whatever its filter. Each feature keeps its
 * queries and mutations in its own `queries.ts`; this file has the client, the helpers they
 * share, and the contract events that invalidate.
 */
import {
  keepPreviousData,
  QueryClient,
  QueryClientProvider,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import { projectorMayHear } from '../../../shared/projector';
import { staleAfter } from '../../../shared/changes';
import { call } from './api';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // A failed call is an answer from the core (locked, not found, refused), not a flaky network.
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}

/** `['method']` or `['method', input]`: the key of one contract call. */
export function keyOf<M extends MethodName>(method: M, input?: MethodInput<M>): QueryKey {
  return input === undefined ? [method] : [method, input];
}

/** The query options of one contract call (`useQuery(methodQuery('home.summary'))`). */
export function methodQuery<M extends MethodName>(method: M, input?: MethodInput<M>) {
  return queryOptions<MethodOutput<M>, Error, MethodOutput<M>, QueryKey>({
    queryKey: keyOf(method, input),
    queryFn: () => call(method, input),
  });
}

/** A query of one contract call; `enabled: false` waits (e.g. until a dialog opens). */
export function useMethod<M extends MethodName>(
  method: M,
  input?: MethodInput<M>,
  opts: { enabled?: boolean; keepPrevious?: boolean } = {},
) {
  return useQuery({
    ...methodQuery(method, input),
    enabled: opts.enabled ?? true,
    ...(opts.keepPrevious ? { placeholderData: keepPreviousData } : {}),
  });
}

/**
 * A write through one contract method. On success: `onSuccess` (e.g. put the returned record
 * in the cache), then every query of the methods in `invalidates` is marked stale; those on
 * screen are fetched again.
 */
export function useMethodMutation<M extends MethodName>(
  method: M,
  opts: {
    invalidates?: readonly MethodName[];
    onSuccess?: (out: MethodOutput<M>, input: MethodInput<M>, client: QueryClient) => void;
  } = {},
) {
  const client = useQueryClient();
  const { invalidates = [], onSuccess } = opts;
  return useMutation({
    mutationFn: (input: MethodInput<M>) => call(method, input),
    onSuccess: async (out, input) => {
      onSuccess?.(out, input, client);
      await invalidate(client, invalidates);
    },
  });
}

export function invalidate(client: QueryClient, methods: readonly MethodName[]): Promise<unknown> {
  return Promise.all(methods.map((m) => client.invalidateQueries({ queryKey: [m] })));
}

/**
 * What each contract event makes stale. A `*.changed` event names the calls whose answers it
 * changes; adding one to the contract is one line here. `workbench.lockChanged` is handled
 * apart (the cache is emptied on lock).
 */
export const EVENT_INVALIDATES: { [E in EventName]?: (payload: EventPayload<E>) => readonly MethodName[] } = {
  'walk.changed': () => ['projector.view'],
};

/** After `data.changed`: every cached answer that method may have changed goes stale (those on screen are fetched again). */
export function invalidateAfter(client: QueryClient, writeMethod: string): Promise<void> {
  return client.invalidateQueries({ predicate: (q) => typeof q.queryKey[0] === 'string' && staleAfter(writeMethod, q.queryKey[0]) });
}

/**
 * Subscribes to the invalidating events (the projector window only to those it may hear) and
 * empties the cache on lock (keeping only `app.info`, marked locked, so the unlock screen shows
 * at once); `onLockChanged` runs after that.
 */
export function useServerEvents({
  projector = false,
  onLockChanged,
}: { projector?: boolean; onLockChanged?: (e: EventPayload<'workbench.lockChanged'>) => void } = {}): void {
  const client = useQueryClient();
  useEffect(() => {
    const stops = (Object.keys(EVENT_INVALIDATES) as EventName[])
      .filter((name) => !projector || projectorMayHear(name))
      .map((name) =>
        window.casewalk.subscribe(name, (payload) => {
          const methods = (EVENT_INVALIDATES[name] as ((p: unknown) => readonly MethodName[]) | undefined)?.(payload) ?? [];
          void invalidate(client, methods);
        }),
      );
    if (!projector) stops.push(window.casewalk.subscribe('data.changed', (e) => void invalidateAfter(client, e.method)));
    stops.push(
      window.casewalk.subscribe('workbench.lockChanged', (e) => {
        if (e.locked) {
          // Nothing read while unlocked stays in memory once locked.
          const info = client.getQueryData<MethodOutput<'app.info'>>(['app.info']);
          client.clear();
          if (info) client.setQueryData(['app.info'], { ...info, locked: true });
        }
        onLockChanged?.(e);
        if (!projector) void client.invalidateQueries({ queryKey: ['app.info'] });
      }),
    );
    return () => stops.forEach((stop) => stop());
  }, [client, projector, onLockChanged]);
}

export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
