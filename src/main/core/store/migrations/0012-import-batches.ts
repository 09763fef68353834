import type { Migration } from './types';

/**
 * Issue 19, import of real files: every import is a batch. `import_batches` keeps what was
 * imported (file name, the SHA-256 of its bytes, the mapping, counts) and when a coordinator
 * undid it; each imported incident points at its batch, so the list can show "this import" and
 * an undo removes exactly its incidents. `import_record_keys` holds, per batch, the SHA-256 of
 * each source record id (Seattle's Template ID): a later import of the same records is told
 * apart from rows that merely look alike, without the source's ids themselves being stored.
 */
export const m0012: Migration = {
  version: 12,
  name: 'import-batches',
  up(db) {
    db.exec(`
      CREATE TABLE import_batches (
        id INTEGER PRIMARY KEY,
        file_name TEXT NOT NULL CHECK (length(file_name) > 0),
        file_sha256 TEXT NOT NULL CHECK (length(file_sha256) = 64),
        source TEXT NOT NULL CHECK (length(source) > 0),
        rows INTEGER NOT NULL CHECK (rows >= 0),
        incidents INTEGER NOT NULL CHECK (incidents >= 0),
        skipped_repeats INTEGER NOT NULL DEFAULT 0 CHECK (skipped_repeats >= 0),
        created_at TEXT NOT NULL,
        undone_at TEXT
      ) STRICT;
      CREATE INDEX import_batches_file ON import_batches (file_sha256) WHERE undone_at IS NULL;
      CREATE TABLE import_record_keys (
        key_sha256 TEXT NOT NULL CHECK (length(key_sha256) = 64),
        batch_id INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
        PRIMARY KEY (key_sha256, batch_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX import_record_keys_batch ON import_record_keys (batch_id);
      ALTER TABLE incidents ADD COLUMN import_batch_id INTEGER REFERENCES import_batches (id);
      CREATE INDEX incidents_import_batch ON incidents (import_batch_id) WHERE import_batch_id IS NOT NULL;
    `);
  },
};
