/** The keyslot file beside the workbench (`<name>.keys.json`): no secret in the clear. */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CasewalkError } from '../../../shared/result';

const sealed = z.object({ iv: z.string(), tag: z.string(), ct: z.string() });
const wrapped = sealed.extend({ epk: z.string() });
export const slotSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 14),
    r: z.number().int(),
    p: z.number().int(),
    salt: z.string().min(20),
  }),
  publicKey: z.string(),
  privateKey: sealed,
  dataKey: wrapped,
  nextDataKey: wrapped.optional(),
});
export const keyslotFileSchema = z.object({
  format: z.literal('casewalk-keyslots'),
  version: z.literal(1),
  workbenchId: z.string(),
  committee: z.string(),
  notice: z.string(),
  slots: z.array(slotSchema),
  rotation: z.object({ startedAt: z.string(), removing: z.string().nullable() }).nullable(),
  auditHead: z.object({ rows: z.number().int().min(0), hash: z.string(), mac: z.string() }).nullable(),
  /** The slot seal (see slot-seal.ts); absent in files written before it existed. */
  slotsMac: z
    .object({ slots: z.record(z.string(), z.string()), mac: z.string() })
    .nullable()
    .optional(),
});
export type Slot = z.infer<typeof slotSchema>;
export type KeyslotFile = z.infer<typeof keyslotFileSchema>;

export const DEFAULT_NOTICE =
  'This workbench holds de-identified case-review material of a Crisis Intervention Team committee. ' +
  'Use is limited to authorised committee members for case review. Activity is recorded in an audit log. ' +
  'Do not enter names, dates of birth, addresses or record numbers of the people involved.';

/** A file beside the workbench: `workbench.db` → `workbench<suffix>`. */
export function siblingPath(dbFile: string, suffix: string): string {
  return dbFile.replace(/\.db$/i, '') + suffix;
}

export function keyslotPath(dbFile: string): string {
  return siblingPath(dbFile, '.keys.json');
}

export function readKeyslots(dbFile: string): KeyslotFile {
  const file = keyslotPath(dbFile);
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    throw new CasewalkError('not_a_workbench', `Not a Casewalk workbench: its key file ${path.basename(file)} is missing.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new CasewalkError('damaged', `The key file ${path.basename(file)} is damaged: restore from backup.`);
  }
  const r = keyslotFileSchema.safeParse(json);
  if (!r.success) {
    if ((json as { format?: unknown })?.format !== 'casewalk-keyslots') {
      throw new CasewalkError('not_a_workbench', `Not a Casewalk workbench: ${path.basename(file)} is not a Casewalk key file.`);
    }
    throw new CasewalkError('damaged', `The key file ${path.basename(file)} is damaged: restore from backup.`);
  }
  return r.data;
}

/** A file-system error as one sentence the user can act on. */
export function writeError(file: string, e: unknown): CasewalkError {
  const code = (e as NodeJS.ErrnoException).code;
  const name = path.basename(file);
  switch (code) {
    case 'EISDIR':
    case 'ENOTEMPTY':
    case 'EEXIST':
      return new CasewalkError('conflict', `${name} is a folder, not a file: choose a file name. Nothing was written.`);
    case 'ENOENT':
    case 'ENOTDIR':
      return new CasewalkError('not_found', `The folder for ${name} does not exist. Nothing was written.`);
    case 'EACCES':
    case 'EPERM':
      return new CasewalkError('forbidden', `Casewalk may not write ${name} there. Nothing was written.`);
    case 'EROFS':
      return new CasewalkError('forbidden', `The folder for ${name} is read-only. Nothing was written.`);
    case 'ENOSPC':
    case 'EDQUOT':
      return new CasewalkError('conflict', `The disk is full: ${name} was not written.`);
    default:
      return new CasewalkError('conflict', `${name} could not be written (${code ?? 'unknown error'}). Nothing was written.`);
  }
}

/**
 * Atomic: temp file in the same folder, fsync, rename, fsync the folder. On any failure the
 * temp file is removed (it can hold an export in the clear) and the error says what was wrong.
 */
export function writeFileAtomic(file: string, data: string | Buffer): void {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    const fd = fs.openSync(tmp, 'w', 0o600);
    try {
      fs.fchmodSync(fd, 0o600); // a stale temp file keeps its old mode otherwise
      fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
      throw Object.assign(new Error('destination is a folder'), { code: 'EISDIR' });
    }
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      /* nothing more to do */
    }
    throw e instanceof CasewalkError ? e : writeError(file, e);
  }
  try {
    const dfd = fs.openSync(path.dirname(file), 'r');
    fs.fsyncSync(dfd);
    fs.closeSync(dfd);
  } catch {
    /* folder fsync is not supported everywhere (Windows) */
  }
}

export function writeKeyslots(dbFile: string, k: KeyslotFile): void {
  writeFileAtomic(keyslotPath(dbFile), JSON.stringify(keyslotFileSchema.parse(k), null, 1));
}
