import type { HandlerContext } from '../context';
import type { Handlers } from '../dispatch';
import { exportDocument } from '../exports/write';
import { exportAllowed } from '../meetings/allowed';
import { amendMinutes, approveMinutes, draftMinutes, getMinutes, updateMinutes } from './minutes';
import { minutesDoc } from './documents';

type MinutesMethod = 'minutes.get' | 'minutes.draft' | 'minutes.update' | 'minutes.approve' | 'minutes.amend' | 'minutes.export';

export function minutesHandlers(ctx: HandlerContext): Pick<Handlers, MinutesMethod> {
  const wb = () => ctx.workbench;
  return {
    'minutes.get': ({ meetingId }) => wb().read((db) => getMinutes(db, meetingId)),
    'minutes.draft': ({ meetingId, replace }) => draftMinutes(wb(), meetingId, replace, ctx.today()),
    'minutes.update': ({ meetingId, sections }) => updateMinutes(wb(), meetingId, sections),
    'minutes.approve': ({ meetingId, atMeetingId }) => approveMinutes(wb(), meetingId, atMeetingId, ctx.today()),
    'minutes.amend': ({ meetingId, sections, reason }) => amendMinutes(wb(), meetingId, sections, reason),
    'minutes.export': ({ meetingId, format, handle }) =>
      exportDocument(ctx, handle, {
        what: 'minutes',
        entity: `minutes:${meetingId}`,
        format,
        build: (db, committee) => minutesDoc(db, meetingId, committee),
        allowed: exportAllowed,
      }),
  };
}
