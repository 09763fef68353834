/** CLI commands for the recommendations' follow-through (issue 20): the report, the letters per agency, the public tracker. */
import fs from 'node:fs';
import path from 'node:path';
import type { RecommendationReport } from '../../shared/recommendations/schemas';
import { letterFileNames } from '../../shared/recommendations/letter-files';
import { idFlag, need, UsageError } from './args';
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
  'export letters': {
    summary: 'One letter per owner agency for a meeting’s adopted recommendations (--db PATH --meeting ID --format docx|pdf --out DIR).',
    flags: { ...COMMON, meeting: 'string', format: 'string', out: 'string' },
    async run(args, io) {
      const meetingId = idFlag(args, 'meeting', 'a meeting id (see "list meetings")');
      const format = need(args, 'format');
      if (format !== 'docx' && format !== 'pdf') throw new UsageError('--format is docx or pdf.');
      const dir = path.resolve(need(args, 'out'));
      return withUnlocked(args, io, async (call, core) => {
        const { date, agencies } = await call('recommendations.letterAgencies', { meetingId });
        if (!agencies.length) throw new UsageError(`The meeting of ${date} has no adopted recommendations to send.`);
        fs.mkdirSync(dir, { recursive: true });
        const files = [];
        const names = letterFileNames(
          date,
          agencies.map((a) => a.name),
          format,
        );
        for (const [i, a] of agencies.entries()) {
          const file = path.join(dir, names[i]!);
          const r = await call('recommendations.exportLetter', {
            meetingId,
            agency: a.key,
            format,
            handle: core.files.register(file, 'write'),
          });
          files.push({ file, agency: a.name, recommendations: a.count, bytes: r.bytes, sha256: r.sha256 });
        }
        return { files };
      });
    },
  },
  'export tracker': {
    summary: 'The public recommendations tracker (--db PATH --format html|csv|xlsx --out FILE); no incident details, organisations only.',
    flags: { ...COMMON, format: 'string', out: 'string' },
    async run(args, io) {
      const format = need(args, 'format');
      if (format !== 'html' && format !== 'csv' && format !== 'xlsx') throw new UsageError('--format is html, csv or xlsx.');
      const out = path.resolve(need(args, 'out'));
      return withUnlocked(args, io, async (call, core) => {
        const r = await call('recommendations.exportTracker', { format, handle: core.files.register(out, 'write') });
        return { file: out, format, bytes: r.bytes, rows: r.rows, sha256: r.sha256 };
      });
    },
  },
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
