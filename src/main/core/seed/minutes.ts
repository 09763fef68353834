/**
 * Issue 19: a history of minutes. After the seed's main transaction, every ended meeting's minutes
 * are drafted from its record and approved at the next ended meeting, on that meeting's day,
 * through the minutes services (real sections, hash and audit entries); the latest ended meeting's
 * minutes stay a draft, to be approved at the next meeting.
 */
import { approveMinutes, draftMinutes } from '../minutes/minutes';
import type { Workbench } from '../store/workbench';

export function seedMinutes(wb: Workbench, today: string): number {
  const ended = wb.read(
    (db) =>
      db.prepare("SELECT id, date FROM meetings WHERE status = 'ended' AND date <= ? ORDER BY date, id").all([today]) as {
        id: number;
        date: string;
      }[],
  );
  ended.forEach((m, i) => {
    const prev = ended[i - 1];
    // At this meeting the previous minutes are approved, then this meeting's minutes are drafted from the record.
    if (prev) approveMinutes(wb, prev.id, m.id, m.date);
    draftMinutes(wb, m.id, false, m.date);
  });
  if (ended.length > 1) {
    // The approval is dated on the day of the meeting that approved it, never the day the seed ran.
    wb.write({ event: 'update', entity: 'minutes:seed', detail: `${ended.length - 1} seeded approvals dated on their meetings` }, (db) => {
      db.prepare(
        `UPDATE minutes SET approved_at = (SELECT m.date || 'T15:30:00.000Z' FROM meetings m WHERE m.id = minutes.approved_at_meeting_id),
         updated_at = (SELECT m.date || 'T15:30:00.000Z' FROM meetings m WHERE m.id = minutes.approved_at_meeting_id)
         WHERE status = 'approved' AND approved_at_meeting_id IN (SELECT value FROM json_each(?))`,
      ).run([JSON.stringify(ended.map((m) => m.id))]);
    });
  }
  return ended.length;
}
