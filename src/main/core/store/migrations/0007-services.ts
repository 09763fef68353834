import type { Migration } from './types';

/** Crisis services and their weekly hours, versioned by effective date (issue: 24/7 coverage). */
export const m0007: Migration = {
  version: 7,
  name: 'services',
  up(db) {
    db.exec(`
      CREATE TABLE services (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        sector TEXT NOT NULL,
        areas TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE service_hours (
        id INTEGER PRIMARY KEY,
        service_id INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,
        effective_from TEXT NOT NULL,
        weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        start TEXT NOT NULL,
        end TEXT NOT NULL
      ) STRICT;
      CREATE INDEX service_hours_service ON service_hours (service_id, effective_from);
    `);
  },
};
