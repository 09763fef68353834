/**
 * What every CLI command is made of: its flags, how it runs against a Core (locked or unlocked
 * with the secret from the environment), and the errors that still print a report.
 */
import os from 'node:os';
import path from 'node:path';
import type { ImportReport } from '../../shared/import/schemas';
import { CasewalkError } from '../../shared/result';
import type { VerifyReport } from '../../shared/workbench/schemas';
import { Core } from '../core/core';
import { typedCaller, type TypedCall } from '../core/dispatch';
import type { Secret } from '../core/store/workbench';
import { need, str, type FlagSpec, type ParsedArgs } from './args';
import { secretFromEnv } from './secrets';

/** verify prints its report (on stdout with --json) and still exits 1. */
export class VerifyFailed extends Error {
  constructor(readonly report: VerifyReport) {
    super('verify failed');
  }
}

/** An import with invalid rows (and no --skip-invalid): the report still prints, exit 1. */
export class ImportRefused extends Error {
  constructor(readonly report: ImportReport) {
    super('import refused');
  }
}

export interface CliIO {
  stdout(s: string): void;
  stderr(s: string): void;
  env: NodeJS.ProcessEnv;
}

export interface Command {
  summary: string;
  flags: FlagSpec;
  run(args: ParsedArgs, io: CliIO): Promise<unknown>;
  /** Human-readable rendering when --json is not given. */
  text?(value: unknown): string;
  /** The value is an array printed as JSON Lines (one object per line), with or without --json. */
  jsonl?: true;
}

export const COMMON: FlagSpec = { json: 'boolean', db: 'string' };

export function dbPath(args: ParsedArgs): string {
  return path.resolve(need(args, 'db'));
}

/**
 * The CLI drives the same core as the app, through the same contract and dispatch: the same
 * validation, passphrase rules and audit rows. A Core for `--db`, or for the data folder.
 */
export async function withCore<T>(args: ParsedArgs, io: CliIO, fn: (call: TypedCall, core: Core) => Promise<T>): Promise<T> {
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
export async function withUnlocked<T>(
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

export async function keyholderIdByName(call: TypedCall, name: string): Promise<string> {
  const { keyholders } = await call('workbench.keyholders', {});
  const k = keyholders.find((x) => x.name.toLowerCase() === name.trim().toLowerCase());
  if (!k) throw new CasewalkError('not_found', `No keyholder called "${name}" on this workbench.`);
  return k.id;
}
