import path from 'node:path';
import type { Core } from '../core';
import type { Handlers } from '../dispatch';
import type { minutesMethods } from '../../../shared/minutes/schemas';
import { writeFileAtomic } from '../store/keyslots';
import { csv } from '../exports/doc';
import { listRecommendations } from '../meetings/recommendations';
import { ACTION_TYPE, REC_STATUS, STRENGTH } from '../../../shared/meetings/values';
import { dashboard } from '../reports/dashboard';
import { annualDoc } from '../reports/annual';
import { allowedPredicate, amendMinutes, approveMinutes, draftMinutes, getMinutes, sha256, updateMinutes } from './minutes';
import { assertDocClean, minutesDoc, packetDoc, render } from './documents';
import type { Doc } from '../exports/doc';
import type { ExportFormat } from '../../../shared/minutes/schemas';

export function minutesHandlers(core: Core): Pick<Handlers, keyof typeof minutesMethods> {
  const wb = () => core.workbench;
  /** Guard, render, write atomically (no temp copy survives), audit with the content hash. */
  const exportDoc = async (handle: string, what: string, entity: string, build: () => Doc, format: ExportFormat) => {
    const w = wb();
    const doc = w.read((db) => {
      const d = build();
      assertDocClean(d, allowedPredicate(db, [w.committee]));
      return d;
    });
    const bytes = await render(doc, format);
    const file = core.files.take(handle, 'write');
    const hash = sha256(bytes.toString('binary'));
    w.write({ event: 'export', entity, detail: `${what} (${format}, ${bytes.length} bytes${doc.draft ? ', DRAFT' : ''}); sha256:${hash}` }, () => writeFileAtomic(file, bytes));
    return { displayName: path.basename(file), bytes: bytes.length, sha256: hash };
  };
  return {
    'minutes.get': ({ meetingId }) => wb().read((db) => getMinutes(db, meetingId)),
    'minutes.draft': ({ meetingId, replace }) => draftMinutes(wb(), meetingId, replace, core.today()),
    'minutes.update': ({ meetingId, sections }) => updateMinutes(wb(), meetingId, sections),
    'minutes.approve': ({ meetingId, atMeetingId }) => approveMinutes(wb(), meetingId, atMeetingId),
    'minutes.amend': ({ meetingId, sections, reason }) => amendMinutes(wb(), meetingId, sections, reason),
    'minutes.export': ({ meetingId, format, handle }) =>
      exportDoc(handle, 'minutes', `minutes:${meetingId}`, () => wb().read((db) => minutesDoc(db, meetingId, wb().committee)), format),
    'meetings.exportPacket': ({ meetingId, format, handle }) =>
      exportDoc(handle, 'agenda packet', `meeting:${meetingId}`, () => wb().read((db) => packetDoc(db, meetingId, wb().committee)), format),
    'reports.dashboard': (q) => wb().read((db) => dashboard(db, q, core.today())),
    'reports.exportAnnual': ({ year, format, handle }) =>
      exportDoc(
        handle,
        `annual report ${year}`,
        'reports',
        () => wb().read((db) => annualDoc(db, dashboard(db, { from: `${year}-01`, to: `${year}-12` }, core.today()), year, wb().committee, core.today())),
        format,
      ),
    'recommendations.exportCsv': ({ handle, ownerMemberId, ownerOrganisationId }) => {
      const w = wb();
      const recs = w.read((db) => listRecommendations(db, { ownerMemberId, ownerOrganisationId }, core.today()));
      const body = csv([
        ['Code', 'Action', 'Owner', 'Owner sector', 'Due', 'Status', 'Overdue', 'Kind of action', 'Strength', 'Measure', 'Incidents'],
        ...recs.map((r) => [r.code, r.action, r.owner.name, r.owner.sector, r.dueDate, REC_STATUS.label(r.status), r.overdue ? 'yes' : 'no', ACTION_TYPE.label(r.actionType), STRENGTH.label(r.strength), r.measure, r.incidentCodes.join(' ')]),
      ]);
      const file = core.files.take(handle, 'write');
      w.write({ event: 'export', entity: 'recommendations', detail: `register CSV (${recs.length} rows)` }, () => writeFileAtomic(file, `\uFEFF${body}`));
      return { displayName: path.basename(file), bytes: Buffer.byteLength(body) + 3, rows: recs.length };
    },
  };
}
