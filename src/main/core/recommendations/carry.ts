/**
 * What the follow-up item of a meeting carries (issue 20: "nothing is forgotten"). The meetings'
 * one agenda builder (`carriedForward`) asks here: open recommendations due before the next
 * meeting or overdue at this one, responses the owner agency owes by this meeting's date, and
 * effect checks whose date falls before the next meeting (and not yet recorded).
 */
import type { AgendaItem } from '../../../shared/meetings/schemas';
import { OPEN_REC_STATUSES } from '../../../shared/recommendations/values';
import type { ReadableDB } from '../store/db';
import { listRecommendations } from './recommendations';

export function followUpsFor(db: ReadableDB, meetingDate: string, until: string): AgendaItem['carried'] {
  return listRecommendations(db, {}, meetingDate)
    .map((r) => {
      const check = r.effectChecks.find((c) => c.result === null && c.dueDate < until) ?? null;
      const due = OPEN_REC_STATUSES.includes(r.status) && r.dueDate < until;
      return { r, check, due };
    })
    .filter(({ r, check, due }) => due || r.responseOverdue || check)
    .map(({ r, check }) => ({
      id: r.id,
      code: r.code,
      action: r.action,
      owner: r.owner.name,
      dueDate: r.dueDate,
      status: r.status,
      // listRecommendations was given the meeting's date as its today: overdue at this meeting.
      overdue: r.overdue,
      responseOverdue: r.responseOverdue,
      effectCheck: check ? { id: check.id, dueDate: check.dueDate } : null,
    }));
}
