/** CLI commands on the record: seed, list, export, report, the identifier scanner, info (import: import-commands.ts). */
import path from 'node:path';
import { CasewalkError } from '../../shared/result';
import { seed } from '../core/seed/seed';
import { idFlag, need, str, UsageError } from './args';
import { readDate } from '../../shared/dates';
import { COMMON, dbPath, withCore, withUnlocked, type Command } from './command';
import { readTextFile, scanJsonl } from './deid';

function exportCommand(what: 'minutes' | 'agenda', summary: string): Command {
  return {
    summary,
    flags: { ...COMMON, meeting: 'string', format: 'string', out: 'string' },
    async run(args, io) {
      const meetingId = idFlag(args, 'meeting', 'a meeting id (see "list meetings")');
      const format = need(args, 'format');
      if (format !== 'md' && format !== 'docx' && format !== 'pdf') throw new UsageError('--format is md, docx or pdf.');
      const out = path.resolve(need(args, 'out'));
      return withUnlocked(args, io, async (call, core) => {
        const handle = core.files.register(out, 'write');
        const r =
          what === 'minutes'
            ? await call('minutes.export', { meetingId, format, handle })
            : await call('meetings.exportPacket', { meetingId, format, handle });
        return { file: out, format, bytes: r.bytes, sha256: r.sha256 };
      });
    },
  };
}

/** `--today YYYY-MM-DD`: a real calendar date (2026-02-30 is refused), or undefined when not given. */
function anchorDate(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const d = readDate(raw, 'iso');
  if (!d || d !== raw || d < '1990-01-01')
    throw new UsageError(`--today must be a calendar date written YYYY-MM-DD (for example 2026-12-02), not "${raw}".`);
  return raw;
}

export const DATA_COMMANDS: Record<string, Command> = {
  seed: {
    summary:
      'Fill a workbench made by init with synthetic data (--db PATH --incidents N [--years Y] [--seed S] [--today YYYY-MM-DD]); --today is the anchor date (default today).',
    flags: { ...COMMON, incidents: 'string', years: 'string', seed: 'string', today: 'string' },
    async run(args, io) {
      const count = (name: string, fallback: number | null, max: number) => {
        const raw = str(args, name);
        if (raw === undefined && fallback !== null) return fallback;
        if (raw === undefined || !/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max)
          throw new UsageError(`--${name} must be a whole number from 1 to ${max}.`);
        return Number(raw);
      };
      const incidents = count('incidents', null, 1_000_000);
      const years = count('years', 3, 30);
      const seedValue = count('seed', 1, 2 ** 31);
      const today = anchorDate(str(args, 'today'));
      return withUnlocked(args, io, async (_call, core) => {
        const started = Date.now();
        const r = seed(core.workbench, { incidents, years, seed: seedValue, ...(today ? { today } : {}) });
        return { db: dbPath(args), ...r, seconds: Math.round((Date.now() - started) / 100) / 10 };
      });
    },
  },
  'list meetings': {
    summary: 'List meetings (--db PATH).',
    flags: COMMON,
    async run(args, io) {
      return withUnlocked(args, io, async (call) => (await call('meetings.list', {})).meetings);
    },
  },
  'export minutes': exportCommand(
    'minutes',
    'Export the minutes of a meeting (--db PATH --meeting ID --format md|docx|pdf --out FILE); DRAFT unless approved.',
  ),
  'export agenda': exportCommand(
    'agenda',
    'Export the agenda packet of a meeting (--db PATH --meeting ID --format md|docx|pdf --out FILE).',
  ),
  'export register': {
    summary: 'Export the recommendation register (--db PATH --format xlsx|csv --out FILE); actions and measures redacted.',
    flags: { ...COMMON, format: 'string', out: 'string' },
    async run(args, io) {
      const format = need(args, 'format');
      if (format !== 'xlsx' && format !== 'csv') throw new UsageError('--format is xlsx or csv.');
      const out = path.resolve(need(args, 'out'));
      return withUnlocked(args, io, async (call, core) => {
        const r = await call('recommendations.exportRegister', { handle: core.files.register(out, 'write'), format });
        return { file: out, format, bytes: r.bytes, rows: r.rows };
      });
    },
  },
  'report coverage': {
    summary:
      "Incidents inside and outside a crisis service's hours (--db PATH [--service NAME] [--area A] [--from YYYY-MM] [--to YYYY-MM]; default the last 12 months of data, named in the JSON's from and to).",
    flags: { ...COMMON, service: 'string', area: 'string', from: 'string', to: 'string' },
    async run(args, io) {
      return withUnlocked(args, io, async (call) => {
        const name = str(args, 'service');
        let serviceId: number | undefined;
        if (name) {
          const { services } = await call('services.list', {});
          const s = services.find((x) => x.name.toLowerCase() === name.trim().toLowerCase());
          if (!s)
            throw new CasewalkError(
              'not_found',
              `No crisis service called "${name}". Known: ${services.map((x) => x.name).join(', ') || 'none yet'}.`,
            );
          serviceId = s.id;
        }
        const area = str(args, 'area');
        const from = str(args, 'from');
        const to = str(args, 'to');
        return call('reports.coverage', {
          ...(serviceId ? { serviceId } : {}),
          ...(area ? { area } : {}),
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
        });
      });
    },
  },
  'deid scan': {
    summary: 'Scan JSON Lines {"id","text"} (--jsonl FILE) for identifiers; one {"id","findings"} line per input. No database.',
    flags: { json: 'boolean', jsonl: 'string' },
    jsonl: true,
    async run(args) {
      const file = path.resolve(need(args, 'jsonl'));
      return scanJsonl(await readTextFile(file, 'the --jsonl file'));
    },
  },
  info: {
    summary: 'Version, data folder, and whether a workbench exists (and is locked).',
    flags: COMMON,
    async run(args, io) {
      return withCore(args, io, (call) => call('app.info', {}));
    },
    text: (v) => {
      const i = v as { version: string; dataDir: string; workbenchExists: boolean };
      return `Casewalk ${i.version}\nData folder: ${i.dataDir}\nWorkbench: ${i.workbenchExists ? 'yes' : 'none yet'}\n`;
    },
  },
};
