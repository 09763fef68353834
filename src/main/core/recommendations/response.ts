/**
 * Issue 20: the owner agency's response to a sent recommendation, and the effect measure with
 * its checks ("did it work?"). Text goes through the identifier guard before it is saved.
 */
import { CasewalkError } from '../../../shared/result';
import type { Recommendation } from '../../../shared/recommendations/schemas';
import {
  AWAITING_RESPONSE,
  EFFECT_RESULT,
  NOT_CARRIED_OUT_STATUSES,
  RESPONSE_KIND,
  type EffectResult,
  type ResponseKind,
} from '../../../shared/recommendations/values';
import type { Workbench } from '../store/workbench';
import { assertFollowTextClean } from './guard';
import { addHistory } from './lifecycle';
import { recommendationById } from './recommendations';

export interface ResponseInput {
  kind: ResponseKind;
  date: string;
  rationale: string;
  plannedAction: string;
  plannedDate: string | null;
}

export function recordResponse(wb: Workbench, id: number, input: ResponseInput, today: string): Recommendation {
  return wb.write(
    (r: Recommendation) => ({ event: 'update', entity: `recommendation:${r.code}`, detail: `response: ${input.kind}` }),
    (db) => {
      const cur = recommendationById(db, id, today);
      if (!AWAITING_RESPONSE.includes(cur.status))
        throw new CasewalkError(
          'forbidden',
          cur.response
            ? `${cur.code}: the response is already recorded (${RESPONSE_KIND.label(cur.response.kind)}, ${cur.response.date}).`
            : `${cur.code} has not been adopted and sent, so there is no response to record.`,
        );
      if (input.date > today) throw new CasewalkError('invalid_input', `The response date ${input.date} is after today.`);
      if (cur.sentOn && input.date < cur.sentOn)
        throw new CasewalkError('invalid_input', `The response date ${input.date} is before ${cur.code} was sent (${cur.sentOn}).`);
      if (input.kind === 'declined' && !input.rationale.trim())
        throw new CasewalkError('invalid_input', 'Give the agency’s rationale for declining.');
      if (input.kind === 'no_response' && (input.plannedAction || input.plannedDate))
        throw new CasewalkError('invalid_input', 'Without a response there is no planned action or date.');
      if (input.plannedDate && input.plannedDate < input.date)
        throw new CasewalkError('invalid_input', `The planned date ${input.plannedDate} is before the response (${input.date}).`);
      assertFollowTextClean(db, [
        ['Rationale', input.rationale],
        ['Planned action', input.plannedAction],
      ]);
      db.prepare(
        'UPDATE recommendations SET response_kind = ?, response_date = ?, response_rationale = ?, planned_action = ?, planned_date = ? WHERE id = ?',
      ).run([input.kind, input.date, input.rationale.trim(), input.plannedAction.trim(), input.plannedDate, id]);
      const summary = [RESPONSE_KIND.label(input.kind), input.date, input.rationale.trim(), input.plannedAction.trim()].filter(Boolean);
      addHistory(db, id, 'response_received', summary.join(' · '), wb.actor);
      return recommendationById(db, id, today);
    },
  );
}

export interface EffectMeasureInput {
  kind: 'process' | 'outcome';
  baseline: string;
  target: string;
  measureDate: string;
  measuredByOrganisationId: number | null;
}

/** Sets the measure; its date is the open "measure" effect check's due date (one open check of that kind at a time). */
export function setEffectMeasure(wb: Workbench, id: number, input: EffectMeasureInput, today: string): Recommendation {
  return wb.write(
    (r: Recommendation) => ({
      event: 'update',
      entity: `recommendation:${r.code}`,
      detail: `effect measure, check on ${input.measureDate}`,
    }),
    (db) => {
      const cur = recommendationById(db, id, today);
      if (NOT_CARRIED_OUT_STATUSES.includes(cur.status))
        throw new CasewalkError('forbidden', `${cur.code} is closed without implementation; there is no effect to measure.`);
      if (input.measuredByOrganisationId && !db.prepare('SELECT 1 FROM organisations WHERE id = ?').get([input.measuredByOrganisationId]))
        throw new CasewalkError('not_found', 'That partner organisation does not exist.');
      assertFollowTextClean(db, [
        ['Baseline', input.baseline],
        ['Target', input.target],
      ]);
      db.prepare(
        'UPDATE recommendations SET measure_kind = ?, baseline = ?, target = ?, measure_date = ?, measured_by_organisation_id = ? WHERE id = ?',
      ).run([input.kind, input.baseline.trim(), input.target.trim(), input.measureDate, input.measuredByOrganisationId, id]);
      const open = db
        .prepare("SELECT id FROM recommendation_effect_checks WHERE recommendation_id = ? AND reason = 'measure' AND result IS NULL")
        .get([id]) as { id: number } | undefined;
      if (open) db.prepare('UPDATE recommendation_effect_checks SET due_date = ? WHERE id = ?').run([input.measureDate, open.id]);
      else
        db.prepare("INSERT INTO recommendation_effect_checks (recommendation_id, due_date, reason) VALUES (?, ?, 'measure')").run([
          id,
          input.measureDate,
        ]);
      return recommendationById(db, id, today);
    },
  );
}

export interface EffectCheckInput {
  result: EffectResult;
  value: string;
  note: string;
  meetingId: number | null;
}

export function recordEffectCheck(wb: Workbench, checkId: number, input: EffectCheckInput, today: string): Recommendation {
  return wb.write(
    (r: Recommendation) => ({ event: 'update', entity: `recommendation:${r.code}`, detail: `effect check ${checkId}: ${input.result}` }),
    (db) => {
      const check = db
        .prepare('SELECT recommendation_id AS rec, result, due_date AS due FROM recommendation_effect_checks WHERE id = ?')
        .get([checkId]) as { rec: number; result: string | null; due: string } | undefined;
      if (!check) throw new CasewalkError('not_found', 'That effect check does not exist.');
      const cur = recommendationById(db, check.rec, today);
      if (check.result !== null)
        throw new CasewalkError(
          'forbidden',
          `${cur.code}: the effect check of ${check.due} is already recorded (${EFFECT_RESULT.label(check.result)}).`,
        );
      if (input.result !== 'not_measurable' && !input.value.trim())
        throw new CasewalkError('invalid_input', 'Give the measured value (or record the effect as not measurable).');
      if (input.result === 'not_measurable' && !input.note.trim())
        throw new CasewalkError('invalid_input', 'Say why it could not be measured.');
      if (input.meetingId && !db.prepare('SELECT 1 FROM meetings WHERE id = ?').get([input.meetingId]))
        throw new CasewalkError('not_found', 'That meeting does not exist.');
      assertFollowTextClean(db, [
        ['Measured value', input.value],
        ['Note', input.note],
      ]);
      db.prepare(
        'UPDATE recommendation_effect_checks SET result = ?, value = ?, note = ?, checked_at = ?, checked_by = ?, meeting_id = ? WHERE id = ?',
      ).run([input.result, input.value.trim(), input.note.trim(), new Date().toISOString(), wb.actor, input.meetingId, checkId]);
      return recommendationById(db, check.rec, today);
    },
  );
}
