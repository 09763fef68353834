/**
 * Import batches (migration 0012): every import is one batch, a repeated file or repeated
 * source records are found before anything is written, and a batch can be undone as a whole.
 * Repeats are exact: the same bytes, or the same source record id (hashed). Rows that merely
 * look alike are different incidents (Toronto's file has 930 rows equal to another row).
 */
import { CasewalkError } from '../../../shared/result';
import type { ImportBatch, ImportReport } from '../../../shared/import/schemas';
import type { ReadableDB, WritableDB } from '../store/db';
import type { Workbench } from '../store/workbench';
import { sql } from '../store/sql';

interface BatchRow {
  id: number;
  file_name: string;
  file_sha256: string;
  source: string;
  rows: number;
  incidents: number;
  skipped_repeats: number;
  created_at: string;
  undone_at: string | null;
  remaining: number;
}

const SELECT_BATCHES = `SELECT b.*, (SELECT count(*) FROM incidents i WHERE i.import_batch_id = b.id) AS remaining FROM import_batches b`;

const toBatch = (r: BatchRow): ImportBatch => ({
  id: r.id,
  fileName: r.file_name,
  fileSha256: r.file_sha256,
  source: r.source,
  rows: r.rows,
  incidents: r.incidents,
  remaining: r.remaining,
  skippedRepeats: r.skipped_repeats,
  importedAt: r.created_at,
  undoneAt: r.undone_at,
});

/** Newest first. */
export function listBatches(db: ReadableDB): ImportBatch[] {
  return (db.prepare(`${SELECT_BATCHES} ORDER BY b.id DESC`).all() as unknown as BatchRow[]).map(toBatch);
}

function getBatch(db: ReadableDB, id: number): ImportBatch {
  const r = db.prepare(`${SELECT_BATCHES} WHERE b.id = ?`).get([id]) as unknown as BatchRow | undefined;
  if (!r) throw new CasewalkError('not_found', `There is no import #${id}. See the list of imports.`);
  return toBatch(r);
}

/** What an earlier, not undone import already holds of this file: the same bytes, and which record keys. */
export function findRepeats(
  db: ReadableDB,
  fileSha256: string,
  keys: readonly (string | null)[],
): { file: NonNullable<ImportReport['repeat']['file']> | null; repeated: boolean[] } {
  const f = db
    .prepare(
      'SELECT id, file_name, created_at, incidents FROM import_batches WHERE file_sha256 = ? AND undone_at IS NULL ORDER BY id LIMIT 1',
    )
    .get([fileSha256]) as { id: number; file_name: string; created_at: string; incidents: number } | undefined;
  const file = f ? { batchId: f.id, fileName: f.file_name, importedAt: f.created_at, incidents: f.incidents } : null;
  if (file) return { file, repeated: keys.map(() => true) };
  const has = db.prepare(
    'SELECT 1 FROM import_record_keys k JOIN import_batches b ON b.id = k.batch_id WHERE k.key_sha256 = ? AND b.undone_at IS NULL LIMIT 1',
  );
  const anyKeys = (db.prepare('SELECT 1 FROM import_record_keys LIMIT 1').get() as unknown) !== undefined;
  return { file: null, repeated: keys.map((k) => anyKeys && k !== null && has.get([k]) !== undefined) };
}

/** The words a refused repeat gives (the dry run shows the same facts). */
export function repeatMessage(repeat: ImportReport['repeat'], total: number): string {
  const how = 'Nothing was imported. Undo the earlier import first, or choose to skip the repeated records.';
  if (repeat.file) {
    const when = repeat.file.importedAt.slice(0, 10);
    return `This file was already imported on ${when} (import #${repeat.file.batchId}, "${repeat.file.fileName}", ${repeat.file.incidents.toLocaleString('en')} incidents). ${how}`;
  }
  return `${repeat.records.toLocaleString('en')} of the ${total.toLocaleString('en')} incidents in this file were already imported (same record id). ${how}`;
}

/** Writes the batch row and its record keys; returns the batch id for the incidents. */
export function insertBatch(
  db: WritableDB,
  b: { fileName: string; fileSha256: string; source: string; rows: number; incidents: number; skippedRepeats: number; at: string },
  keys: Iterable<string>,
): number {
  const r = db
    .prepare(
      'INSERT INTO import_batches (file_name, file_sha256, source, rows, incidents, skipped_repeats, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run([b.fileName, b.fileSha256, b.source, b.rows, b.incidents, b.skippedRepeats, b.at]);
  const id = Number(r.lastInsertRowid);
  const key = db.prepare('INSERT OR IGNORE INTO import_record_keys (key_sha256, batch_id) VALUES (?, ?)');
  for (const k of keys) key.run([k, id]);
  return id;
}

/** Why a batch cannot be undone (its incidents are on an agenda, or part of the committee record), or null. */
function undoBlocker(db: ReadableDB, batch: ImportBatch): string | null {
  const onAgenda = sql`SELECT i.code AS code, m.date AS date FROM agenda_items a JOIN incidents i ON i.id = a.incident_id
    JOIN meetings m ON m.id = a.meeting_id WHERE i.import_batch_id = ${batch.id} ORDER BY m.date, i.code`;
  const rows = db.prepare(onAgenda.text).all(onAgenda.params) as { code: string; date: string }[];
  if (rows.length) {
    const named = rows
      .slice(0, 3)
      .map((r) => `${r.code} (meeting of ${r.date})`)
      .join(', ');
    const more = rows.length > 3 ? ` and ${rows.length - 3} more` : '';
    return `Import #${batch.id} cannot be undone: ${rows.length === 1 ? 'one of its incidents is' : `${rows.length} of its incidents are`} on an agenda: ${named}${more}. Take them off the agenda first. Nothing was changed.`;
  }
  const recorded = db
    .prepare(
      `SELECT count(*) AS n FROM incidents i WHERE i.import_batch_id = ? AND (i.status IN ('reviewed', 'closed') OR EXISTS (SELECT 1 FROM findings f WHERE f.incident_id = i.id))`,
    )
    .get([batch.id]) as { n: number };
  if (recorded.n > 0)
    return `Import #${batch.id} cannot be undone: ${recorded.n} of its incidents were reviewed and are part of the committee record. Nothing was changed.`;
  return null;
}

/** Removes every incident of a batch and marks it undone, in one audited transaction; refused with the reason otherwise. */
export function undoBatch(wb: Workbench, id: number): { batch: ImportBatch; removed: number } {
  return wb.write(
    (r: { batch: ImportBatch; removed: number }) => ({
      event: 'import_undone',
      entity: `import_batch:${id}`,
      detail: `${r.batch.fileName} (${r.batch.source}): ${r.removed} incidents removed`,
    }),
    (db) => {
      const batch = getBatch(db, id);
      if (batch.undoneAt) throw new CasewalkError('conflict', `Import #${id} was already undone on ${batch.undoneAt.slice(0, 10)}.`);
      const blocker = undoBlocker(db, batch);
      if (blocker) throw new CasewalkError('conflict', blocker);
      db.prepare('DELETE FROM incidents_fts WHERE rowid IN (SELECT id FROM incidents WHERE import_batch_id = ?)').run([id]);
      const removed = Number(db.prepare('DELETE FROM incidents WHERE import_batch_id = ?').run([id]).changes);
      db.prepare('DELETE FROM import_record_keys WHERE batch_id = ?').run([id]);
      db.prepare('UPDATE import_batches SET undone_at = ? WHERE id = ?').run([new Date().toISOString(), id]);
      return { batch: getBatch(db, id), removed };
    },
  );
}
