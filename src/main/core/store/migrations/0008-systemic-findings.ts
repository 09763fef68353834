import type { Migration } from './types';

/**
 * Systemic findings (issue: 24/7 coverage): a finding may come from a coverage gap instead of
 * one incident, so `findings.incident_id` becomes nullable and `source` says where a finding
 * came from. SQLite cannot drop NOT NULL in place; the table is rebuilt (ids kept, so
 * recommendation links survive) with foreign keys off, as the runner does for `rebuildsTables`.
 */
export const m0008: Migration = {
  version: 8,
  name: 'systemic-findings',
  rebuildsTables: true,
  up(db) {
    db.exec(`
      CREATE TABLE findings_new (
        id INTEGER PRIMARY KEY,
        incident_id INTEGER REFERENCES incidents (id) ON DELETE CASCADE,
        source TEXT NOT NULL DEFAULT 'case' CHECK (source IN ('case', 'coverage')),
        meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
        category TEXT NOT NULL,
        kind TEXT NOT NULL,
        intercept TEXT,
        goals INTEGER NOT NULL DEFAULT 0,
        timeline_event_id INTEGER REFERENCES timeline_events (id) ON DELETE SET NULL,
        description TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT,
        CHECK ((source = 'case') = (incident_id IS NOT NULL))
      ) STRICT;
      INSERT INTO findings_new (id, incident_id, source, meeting_id, category, kind, intercept, goals, timeline_event_id, description, created_at, created_by)
        SELECT id, incident_id, 'case', meeting_id, category, kind, intercept, goals, timeline_event_id, description, created_at, created_by FROM findings;
      DROP TABLE findings;
      ALTER TABLE findings_new RENAME TO findings;
      CREATE INDEX findings_incident ON findings (incident_id);
      CREATE INDEX findings_meeting ON findings (meeting_id);
      CREATE INDEX findings_source ON findings (source) WHERE source != 'case';
    `);
  },
};
