/** What is derived from an incident's text: the search index and the count of unresolved identifiers. */
import type { WritableDB } from '../store/db';
import { getDetail } from './detail';

/** Re-indexes one incident for search and recounts its unresolved identifiers. */
export function refreshDerived(db: WritableDB, id: number): number {
  const detail = getDetail(db, id);
  const i = detail.incident;
  const open = detail.findings.filter((f) => !f.dismissed).length;
  db.prepare('UPDATE incidents SET open_identifiers = ? WHERE id = ?').run([open, id]);
  db.prepare('DELETE FROM incidents_fts WHERE rowid = ?').run([id]);
  db.prepare('INSERT INTO incidents_fts (rowid, code, call_types, area, narrative, timeline, tags) VALUES (?, ?, ?, ?, ?, ?, ?)').run([
    id,
    i.code,
    [i.initialCallType, i.finalCallType].filter(Boolean).join(' '),
    i.area ?? '',
    i.narrative,
    detail.timeline.map((e) => e.description).join('\n'),
    i.tags.join(' '),
  ]);
  return open;
}

/** An incident waiting for review that gains an unresolved identifier goes back to draft. */
export function demoteIfGuarded(db: WritableDB, id: number): boolean {
  const open = refreshDerived(db, id);
  const status = (db.prepare('SELECT status FROM incidents WHERE id = ?').get([id]) as { status: string }).status;
  if (open > 0 && status === 'ready_for_review') {
    db.prepare("UPDATE incidents SET status = 'draft' WHERE id = ?").run([id]);
    return true;
  }
  return false;
}
