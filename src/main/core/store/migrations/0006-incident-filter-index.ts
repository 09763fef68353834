import type { Migration } from './types';

/**
 * A narrow covering index for list filters and counts: incident rows are wide (narrative),
 * so counting "emergency detentions in 2020 matching a search" reads this index, not the table.
 */
export const m0006: Migration = {
  version: 6,
  name: 'incident-filter-index',
  up(db) {
    db.exec(`
      CREATE INDEX incidents_filter ON incidents (occurred, status, call_source, dispositions, responders, intercepts, open_identifiers);
      ANALYZE;
    `);
  },
};
