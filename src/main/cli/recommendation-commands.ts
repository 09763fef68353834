/** CLI commands for the recommendations' follow-through (issue 20): the report, the letters per agency, the public tracker. */
import type { RecommendationReport } from '../../shared/recommendations/schemas';
import { withUnlocked, COMMON, type Command } from './command';

const REPORT_KEYS = [
  'byStatus',
  'overdueResponses',
  'reportedImplemented',
  'verifiedImplemented',
  'effectChecksDue',
  'measuredShare',
  'medianDaysToResponse',
] as const;

export const RECOMMENDATION_COMMANDS: Record<string, Command> = {
  'report recommendations': {
    summary: 'Where the recommendations stand: by status, overdue responses, implemented, effect checks due (--db PATH).',
    flags: COMMON,
    async run(args, io) {
      const r = await withUnlocked(args, io, (call) => call('recommendations.report', {}));
      return Object.fromEntries(REPORT_KEYS.map((k) => [k, r[k]])) as Pick<RecommendationReport, (typeof REPORT_KEYS)[number]>;
    },
    text: (v) => {
      const r = v as Pick<RecommendationReport, (typeof REPORT_KEYS)[number]>;
      const statuses = Object.entries(r.byStatus)
        .filter(([, n]) => n > 0)
        .map(([s, n]) => `  ${s.padEnd(22)} ${n}`);
      return [
        'Recommendations by status:',
        ...statuses,
        `Overdue responses: ${r.overdueResponses}`,
        `Reported implemented: ${r.reportedImplemented}; verified implemented: ${r.verifiedImplemented}`,
        `Effect checks due: ${r.effectChecksDue}; measured share of implemented: ${Math.round(r.measuredShare * 100)} %`,
        `Median days from adoption to response: ${r.medianDaysToResponse ?? 'no responses yet'}`,
        '',
      ].join('\n');
    },
  },
};
