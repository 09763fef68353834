/**
 * `.cwbackup`: one file = magic, header (JSON: keyslots with the audit-chain head, schema
 * version, sizes, SHA-256), then the workbench database as SQLCipher pages encrypted with the
 * same data key (made by VACUUM INTO). Written to a temp name in the target folder, fsynced,
 * renamed. Nothing is ever written in the clear. Copied in chunks both ways, so a large
 * workbench never sits in memory whole.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CasewalkError } from '../../../shared/result';
import { APP_VERSION } from '../version';
import { verifyChain } from './audit';
import { copyRecord, recordCopies, type CopyRecord } from './copies';
import { ownerOnly } from './db';
import { keyslotFileSchema, keyslotPath, readKeyslots, siblingPath, writeFileAtomic } from './keyslots';
import { assertNotLockedOut, lockoutFile, Workbench, type Secret } from './workbench';

const MAGIC = Buffer.from('CASEWALK-BACKUP\n');
const headerSchema = z.object({
  format: z.literal('casewalk-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  dbBytes: z.number().int().min(0),
  dbSha256: z.string().length(64),
  keyslots: keyslotFileSchema,
});
export type BackupHeader = z.infer<typeof headerSchema>;

export type Progress = (done: number, total: number, stage: string) => void;

/** Backups are copied in chunks: memory stays flat however large the workbench, and progress moves. */
const CHUNK = 4 * 1024 * 1024;

/** Reads `length` bytes from `fd` at `offset` in chunks, handing each to `each`. */
function eachChunk(fd: number, offset: number, length: number, each: (chunk: Buffer, doneBytes: number) => void, chunkBytes = CHUNK): void {
  const buf = Buffer.allocUnsafe(Math.min(chunkBytes, Math.max(1, length)));
  let done = 0;
  while (done < length) {
    const n = fs.readSync(fd, buf, 0, Math.min(buf.length, length - done), offset + done);
    if (n === 0) throw new CasewalkError('damaged', 'The backup file is damaged or incomplete (it ends early).');
    done += n;
    each(buf.subarray(0, n), done);
  }
}

function fsyncFolder(dir: string): void {
  try {
    const dfd = fs.openSync(dir, 'r');
    fs.fsyncSync(dfd);
    fs.closeSync(dfd);
  } catch {
    /* folder fsync is not supported everywhere (Windows) */
  }
}

/**
 * Progress is in bytes of the database copy, over three passes: the copy itself (VACUUM INTO,
 * one step), the checksum, and writing the backup file.
 */
export function createBackup(
  wb: Workbench,
  target: string,
  progress: Progress = () => {},
  opts: { chunkBytes?: number } = {},
): { file: string; bytes: number } {
  const dir = path.dirname(path.resolve(target));
  if (!fs.existsSync(dir)) throw new CasewalkError('not_found', 'The backup folder does not exist.');
  const tmpDb = path.join(dir, `.${path.basename(target)}.${process.pid}.partial-db`);
  const tmp = `${target}.partial`;
  progress(0, 1, 'copying');
  let src: number | null = null;
  let out: number | null = null;
  try {
    fs.rmSync(tmpDb, { force: true });
    // VACUUM INTO accepts an empty file: create it 0600 so the copy is never readable by others.
    fs.closeSync(fs.openSync(tmpDb, 'wx', 0o600));
    wb.read((db) => db.prepare('VACUUM INTO ?').run([tmpDb]));
    const size = fs.statSync(tmpDb).size;
    const total = 3 * Math.max(1, size);
    progress(size, total, 'checking');
    src = fs.openSync(tmpDb, 'r');
    const hash = crypto.createHash('sha256');
    eachChunk(
      src,
      0,
      size,
      (chunk, done) => {
        hash.update(chunk);
        progress(size + done, total, 'checking');
      },
      opts.chunkBytes,
    );
    const header: BackupHeader = {
      format: 'casewalk-backup',
      version: 1,
      createdAt: process.env.SOURCE_DATE_EPOCH
        ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000).toISOString()
        : new Date().toISOString(),
      appVersion: APP_VERSION,
      schemaVersion: wb.read((db) => Number(db.pragma('user_version', { simple: true }))),
      dbBytes: size,
      dbSha256: hash.digest('hex'),
      keyslots: wb.keyslotsSnapshot(),
    };
    const h = Buffer.from(JSON.stringify(header));
    const len = Buffer.alloc(4);
    len.writeUInt32BE(h.length);
    out = fs.openSync(tmp, 'w', 0o600);
    const fd = out;
    // The whole file's SHA-256, as written: recorded so a later keyholder removal can list
    // this backup and delete it only if it is still exactly this file (issue 16, item 5).
    const fileHash = crypto.createHash('sha256');
    const head = Buffer.concat([MAGIC, len, h]);
    fs.writeSync(fd, head);
    fileHash.update(head);
    eachChunk(
      src,
      0,
      size,
      (chunk, done) => {
        fs.writeSync(fd, chunk);
        fileHash.update(chunk);
        progress(2 * size + done, total, 'writing');
      },
      opts.chunkBytes,
    );
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    out = null;
    fs.renameSync(tmp, target);
    fsyncFolder(dir);
    const bytes = MAGIC.length + 4 + h.length + size;
    const record: CopyRecord = {
      kind: 'backup',
      path: path.resolve(target),
      sha256: fileHash.digest('hex'),
      bytes,
      createdAt: header.createdAt,
    };
    wb.write({ event: 'backup', entity: 'workbench', detail: `${bytes} bytes` }, (db) => recordCopies(db, [record]));
    progress(total, total, 'done');
    return { file: target, bytes };
  } finally {
    if (src !== null) fs.closeSync(src);
    if (out !== null) fs.closeSync(out);
    fs.rmSync(tmpDb, { force: true });
    fs.rmSync(tmp, { force: true });
  }
}

/** Reads and checks a backup's header and checksum without loading the database into memory. */
export function openBackup(file: string, progress: Progress = () => {}): { header: BackupHeader; fd: number; bodyOffset: number } {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    throw new CasewalkError('not_found', 'The backup file cannot be read.');
  }
  try {
    const size = fs.fstatSync(fd).size;
    const head = Buffer.alloc(MAGIC.length + 4);
    const got = fs.readSync(fd, head, 0, head.length, 0);
    if (got < head.length || !head.subarray(0, MAGIC.length).equals(MAGIC))
      throw new CasewalkError('not_a_workbench', 'Not a Casewalk backup file.');
    const len = head.readUInt32BE(MAGIC.length);
    let header: BackupHeader;
    try {
      if (len > 1024 * 1024 || head.length + len > size) throw new Error('header length');
      const hb = Buffer.alloc(len);
      fs.readSync(fd, hb, 0, len, head.length);
      header = headerSchema.parse(JSON.parse(hb.toString('utf8')));
    } catch {
      throw new CasewalkError('damaged', 'The backup file is damaged (its header cannot be read).');
    }
    const bodyOffset = head.length + len;
    const damaged = () => new CasewalkError('damaged', 'The backup file is damaged or incomplete (its checksum does not match).');
    if (size - bodyOffset !== header.dbBytes) throw damaged();
    const hash = crypto.createHash('sha256');
    eachChunk(fd, bodyOffset, header.dbBytes, (chunk, done) => {
      hash.update(chunk);
      progress(done, header.dbBytes, 'checking');
    });
    if (hash.digest('hex') !== header.dbSha256) throw damaged();
    return { header, fd, bodyOffset };
  } catch (e) {
    fs.closeSync(fd);
    throw e;
  }
}

/**
 * A backup of a *different* workbench (another id) replaces this one only when confirmed: the
 * error names both committees and ids (`--force` in the CLI, a confirm dialog in the app).
 */
function assertSameWorkbench(header: BackupHeader, dbFile: string): void {
  if (!fs.existsSync(dbFile)) return;
  let current: { workbenchId: string; committee: string };
  try {
    current = readKeyslots(dbFile);
  } catch {
    return; // no readable key file: nothing to compare (the restore replaces it)
  }
  const b = header.keyslots;
  if (current.workbenchId === b.workbenchId) return;
  throw new CasewalkError(
    'conflict',
    `This backup is of a different workbench: "${b.committee}" (${b.workbenchId}), not "${current.committee}" (${current.workbenchId}). ` +
      'Confirm to replace this workbench with it (--force in the CLI); nothing was changed.',
    {
      otherWorkbench: true,
      backupCommittee: b.committee,
      backupWorkbenchId: b.workbenchId,
      currentCommittee: current.committee,
      currentWorkbenchId: current.workbenchId,
    },
  );
}

function stamp(d = new Date()): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/**
 * Restores a backup over `dbFile` (which must be locked). Verifies the key, SQLCipher
 * integrity, SQLite integrity and the audit chain on a temp copy before replacing anything;
 * the replaced workbench is kept as a dated copy. Returns the unlocked, restored workbench.
 */
export async function restoreBackup(
  from: string,
  dbFile: string,
  secret: Secret,
  /** Called after every check passed, just before the current workbench is replaced (lock it here). */
  beforeReplace: () => void = () => {},
  progress: Progress = () => {},
  opts: {
    allowOtherWorkbench?: boolean;
    /**
     * The copies the current workbench recorded (read while it was unlocked): the restored
     * database is older and does not know them, so they are carried over with the replaced copy.
     */
    carryCopies?: readonly CopyRecord[];
  } = {},
): Promise<{ workbench: Workbench; replaced: string | null }> {
  // Restore is an unlock of the target: refused during its lockout before anything is read or written.
  assertNotLockedOut(dbFile);
  const { header, fd, bodyOffset } = openBackup(from, progress);
  try {
    if (!opts.allowOtherWorkbench) assertSameWorkbench(header, dbFile);
  } catch (e) {
    fs.closeSync(fd);
    throw e;
  }
  const dir = path.dirname(path.resolve(dbFile));
  const tmpDb = path.join(dir, `.restore-${process.pid}-${Date.now()}.db`);
  const cleanup = () => {
    for (const f of [tmpDb, `${tmpDb}-wal`, `${tmpDb}-shm`, keyslotPath(tmpDb), lockoutFile(tmpDb)]) fs.rmSync(f, { force: true });
  };
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const out = fs.openSync(tmpDb, 'w', 0o600);
    try {
      eachChunk(fd, bodyOffset, header.dbBytes, (chunk) => fs.writeSync(out, chunk));
      fs.fsyncSync(out);
    } finally {
      fs.closeSync(out);
    }
    writeFileAtomic(keyslotPath(tmpDb), JSON.stringify(header.keyslots));
    progress(header.dbBytes, header.dbBytes, 'verifying');
    // Unlock the temp copy: proves the secret against the backup's own keyslots.
    // Wrong secrets count toward the target's lockout, not a throwaway one beside the temp copy.
    const probe = await Workbench.unlock(tmpDb, secret, { lockoutOf: dbFile });
    const report = probe.verify();
    const chainAtBackup = probe.read((db) => verifyChain(db, header.keyslots.auditHead));
    probe.close();
    if (!report.cipherIntegrity.ok || !report.integrity.ok || !chainAtBackup.ok || !report.auditChain.ok) {
      throw new CasewalkError('damaged', 'The backup failed its integrity checks; nothing was replaced.');
    }
    if (!report.schema.ok) {
      throw new CasewalkError(
        'damaged',
        `The backup's database holds schema objects Casewalk did not create (${report.schema.problems.join('; ')}); nothing was replaced.`,
      );
    }
    if (!report.keyslots.ok) {
      throw new CasewalkError(
        'conflict',
        `The backup's key file was changed outside Casewalk: ${report.keyslots.problems.join(' ')} Nothing was replaced.`,
      );
    }
    progress(header.dbBytes, header.dbBytes, 'replacing');
    beforeReplace();
    let replaced: string | null = null;
    if (fs.existsSync(dbFile)) {
      replaced = siblingPath(dbFile, `.replaced-${stamp()}.db`);
      fs.renameSync(dbFile, replaced);
      for (const suffix of ['-wal', '-shm']) if (fs.existsSync(dbFile + suffix)) fs.renameSync(dbFile + suffix, replaced + suffix);
      if (fs.existsSync(keyslotPath(dbFile))) fs.renameSync(keyslotPath(dbFile), keyslotPath(replaced));
      for (const f of [replaced, `${replaced}-wal`, `${replaced}-shm`, keyslotPath(replaced)]) ownerOnly(f);
    }
    fs.renameSync(tmpDb, dbFile);
    fs.renameSync(keyslotPath(tmpDb), keyslotPath(dbFile));
    // The replaced copy keeps the data key it had: record each of its files as written here.
    const replacedFiles = replaced
      ? [replaced, `${replaced}-wal`, `${replaced}-shm`, keyslotPath(replaced)]
          .filter((f) => fs.existsSync(f))
          .map((f) => copyRecord('replaced', f))
      : [];
    const wb = await Workbench.unlock(dbFile, secret);
    wb.write({ event: 'restore', entity: 'workbench', detail: `restored a backup made ${header.createdAt}` }, (db) =>
      recordCopies(db, [...(opts.carryCopies ?? []), ...replacedFiles]),
    );
    return { workbench: wb, replaced };
  } finally {
    fs.closeSync(fd);
    cleanup();
  }
}
