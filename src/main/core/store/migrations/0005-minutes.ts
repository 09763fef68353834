import type { Migration } from './types';

/** Minutes per meeting: structured sections, approval with a content hash, numbered amendments. */
export const m0005: Migration = {
  version: 5,
  name: 'minutes',
  up(db) {
    db.exec(`
      CREATE TABLE minutes (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL UNIQUE REFERENCES meetings (id) ON DELETE CASCADE,
        status TEXT NOT NULL DEFAULT 'draft',
        sections TEXT NOT NULL,
        approved_at TEXT,
        approved_by TEXT,
        approved_hash TEXT,
        approved_at_meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE minutes_amendments (
        id INTEGER PRIMARY KEY,
        minutes_id INTEGER NOT NULL REFERENCES minutes (id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        sections TEXT NOT NULL,
        diff TEXT NOT NULL,
        reason TEXT NOT NULL,
        hash TEXT NOT NULL,
        at TEXT NOT NULL,
        member TEXT,
        UNIQUE (minutes_id, number)
      ) STRICT;
    `);
  },
};
