import type { HandlerContext } from '../context';
import type { Handlers } from '../dispatch';
import type { meetingMethods, WalkState } from '../../../shared/meetings/schemas';
import { exportDocument } from '../exports/write';
import { exportAllowed } from './allowed';
import { blameHints } from './blame';
import { agendaDoc, packetDoc } from './documents';
import {
  amendFinding,
  createFinding,
  createSystemicFinding,
  findingById,
  findingEditState,
  listFindings,
  removeFinding,
  updateFinding,
} from './findings';
import {
  addAgendaItem,
  completeAgendaItem,
  moveAgendaItem,
  removeAgendaItem,
  setAttendance,
  startAgendaItem,
  updateAgendaItem,
} from './agenda';
import { createMeeting, getMeeting, listMeetings, setMeetingStatus, updateMeeting } from './meetings';
import { homeSummary } from './home';
import { listRoster, rosterNames, saveMember, saveOrganisation } from './roster';
import { checkWalkTarget, projectorView } from './walk';

/** Walk mode keeps the shared presenter → projector state between calls (memory only, cleared on lock). */
export interface MeetingsContext extends HandlerContext {
  walk: WalkState | null;
}

type MeetingMethod = keyof typeof meetingMethods | 'meetings.exportPacket';

export function meetingHandlers(ctx: MeetingsContext): Pick<Handlers, MeetingMethod> {
  const wb = () => ctx.workbench;
  const today = () => ctx.today();
  return {
    'home.summary': () => wb().read((db) => homeSummary(db, today())),
    'roster.list': () => wb().read(listRoster),
    'roster.saveMember': (input) => saveMember(wb(), input),
    'roster.saveOrganisation': (input) => saveOrganisation(wb(), input),

    'meetings.list': () => ({ meetings: wb().read(listMeetings) }),
    'meetings.get': ({ id }) => wb().read((db) => getMeeting(db, id)),
    'meetings.create': (input) => createMeeting(wb(), input),
    'meetings.update': ({ id, patch }) => updateMeeting(wb(), id, patch),
    'meetings.setStatus': ({ id, status, carryUnreviewed }) => setMeetingStatus(wb(), id, status, carryUnreviewed ?? false),
    'meetings.exportAgenda': ({ id, handle }) =>
      exportDocument(ctx, handle, {
        what: 'agenda',
        entity: `meeting:${id}`,
        format: 'md',
        build: (db, committee) => agendaDoc(db, id, committee),
        allowed: exportAllowed,
      }),
    'meetings.exportPacket': ({ meetingId, format, handle }) =>
      exportDocument(ctx, handle, {
        what: 'agenda packet',
        entity: `meeting:${meetingId}`,
        format,
        build: (db, committee) => packetDoc(db, meetingId, committee),
        allowed: exportAllowed,
      }),
    'agenda.add': (input) => addAgendaItem(wb(), input),
    'agenda.update': ({ id, patch }) => updateAgendaItem(wb(), id, patch),
    'agenda.move': ({ id, position }) => moveAgendaItem(wb(), id, position),
    'agenda.remove': ({ id }) => removeAgendaItem(wb(), id),
    'agenda.start': ({ id }) => startAgendaItem(wb(), id),
    'agenda.complete': ({ id, completed }) => completeAgendaItem(wb(), id, completed),
    'attendance.set': (input) => setAttendance(wb(), input),

    'walk.set': (input) => {
      wb().read((db) => checkWalkTarget(db, input.meetingId, input.itemId));
      const state = { ...input, version: (ctx.walk?.version ?? 0) + 1 };
      ctx.walk = state;
      ctx.emit('walk.changed', state);
      return state;
    },
    'walk.state': () => ctx.walk,
    'projector.view': () => {
      const s = ctx.walk;
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
  };
}
