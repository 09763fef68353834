import os from 'node:os';
import path from 'node:path';
import type { VerifyReport } from '../../shared/workbench/schemas';
import { Core } from '../core/core';
import { typedCaller, type TypedCall } from '../core/dispatch';
import type { MethodOutput } from '../../shared/contract';
import { CasewalkError } from '../../shared/result';
import { need, parseArgs, str, UsageError, type FlagSpec, type ParsedArgs } from './args';
import type { Secret } from '../core/store/workbench';
import { newPassphraseFromEnv, secretFromEnv } from './secrets';
import { readTextFile, scanJsonl } from './deid';
import { seed } from '../core/seed/seed';
import { mappingPreset, type ImportReport, type MappingPreset } from '../../shared/import/schemas';
import { describeZodError } from '../../shared/zod-helpers';

function parseMappingFile(text: string): MappingPreset {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new UsageError('The --mapping file is not JSON.');
  }
  const r = mappingPreset.safeParse(raw);
  if (!r.success) throw new UsageError(`The --mapping file is not a mapping preset: ${describeZodError(r.error)}`);
  return r.data;
}

/** verify prints its report (on stdout with --json) and still exits 1. */
class VerifyFailed extends Error {
  constructor(readonly report: VerifyReport) {
    super('verify failed');
  }
}

/** An import with invalid rows (and no --skip-invalid): the report still prints, exit 1. */
class ImportRefused extends Error {
  constructor(readonly report: ImportReport) {
    super('import refused');
  }
}

function importText(r: ImportReport): string {
  const lines = [
    `${r.dryRun ? 'Dry run: would import' : 'Imported'} ${r.imported} incidents from ${r.rows} rows (${r.merged} merged, ${r.skipped} skipped).`,
  ];
  if (r.withIdentifiers) lines.push(`${r.withIdentifiers} incidents have possible identifiers to resolve.`);
  if (r.droppedColumns.length) lines.push(`Dropped columns: ${r.droppedColumns.join(', ')}.`);
  if (r.ignoredColumns.length) lines.push(`Columns not imported: ${r.ignoredColumns.join(', ')}.`);
  for (const e of r.errors.slice(0, 20)) lines.push(`  row ${e.row}: ${e.message}`);
  if (r.invalidRows > 20) lines.push(`  … ${r.invalidRows - 20} more invalid rows`);
  if (r.attribution) lines.push(r.attribution);
  return `${lines.join('\n')}\n`;
}

type CopyView = MethodOutput<'copies.list'>['copies'][number];
interface MemberRemoved {
  removed: string;
  recoveryKey: string | null;
  oldCopies: CopyView[];
  freshBackup?: { file: string; bytes: number };
  deletedOldCopies?: MethodOutput<'copies.delete'>;
}

const copyLine = (c: CopyView) =>
  `  ${c.kind === 'backup' ? 'backup  ' : 'replaced'}  ${path.join(c.folder, c.name)}  (${c.createdAt.slice(0, 16).replace('T', ' ')}, sha256 ${c.sha256.slice(0, 12)}…${c.state === 'unchanged' ? '' : `, ${c.state === 'changed' ? 'changed since Casewalk wrote it' : 'gone'}`})`;

/** Says plainly what the removal did not do: older copies keep the old key. */
function memberRemovedText(r: MemberRemoved): string {
  if (!r.recoveryKey) return `Removed the unknown key slot "${r.removed}" (it never had the data key; nothing to rotate).\n`;
  const lines = [
    `Removed ${r.removed}. The data key was rotated: ${r.removed}'s passphrase and the old recovery key no longer open this workbench.`,
    `New recovery key (store it now; it is shown once): ${r.recoveryKey}`,
  ];
  if (r.oldCopies.length) {
    lines.push(
      '',
      `This does not revoke older copies. ${r.oldCopies.length === 1 ? 'This backup or replaced copy was' : `These ${r.oldCopies.length} backups and replaced copies were`} made with the old key and still open with ${r.removed}'s passphrase and the old recovery key:`,
      ...r.oldCopies.map(copyLine),
    );
  } else {
    lines.push('', 'Casewalk has recorded no older backups or replaced copies of this workbench (copies made elsewhere, or before Casewalk recorded them, still open with the old key).');
  }
  if (r.freshBackup) lines.push('', `Fresh backup with the new key: ${r.freshBackup.file} (${r.freshBackup.bytes} bytes).`);
  const d = r.deletedOldCopies;
  if (d) {
    lines.push('', `Deleted ${d.deleted.length} older cop${d.deleted.length === 1 ? 'y' : 'ies'} still exactly as Casewalk wrote ${d.deleted.length === 1 ? 'it' : 'them'}.`);
    if (d.changed.length) lines.push(`Not deleted, changed since Casewalk wrote them (check and delete them yourself):`, ...d.changed.map(copyLine));
    if (d.missing.length) lines.push(`Already gone:`, ...d.missing.map(copyLine));
  } else if (r.oldCopies.length) {
    lines.push('', `Make a fresh backup (--backup-to FILE), then delete them with --delete-old-copies (only files still exactly as Casewalk wrote them are deleted), or delete them yourself.`);
  }
  return `${lines.join('\n')}\n`;
}

export interface CliIO {
  stdout(s: string): void;
  stderr(s: string): void;
  env: NodeJS.ProcessEnv;
}

interface Command {
  summary: string;
  flags: FlagSpec;
  run(args: ParsedArgs, io: CliIO): Promise<unknown>;
  /** Human-readable rendering when --json is not given. */
  text?(value: unknown): string;
  /** The value is an array printed as JSON Lines (one object per line), with or without --json. */
  jsonl?: true;
}

const COMMON: FlagSpec = { json: 'boolean', db: 'string' };

function dbPath(args: ParsedArgs): string {
  return path.resolve(need(args, 'db'));
}

/**
 * The CLI drives the same core as the app, through the same contract and dispatch: the same
 * validation, passphrase rules and audit rows. A Core for `--db`, or for the data folder.
 */
async function withCore<T>(args: ParsedArgs, io: CliIO, fn: (call: TypedCall, core: Core) => Promise<T>): Promise<T> {
  const db = str(args, 'db');
  const core = db
    ? new Core({ dataDir: path.dirname(path.resolve(db)), dbFile: path.resolve(db) })
    : new Core({ dataDir: io.env.CASEWALK_DATA_DIR ?? path.join(os.homedir(), '.casewalk') });
  try {
    return await fn(typedCaller(core), core);
  } finally {
    core.close();
  }
}

/** Unlocks with CASEWALK_PASSPHRASE (+ CASEWALK_MEMBER) or CASEWALK_RECOVERY_KEY, runs fn, locks again. */
async function withUnlocked<T>(
  args: ParsedArgs,
  io: CliIO,
  fn: (call: TypedCall, core: Core) => Promise<T>,
  known?: Secret,
): Promise<T> {
  need(args, 'db');
  return withCore(args, io, async (call, core) => {
    const secret = known ?? (await secretFromEnv(io.env));
    if (secret.kind === 'recovery') {
      await call('workbench.unlock', { recoveryKey: secret.recoveryKey });
    } else {
      const keyholderId = secret.keyholderName ? await keyholderIdByName(call, secret.keyholderName) : undefined;
      await call('workbench.unlock', { passphrase: secret.passphrase, ...(keyholderId ? { keyholderId } : {}) });
    }
    try {
      return await fn(call, core);
    } finally {
      await call('workbench.lock', {});
    }
  });
}

async function keyholderIdByName(call: TypedCall, name: string): Promise<string> {
  const { keyholders } = await call('workbench.keyholders', {});
  const k = keyholders.find((x) => x.name.toLowerCase() === name.trim().toLowerCase());
  if (!k) throw new CasewalkError('not_found', `No keyholder called "${name}" on this workbench.`);
  return k.id;
}

function exportCommand(what: 'minutes' | 'agenda', summary: string): Command {
  return {
    summary,
    flags: { ...COMMON, meeting: 'string', format: 'string', out: 'string' },
    async run(args, io) {
      const meetingId = Number(need(args, 'meeting'));
      if (!Number.isInteger(meetingId) || meetingId < 1) throw new UsageError('--meeting takes a meeting id (see "list meetings").');
      const format = need(args, 'format');
      if (format !== 'md' && format !== 'docx' && format !== 'pdf') throw new UsageError('--format is md, docx or pdf.');
      const out = path.resolve(need(args, 'out'));
      return withUnlocked(args, io, async (call, core) => {
        const handle = core.files.register(out, 'write');
        const r = what === 'minutes' ? await call('minutes.export', { meetingId, format, handle }) : await call('meetings.exportPacket', { meetingId, format, handle });
        return { file: out, format, bytes: r.bytes, sha256: r.sha256 };
      });
    },
  };
}

export const COMMANDS: Record<string, Command> = {
  init: {
    summary: 'Create an encrypted workbench (--db PATH --committee NAME --member NAME); prints the recovery key once.',
    flags: { ...COMMON, committee: 'string', member: 'string' },
    async run(args, io) {
      const db = dbPath(args);
      const committee = need(args, 'committee');
      const keyholder = need(args, 'member');
      const passphrase = await newPassphraseFromEnv(io.env, 'CASEWALK_PASSPHRASE');
      return withCore(args, io, async (call) => {
        const { recoveryKey } = await call('workbench.create', { committee, keyholder, passphrase });
        await call('workbench.lock', {});
        return { db, recoveryKey };
      });
    },
    text: (v) => {
      const r = v as { db: string; recoveryKey: string };
      return `Workbench created: ${r.db}\nRecovery key (store it safely; it is shown only now):\n  ${r.recoveryKey}\n`;
    },
  },
  verify: {
    summary: 'Check cipher integrity, SQLite integrity and the audit chain (--db PATH); exit 1 if not ok.',
    flags: COMMON,
    async run(args, io) {
      const report = await withUnlocked(args, io, (call) => call('workbench.verify', {}));
      if (!report.ok) throw new VerifyFailed(report);
      return report;
    },
  },
  backup: {
    summary: 'Write an encrypted .cwbackup (--db PATH --out FILE).',
    flags: { ...COMMON, out: 'string' },
    async run(args, io) {
      const out = path.resolve(need(args, 'out'));
      return withUnlocked(args, io, async (call, core) => {
        const r = await call('backup.create', { handle: core.files.register(out, 'write') });
        return { file: out, bytes: r.bytes };
      });
    },
  },
  restore: {
    summary: 'Restore a .cwbackup over a workbench (--from FILE --db PATH [--force]); keeps the replaced one as a dated copy. --force: the backup is of a different workbench.',
    flags: { ...COMMON, from: 'string', force: 'boolean' },
    async run(args, io) {
      const from = path.resolve(need(args, 'from'));
      const db = dbPath(args);
      const secret = await secretFromEnv(io.env);
      return withCore(args, io, async (call, core) => {
        const handle = core.files.register(from, 'read');
        const force = args.flags.force === true ? { confirmOtherWorkbench: true } : {};
        const r =
          secret.kind === 'recovery'
            ? await call('backup.restore', { handle, recoveryKey: secret.recoveryKey, ...force })
            : await call('backup.restore', {
                handle,
                ...force,
                passphrase: secret.passphrase,
                ...(secret.keyholderName ? { keyholderId: await keyholderIdByName(call, secret.keyholderName) } : {}),
              });
        const verify = await call('workbench.verify', {});
        await call('workbench.lock', {});
        return { db, replacedCopy: r.replacedCopy ? path.join(path.dirname(db), r.replacedCopy) : null, verify };
      });
    },
  },
  'member list': {
    summary: 'List keyholders (--db PATH); no passphrase needed.',
    flags: COMMON,
    async run(args, io) {
      need(args, 'db');
      return withCore(args, io, async (call) => (await call('workbench.keyholders', {})).keyholders);
    },
  },
  'member add': {
    summary: 'Add a keyholder (--db PATH --name NAME); their passphrase from CASEWALK_NEW_PASSPHRASE or a prompt.',
    flags: { ...COMMON, name: 'string' },
    async run(args, io) {
      const name = need(args, 'name');
      return withUnlocked(args, io, async (call) => call('keyholders.add', { name, passphrase: await newPassphraseFromEnv(io.env, 'CASEWALK_NEW_PASSPHRASE') }));
    },
  },
  'member remove': {
    summary:
      'Remove a keyholder and rotate the data key (--db PATH --name NAME [--backup-to FILE] [--delete-old-copies]); prints the new recovery key and the older backups and replaced copies, which the rotation does not reach. --backup-to: a fresh backup with the new key; --delete-old-copies: then delete those older copies still exactly as Casewalk wrote them.',
    flags: { ...COMMON, name: 'string', 'backup-to': 'string', 'delete-old-copies': 'boolean' },
    async run(args, io) {
      const name = need(args, 'name');
      const backupTo = str(args, 'backup-to');
      const fresh = backupTo ? path.resolve(backupTo) : null;
      const deleteOld = args.flags['delete-old-copies'] === true;
      return withUnlocked(args, io, async (call, core) => {
        const id = await keyholderIdByName(call, name);
        const { recoveryKey, oldCopies } = await call('keyholders.remove', { id });
        const result: MemberRemoved = { removed: name, recoveryKey, oldCopies };
        if (recoveryKey && fresh) {
          const r = await call('backup.create', { handle: core.files.register(fresh, 'write') });
          result.freshBackup = { file: fresh, bytes: r.bytes };
        }
        // Only the copies listed at the removal: a fresh backup made just now is never among them.
        if (deleteOld && oldCopies.length) result.deletedOldCopies = await call('copies.delete', { ids: oldCopies.map((c) => c.id), confirm: true });
        return result;
      });
    },
    text: (v) => memberRemovedText(v as MemberRemoved),
  },
  'member passwd': {
    summary: 'Change the passphrase of CASEWALK_MEMBER (--db PATH); new one from CASEWALK_NEW_PASSPHRASE or a prompt.',
    flags: COMMON,
    async run(args, io) {
      const secret = await secretFromEnv(io.env);
      if (secret.kind !== 'passphrase') throw new UsageError('Changing a passphrase needs the current passphrase, not the recovery key.');
      return withUnlocked(args, io, async (call) => {
        const me = (await call('app.info', {})).member!;
        const id = await keyholderIdByName(call, me);
        await call('keyholders.changePassphrase', { id, current: secret.passphrase, next: await newPassphraseFromEnv(io.env, 'CASEWALK_NEW_PASSPHRASE') });
        return { changed: me };
      }, secret);
    },
  },
  'import csv': {
    summary: 'Import a CSV (--db PATH (--preset toronto-pic|seattle-crisis | --mapping FILE.json) FILE.csv [--dry-run] [--skip-invalid]).',
    flags: { ...COMMON, preset: 'string', mapping: 'string', 'dry-run': 'boolean', 'skip-invalid': 'boolean' },
    async run(args, io) {
      const csv = args.positional[0];
      if (!csv || args.positional.length > 1) throw new UsageError('Give exactly one CSV file.');
      const presetId = str(args, 'preset');
      const mappingFile = str(args, 'mapping');
      if (!presetId === !mappingFile) throw new UsageError('Give --preset NAME or --mapping FILE.json (one of them).');
      const source = presetId ? { preset: presetId } : { mapping: parseMappingFile(await readTextFile(path.resolve(mappingFile!), 'the --mapping file')) };
      const file = path.resolve(csv);
      const skipInvalid = args.flags['skip-invalid'] === true;
      const report = await withUnlocked(args, io, async (call, core) => {
        const opened = await call('import.open', { handle: core.files.register(file, 'read') });
        const method = args.flags['dry-run'] === true ? 'import.preview' : 'import.run';
        return call(method, { stagingId: opened.stagingId, source, skipInvalid });
      });
      if (report.invalidRows > 0 && !skipInvalid) throw new ImportRefused(report);
      return report;
    },
    text: (v) => importText(v as ImportReport),
  },
  seed: {
    summary: 'Fill a workbench made by init with synthetic data (--db PATH --incidents N [--years Y] [--seed S]).',
    flags: { ...COMMON, incidents: 'string', years: 'string', seed: 'string' },
    async run(args, io) {
      const count = (name: string, fallback: number | null, max: number) => {
        const raw = str(args, name);
        if (raw === undefined && fallback !== null) return fallback;
        if (raw === undefined || !/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) throw new UsageError(`--${name} must be a whole number from 1 to ${max}.`);
        return Number(raw);
      };
      const incidents = count('incidents', null, 1_000_000);
      const years = count('years', 3, 30);
      const seedValue = count('seed', 1, 2 ** 31);
      return withUnlocked(args, io, async (_call, core) => {
        const started = Date.now();
        const r = seed(core.workbench, { incidents, years, seed: seedValue });
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
  'export minutes': exportCommand('minutes', 'Export the minutes of a meeting (--db PATH --meeting ID --format md|docx|pdf --out FILE); DRAFT unless approved.'),
  'export agenda': exportCommand('agenda', 'Export the agenda packet of a meeting (--db PATH --meeting ID --format md|docx|pdf --out FILE).'),
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
    summary: 'Incidents inside and outside a crisis service\'s hours (--db PATH [--service NAME] [--area A] [--from YYYY-MM] [--to YYYY-MM]).',
    flags: { ...COMMON, service: 'string', area: 'string', from: 'string', to: 'string' },
    async run(args, io) {
      return withUnlocked(args, io, async (call) => {
        const name = str(args, 'service');
        let serviceId: number | undefined;
        if (name) {
          const { services } = await call('services.list', {});
          const s = services.find((x) => x.name.toLowerCase() === name.trim().toLowerCase());
          if (!s) throw new CasewalkError('not_found', `No crisis service called "${name}". Known: ${services.map((x) => x.name).join(', ') || 'none yet'}.`);
          serviceId = s.id;
        }
        const area = str(args, 'area');
        const from = str(args, 'from');
        const to = str(args, 'to');
        return call('reports.coverage', { ...(serviceId ? { serviceId } : {}), ...(area ? { area } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) });
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

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(22)} ${c.summary}`);
  return `Usage: npm run --silent cli -- <command> [options] [--json]\n\nCommands:\n${lines.join('\n')}\n`;
}

/** Finds the longest command name made of the leading positionals ("import csv", "member add"). */
function findCommand(argv: readonly string[]): [string, Command, string[]] | null {
  for (let n = Math.min(3, argv.length); n >= 1; n--) {
    const words = argv.slice(0, n);
    if (words.some((w) => w.startsWith('--'))) continue;
    const name = words.join(' ');
    const cmd = COMMANDS[name];
    if (cmd) return [name, cmd, argv.slice(n)];
  }
  return null;
}

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help') {
    io.stdout(usage());
    return argv.length === 0 ? 2 : 0;
  }
  const found = findCommand(argv);
  const json = argv.includes('--json');
  try {
    if (!found) throw new UsageError(`Unknown command "${argv.filter((a) => !a.startsWith('--'))[0] ?? ''}". Try "help".`);
    const [, cmd, rest] = found;
    const args = parseArgs(rest, cmd.flags);
    const value = await cmd.run(args, io);
    if (cmd.jsonl) io.stdout((value as unknown[]).map((v) => `${JSON.stringify(v)}\n`).join(''));
    else io.stdout(json || !cmd.text ? `${JSON.stringify(value, null, json ? 0 : 2)}\n` : cmd.text(value));
    return 0;
  } catch (e) {
    if (e instanceof ImportRefused) {
      io.stdout(json ? `${JSON.stringify(e.report)}\n` : importText(e.report));
      io.stderr(`casewalk: ${e.report.invalidRows} invalid row${e.report.invalidRows === 1 ? '' : 's'}; nothing was imported (use --skip-invalid to import the valid rows).\n`);
      return 1;
    }
    if (e instanceof VerifyFailed) {
      io.stdout(`${JSON.stringify(e.report)}\n`);
      const c = e.report.auditChain;
      const k = e.report.keyslots;
      io.stderr(
        `casewalk: verify failed${c.ok ? '' : `: audit chain broken at row ${c.firstBroken} (${c.reason})`}${e.report.integrity.ok && e.report.cipherIntegrity.ok ? '' : ': database integrity check failed'}${k.ok ? '' : `: ${k.problems.join(' ')}`}${e.report.schema.ok ? '' : `: ${e.report.schema.problems.join(', ')}`}\n`,
      );
      return 1;
    }
    const message = e instanceof UsageError || e instanceof CasewalkError ? e.message : 'Unexpected error; nothing was changed.';
    if (!(e instanceof UsageError || e instanceof CasewalkError) && io.env.CASEWALK_DEBUG === '1') io.stderr(`${String((e as Error).stack)}\n`);
    io.stderr(`casewalk: ${message.replace(/\s+/g, ' ')}\n`);
    return e instanceof UsageError ? 2 : 1;
  }
}
