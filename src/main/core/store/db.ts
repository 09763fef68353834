/**
 * Opening a workbench file with its raw data key, and the branded reader/writer types
 * (after Signal Desktop): functions that only read take ReadableDB; only code running inside
 * `Workbench.write()` gets a WritableDB.
 */
import fs from 'node:fs';
import Database from '@signalapp/sqlcipher';
import { CasewalkError } from '../../../shared/result';

declare const readable: unique symbol;
declare const writable: unique symbol;
export type ReadableDB = Database & { readonly [readable]: true };
export type WritableDB = ReadableDB & { readonly [writable]: true };

/** "CWK1": set by the first migration; a SQLCipher file without it is not a Casewalk workbench. */
export const APPLICATION_ID = 0x43574b31;
const PLAIN_SQLITE_HEADER = 'SQLite format 3\0';

/** Owner read/write only. Best effort: Windows has no POSIX modes. */
export function ownerOnly(file: string): void {
  try {
    fs.chmodSync(file, 0o600);
  } catch {
    /* missing file or no POSIX modes */
  }
}

export function keyPragma(key: Buffer): string {
  return `key = "x'${key.toString('hex')}'"`;
}

/**
 * Opens and proves the key by reading the schema. A wrong key is detected before anything is
 * written: no journal mode or pragma that writes runs until the key is known to be right.
 */
export function openWithKey(file: string, key: Buffer, opts: { create?: boolean } = {}): WritableDB {
  if (!opts.create) {
    let header: Buffer;
    try {
      const fd = fs.openSync(file, 'r');
      header = Buffer.alloc(16);
      fs.readSync(fd, header, 0, 16, 0);
      fs.closeSync(fd);
    } catch {
      throw new CasewalkError('not_found', 'There is no workbench file at that location.');
    }
    if (header.toString('latin1') === PLAIN_SQLITE_HEADER) {
      throw new CasewalkError('not_a_workbench', 'Not a Casewalk workbench: this is an unencrypted SQLite file.');
    }
  }
  // SQLite creates the WAL and SHM with the database file's mode: make that 0600 first (a new
  // file is created empty, which SQLite treats as a new database; an older one is tightened).
  if (opts.create) fs.closeSync(fs.openSync(file, 'wx', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) ownerOnly(f);
  const db = new Database(file, { cacheStatements: true });
  try {
    db.pragma('cipher_log_level = NONE');
    db.pragma(keyPragma(key));
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    db.close();
    throw e;
  }
  db.pragma('journal_mode = WAL');
  for (const f of [`${file}-wal`, `${file}-shm`]) ownerOnly(f);
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY'); // no plaintext temp files
  return db as WritableDB;
}

export function isNotADatabase(e: unknown): boolean {
  return e instanceof Error && /SQLITE_NOTADB|file is not a database|SQLITE_CORRUPT/i.test(e.message);
}

/** The timestamp written into rows and audit entries: UTC, ISO 8601. */
export function now(): string {
  return new Date().toISOString();
}
