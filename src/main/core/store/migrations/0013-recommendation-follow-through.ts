import type { Migration } from './types';

/**
 * Issue 20: a recommendation is followed through after the meeting. The status lifecycle grows
 * (proposed → adopted → sent → response received → in progress → reported implemented →
 * verified implemented | declined | superseded | no longer applicable) with a closure code on
 * closing; the receiving agency's response, the verification and the effect measure are kept on
 * the recommendation, and each effect check in its own table.
 *
 * Today's statuses map onto the lifecycle (accepted → adopted, completed → reported implemented:
 * never verified without evidence). History is kept: each history row takes the new status and
 * remembers the one it was recorded as (`was`).
 */
export const m0013: Migration = {
  version: 13,
  name: 'recommendation-follow-through',
  up(db) {
    db.exec(`
      ALTER TABLE recommendations ADD COLUMN closure_code TEXT;
      ALTER TABLE recommendations ADD COLUMN superseded_by INTEGER REFERENCES recommendations (id);
      ALTER TABLE recommendations ADD COLUMN response_due TEXT;
      ALTER TABLE recommendations ADD COLUMN sent_on TEXT;
      ALTER TABLE recommendations ADD COLUMN response_kind TEXT;
      ALTER TABLE recommendations ADD COLUMN response_date TEXT;
      ALTER TABLE recommendations ADD COLUMN response_rationale TEXT NOT NULL DEFAULT '';
      ALTER TABLE recommendations ADD COLUMN planned_action TEXT NOT NULL DEFAULT '';
      ALTER TABLE recommendations ADD COLUMN planned_date TEXT;
      ALTER TABLE recommendations ADD COLUMN verified_what TEXT NOT NULL DEFAULT '';
      ALTER TABLE recommendations ADD COLUMN verified_by TEXT NOT NULL DEFAULT '';
      ALTER TABLE recommendations ADD COLUMN verified_on TEXT;
      ALTER TABLE recommendations ADD COLUMN verified_evidence TEXT NOT NULL DEFAULT '';
      ALTER TABLE recommendations ADD COLUMN measure_kind TEXT;
      ALTER TABLE recommendations ADD COLUMN baseline TEXT NOT NULL DEFAULT '';
      ALTER TABLE recommendations ADD COLUMN target TEXT NOT NULL DEFAULT '';
      ALTER TABLE recommendations ADD COLUMN measure_date TEXT;
      ALTER TABLE recommendations ADD COLUMN measured_by_organisation_id INTEGER REFERENCES organisations (id);
      ALTER TABLE recommendation_history ADD COLUMN was TEXT;

      CREATE TABLE recommendation_effect_checks (
        id INTEGER PRIMARY KEY,
        recommendation_id INTEGER NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
        due_date TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('measure', 'verified')),
        result TEXT CHECK (result IN ('met', 'partly', 'not_met', 'not_measurable')),
        value TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        checked_at TEXT,
        checked_by TEXT,
        meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL
      ) STRICT;
      CREATE INDEX recommendation_effect_checks_due ON recommendation_effect_checks (due_date) WHERE result IS NULL;
      CREATE INDEX recommendation_effect_checks_rec ON recommendation_effect_checks (recommendation_id);

      UPDATE recommendation_history SET was = status, status = 'adopted' WHERE status = 'accepted';
      UPDATE recommendation_history SET was = status, status = 'reported_implemented' WHERE status = 'completed';
      UPDATE recommendations SET status = 'adopted' WHERE status = 'accepted';
      UPDATE recommendations SET status = 'reported_implemented' WHERE status = 'completed';
      UPDATE recommendations SET response_due = date(
          coalesce((SELECT m.date FROM meetings m WHERE m.id = recommendations.meeting_id), substr(created_at, 1, 10)), '+60 days')
        WHERE status != 'proposed';
    `);
  },
};
