/** The identifier guard's server state: the core's scan of a text (`identifiers.scan`). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { IdentifierFinding } from '../../../../shared/deid/kinds';
import { call } from '../../lib/api';
import { keyOf } from '../../lib/query';

/** The core's identifier scan of a text (debounced by the caller); the last answer stays while the next is on its way. */
export function useIdentifierScan(text: string): { text: string; findings: IdentifierFinding[] } {
  const { data } = useQuery({
    queryKey: keyOf('identifiers.scan', { text }),
    // A failed scan shows no findings for that text (the save is guarded by the core anyway).
    queryFn: async () => ({
      text,
      findings: text.trim()
        ? await call('identifiers.scan', { text }).then(
            (r) => r.findings,
            () => [],
          )
        : [],
    }),
    placeholderData: keepPreviousData,
    gcTime: 30_000,
  });
  return data ?? { text: '', findings: [] };
}
