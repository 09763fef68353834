/**
 * Issue 20: the seed's follow-through. After the meetings are seeded, each recommendation of an
 * ended meeting is walked along the lifecycle as a year of use would leave it: sent and awaiting
 * a response, responses overdue, declined with the agency's rationale, reported and verified
 * implemented, effect measures with checks met and not met, one check due now. The latest ended
 * meeting's recommendations are adopted and owned by at least two organisations (its letters).
 * Its own random stream, so the rest of the seed is unchanged. Texts name no one.
 */
import { addDays, addMonthsTo, daysBetween } from '../../../shared/dates';
import type { WritableDB } from '../store/db';
import { rng, type Rng } from './rng';

type Outcome = 'awaiting' | 'overdue' | 'declined' | 'in_progress' | 'reported' | 'verified' | 'dropped' | 'superseded';

const RATIONALE = [
  'The budget for this year is committed; the agency will reconsider it next year.',
  'The agency considers its current protocol already covers this.',
  'Outside the agency’s remit; referred to the county.',
];
const PLANNED = [
  'Revise the protocol and train all shifts',
  'Add the step to the dispatch checklist',
  'Fund the position in the next budget cycle',
  'Brief supervisors and audit a month of calls',
];
const MEASURES = [
  { kind: 'process', baseline: '4 of 10 calls met the standard', target: '8 of 10 calls', hit: '9 of 10 calls', miss: '5 of 10 calls' },
  { kind: 'outcome', baseline: '22 % of calls ended in detention', target: 'Below 15 %', hit: '13 %', miss: '21 %' },
  {
    kind: 'process',
    baseline: 'A median wait of 48 minutes',
    target: 'A median wait under 30 minutes',
    hit: '26 minutes',
    miss: '44 minutes',
  },
] as const;

interface RecRow {
  id: number;
  meeting_date: string;
  owner_organisation_id: number | null;
}

function step(db: WritableDB, id: number, status: string, note: string, on: string): void {
  const at = `${on}T16:00:00Z`;
  db.prepare('INSERT INTO recommendation_history (recommendation_id, status, note, at, member) VALUES (?, ?, ?, ?, ?)').run([
    id,
    status,
    note,
    at,
    'seed',
  ]);
  db.prepare('UPDATE recommendations SET status = ?, status_at = ? WHERE id = ?').run([status, at, id]);
}

function outcomeFor(r: Rng, age: number): Outcome {
  if (age < 45) return 'awaiting';
  if (age < 150)
    return r.weighted([
      ['awaiting', 1],
      ['overdue', 3],
      ['in_progress', 3],
      ['declined', 1],
    ] as const);
  return r.weighted([
    ['overdue', 1],
    ['in_progress', 2],
    ['reported', 3],
    ['verified', 4],
    ['declined', 1.5],
    ['dropped', 0.5],
    ['superseded', 0.5],
  ] as const);
}

/** Moves one recommendation along; returns the dates it used so the caller can keep them before the anchor. */
function follow(db: WritableDB, r: Rng, rec: RecRow, outcome: Outcome, anchor: string, latestId: number | null): void {
  const m = rec.meeting_date;
  const cap = (d: string) => (d < anchor ? d : addDays(anchor, -1));
  step(db, rec.id, 'adopted', 'Adopted by the committee', m);
  db.prepare('UPDATE recommendations SET response_due = ? WHERE id = ?').run([addDays(m, 60), rec.id]);
  if (rec.id === latestId) return;
  const sent = cap(addDays(m, 7));
  step(db, rec.id, 'sent', 'Letter sent to the owner agency', sent);
  db.prepare('UPDATE recommendations SET sent_on = ? WHERE id = ?').run([sent, rec.id]);
  if (outcome === 'awaiting' || outcome === 'overdue') return;
  if (outcome === 'superseded' || outcome === 'dropped') {
    const [status, code, note] =
      outcome === 'superseded'
        ? ['superseded', 'reconsidered', 'Replaced by a broader recommendation']
        : ['no_longer_applicable', 'no_longer_applicable', 'The service it concerned has closed'];
    step(db, rec.id, status, note, cap(addDays(m, 90)));
    const by =
      outcome === 'superseded'
        ? (db.prepare('SELECT max(id) AS id FROM recommendations WHERE id != ?').get([rec.id]) as { id: number }).id
        : null;
    db.prepare('UPDATE recommendations SET closure_code = ?, superseded_by = ? WHERE id = ?').run([code, by, rec.id]);
    return;
  }
  const responded = cap(addDays(m, r.int(25, 70)));
  const kind = outcome === 'declined' ? 'declined' : r.chance(0.25) ? 'accepted_in_part' : 'accepted';
  const rationale = kind === 'accepted' ? '' : r.pick(RATIONALE);
  const planned = kind === 'declined' ? '' : r.pick(PLANNED);
  const plannedDate = kind === 'declined' ? null : addDays(responded, 120);
  db.prepare(
    'UPDATE recommendations SET response_kind = ?, response_date = ?, response_rationale = ?, planned_action = ?, planned_date = ? WHERE id = ?',
  ).run([kind, responded, rationale, planned, plannedDate, rec.id]);
  step(
    db,
    rec.id,
    'response_received',
    [kind === 'accepted_in_part' ? 'Accepted in part' : kind === 'declined' ? 'Declined' : 'Accepted', rationale]
      .filter(Boolean)
      .join(' · '),
    responded,
  );
  if (outcome === 'declined') {
    step(db, rec.id, 'declined', rationale, cap(addDays(responded, 20)));
    db.prepare("UPDATE recommendations SET closure_code = 'unacceptable_action' WHERE id = ?").run([rec.id]);
    return;
  }
  if (outcome === 'in_progress' && r.chance(0.3)) return;
  step(db, rec.id, 'in_progress', planned, cap(addDays(responded, 10)));
  if (outcome === 'in_progress') return;
  const reported = cap(addDays(responded, 90));
  step(db, rec.id, 'reported_implemented', 'The agency reports the change is in place', reported);
  if (outcome === 'reported') return;
  const verified = cap(addDays(reported, 30));
  db.prepare(
    "UPDATE recommendations SET verified_what = 'A month of call records and the revised protocol', verified_by = 'Committee coordinator', verified_on = ?, verified_evidence = 'Protocol version and audit sheet kept with the minutes', closure_code = ? WHERE id = ?",
  ).run([verified, r.chance(0.2) ? 'exceeds_recommended_action' : 'acceptable_action', rec.id]);
  step(db, rec.id, 'verified_implemented', 'Checked against call records', verified);
  const measure = r.pick(MEASURES);
  const measureDate = addMonthsTo(verified, 6);
  db.prepare(
    'UPDATE recommendations SET measure_kind = ?, baseline = ?, target = ?, measure_date = ?, measured_by_organisation_id = owner_organisation_id WHERE id = ?',
  ).run([measure.kind, measure.baseline, measure.target, measureDate, rec.id]);
  const addCheck = db.prepare(
    'INSERT INTO recommendation_effect_checks (recommendation_id, due_date, reason, result, value, note, checked_at, checked_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const done = (due: string) => due < addDays(anchor, -30);
  for (const [reason, due] of [
    ['measure', measureDate],
    ['verified', addMonthsTo(verified, 12)],
  ] as const) {
    if (!done(due)) {
      addCheck.run([rec.id, due, reason, null, '', '', null, null]);
      continue;
    }
    const result = r.weighted([
      ['met', 3],
      ['partly', 1.5],
      ['not_met', 1.5],
      ['not_measurable', 0.5],
    ] as const);
    const value = result === 'met' ? measure.hit : result === 'not_met' || result === 'partly' ? measure.miss : '';
    const note = result === 'not_measurable' ? 'The data were not recorded for the period' : '';
    addCheck.run([rec.id, due, reason, result, value, note, `${due}T16:00:00Z`, 'seed']);
  }
}

/** The latest ended meeting makes at least two recommendations, so its letters go to two agencies or more. */
function secondRecommendation(db: WritableDB, latest: RecRow, orgIds: readonly number[]): RecRow {
  const from = db
    .prepare('SELECT r.code, r.action_type, r.strength, r.meeting_id, r.due_date, r.created_at FROM recommendations r WHERE r.id = ?')
    .get([latest.id]) as { action_type: string; strength: string; meeting_id: number; due_date: string; created_at: string };
  const n = (db.prepare('SELECT count(*) AS n FROM recommendations').get() as { n: number }).n + 1;
  const owner = orgIds.find((o) => o !== latest.owner_organisation_id) ?? orgIds[0]!;
  const id = Number(
    db
      .prepare(
        `INSERT INTO recommendations (code, action, owner_organisation_id, due_date, status, status_at, measure, action_type, strength, meeting_id, created_at)
         VALUES (?, 'Share the crisis plan with the responding agencies before the next shift change', ?, ?, 'proposed', ?, 'Plans shared within one shift', ?, ?, ?, ?)`,
      )
      .run([
        `R-${String(n).padStart(3, '0')}`,
        owner,
        from.due_date,
        from.created_at,
        from.action_type,
        from.strength,
        from.meeting_id,
        from.created_at,
      ]).lastInsertRowid,
  );
  db.prepare(
    'INSERT INTO recommendation_findings (recommendation_id, finding_id) SELECT ?, finding_id FROM recommendation_findings WHERE recommendation_id = ?',
  ).run([id, latest.id]);
  db.prepare("INSERT INTO recommendation_history (recommendation_id, status, note, at, member) VALUES (?, 'proposed', '', ?, 'seed')").run([
    id,
    from.created_at,
  ]);
  return { id, meeting_date: latest.meeting_date, owner_organisation_id: owner };
}

/** One effect check due now (the Home page and the next agenda show it), if the year left none. */
function oneCheckDue(db: WritableDB, anchor: string): void {
  const due = db.prepare('SELECT 1 FROM recommendation_effect_checks WHERE result IS NULL AND due_date <= ?').get([anchor]);
  if (due) return;
  const next = db.prepare('SELECT id FROM recommendation_effect_checks WHERE result IS NULL ORDER BY due_date, id LIMIT 1').get() as
    { id: number } | undefined;
  if (next) {
    db.prepare('UPDATE recommendation_effect_checks SET due_date = ? WHERE id = ?').run([addDays(anchor, -3), next.id]);
    return;
  }
  const rec = db
    .prepare(
      "SELECT id FROM recommendations WHERE status IN ('verified_implemented', 'reported_implemented') ORDER BY status DESC, status_at DESC LIMIT 1",
    )
    .get() as { id: number } | undefined;
  if (!rec) return;
  db.prepare(
    "UPDATE recommendations SET measure_kind = 'process', baseline = coalesce(nullif(baseline, ''), '4 of 10 calls met the standard'), target = coalesce(nullif(target, ''), '8 of 10 calls'), measure_date = ?, measured_by_organisation_id = owner_organisation_id WHERE id = ?",
  ).run([addDays(anchor, -3), rec.id]);
  db.prepare("INSERT INTO recommendation_effect_checks (recommendation_id, due_date, reason) VALUES (?, ?, 'measure')").run([
    rec.id,
    addDays(anchor, -3),
  ]);
}

export function seedFollowThrough(db: WritableDB, seedValue: number, anchor: string, orgIds: readonly number[]): void {
  const r = rng(seedValue ^ 0x5eed20);
  const recs = db
    .prepare(
      `SELECT r.id, m.date AS meeting_date, r.owner_organisation_id FROM recommendations r JOIN meetings m ON m.id = r.meeting_id
       WHERE m.status = 'ended' AND m.date < ? ORDER BY m.date, r.id`,
    )
    .all([anchor]) as unknown as RecRow[];
  // Not yet discussed: the recommendations of meetings still to come are proposals.
  db.prepare(
    `DELETE FROM recommendation_history WHERE status != 'proposed' AND recommendation_id IN (SELECT r.id FROM recommendations r JOIN meetings m ON m.id = r.meeting_id WHERE m.status != 'ended')`,
  ).run();
  db.prepare(`UPDATE recommendations SET status = 'proposed' WHERE meeting_id IN (SELECT id FROM meetings WHERE status != 'ended')`).run();
  if (!recs.length) return;
  const latestDate = recs.at(-1)!.meeting_date;
  const latest = recs.filter((x) => x.meeting_date === latestDate);
  if (latest.length < 2 && orgIds.length > 1) {
    const added = secondRecommendation(db, latest[0]!, orgIds);
    latest.push(added);
    recs.push(added);
  }
  // The latest meeting's recommendations are owned by organisations, at least two of them.
  latest.forEach((x, i) => {
    if (!orgIds.length) return;
    const org = orgIds[(i + (x.owner_organisation_id ?? 0)) % orgIds.length]!;
    const owner = i < 2 ? orgIds[i % orgIds.length]! : org;
    db.prepare('UPDATE recommendations SET owner_organisation_id = ?, owner_member_id = NULL WHERE id = ?').run([owner, x.id]);
  });
  db.prepare(`DELETE FROM recommendation_history WHERE status != 'proposed' AND recommendation_id IN (SELECT value FROM json_each(?))`).run(
    [JSON.stringify(recs.map((x) => x.id))],
  );
  db.prepare(`UPDATE recommendations SET closure_code = NULL WHERE id IN (SELECT value FROM json_each(?))`).run([
    JSON.stringify(recs.map((x) => x.id)),
  ]);
  // Proposed in the meeting that made it.
  db.prepare(
    `UPDATE recommendation_history SET at = (SELECT m.date || 'T15:00:00Z' FROM recommendations r JOIN meetings m ON m.id = r.meeting_id WHERE r.id = recommendation_history.recommendation_id)
     WHERE status = 'proposed' AND recommendation_id IN (SELECT value FROM json_each(?))`,
  ).run([JSON.stringify(recs.map((x) => x.id))]);
  let overdueSeen = false;
  for (const rec of recs) {
    const age = daysBetween(rec.meeting_date, anchor);
    // At least one response overdue: the first recommendation two to six months old waits on its agency still.
    const forceOverdue = !overdueSeen && age > 60 && age < 200 && rec.meeting_date !== latestDate;
    const outcome = rec.meeting_date === latestDate ? 'awaiting' : forceOverdue ? 'overdue' : outcomeFor(r, age);
    if (outcome === 'overdue' || (outcome === 'awaiting' && age > 60)) overdueSeen = true;
    // A few are not adopted: the committee's own "no".
    if (rec.meeting_date !== latestDate && r.chance(0.06)) {
      step(db, rec.id, 'declined', 'The committee did not adopt it: another agency already acts on this', rec.meeting_date);
      db.prepare("UPDATE recommendations SET closure_code = 'reconsidered' WHERE id = ?").run([rec.id]);
      continue;
    }
    follow(db, r, rec, outcome, anchor, rec.meeting_date === latestDate ? rec.id : null);
  }
  oneCheckDue(db, anchor);
}
