import type { Migration } from './types';

/** Keyholders as committee people: the keyslot file holds their keys, this table their record. */
export const m0002: Migration = {
  version: 2,
  name: 'keyholders',
  up(db) {
    db.exec(`
      CREATE TABLE keyholders (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        added_at TEXT NOT NULL,
        removed_at TEXT
      ) STRICT;
    `);
  },
};
