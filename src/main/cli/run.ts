import os from 'node:os';
import path from 'node:path';
import { Core } from '../core/core';
import { typedCaller } from '../core/dispatch';
import { CasewalkError } from '../../shared/result';
import { createBackup, restoreBackup } from '../core/store/backup';
import { Workbench, type VerifyReport } from '../core/store/workbench';
import { assertPassphrase } from '../core/workbench/passphrase';
import { need, parseArgs, str, UsageError, type FlagSpec, type ParsedArgs } from './args';
import { newPassphraseFromEnv, secretFromEnv } from './secrets';

/** verify prints its report (on stdout with --json) and still exits 1. */
class VerifyFailed extends Error {
  constructor(readonly report: VerifyReport) {
    super('verify failed');
  }
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
}

const COMMON: FlagSpec = { json: 'boolean', db: 'string' };

function dbPath(args: ParsedArgs): string {
  return path.resolve(need(args, 'db'));
}

/** Unlocks the workbench named by --db, runs fn, and always locks again. */
async function withWorkbench<T>(args: ParsedArgs, io: CliIO, fn: (wb: Workbench) => T | Promise<T>): Promise<T> {
  const wb = await Workbench.unlock(dbPath(args), await secretFromEnv(io.env));
  try {
    return await fn(wb);
  } finally {
    wb.close();
  }
}

function openCore(args: ParsedArgs, io: CliIO): Core {
  const db = str(args, 'db');
  if (db) return new Core({ dataDir: path.dirname(path.resolve(db)), dbFile: path.resolve(db) });
  return new Core({ dataDir: io.env.CASEWALK_DATA_DIR ?? path.join(os.homedir(), '.casewalk') });
}

export const COMMANDS: Record<string, Command> = {
  init: {
    summary: 'Create an encrypted workbench (--db PATH --committee NAME --member NAME); prints the recovery key once.',
    flags: { ...COMMON, committee: 'string', member: 'string' },
    async run(args, io) {
      const db = dbPath(args);
      const committee = need(args, 'committee');
      const member = need(args, 'member');
      const passphrase = await newPassphraseFromEnv(io.env, 'CASEWALK_PASSPHRASE');
      assertPassphrase(passphrase, { committee, name: member });
      const { workbench, recoveryKey } = await Workbench.create(db, { committee, keyholder: member, passphrase });
      workbench.close();
      return { db, recoveryKey };
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
      const report = await withWorkbench(args, io, (wb) => wb.verify());
      if (!report.ok) throw new VerifyFailed(report);
      return report;
    },
  },
  backup: {
    summary: 'Write an encrypted .cwbackup (--db PATH --out FILE).',
    flags: { ...COMMON, out: 'string' },
    async run(args, io) {
      const out = path.resolve(need(args, 'out'));
      return withWorkbench(args, io, (wb) => {
        const r = createBackup(wb, out);
        wb.write({ event: 'backup', entity: 'workbench', detail: `${r.bytes} bytes` }, () => {});
        return { file: r.file, bytes: r.bytes };
      });
    },
  },
  restore: {
    summary: 'Restore a .cwbackup over a workbench (--from FILE --db PATH); keeps the replaced one as a dated copy.',
    flags: { ...COMMON, from: 'string' },
    async run(args, io) {
      const from = path.resolve(need(args, 'from'));
      const { workbench, replaced } = await restoreBackup(from, dbPath(args), await secretFromEnv(io.env));
      const report = workbench.verify();
      workbench.close();
      return { db: dbPath(args), replacedCopy: replaced, verify: report };
    },
  },
  'member list': {
    summary: 'List keyholders (--db PATH); no passphrase needed.',
    flags: COMMON,
    async run(args) {
      return Workbench.keyholdersOf(dbPath(args)).keyholders;
    },
  },
  'member add': {
    summary: 'Add a keyholder (--db PATH --name NAME); their passphrase from CASEWALK_NEW_PASSPHRASE or a prompt.',
    flags: { ...COMMON, name: 'string' },
    async run(args, io) {
      const name = need(args, 'name');
      return withWorkbench(args, io, async (wb) => {
        const pass = await newPassphraseFromEnv(io.env, 'CASEWALK_NEW_PASSPHRASE');
        assertPassphrase(pass, { committee: wb.committee, name });
        return wb.addKeyholder(name, pass);
      });
    },
  },
  'member remove': {
    summary: 'Remove a keyholder and rotate the data key (--db PATH --name NAME); prints the new recovery key.',
    flags: { ...COMMON, name: 'string' },
    async run(args, io) {
      const name = need(args, 'name').toLowerCase();
      return withWorkbench(args, io, (wb) => {
        const k = wb.keyholders().find((x) => x.name.toLowerCase() === name);
        if (!k) throw new CasewalkError('not_found', `No keyholder called "${need(args, 'name')}".`);
        return { removed: k.name, ...wb.removeKeyholder(k.id) };
      });
    },
  },
  'member passwd': {
    summary: 'Change the passphrase of CASEWALK_MEMBER (--db PATH); new one from CASEWALK_NEW_PASSPHRASE or a prompt.',
    flags: COMMON,
    async run(args, io) {
      const secret = await secretFromEnv(io.env);
      if (secret.kind !== 'passphrase') throw new UsageError('Changing a passphrase needs the current passphrase, not the recovery key.');
      const wb = await Workbench.unlock(dbPath(args), secret);
      try {
        const me = wb.keyholders().find((k) => k.name === wb.actor)!;
        const next = await newPassphraseFromEnv(io.env, 'CASEWALK_NEW_PASSPHRASE');
        assertPassphrase(next, { committee: wb.committee, name: me.name });
        await wb.changePassphrase(me.id, secret.passphrase, next);
        return { changed: me.name };
      } finally {
        wb.close();
      }
    },
  },
  info: {
    summary: 'Version, data folder, and whether a workbench exists (and is locked).',
    flags: COMMON,
    async run(args, io) {
      const core = openCore(args, io);
      try {
        return await typedCaller(core)('app.info', {});
      } finally {
        core.close();
      }
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
    io.stdout(json || !cmd.text ? `${JSON.stringify(value, null, json ? 0 : 2)}\n` : cmd.text(value));
    return 0;
  } catch (e) {
    if (e instanceof VerifyFailed) {
      io.stdout(`${JSON.stringify(e.report)}\n`);
      const c = e.report.auditChain;
      io.stderr(`casewalk: verify failed${c.ok ? '' : `: audit chain broken at row ${c.firstBroken} (${c.reason})`}${e.report.integrity.ok && e.report.cipherIntegrity.ok ? '' : ': database integrity check failed'}\n`);
      return 1;
    }
    const message = e instanceof UsageError || e instanceof CasewalkError ? e.message : 'Unexpected error; nothing was changed.';
    if (!(e instanceof UsageError || e instanceof CasewalkError) && io.env.CASEWALK_DEBUG === '1') io.stderr(`${String((e as Error).stack)}\n`);
    io.stderr(`casewalk: ${message.replace(/\s+/g, ' ')}\n`);
    return e instanceof UsageError ? 2 : 1;
  }
}
