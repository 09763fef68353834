import type { Migration } from './types';

/**
 * Issue 16, item 5: the copies of the workbench Casewalk writes outside the live file — each
 * `.cwbackup` and each file of a `.replaced-*` copy kept by a restore — with where it was
 * written and the SHA-256 of what was written. Removing a keyholder rotates the data key of
 * the live workbench only; these copies still open with the removed keyholder's passphrase and
 * the old recovery key, so the removal lists them and can delete those still exactly as
 * Casewalk wrote them (`deleted_at` set; a file that changed since is never deleted).
 */
export const m0011: Migration = {
  version: 11,
  name: 'workbench-copies',
  up(db) {
    db.exec(`
      CREATE TABLE workbench_copies (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('backup', 'replaced')),
        path TEXT NOT NULL CHECK (length(path) > 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        bytes INTEGER NOT NULL CHECK (bytes >= 0),
        created_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX workbench_copies_live_path ON workbench_copies (path) WHERE deleted_at IS NULL;
    `);
  },
};
