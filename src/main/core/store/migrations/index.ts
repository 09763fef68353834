/**
 * Numbered migrations (after Signal Desktop): one file per change, each applied in its own
 * transaction with `PRAGMA user_version`. A database from a newer Casewalk is refused untouched.
 */
import { CasewalkError } from '../../../../shared/result';
import type { WritableDB } from '../db';
import type { Migration } from './types';
import { m0001 } from './0001-initial';
import { m0002 } from './0002-keyholders';
import { m0003 } from './0003-incidents';
import { m0004 } from './0004-meetings';
import { m0005 } from './0005-minutes';
import { m0006 } from './0006-incident-filter-index';
import { m0007 } from './0007-services';
import { m0008 } from './0008-systemic-findings';
import { m0009 } from './0009-incident-facets-index';
import { m0010 } from './0010-record-amendments';
import { m0011 } from './0011-workbench-copies';
import { m0012 } from './0012-import-batches';
import { m0013 } from './0013-recommendation-follow-through';
import { m0014 } from './0014-incident-facets-source';

export const MIGRATIONS: readonly Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0008,
  m0009,
  m0010,
  m0011,
  m0012,
  m0013,
  m0014,
];
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: WritableDB): number {
  return Number(db.pragma('user_version', { simple: true }) ?? 0);
}

/** Refuses a newer database before anything is written; then applies what is missing. */
export function checkVersion(db: WritableDB): number {
  const v = schemaVersion(db);
  if (v > LATEST_VERSION) {
    throw new CasewalkError(
      'newer_version',
      `This workbench was written by a newer Casewalk (schema ${v}; this version reads up to ${LATEST_VERSION}). Update Casewalk to open it; nothing was changed.`,
    );
  }
  return v;
}

export function migrate(db: WritableDB, upTo: number = LATEST_VERSION): number {
  let v = checkVersion(db);
  for (const m of MIGRATIONS) {
    if (m.version <= v || m.version > upTo) continue;
    if (m.rebuildsTables) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        m.up(db);
        if (m.rebuildsTables) {
          const broken = db.prepare('PRAGMA foreign_key_check').all() as { table: string; rowid: number; parent: string }[];
          if (broken.length) {
            const b = broken[0]!;
            throw new CasewalkError(
              'damaged',
              `Migration ${m.version} (${m.name}) would leave ${broken.length} broken reference(s), first ${b.table} row ${b.rowid} → ${b.parent}; nothing was changed.`,
            );
          }
        }
        db.pragma(`user_version = ${m.version}`);
      })();
    } finally {
      if (m.rebuildsTables) db.pragma('foreign_keys = ON');
    }
    v = m.version;
  }
  return v;
}
