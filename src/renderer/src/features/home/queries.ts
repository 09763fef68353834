/** Home's server state: the summary of what needs attention. */
import { useMethod } from '../../lib/query';

export const useHomeSummary = () => useMethod('home.summary');
