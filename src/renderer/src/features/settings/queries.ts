/** Settings' server state: the roster, crisis services, security settings, the audit log, and the writes. */
import type { MethodInput } from '../../../../shared/contract';
import { api, unwrap } from '../../lib/api';
import { todayIn } from '../../lib/format';
import { useMethod, useMethodMutation } from '../../lib/query';

export const useRoster = (enabled = true) => useMethod('roster.list', undefined, { enabled });
export const useServices = () => useMethod('services.list');
export const useSettings = () => useMethod('settings.get');
/** Today's date in the committee's time zone, for file names and default dates. */
export const useToday = () => todayIn(useSettings().data?.timeZone);
/**
 * Back up now: asks where to save (named for today in the committee's zone) and writes the
 * encrypted backup. Resolves to the saved file, or null when the choice was cancelled.
 */
export function useSaveBackup(): () => Promise<{ displayName: string; bytes: number } | null> {
  const today = useToday();
  return async () => {
    const f = await unwrap(api().files.chooseSave({ purpose: 'backup', suggestedName: `casewalk-${today}.cwbackup` }));
    return f ? unwrap(api().backup.create({ handle: f.handle })) : null;
  };
}
export const useAuditLog = (input: MethodInput<'audit.list'>) => useMethod('audit.list', input, { keepPrevious: true });

export const useSaveMember = () => useMethodMutation('roster.saveMember', { invalidates: ['roster.list', 'meetings.get'] });
export const useSaveOrganisation = () => useMethodMutation('roster.saveOrganisation', { invalidates: ['roster.list'] });
export const useSaveService = () => useMethodMutation('services.save', { invalidates: ['services.list', 'reports.coverage'] });
export const useUpdateSettings = () => useMethodMutation('settings.update', { invalidates: ['settings.get', 'app.info'] });

export const useCopies = (enabled: boolean) => useMethod('copies.list', undefined, { enabled });
export const useAddKeyholder = () => useMethodMutation('keyholders.add', { invalidates: ['workbench.keyholders'] });
export const useRemoveKeyholder = () =>
  useMethodMutation('keyholders.remove', { invalidates: ['workbench.keyholders', 'copies.list', 'roster.list'] });
export const useChangePassphrase = () => useMethodMutation('keyholders.changePassphrase', { invalidates: ['workbench.keyholders'] });
