/** The CLI's entry: finds the command, parses its flags, prints its result (JSON or text), sets the exit code. */
import { CasewalkError } from '../../shared/result';
import { parseArgs, UsageError } from './args';
import { ImportRefused, VerifyFailed, type CliIO, type Command } from './command';
import { DATA_COMMANDS } from './data-commands';
import { RECOMMENDATION_COMMANDS } from './recommendation-commands';
import { IMPORT_COMMANDS } from './import-commands';
import { importText } from './text';
import { WORKBENCH_COMMANDS } from './workbench-commands';

export type { CliIO } from './command';

export const COMMANDS: Record<string, Command> = {
  ...WORKBENCH_COMMANDS,
  ...IMPORT_COMMANDS,
  ...DATA_COMMANDS,
  ...RECOMMENDATION_COMMANDS,
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
      io.stderr(
        `casewalk: ${e.report.invalidRows} invalid row${e.report.invalidRows === 1 ? '' : 's'}; nothing was imported (use --skip-invalid to import the valid rows${Object.keys(e.report.unmapped).length ? ', or --unmapped FIELD=VALUE to map unknown values' : ''}).\n`,
      );
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
    if (!(e instanceof UsageError || e instanceof CasewalkError) && io.env.CASEWALK_DEBUG === '1')
      io.stderr(`${String((e as Error).stack)}\n`);
    io.stderr(`casewalk: ${message.replace(/\s+/g, ' ')}\n`);
    return e instanceof UsageError ? 2 : 1;
  }
}
