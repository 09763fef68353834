/** Ending a meeting: its case reviews not marked reviewed go onto the next planned meeting's agenda, before "other business". */
import { CasewalkError } from '../../../shared/result';
import type { ReadableDB, WritableDB } from '../store/db';

interface Unreviewed {
  incident_id: number;
  title: string;
  minutes: number;
}

/** The next planned meeting after `date`, if any: where ending a meeting carries its unreviewed cases. */
export function nextPlanned(db: ReadableDB, date: string): { id: number; date: string } | null {
  return (
    (db.prepare("SELECT id, date FROM meetings WHERE date > ? AND status = 'planned' ORDER BY date, time, id LIMIT 1").get([date]) as
      { id: number; date: string } | undefined) ?? null
  );
}

/** Returns how many case reviews moved; throws (and the meeting does not end) when there is nowhere to carry them. */
export function carryUnreviewed(db: WritableDB, meeting: { id: number; date: string }): number {
  const open = db
    .prepare(
      "SELECT incident_id, title, minutes FROM agenda_items WHERE meeting_id = ? AND kind = 'case_review' AND completed = 0 AND incident_id IS NOT NULL ORDER BY position, id",
    )
    .all([meeting.id]) as unknown as Unreviewed[];
  if (!open.length) return 0;
  const next = nextPlanned(db, meeting.date);
  if (!next) {
    throw new CasewalkError(
      'invalid_input',
      'There is no later planned meeting to carry the unreviewed cases to. Plan the next meeting first, or end without carrying them.',
    );
  }
  const items = db.prepare('SELECT id, kind FROM agenda_items WHERE meeting_id = ? ORDER BY position, id').all([next.id]) as {
    id: number;
    kind: string;
  }[];
  const onNext = new Set(
    (
      db.prepare('SELECT incident_id FROM agenda_items WHERE meeting_id = ? AND incident_id IS NOT NULL').all([next.id]) as {
        incident_id: number;
      }[]
    ).map((r) => r.incident_id),
  );
  const ids = items.map((i) => i.id);
  const tail = items.at(-1)?.kind === 'other_business' ? ids.pop() : undefined;
  const insert = db.prepare('INSERT INTO agenda_items (meeting_id, position, kind, title, minutes, incident_id) VALUES (?, ?, ?, ?, ?, ?)');
  let moved = 0;
  for (const o of open) {
    if (onNext.has(o.incident_id)) continue;
    ids.push(Number(insert.run([next.id, ids.length, 'case_review', o.title, o.minutes, o.incident_id]).lastInsertRowid));
    moved++;
  }
  if (tail !== undefined) ids.push(tail);
  const up = db.prepare('UPDATE agenda_items SET position = ? WHERE id = ?');
  ids.forEach((id, i) => up.run([i, id]));
  return moved;
}
