/** The home page's summary: the next meeting, what is overdue or due soon, and work waiting. */
import { addDays } from '../../../shared/dates';
import type { MethodOutput } from '../../../shared/contract';
import type { ReadableDB } from '../store/db';
import { listMeetings } from './meetings';
import { listRecommendations } from '../recommendations/recommendations';
import { OPEN_REC_STATUSES } from '../../../shared/recommendations/values';

/** YYYY-MM-DD plus `days` calendar days. */
export function homeSummary(db: ReadableDB, today: string): MethodOutput<'home.summary'> {
  const soon = addDays(today, 30);
  const open = listRecommendations(db, { status: [...OPEN_REC_STATUSES] }, today);
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  // The meeting being held (even if it started on an earlier day), else the nearest one still to come.
  const live = listMeetings(db).filter((m) => m.status !== 'ended');
  return {
    today,
    nextMeeting: live.find((m) => m.status === 'in_progress') ?? live.filter((m) => m.date >= today).at(-1) ?? null,
    overdue: open.filter((r) => r.overdue),
    dueSoon: open.filter((r) => !r.overdue && r.dueDate <= soon).length,
    responseOverdue: listRecommendations(db, { responseOverdue: true }, today),
    effectChecksDue: listRecommendations(db, { effectCheckDue: true }, today),
    unresolvedIdentifiers: count('SELECT count(*) AS n FROM incidents WHERE open_identifiers > 0'),
    readyForReview: count("SELECT count(*) AS n FROM incidents WHERE status = 'ready_for_review'"),
    drafts: count("SELECT count(*) AS n FROM incidents WHERE status = 'draft'"),
    coverageGapsWithoutRecommendation: count(
      "SELECT count(*) AS n FROM findings f WHERE f.source != 'case' AND NOT EXISTS (SELECT 1 FROM recommendation_findings rf WHERE rf.finding_id = f.id)",
    ),
  };
}
