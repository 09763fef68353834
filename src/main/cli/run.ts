import os from 'node:os';
import path from 'node:path';
import { Core } from '../core/core';
import { typedCaller } from '../core/dispatch';
import { CasewalkError } from '../../shared/result';
import { parseArgs, str, UsageError, type FlagSpec, type ParsedArgs } from './args';

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

function openCore(args: ParsedArgs, io: CliIO): Core {
  const db = str(args, 'db');
  if (db) return new Core({ dataDir: path.dirname(path.resolve(db)), dbFile: path.resolve(db) });
  return new Core({ dataDir: io.env.CASEWALK_DATA_DIR ?? path.join(os.homedir(), '.casewalk') });
}

export const COMMANDS: Record<string, Command> = {
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
    const message = e instanceof UsageError || e instanceof CasewalkError ? e.message : 'Unexpected error; nothing was changed.';
    if (!(e instanceof UsageError || e instanceof CasewalkError) && io.env.CASEWALK_DEBUG === '1') io.stderr(`${String((e as Error).stack)}\n`);
    io.stderr(`casewalk: ${message.replace(/\s+/g, ' ')}\n`);
    return e instanceof UsageError ? 2 : 1;
  }
}
