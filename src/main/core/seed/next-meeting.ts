/**
 * Issue 19: the seed always leaves a planned next meeting after the anchor date, ready to walk:
 * at least three case reviews (recent incidents not yet reviewed, made ready for review, as the
 * agenda builder requires) and at least twelve open recommendations on its follow-up item (what
 * `carriedForward` counts: open and due before the meeting after it).
 */
import { ACTION_STRENGTH } from '../../../shared/meetings/values';
import { OPEN_REC_STATUSES } from '../../../shared/recommendations/values';
import { CasewalkError } from '../../../shared/result';
import { assertDocClean } from '../exports/guard';
import { exportAllowed } from '../meetings/allowed';
import { packetDoc } from '../meetings/documents';
import { carriedForward } from '../meetings/meetings';
import { addDays } from '../../../shared/dates';
import type { WritableDB } from '../store/db';
import { recommendationFor } from './texts';

export const NEXT_MEETING_CASES = 3;
const NEXT_MEETING_FOLLOW_UPS = 12;

const STANDARD_ITEMS: [string, string, number][] = [
  ['welcome', 'Welcome and confidentiality statement', 5],
  ['approve_minutes', 'Approval of previous minutes', 5],
  ['follow_up', 'Recommendation follow-up', 15],
  ['other_business', 'Other business', 5],
];

/** The first planned meeting after the anchor, made if there is none (a month after the last one, never before the anchor). */
function nextMeeting(db: WritableDB, today: string, at: string): { id: number; date: string } {
  const found = db.prepare("SELECT id, date FROM meetings WHERE status = 'planned' AND date > ? ORDER BY date LIMIT 1").get([today]) as
    { id: number; date: string } | undefined;
  if (found) return found;
  const last = (db.prepare('SELECT max(date) AS d FROM meetings').get() as { d: string | null }).d;
  let date = last ? addDays(last, 28) : addDays(today, 14);
  if (date <= today) date = addDays(today, 14);
  const id = Number(
    db
      .prepare(
        "INSERT INTO meetings (date, time, length_minutes, place, virtual, status, created_at, updated_at) VALUES (?, '14:00', 90, 'County building', 0, 'planned', ?, ?)",
      )
      .run([date, at, at]).lastInsertRowid,
  );
  const ins = db.prepare(
    'INSERT INTO agenda_items (meeting_id, position, kind, title, minutes, incident_id, completed) VALUES (?, ?, ?, ?, ?, NULL, 0)',
  );
  STANDARD_ITEMS.forEach(([kind, title, minutes], i) => ins.run([id, i, kind, title, minutes]));
  return { id, date };
}

/** Whether the meeting's agenda packet would leave the machine (the scanner flags nothing the committee has not let through). */
function packetClean(db: WritableDB, meetingId: number): boolean {
  try {
    assertDocClean(packetDoc(db, meetingId, ''), exportAllowed(db, ''));
    return true;
  } catch (e) {
    if (e instanceof CasewalkError && e.code === 'guard_blocked') return false;
    throw e;
  }
}

/**
 * Recent incidents not yet reviewed nor on any agenda become ready for review and go on the agenda
 * before "Other business"; one whose facts the export guard would stop is passed over, so the
 * packet of the next meeting can be sent.
 */
function addCases(db: WritableDB, meetingId: number, at: string): void {
  let have = (
    db.prepare("SELECT count(*) AS n FROM agenda_items WHERE meeting_id = ? AND kind = 'case_review'").get([meetingId]) as { n: number }
  ).n;
  if (have >= NEXT_MEETING_CASES) return;
  const candidates = db
    .prepare(
      `SELECT id, code, status FROM incidents WHERE status IN ('draft', 'ready_for_review') AND id NOT IN (SELECT incident_id FROM agenda_items WHERE incident_id IS NOT NULL)
       ORDER BY occurred_year DESC, occurred_month DESC, id DESC LIMIT 40`,
    )
    .all() as { id: number; code: string; status: string }[];
  const ins = db.prepare(
    "INSERT INTO agenda_items (meeting_id, position, kind, title, minutes, incident_id, completed) VALUES (?, (SELECT coalesce(max(position), -1) + 1 FROM agenda_items WHERE meeting_id = ?), 'case_review', ?, 15, ?, 0)",
  );
  const setStatus = db.prepare('UPDATE incidents SET status = ?, updated_at = ? WHERE id = ?');
  for (const p of candidates) {
    if (have >= NEXT_MEETING_CASES) break;
    setStatus.run(['ready_for_review', at, p.id]);
    const item = Number(ins.run([meetingId, meetingId, `Case review: ${p.code}`, p.id]).lastInsertRowid);
    if (packetClean(db, meetingId)) have++;
    else {
      db.prepare('DELETE FROM agenda_items WHERE id = ?').run([item]);
      setStatus.run([p.status, at, p.id]);
    }
  }
  // Positions 0…n-1 again, "Other business" last.
  const order = db
    .prepare("SELECT id FROM agenda_items WHERE meeting_id = ? ORDER BY kind = 'other_business', position, id")
    .all([meetingId]) as { id: number }[];
  order.forEach(({ id }, i) => db.prepare('UPDATE agenda_items SET position = ? WHERE id = ?').run([i, id]));
}

/**
 * Open recommendations not yet due before the meeting after it fall due the week before the next
 * meeting, until twelve are carried; when the year left too few open, the committee adopted more
 * from earlier findings (owned by partner organisations, in turn).
 */
function addFollowUps(db: WritableDB, meeting: { id: number; date: string }, at: string): void {
  const carried = carriedForward(db, meeting.id);
  let missing = NEXT_MEETING_FOLLOW_UPS - carried.length;
  if (missing <= 0) return;
  const ids = new Set(carried.map((c) => c.id));
  const open = db
    .prepare(
      `SELECT r.id FROM recommendations r JOIN meetings m ON m.id = r.meeting_id
       WHERE m.date < ? AND r.status IN (SELECT value FROM json_each(?)) ORDER BY m.date DESC, r.id`,
    )
    .all([meeting.date, JSON.stringify(OPEN_REC_STATUSES)]) as { id: number }[];
  const due = addDays(meeting.date, -7);
  for (const { id } of open.filter((o) => !ids.has(o.id)).slice(0, missing)) {
    db.prepare('UPDATE recommendations SET due_date = ? WHERE id = ?').run([due, id]);
    missing--;
  }
  if (missing > 0) adoptMore(db, missing, due, at);
}

/** New adopted recommendations from the latest findings of ended meetings (those without one first). */
function adoptMore(db: WritableDB, count: number, due: string, at: string): void {
  const orgs = (db.prepare('SELECT id FROM organisations ORDER BY id').all() as { id: number }[]).map((o) => o.id);
  const findings = db
    .prepare(
      `SELECT f.id, f.meeting_id, f.description, m.date FROM findings f JOIN meetings m ON m.id = f.meeting_id WHERE m.status = 'ended'
       ORDER BY EXISTS (SELECT 1 FROM recommendation_findings rf WHERE rf.finding_id = f.id), m.date DESC, f.id LIMIT ?`,
    )
    .all([count]) as { id: number; meeting_id: number; description: string; date: string }[];
  if (!orgs.length) return;
  let n = (db.prepare('SELECT count(*) AS n FROM recommendations').get() as { n: number }).n;
  const ins = db.prepare(
    "INSERT INTO recommendations (code, action, owner_member_id, owner_organisation_id, due_date, status, status_at, measure, action_type, strength, meeting_id, created_at) VALUES (?, ?, NULL, ?, ?, 'adopted', ?, ?, ?, ?, ?, ?)",
  );
  const hist = db.prepare("INSERT INTO recommendation_history (recommendation_id, status, note, at, member) VALUES (?, ?, '', ?, 'seed')");
  findings.forEach((f, i) => {
    n++;
    const when = `${f.date}T15:00:00Z`;
    const rec = recommendationFor(f.description);
    const rid = Number(
      ins.run([
        `R-${String(n).padStart(3, '0')}`,
        rec.action,
        orgs[i % orgs.length]!,
        due,
        when,
        rec.measure,
        rec.actionType,
        ACTION_STRENGTH[rec.actionType],
        f.meeting_id,
        at,
      ]).lastInsertRowid,
    );
    db.prepare('INSERT INTO recommendation_findings (recommendation_id, finding_id) VALUES (?, ?)').run([rid, f.id]);
    hist.run([rid, 'proposed', when]);
    hist.run([rid, 'adopted', when]);
  });
}

export function seedNextMeeting(db: WritableDB, today: string, at: string): void {
  const meeting = nextMeeting(db, today, at);
  addCases(db, meeting.id, at);
  addFollowUps(db, meeting, at);
}
