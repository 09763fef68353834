import type { Migration } from './types';

/**
 * Findings and recommendations stay fixable after their meeting (issue 15 §5):
 * - `record_amendments`: a numbered change to a finding or a recommendation once it is part of
 *   the record (its meeting ended, or the recommendation is completed or declined), with the
 *   reason, who, when, a line diff and the SHA-256 of the text after, like minutes amendments.
 * - `text_dismissals`: "not an identifier" decisions on a finding's or recommendation's text,
 *   with the reason (kept here, encrypted, not in the audit log: it may quote the text).
 * Each row belongs to exactly one finding or one recommendation and goes with it.
 */
export const m0010: Migration = {
  version: 10,
  name: 'record-amendments',
  up(db) {
    db.exec(`
      CREATE TABLE record_amendments (
        id INTEGER PRIMARY KEY,
        finding_id INTEGER REFERENCES findings (id) ON DELETE CASCADE,
        recommendation_id INTEGER REFERENCES recommendations (id) ON DELETE CASCADE,
        number INTEGER NOT NULL CHECK (number > 0),
        changes TEXT NOT NULL,
        diff TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        hash TEXT NOT NULL,
        at TEXT NOT NULL,
        member TEXT,
        CHECK ((finding_id IS NULL) != (recommendation_id IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX record_amendments_finding ON record_amendments (finding_id, number) WHERE finding_id IS NOT NULL;
      CREATE UNIQUE INDEX record_amendments_recommendation ON record_amendments (recommendation_id, number) WHERE recommendation_id IS NOT NULL;

      CREATE TABLE text_dismissals (
        id INTEGER PRIMARY KEY,
        finding_id INTEGER REFERENCES findings (id) ON DELETE CASCADE,
        recommendation_id INTEGER REFERENCES recommendations (id) ON DELETE CASCADE,
        field TEXT NOT NULL CHECK (field IN ('description', 'action', 'measure')),
        type TEXT NOT NULL,
        value_hash TEXT NOT NULL,
        reason TEXT NOT NULL,
        member TEXT,
        at TEXT NOT NULL,
        CHECK ((finding_id IS NULL) != (recommendation_id IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX text_dismissals_finding ON text_dismissals (finding_id, field, type, value_hash) WHERE finding_id IS NOT NULL;
      CREATE UNIQUE INDEX text_dismissals_recommendation ON text_dismissals (recommendation_id, field, type, value_hash) WHERE recommendation_id IS NOT NULL;
    `);
  },
};
