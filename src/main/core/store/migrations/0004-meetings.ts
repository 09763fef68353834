import type { Migration } from './types';

/** Committee roster and partner organisations, meetings with agendas and attendance, findings and recommendations. */
export const m0004: Migration = {
  version: 4,
  name: 'meetings',
  up(db) {
    db.exec(`
      CREATE TABLE members (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        organisation TEXT,
        sector TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT 'member',
        active INTEGER NOT NULL DEFAULT 1,
        keyholder_id TEXT,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE organisations (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        sector TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE meetings (
        id INTEGER PRIMARY KEY,
        date TEXT NOT NULL,
        time TEXT NOT NULL,
        length_minutes INTEGER NOT NULL,
        place TEXT NOT NULL DEFAULT '',
        virtual INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'planned',
        notes TEXT NOT NULL DEFAULT '',
        started_at TEXT,
        ended_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX meetings_date ON meetings (date);

      CREATE TABLE agenda_items (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        minutes INTEGER NOT NULL,
        incident_id INTEGER REFERENCES incidents (id) ON DELETE SET NULL,
        completed INTEGER NOT NULL DEFAULT 0,
        started_at TEXT,
        notes TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, position);
      CREATE INDEX agenda_items_incident ON agenda_items (incident_id);

      CREATE TABLE attendance (
        meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        member_id INTEGER NOT NULL REFERENCES members (id),
        status TEXT NOT NULL,
        attested_at TEXT,
        PRIMARY KEY (meeting_id, member_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE findings (
        id INTEGER PRIMARY KEY,
        incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
        category TEXT NOT NULL,
        kind TEXT NOT NULL,
        intercept TEXT,
        goals INTEGER NOT NULL DEFAULT 0,
        timeline_event_id INTEGER REFERENCES timeline_events (id) ON DELETE SET NULL,
        description TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT
      ) STRICT;
      CREATE INDEX findings_incident ON findings (incident_id);
      CREATE INDEX findings_meeting ON findings (meeting_id);

      CREATE TABLE recommendations (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        action TEXT NOT NULL,
        owner_member_id INTEGER REFERENCES members (id),
        owner_organisation_id INTEGER REFERENCES organisations (id),
        due_date TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'proposed',
        status_at TEXT NOT NULL,
        measure TEXT NOT NULL DEFAULT '',
        action_type TEXT NOT NULL,
        strength TEXT NOT NULL,
        meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        CHECK ((owner_member_id IS NULL) != (owner_organisation_id IS NULL))
      ) STRICT;
      CREATE INDEX recommendations_status_due ON recommendations (status, due_date);

      CREATE TABLE recommendation_findings (
        recommendation_id INTEGER NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
        finding_id INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
        PRIMARY KEY (recommendation_id, finding_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX recommendation_findings_finding ON recommendation_findings (finding_id);

      CREATE TABLE recommendation_history (
        id INTEGER PRIMARY KEY,
        recommendation_id INTEGER NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
        status TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,
        member TEXT
      ) STRICT;
    `);
  },
};
