/**
 * Issue 19: the latest ended meeting is the one a demo opens first, so it always reviewed at least
 * two cases with findings and made a recommendation from them (the follow-through seed then has it
 * adopted and owned by at least two partner organisations, with its letters).
 */
import { toMask } from '../../../shared/incidents/values';
import { ACTION_STRENGTH, CIT_GOAL, FINDING_CATEGORY } from '../../../shared/meetings/values';
import type { WritableDB } from '../store/db';
import { rng } from './rng';
import { FINDING_TEXT, recommendationFor } from './texts';

const CASES = 2;

/** Incidents reviewed at the meeting: its findings' incidents, and new case reviews of recent incidents until there are two. */
function reviewedCases(db: WritableDB, meeting: { id: number; date: string }, at: string): number[] {
  const withFindings = (
    db.prepare('SELECT DISTINCT incident_id AS id FROM findings WHERE meeting_id = ? AND incident_id IS NOT NULL').all([meeting.id]) as {
      id: number;
    }[]
  ).map((x) => x.id);
  const onAgenda = (
    db
      .prepare("SELECT incident_id AS id FROM agenda_items WHERE meeting_id = ? AND kind = 'case_review' AND incident_id IS NOT NULL")
      .all([meeting.id]) as { id: number }[]
  ).map((x) => x.id);
  const cases = [...withFindings, ...onAgenda.filter((id) => !withFindings.includes(id))];
  if (cases.length >= CASES) return cases.slice(0, Math.max(CASES, withFindings.length));
  const ym = Number(meeting.date.slice(0, 4)) * 100 + Number(meeting.date.slice(5, 7));
  const extra = db
    .prepare(
      `SELECT id, code FROM incidents WHERE occurred_year * 100 + occurred_month <= ? AND id NOT IN (SELECT incident_id FROM agenda_items WHERE incident_id IS NOT NULL)
       ORDER BY occurred_year DESC, occurred_month DESC, id DESC LIMIT ?`,
    )
    .all([ym, CASES - cases.length]) as { id: number; code: string }[];
  for (const x of extra) {
    db.prepare(
      "INSERT INTO agenda_items (meeting_id, position, kind, title, minutes, incident_id, completed) VALUES (?, (SELECT coalesce(max(position), -1) + 1 FROM agenda_items WHERE meeting_id = ?), 'case_review', ?, 15, ?, 1)",
    ).run([meeting.id, meeting.id, `Case review: ${x.code}`, x.id]);
    db.prepare("UPDATE incidents SET status = 'reviewed', updated_at = ? WHERE id = ?").run([at, x.id]);
    cases.push(x.id);
  }
  const order = db
    .prepare("SELECT id FROM agenda_items WHERE meeting_id = ? ORDER BY kind = 'other_business', position, id")
    .all([meeting.id]) as { id: number }[];
  order.forEach(({ id }, i) => db.prepare('UPDATE agenda_items SET position = ? WHERE id = ?').run([i, id]));
  return cases;
}

export function seedLatestMeeting(db: WritableDB, seedValue: number, today: string, at: string, orgIds: readonly number[]): void {
  const meeting = db
    .prepare("SELECT id, date FROM meetings WHERE status = 'ended' AND date < ? ORDER BY date DESC LIMIT 1")
    .get([today]) as { id: number; date: string } | undefined;
  if (!meeting || !orgIds.length) return;
  const r = rng(seedValue ^ 0x5eed19);
  const cases = reviewedCases(db, meeting, at);
  const insFinding = db.prepare(
    "INSERT INTO findings (incident_id, meeting_id, category, kind, intercept, goals, timeline_event_id, description, created_at, created_by) VALUES (?, ?, ?, 'gap', '1', ?, NULL, ?, ?, 'seed')",
  );
  const findingIds: number[] = [];
  for (const c of cases) {
    const has = db.prepare('SELECT id FROM findings WHERE meeting_id = ? AND incident_id = ? LIMIT 1').get([meeting.id, c]) as
      { id: number } | undefined;
    if (has) {
      findingIds.push(has.id);
      continue;
    }
    const category = r.pick(FINDING_CATEGORY.values);
    const goals = toMask([r.pick(CIT_GOAL.values)], CIT_GOAL.values);
    findingIds.push(Number(insFinding.run([c, meeting.id, category, goals, r.pick(FINDING_TEXT[category]!), at]).lastInsertRowid));
  }
  const recs = db.prepare('SELECT count(*) AS n FROM recommendations WHERE meeting_id = ?').get([meeting.id]) as { n: number };
  if (recs.n > 0) return;
  const n = (db.prepare('SELECT count(*) AS n FROM recommendations').get() as { n: number }).n + 1;
  // The recommendation answers the meeting's first finding.
  const first = db.prepare('SELECT description FROM findings WHERE id = ?').get([findingIds[0] ?? 0]) as
    { description: string } | undefined;
  const rec = recommendationFor(first?.description ?? r.pick(FINDING_TEXT[r.pick(FINDING_CATEGORY.values)]!));
  const actionType = rec.actionType;
  const rid = Number(
    db
      .prepare(
        "INSERT INTO recommendations (code, action, owner_member_id, owner_organisation_id, due_date, status, status_at, measure, action_type, strength, meeting_id, created_at) VALUES (?, ?, NULL, ?, ?, 'adopted', ?, ?, ?, ?, ?, ?)",
      )
      .run([
        `R-${String(n).padStart(3, '0')}`,
        rec.action,
        orgIds[0]!,
        `${String(Number(meeting.date.slice(0, 4)) + 1)}${meeting.date.slice(4, 8)}28`,
        at,
        rec.measure,
        actionType,
        ACTION_STRENGTH[actionType],
        meeting.id,
        at,
      ]).lastInsertRowid,
  );
  for (const f of findingIds) db.prepare('INSERT INTO recommendation_findings (recommendation_id, finding_id) VALUES (?, ?)').run([rid, f]);
  db.prepare("INSERT INTO recommendation_history (recommendation_id, status, note, at, member) VALUES (?, 'proposed', '', ?, 'seed')").run([
    rid,
    at,
  ]);
}
