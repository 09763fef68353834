/**
 * `.cwbackup`: one file = magic, header (JSON: keyslots with the audit-chain head, schema
 * version, sizes, SHA-256), then the workbench database as SQLCipher pages encrypted with the
 * same data key (made by VACUUM INTO). Written to a temp name in the target folder, fsynced,
 * renamed. Nothing is ever written in the clear.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CasewalkError } from '../../../shared/result';
import { APP_VERSION } from '../version';
import { verifyChain } from './audit';
import { keyslotFileSchema, keyslotPath, siblingPath, writeFileAtomic } from './keyslots';
import { lockoutFile, Workbench, type Secret } from './workbench';

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

export function createBackup(wb: Workbench, target: string, progress: Progress = () => {}): { file: string; bytes: number } {
  const dir = path.dirname(path.resolve(target));
  if (!fs.existsSync(dir)) throw new CasewalkError('not_found', 'The backup folder does not exist.');
  const tmpDb = path.join(dir, `.${path.basename(target)}.${process.pid}.partial-db`);
  const tmp = `${target}.partial`;
  progress(0, 3, 'copying');
  try {
    fs.rmSync(tmpDb, { force: true });
    wb.read((db) => db.prepare('VACUUM INTO ?').run([tmpDb]));
    progress(1, 3, 'packing');
    const body = fs.readFileSync(tmpDb);
    const ks = wb.keyslotsSnapshot();
    const header: BackupHeader = {
      format: 'casewalk-backup',
      version: 1,
      createdAt: process.env.SOURCE_DATE_EPOCH ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000).toISOString() : new Date().toISOString(),
      appVersion: APP_VERSION,
      schemaVersion: wb.read((db) => Number(db.pragma('user_version', { simple: true }))),
      dbBytes: body.length,
      dbSha256: crypto.createHash('sha256').update(body).digest('hex'),
      keyslots: ks,
    };
    const h = Buffer.from(JSON.stringify(header));
    const len = Buffer.alloc(4);
    len.writeUInt32BE(h.length);
    const out = Buffer.concat([MAGIC, len, h, body]);
    progress(2, 3, 'writing');
    writeFileAtomic(tmp, out);
    fs.renameSync(tmp, target);
    wb.write({ event: 'backup', entity: 'workbench', detail: `${out.length} bytes` }, () => {});
    progress(3, 3, 'done');
    return { file: target, bytes: out.length };
  } finally {
    fs.rmSync(tmpDb, { force: true });
    fs.rmSync(tmp, { force: true });
  }
}

export function readBackup(file: string): { header: BackupHeader; body: Buffer } {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch {
    throw new CasewalkError('not_found', 'The backup file cannot be read.');
  }
  if (buf.length < MAGIC.length + 4 || !buf.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new CasewalkError('not_a_workbench', 'Not a Casewalk backup file.');
  }
  const len = buf.readUInt32BE(MAGIC.length);
  const start = MAGIC.length + 4;
  let header: BackupHeader;
  try {
    header = headerSchema.parse(JSON.parse(buf.subarray(start, start + len).toString('utf8')));
  } catch {
    throw new CasewalkError('damaged', 'The backup file is damaged (its header cannot be read).');
  }
  const body = buf.subarray(start + len);
  if (body.length !== header.dbBytes || crypto.createHash('sha256').update(body).digest('hex') !== header.dbSha256) {
    throw new CasewalkError('damaged', 'The backup file is damaged or incomplete (its checksum does not match).');
  }
  return { header, body };
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
): Promise<{ workbench: Workbench; replaced: string | null }> {
  const { header, body } = readBackup(from);
  const dir = path.dirname(path.resolve(dbFile));
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmpDb = path.join(dir, `.restore-${process.pid}-${Date.now()}.db`);
  const cleanup = () => {
    for (const f of [tmpDb, `${tmpDb}-wal`, `${tmpDb}-shm`, keyslotPath(tmpDb), lockoutFile(tmpDb)]) fs.rmSync(f, { force: true });
  };
  try {
    writeFileAtomic(tmpDb, body);
    writeFileAtomic(keyslotPath(tmpDb), JSON.stringify(header.keyslots));
    // Unlock the temp copy: proves the secret against the backup's own keyslots.
    const probe = await Workbench.unlock(tmpDb, secret);
    const report = probe.verify();
    const chainAtBackup = probe.read((db) => verifyChain(db, header.keyslots.auditHead));
    probe.close();
    if (!report.cipherIntegrity.ok || !report.integrity.ok || !chainAtBackup.ok) {
      throw new CasewalkError('damaged', 'The backup failed its integrity checks; nothing was replaced.');
    }
    beforeReplace();
    let replaced: string | null = null;
    if (fs.existsSync(dbFile)) {
      replaced = siblingPath(dbFile, `.replaced-${stamp()}.db`);
      fs.renameSync(dbFile, replaced);
      for (const suffix of ['-wal', '-shm']) if (fs.existsSync(dbFile + suffix)) fs.renameSync(dbFile + suffix, replaced + suffix);
      if (fs.existsSync(keyslotPath(dbFile))) fs.renameSync(keyslotPath(dbFile), keyslotPath(replaced));
    }
    fs.renameSync(tmpDb, dbFile);
    fs.renameSync(keyslotPath(tmpDb), keyslotPath(dbFile));
    const wb = await Workbench.unlock(dbFile, secret);
    wb.write({ event: 'restore', entity: 'workbench', detail: `restored a backup made ${header.createdAt}` }, () => {});
    return { workbench: wb, replaced };
  } finally {
    cleanup();
  }
}

