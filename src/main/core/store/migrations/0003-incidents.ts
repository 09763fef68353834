import type { Migration } from './types';

/**
 * Incidents, their timelines, identifier-guard dismissals and full-text search.
 * Multi-valued value sets are bit masks (see src/shared/incidents/values.ts: order is format).
 * The FTS5 table lives inside the encrypted database like everything else.
 */
export const m0003: Migration = {
  version: 3,
  name: 'incidents',
  up(db) {
    db.exec(`
      CREATE TABLE incidents (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        occurred_year INTEGER NOT NULL,
        occurred_month INTEGER NOT NULL CHECK (occurred_month BETWEEN 1 AND 12),
        occurred INTEGER GENERATED ALWAYS AS (occurred_year * 100 + occurred_month) STORED,
        weekday INTEGER CHECK (weekday BETWEEN 1 AND 7),
        hour_of_day INTEGER CHECK (hour_of_day BETWEEN 0 AND 23),
        area TEXT,
        call_source TEXT,
        initial_call_type TEXT,
        final_call_type TEXT,
        responders INTEGER NOT NULL DEFAULT 0,
        cit_requested INTEGER NOT NULL DEFAULT 0,
        cit_dispatched INTEGER NOT NULL DEFAULT 0,
        cit_arrived INTEGER NOT NULL DEFAULT 0,
        weapon TEXT,
        threats INTEGER NOT NULL DEFAULT 0,
        injuries INTEGER NOT NULL DEFAULT 0,
        force TEXT,
        restraint INTEGER NOT NULL DEFAULT 0,
        handcuffs INTEGER NOT NULL DEFAULT 0,
        behaviours INTEGER NOT NULL DEFAULT 0,
        dispositions INTEGER NOT NULL DEFAULT 0,
        referrals TEXT,
        follow_up_7 TEXT NOT NULL DEFAULT 'unknown',
        veteran TEXT NOT NULL DEFAULT 'unknown',
        prior_contacts INTEGER,
        intercepts INTEGER NOT NULL DEFAULT 0,
        narrative TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'draft',
        source TEXT NOT NULL DEFAULT 'manual',
        open_identifiers INTEGER NOT NULL DEFAULT 0,
        version INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX incidents_occurred ON incidents (occurred, code);
      CREATE INDEX incidents_status ON incidents (status, occurred);
      CREATE INDEX incidents_open_identifiers ON incidents (open_identifiers) WHERE open_identifiers > 0;

      CREATE TABLE incident_tags (
        incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (incident_id, tag)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX incident_tags_tag ON incident_tags (tag, incident_id);

      CREATE TABLE timeline_events (
        id INTEGER PRIMARY KEY,
        incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        time TEXT NOT NULL,
        actor TEXT NOT NULL,
        kind TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        decision_point INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX timeline_events_incident ON timeline_events (incident_id, position);

      -- "Not an identifier" decisions: keyed by location, kind and a hash of the matched text, so
      -- they survive edits elsewhere in the text but not a change of the text they cover.
      CREATE TABLE identifier_dismissals (
        id INTEGER PRIMARY KEY,
        incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        field TEXT NOT NULL,
        type TEXT NOT NULL,
        value_hash TEXT NOT NULL,
        reason TEXT NOT NULL,
        member TEXT,
        at TEXT NOT NULL,
        UNIQUE (incident_id, field, type, value_hash)
      ) STRICT;

      CREATE VIRTUAL TABLE incidents_fts USING fts5 (
        code, call_types, area, narrative, timeline, tags,
        tokenize = 'unicode61 remove_diacritics 2'
      );
    `);
  },
};
