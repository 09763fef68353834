/** Workbench server state: app info, keyholders, lock. */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { call } from '../../lib/api';
import { useMethod } from '../../lib/query';

export const useAppInfo = () => useMethod('app.info');
export const useKeyholders = () => useMethod('workbench.keyholders');

/** Locks the workbench (the lock event then empties the cache and shows the unlock screen). */
export function useLock(): () => void {
  const client = useQueryClient();
  return useCallback(() => void call('workbench.lock').then(() => client.invalidateQueries({ queryKey: ['app.info'] })), [client]);
}
