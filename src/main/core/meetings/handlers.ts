import type { Core } from '../core';
import type { Handlers } from '../dispatch';
import type { meetingMethods } from '../../../shared/meetings/schemas';
import { exportDocument } from '../exports/write';
import { agendaDoc } from '../minutes/documents';
import { blameHints } from './blame';
import { amendFinding, createFinding, createSystemicFinding, findingById, findingEditState, listFindings, removeFinding, updateFinding } from './findings';
import {
  addAgendaItem,
  completeAgendaItem,
  createMeeting,
  getMeeting,
  listMeetings,
  moveAgendaItem,
  removeAgendaItem,
  setAttendance,
  setMeetingStatus,
  startAgendaItem,
  updateAgendaItem,
  updateMeeting,
} from './meetings';
import {
  amendRecommendation,
  createRecommendation,
  listRecommendations,
  recommendationById,
  recommendationEditState,
  setRecommendationStatus,
  updateRecommendation,
} from './recommendations';
import { listRoster, rosterNames, saveMember, saveOrganisation } from './roster';
import { checkWalkTarget, projectorView } from './walk';

export function meetingHandlers(core: Core): Pick<Handlers, keyof typeof meetingMethods> {
  const wb = () => core.workbench;
  const today = () => core.today();
  return {
    'home.summary': () =>
      wb().read((db) => {
        const t = today();
        const soon = new Date(`${t}T00:00:00Z`);
        soon.setUTCDate(soon.getUTCDate() + 30);
        const open = listRecommendations(db, { status: ['proposed', 'accepted', 'in_progress'] }, t);
        const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
        return {
          today: t,
          nextMeeting: listMeetings(db).filter((m) => m.status !== 'ended' && m.date >= t).at(-1) ?? null,
          overdue: open.filter((r) => r.overdue),
          dueSoon: open.filter((r) => !r.overdue && r.dueDate <= soon.toISOString().slice(0, 10)).length,
          unresolvedIdentifiers: count('SELECT count(*) AS n FROM incidents WHERE open_identifiers > 0'),
          readyForReview: count("SELECT count(*) AS n FROM incidents WHERE status = 'ready_for_review'"),
          drafts: count("SELECT count(*) AS n FROM incidents WHERE status = 'draft'"),
          coverageGapsWithoutRecommendation: count(
            "SELECT count(*) AS n FROM findings f WHERE f.source != 'case' AND NOT EXISTS (SELECT 1 FROM recommendation_findings rf WHERE rf.finding_id = f.id)",
          ),
        };
      }),
    'roster.list': () => wb().read(listRoster),
    'roster.saveMember': (input) => saveMember(wb(), input),
    'roster.saveOrganisation': (input) => saveOrganisation(wb(), input),

    'meetings.list': () => ({ meetings: wb().read(listMeetings) }),
    'meetings.get': ({ id }) => wb().read((db) => getMeeting(db, id)),
    'meetings.create': (input) => createMeeting(wb(), input),
    'meetings.update': ({ id, patch }) => updateMeeting(wb(), id, patch),
    'meetings.setStatus': ({ id, status }) => setMeetingStatus(wb(), id, status),
    'meetings.exportAgenda': ({ id, handle }) =>
      exportDocument(core, handle, { what: 'agenda', entity: `meeting:${id}`, format: 'md', build: (db, committee) => agendaDoc(db, id, committee) }),
    'agenda.add': (input) => addAgendaItem(wb(), input),
    'agenda.update': ({ id, patch }) => updateAgendaItem(wb(), id, patch),
    'agenda.move': ({ id, position }) => moveAgendaItem(wb(), id, position),
    'agenda.remove': ({ id }) => removeAgendaItem(wb(), id),
    'agenda.start': ({ id }) => startAgendaItem(wb(), id),
    'agenda.complete': ({ id, completed }) => completeAgendaItem(wb(), id, completed),
    'attendance.set': (input) => setAttendance(wb(), input),

    'walk.set': (input) => {
      wb().read((db) => checkWalkTarget(db, input.meetingId, input.itemId));
      const state = { ...input, version: (core.walk?.version ?? 0) + 1 };
      core.walk = state;
      core.emit('walk.changed', state);
      return state;
    },
    'walk.state': () => core.walk,
    'projector.view': () => {
      const s = core.walk;
      if (!s) return null;
      const w = wb();
      return w.read((db) => projectorView(db, s, w.committee));
    },

    'findings.list': (q) => ({ findings: wb().read((db) => listFindings(db, q)) }),
    'findings.create': ({ notIdentifiers, ...input }) => createFinding(wb(), input, notIdentifiers ?? []),
    'findings.get': ({ id }) => wb().read((db) => findingEditState(db, id)),
    'findings.createSystemic': ({ notIdentifiers, ...input }) => createSystemicFinding(wb(), input, notIdentifiers ?? []),
    'findings.update': ({ id, patch, notIdentifiers }) => updateFinding(wb(), id, patch, notIdentifiers ?? []),
    'findings.amend': ({ id, patch, reason, notIdentifiers }) => amendFinding(wb(), id, patch, reason, notIdentifiers ?? []),
    'findings.remove': ({ id }) => {
      wb().read((db) => findingById(db, id));
      removeFinding(wb(), id);
      return { removed: true as const };
    },
    'findings.checkLanguage': ({ text }) => ({ hints: blameHints(text, wb().read(rosterNames)) }),

    'recommendations.list': (q) => ({ recommendations: wb().read((db) => listRecommendations(db, q, today())), today: today() }),
    'recommendations.get': ({ id }) => wb().read((db) => recommendationById(db, id, today())),
    'recommendations.create': ({ notIdentifiers, ...input }) => createRecommendation(wb(), input, today(), notIdentifiers ?? []),
    'recommendations.editState': ({ id }) => wb().read((db) => recommendationEditState(db, id, today())),
    'recommendations.update': ({ id, patch, notIdentifiers }) => updateRecommendation(wb(), id, patch, today(), notIdentifiers ?? []),
    'recommendations.amend': ({ id, patch, reason, notIdentifiers }) => amendRecommendation(wb(), id, patch, reason, today(), notIdentifiers ?? []),
    'recommendations.setStatus': ({ id, status, note }) => setRecommendationStatus(wb(), id, status, note, today()),
  };
}
