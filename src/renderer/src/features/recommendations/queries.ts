/** The register's and a recommendation's server state, and the follow-through writes. */
import type { MethodInput, MethodName } from '../../../../shared/contract';
import { useMethod, useMethodMutation } from '../../lib/query';

export const useRegister = (input: MethodInput<'recommendations.list'>) => useMethod('recommendations.list', input, { keepPrevious: true });
export const useRecommendation = (id: number) => useMethod('recommendations.get', { id });
export const useRecommendationReport = () => useMethod('recommendations.report', {});

/** What a follow-through write makes stale: the register, the record, Home, the agendas that carry it, the reports. */
const FOLLOW_READS: readonly MethodName[] = [
  'recommendations.list',
  'recommendations.get',
  'recommendations.editState',
  'recommendations.report',
  'findings.list',
  'home.summary',
  'meetings.get',
  'minutes.get',
  'reports.dashboard',
  'projector.view',
];

type FollowWrite =
  'recommendations.setStatus' | 'recommendations.recordResponse' | 'recommendations.setEffectMeasure' | 'recommendations.recordEffectCheck';

export const useFollowWrite = <M extends FollowWrite>(method: M) => useMethodMutation(method, { invalidates: FOLLOW_READS });
