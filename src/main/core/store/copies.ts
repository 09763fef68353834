/**
 * Issue 16, item 5: the copies of the workbench Casewalk writes outside the live file (each
 * `.cwbackup`, each file of a `.replaced-*` copy), recorded with their path and the SHA-256
 * of what Casewalk wrote (table `workbench_copies`, migration 0011).
 *
 * Removing a keyholder rotates the live workbench's data key; it cannot reach these copies,
 * which still open with the removed keyholder's passphrase and the old recovery key. The
 * removal lists them, and `deleteCopies` deletes only a file whose content is still exactly
 * what Casewalk wrote (same size, same SHA-256): a file that changed since is left and named,
 * a file that is gone is named and forgotten.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CasewalkError } from '../../../shared/result';
import type { CopyState, CopyView } from '../../../shared/workbench/schemas';
import type { ReadableDB, WritableDB } from './db';
import type { Workbench } from './workbench';

export type CopyKind = 'backup' | 'replaced';
export interface CopyRecord {
  kind: CopyKind;
  path: string;
  sha256: string;
  bytes: number;
  createdAt: string;
}
interface CopyRow extends CopyRecord {
  id: number;
}

const CHUNK = 4 * 1024 * 1024;

/** SHA-256 and size of a file, read in chunks. */
export function hashFile(file: string): { sha256: string; bytes: number } {
  const fd = fs.openSync(file, 'r');
  try {
    const hash = crypto.createHash('sha256');
    const buf = Buffer.allocUnsafe(CHUNK);
    let bytes = 0;
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, bytes);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
      bytes += n;
    }
    return { sha256: hash.digest('hex'), bytes };
  } finally {
    fs.closeSync(fd);
  }
}

/** The record for a file Casewalk has just written (hashing what is on disk now). */
export function copyRecord(kind: CopyKind, file: string, createdAt = new Date().toISOString()): CopyRecord {
  return { kind, path: path.resolve(file), ...hashFile(file), createdAt };
}

/** Inside a write: records copies; a newer record for the same path replaces the older one (the file was overwritten). */
export function recordCopies(db: WritableDB, records: readonly CopyRecord[]): void {
  const drop = db.prepare('DELETE FROM workbench_copies WHERE path = ? AND deleted_at IS NULL');
  const add = db.prepare('INSERT INTO workbench_copies (kind, path, sha256, bytes, created_at) VALUES (?, ?, ?, ?, ?)');
  for (const r of records) {
    drop.run([r.path]);
    add.run([r.kind, r.path, r.sha256, r.bytes, r.createdAt]);
  }
}

function rows(db: ReadableDB, ids?: readonly number[]): CopyRow[] {
  const all = db
    .prepare(
      'SELECT id, kind, path, sha256, bytes, created_at AS createdAt FROM workbench_copies WHERE deleted_at IS NULL ORDER BY created_at, id',
    )
    .all() as unknown as CopyRow[];
  return ids ? all.filter((r) => ids.includes(r.id)) : all;
}

/** The recorded copies still listed (not deleted), as records (carried over by a restore). */
export function copyRecords(db: ReadableDB): CopyRecord[] {
  return rows(db).map(({ kind, path: p, sha256, bytes, createdAt }) => ({ kind, path: p, sha256, bytes, createdAt }));
}

/** Is the file still what Casewalk wrote? */
export function copyState(r: Pick<CopyRecord, 'path' | 'sha256' | 'bytes'>): CopyState {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(r.path);
  } catch {
    return 'missing';
  }
  if (!st.isFile()) return 'changed';
  if (st.size !== r.bytes) return 'changed';
  try {
    return hashFile(r.path).sha256 === r.sha256 ? 'unchanged' : 'changed';
  } catch {
    return 'changed';
  }
}

function view(r: CopyRow, state: CopyState): CopyView {
  return {
    id: r.id,
    kind: r.kind,
    name: path.basename(r.path),
    folder: path.dirname(r.path),
    bytes: r.bytes,
    sha256: r.sha256,
    createdAt: r.createdAt,
    state,
  };
}

/** Every recorded copy not yet deleted, with whether it is still as Casewalk wrote it. */
export function listCopies(db: ReadableDB): CopyView[] {
  return rows(db).map((r) => view(r, copyState(r)));
}

/**
 * Deletes the given copies, each only if its file is still exactly what Casewalk wrote.
 * Changed files are left (and stay listed); gone files are forgotten. Audited with counts.
 */
export function deleteCopies(wb: Workbench, ids: readonly number[]): { deleted: CopyView[]; changed: CopyView[]; missing: CopyView[] } {
  const wanted = wb.read((db) => rows(db, ids));
  const unknown = ids.filter((id) => !wanted.some((r) => r.id === id));
  if (unknown.length)
    throw new CasewalkError(
      'not_found',
      `No recorded copy ${unknown.slice(0, 5).join(', ')} (it was deleted already, or never recorded); nothing was deleted.`,
    );
  const out = { deleted: [] as CopyView[], changed: [] as CopyView[], missing: [] as CopyView[] };
  for (const r of wanted) {
    const state = copyState(r);
    if (state === 'changed') {
      out.changed.push(view(r, state));
      continue;
    }
    if (state === 'unchanged') {
      try {
        fs.unlinkSync(r.path);
      } catch {
        out.changed.push(view(r, 'changed'));
        continue;
      }
      out.deleted.push(view(r, 'unchanged'));
    } else {
      out.missing.push(view(r, state));
    }
  }
  const done = [...out.deleted, ...out.missing].map((v) => v.id);
  wb.write(
    {
      event: 'old_copies_deleted',
      entity: 'workbench',
      detail: `${out.deleted.length} deleted, ${out.changed.length} changed since written (kept), ${out.missing.length} gone`,
    },
    (db) => {
      const mark = db.prepare('UPDATE workbench_copies SET deleted_at = ? WHERE id = ?');
      const at = new Date().toISOString();
      for (const id of done) mark.run([at, id]);
    },
  );
  return out;
}
