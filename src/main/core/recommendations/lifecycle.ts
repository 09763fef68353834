/**
 * Issue 20: a recommendation's lifecycle after the meeting. Every move is checked against
 * REC_MOVES; closing needs a closure code that fits the closing status; declining needs a
 * rationale, superseding the recommendation that replaces it, verification what was checked,
 * by whom, when and the evidence (and schedules an effect check). Each move is one transaction
 * with its history row and its audit entry.
 */
import { CasewalkError } from '../../../shared/result';
import type { Recommendation } from '../../../shared/recommendations/schemas';
import {
  CLOSURE_CODE,
  CLOSURE_FOR,
  EFFECT_CHECK_MONTHS,
  isClosed,
  noteNeeded,
  REC_MOVES,
  REC_STATUS,
  type ClosureCode,
  type RecStatus,
} from '../../../shared/recommendations/values';
import type { ReadableDB, WritableDB } from '../store/db';
import type { Workbench } from '../store/workbench';
import { responseDays, setResponseDays as storeResponseDays } from '../store/settings';
import { addDays, addMonthsTo } from '../../../shared/dates';
import { assertFollowTextClean } from './guard';
import { recommendationById } from './recommendations';

export interface StatusChange {
  status: RecStatus;
  note: string;
  closureCode?: ClosureCode | undefined;
  supersededBy?: number | undefined;
  verification?: { what: string; by: string; date: string; evidence: string } | undefined;
}

/** Sets the committee's response days (audited). */
export function setResponseDays(wb: Workbench, days: number): { responseDays: number } {
  return wb.write({ event: 'update', entity: 'settings', detail: `recommendation response days → ${days}` }, (db) => {
    storeResponseDays(db, days);
    return { responseDays: days };
  });
}

/** The requested response date: the meeting's date (or today, without a meeting) plus the committee's response days. */
function responseDueFor(db: ReadableDB, r: Recommendation, today: string): string {
  const m = r.meetingId
    ? (db.prepare('SELECT date FROM meetings WHERE id = ?').get([r.meetingId]) as { date: string } | undefined)
    : undefined;
  return addDays(m?.date ?? today, responseDays(db));
}

export function addHistory(db: WritableDB, id: number, status: RecStatus, note: string, actor: string | null): string {
  const at = new Date().toISOString();
  db.prepare('UPDATE recommendations SET status = ?, status_at = ? WHERE id = ?').run([status, at, id]);
  db.prepare('INSERT INTO recommendation_history (recommendation_id, status, note, at, member) VALUES (?, ?, ?, ?, ?)').run([
    id,
    status,
    note,
    at,
    actor,
  ]);
  return at;
}

/** Refusals that need only the request and the current record. */
function checkChange(db: ReadableDB, cur: Recommendation, c: StatusChange, today: string): void {
  const from = REC_STATUS.label(cur.status);
  const to = REC_STATUS.label(c.status);
  if (c.status === 'response_received' && REC_MOVES[cur.status].includes('response_received'))
    throw new CasewalkError(
      'invalid_input',
      `${cur.code}: record the agency's response (accepted, in part, declined or none) to move it on.`,
    );
  if (!REC_MOVES[cur.status].includes(c.status)) throw new CasewalkError('forbidden', `${cur.code} cannot go from "${from}" to "${to}".`);
  const noteMessage = noteNeeded(cur.status, c.status, cur.code);
  if (noteMessage && !c.note.trim()) throw new CasewalkError('invalid_input', noteMessage);
  if (isClosed(c.status)) {
    if (!c.closureCode) throw new CasewalkError('invalid_input', `Choose a closure code to close ${cur.code} as "${to}".`);
    if (!CLOSURE_FOR[c.status].includes(c.closureCode))
      throw new CasewalkError(
        'invalid_input',
        `"${CLOSURE_CODE.label(c.closureCode)}" does not fit "${to}"; use ${CLOSURE_FOR[c.status].map((k) => `"${CLOSURE_CODE.label(k)}"`).join(' or ')}.`,
      );
  } else if (c.closureCode) throw new CasewalkError('invalid_input', `A closure code is given only when a recommendation is closed.`);
  if (c.status === 'superseded') {
    if (!c.supersededBy) throw new CasewalkError('invalid_input', `Say which recommendation supersedes ${cur.code}.`);
    if (c.supersededBy === cur.id) throw new CasewalkError('invalid_input', `${cur.code} cannot supersede itself.`);
    if (!db.prepare('SELECT 1 FROM recommendations WHERE id = ?').get([c.supersededBy]))
      throw new CasewalkError('not_found', 'The recommendation that supersedes it does not exist.');
  } else if (c.supersededBy) throw new CasewalkError('invalid_input', 'Only a superseded recommendation names the one that replaces it.');
  if (c.status === 'verified_implemented') {
    if (!c.verification)
      throw new CasewalkError('invalid_input', `Say what was checked, by whom, when and the evidence to verify ${cur.code}.`);
    if (c.verification.date > today)
      throw new CasewalkError('invalid_input', `The verification date ${c.verification.date} is after today.`);
  } else if (c.verification) throw new CasewalkError('invalid_input', 'Verification details are given only when verifying implementation.');
}

export function setRecommendationStatus(wb: Workbench, id: number, c: StatusChange, today: string): Recommendation {
  return wb.write(
    (r: Recommendation) => ({ event: 'update', entity: `recommendation:${r.code}`, detail: `status → ${REC_STATUS.label(c.status)}` }),
    (db) => {
      const cur = recommendationById(db, id, today);
      if (cur.status === c.status) return cur;
      checkChange(db, cur, c, today);
      const v = c.verification;
      assertFollowTextClean(db, [
        ['Note', c.note],
        ...(v
          ? ([
              ['What was checked', v.what],
              ['Checked by', v.by],
              ['Evidence', v.evidence],
            ] as const)
          : []),
      ]);
      if (c.status === 'adopted')
        db.prepare('UPDATE recommendations SET response_due = ? WHERE id = ?').run([responseDueFor(db, cur, today), id]);
      if (c.status === 'sent')
        db.prepare('UPDATE recommendations SET sent_on = ?, response_due = coalesce(response_due, ?) WHERE id = ?').run([
          today,
          responseDueFor(db, cur, today),
          id,
        ]);
      if (isClosed(c.status))
        db.prepare('UPDATE recommendations SET closure_code = ?, superseded_by = ? WHERE id = ?').run([
          c.closureCode!,
          c.supersededBy ?? null,
          id,
        ]);
      if (v) {
        db.prepare(
          'UPDATE recommendations SET verified_what = ?, verified_by = ?, verified_on = ?, verified_evidence = ? WHERE id = ?',
        ).run([v.what, v.by, v.date, v.evidence, id]);
        db.prepare("INSERT INTO recommendation_effect_checks (recommendation_id, due_date, reason) VALUES (?, ?, 'verified')").run([
          id,
          addMonthsTo(v.date, EFFECT_CHECK_MONTHS),
        ]);
      }
      addHistory(db, id, c.status, c.note.trim(), wb.actor);
      return recommendationById(db, id, today);
    },
  );
}
