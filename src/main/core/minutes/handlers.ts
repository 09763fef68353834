import path from 'node:path';
import type { Core } from '../core';
import type { Handlers } from '../dispatch';
import type { minutesMethods } from '../../../shared/minutes/schemas';
import { writeFileAtomic } from '../store/keyslots';
import { csv } from '../exports/doc';
import { xlsx } from '../exports/xlsx';
import { roomTexts } from '../meetings/record-text';
import { listRecommendations } from '../meetings/recommendations';
import { ACTION_TYPE, REC_STATUS, SECTOR, STRENGTH } from '../../../shared/meetings/values';
import { dashboard } from '../reports/dashboard';
import { annualDoc } from '../reports/annual';
import { amendMinutes, approveMinutes, draftMinutes, getMinutes, updateMinutes } from './minutes';
import { minutesDoc, packetDoc } from './documents';
import { exportDocument } from '../exports/write';

export function minutesHandlers(core: Core): Pick<Handlers, keyof typeof minutesMethods> {
  const wb = () => core.workbench;
  return {
    'minutes.get': ({ meetingId }) => wb().read((db) => getMinutes(db, meetingId)),
    'minutes.draft': ({ meetingId, replace }) => draftMinutes(wb(), meetingId, replace, core.today()),
    'minutes.update': ({ meetingId, sections }) => updateMinutes(wb(), meetingId, sections),
    'minutes.approve': ({ meetingId, atMeetingId }) => approveMinutes(wb(), meetingId, atMeetingId),
    'minutes.amend': ({ meetingId, sections, reason }) => amendMinutes(wb(), meetingId, sections, reason),
    'minutes.export': ({ meetingId, format, handle }) =>
      exportDocument(core, handle, { what: 'minutes', entity: `minutes:${meetingId}`, format, build: (db, committee) => minutesDoc(db, meetingId, committee) }),
    'meetings.exportPacket': ({ meetingId, format, handle }) =>
      exportDocument(core, handle, { what: 'agenda packet', entity: `meeting:${meetingId}`, format, build: (db, committee) => packetDoc(db, meetingId, committee) }),
    'reports.dashboard': (q) => wb().read((db) => dashboard(db, q, core.today())),
    'reports.exportAnnual': ({ year, format, handle }) =>
      exportDocument(core, handle, {
        what: `annual report ${year}`,
        entity: 'reports',
        format,
        build: (db, committee) => annualDoc(db, dashboard(db, { from: `${year}-01`, to: `${year}-12` }, core.today()), year, committee, core.today()),
      }),
    'recommendations.exportRegister': ({ handle, format, ownerMemberId, ownerOrganisationId }) => {
      const w = wb();
      // Actions and measures as the room saw them: identifiers redacted, "not an identifier" decisions kept.
      const recs = w.read((db) => {
        const room = roomTexts(db);
        return listRecommendations(db, { ownerMemberId, ownerOrganisationId }, core.today()).map((r) => ({ ...r, action: room.recommendation(r.id, 'action', r.action), measure: room.recommendation(r.id, 'measure', r.measure) }));
      });
      const headers = ['Code', 'Action', 'Owner', 'Owner sector', 'Due', 'Status', 'Overdue', 'Kind of action', 'Strength', 'Measure', 'From'];
      const rows = recs.map((r) => [
        r.code,
        r.action,
        r.owner.name,
        SECTOR.label(r.owner.sector),
        r.dueDate,
        REC_STATUS.label(r.status),
        r.overdue ? 'yes' : 'no',
        ACTION_TYPE.label(r.actionType),
        STRENGTH.label(r.strength),
        r.measure,
        [...r.incidentCodes, ...(r.fromCoverageGap ? ['24/7 coverage gap'] : [])].join(' '),
      ]);
      // CSV: a byte-order mark so spreadsheet programs read the file as UTF-8.
      const bytes = format === 'xlsx' ? xlsx({ name: 'Recommendations', headers, rows }) : Buffer.from(`\uFEFF${csv([headers, ...rows])}`, 'utf8');
      const file = core.files.take(handle, 'write');
      w.write({ event: 'export', entity: 'recommendations', detail: `register ${format.toUpperCase()} (${recs.length} rows)` }, () => writeFileAtomic(file, bytes));
      return { displayName: path.basename(file), bytes: bytes.length, rows: recs.length };
    },
  };
}
