/**
 * Issue 20, read side: a recommendation's follow-through (closure, the agency's response, the
 * verification, the effect measure and its checks) from its row, with the overdue and due flags
 * computed against the committee's today.
 */
import type { EffectCheck, Recommendation } from '../../../shared/recommendations/schemas';
import {
  AWAITING_RESPONSE,
  type ClosureCode,
  type EffectResult,
  type RecStatus,
  type ResponseKind,
} from '../../../shared/recommendations/values';
import type { ReadableDB } from '../store/db';

export interface FollowRow {
  id: number;
  status: string;
  closure_code: string | null;
  superseded_by: number | null;
  superseded_code: string | null;
  response_due: string | null;
  sent_on: string | null;
  response_kind: string | null;
  response_date: string | null;
  response_rationale: string;
  planned_action: string;
  planned_date: string | null;
  verified_what: string;
  verified_by: string;
  verified_on: string | null;
  verified_evidence: string;
  measure_kind: string | null;
  baseline: string;
  target: string;
  measure_date: string | null;
  measured_by_organisation_id: number | null;
  measured_by_name: string | null;
}

/** Columns the register's SELECT adds for the follow-through (aliases used by FollowRow). */
export const FOLLOW_COLUMNS = `(SELECT s.code FROM recommendations s WHERE s.id = r.superseded_by) AS superseded_code,
    (SELECT mo.name FROM organisations mo WHERE mo.id = r.measured_by_organisation_id) AS measured_by_name`;

/** Awaiting the agency's response: adopted or sent, nothing recorded yet. */

interface CheckRow {
  id: number;
  due_date: string;
  reason: 'measure' | 'verified';
  result: string | null;
  value: string;
  note: string;
  checked_at: string | null;
  checked_by: string | null;
  meeting_id: number | null;
}

function effectChecksOf(db: ReadableDB, recommendationId: number): EffectCheck[] {
  const rows = db
    .prepare('SELECT * FROM recommendation_effect_checks WHERE recommendation_id = ? ORDER BY due_date, id')
    .all([recommendationId]) as unknown as CheckRow[];
  return rows.map((c) => ({
    id: c.id,
    dueDate: c.due_date,
    reason: c.reason,
    result: c.result as EffectResult | null,
    value: c.value,
    note: c.note,
    checkedAt: c.checked_at,
    checkedBy: c.checked_by,
    meetingId: c.meeting_id,
  }));
}

type FollowThrough = Pick<
  Recommendation,
  | 'closureCode'
  | 'supersededBy'
  | 'responseDue'
  | 'sentOn'
  | 'responseOverdue'
  | 'response'
  | 'verification'
  | 'effect'
  | 'effectChecks'
  | 'effectCheckDue'
>;

export function followThroughOf(db: ReadableDB, r: FollowRow, today: string): FollowThrough {
  const checks = effectChecksOf(db, r.id);
  return {
    closureCode: r.closure_code as ClosureCode | null,
    supersededBy: r.superseded_by !== null ? { id: r.superseded_by, code: r.superseded_code ?? '' } : null,
    responseDue: r.response_due,
    sentOn: r.sent_on,
    responseOverdue: AWAITING_RESPONSE.includes(r.status as RecStatus) && r.response_due !== null && r.response_due < today,
    response:
      r.response_kind !== null
        ? {
            kind: r.response_kind as ResponseKind,
            date: r.response_date ?? '',
            rationale: r.response_rationale,
            plannedAction: r.planned_action,
            plannedDate: r.planned_date,
          }
        : null,
    verification:
      r.verified_on !== null ? { what: r.verified_what, by: r.verified_by, date: r.verified_on, evidence: r.verified_evidence } : null,
    effect:
      r.measure_kind !== null && r.measure_date !== null
        ? {
            kind: r.measure_kind as 'process' | 'outcome',
            baseline: r.baseline,
            target: r.target,
            measureDate: r.measure_date,
            measuredBy:
              r.measured_by_organisation_id !== null ? { id: r.measured_by_organisation_id, name: r.measured_by_name ?? '' } : null,
          }
        : null,
    effectChecks: checks,
    effectCheckDue: checks.some((c) => c.result === null && c.dueDate <= today),
  };
}
