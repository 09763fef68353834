/** The register's server state: recommendations by filter, and status changes. */
import type { MethodInput } from '../../../../shared/contract';
import { useMethod } from '../../lib/query';
import { useRecordWrite } from '../meetings';

export const useRegister = (input: MethodInput<'recommendations.list'>) => useMethod('recommendations.list', input, { keepPrevious: true });
export const useSetRecommendationStatus = () => useRecordWrite('recommendations.setStatus');
