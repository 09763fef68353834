/** Reports' server state: the dashboard and the 24/7 coverage view. */
import type { MethodInput } from '../../../../shared/contract';
import { useMethod } from '../../lib/query';

export const useDashboard = (input: MethodInput<'reports.dashboard'>) => useMethod('reports.dashboard', input, { keepPrevious: true });
export const useCoverage = (input: MethodInput<'reports.coverage'>) => useMethod('reports.coverage', input, { keepPrevious: true });
