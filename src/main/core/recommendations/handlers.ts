import type { HandlerContext } from '../context';
import type { Handlers } from '../dispatch';
import type { recommendationMethods } from '../../../shared/recommendations/schemas';
import {
  amendRecommendation,
  createRecommendation,
  listRecommendations,
  recommendationById,
  recommendationEditState,
  updateRecommendation,
} from './recommendations';
import { setRecommendationStatus, setResponseDays } from './lifecycle';
import { responseDays } from '../store/settings';
import { recordEffectCheck, recordResponse, setEffectMeasure } from './response';
import { registerFile } from './register';
import { recommendationReport } from './report';
import { letterAgencies, letterDoc } from './letters';
import { followAllowed } from './guard';
import { trackerFile } from './tracker';
import { exportDocument, writeExport } from '../exports/write';

type RecommendationMethod = keyof typeof recommendationMethods;

export function recommendationHandlers(ctx: HandlerContext): Pick<Handlers, RecommendationMethod> {
  const wb = () => ctx.workbench;
  const today = () => ctx.today();
  return {
    'recommendations.list': (q) => ({ recommendations: wb().read((db) => listRecommendations(db, q, today())), today: today() }),
    'recommendations.get': ({ id }) => wb().read((db) => recommendationById(db, id, today())),
    'recommendations.create': ({ notIdentifiers, ...input }) => createRecommendation(wb(), input, today(), notIdentifiers ?? []),
    'recommendations.editState': ({ id }) => wb().read((db) => recommendationEditState(db, id, today())),
    'recommendations.update': ({ id, patch, notIdentifiers }) => updateRecommendation(wb(), id, patch, today(), notIdentifiers ?? []),
    'recommendations.amend': ({ id, patch, reason, notIdentifiers }) =>
      amendRecommendation(wb(), id, patch, reason, today(), notIdentifiers ?? []),
    'recommendations.setStatus': ({ id, ...change }) => setRecommendationStatus(wb(), id, change, today()),
    'recommendations.recordResponse': ({ id, ...input }) => recordResponse(wb(), id, input, today()),
    'recommendations.setEffectMeasure': ({ id, ...input }) => setEffectMeasure(wb(), id, input, today()),
    'recommendations.recordEffectCheck': ({ checkId, ...input }) => recordEffectCheck(wb(), checkId, input, today()),
    'recommendations.report': () => wb().read((db) => recommendationReport(db, today())),
    'recommendations.letterAgencies': ({ meetingId }) => wb().read((db) => letterAgencies(db, meetingId)),
    'recommendations.exportLetter': ({ meetingId, agency, format, handle }) =>
      exportDocument(ctx, handle, {
        what: 'letter',
        entity: `meeting:${meetingId}`,
        format,
        build: (db, committee) => letterDoc(db, meetingId, agency, committee),
        allowed: followAllowed,
      }),
    'recommendations.exportTracker': ({ format, handle }) => {
      const w = wb();
      const { bytes, rows } = w.read((db) => trackerFile(db, format, w.committee, today()));
      return {
        ...writeExport(ctx, handle, bytes, { entity: 'recommendations', detail: `tracker ${format.toUpperCase()} (${rows} rows)` }),
        rows,
      };
    },
    'recommendations.settings': () => ({ responseDays: wb().read(responseDays) }),
    'recommendations.setResponseDays': ({ responseDays: days }) => setResponseDays(wb(), days),
    'recommendations.exportRegister': ({ handle, format, ownerMemberId, ownerOrganisationId }) => {
      const { bytes, rows } = wb().read((db) => registerFile(db, { format, ownerMemberId, ownerOrganisationId }, today()));
      const out = writeExport(ctx, handle, bytes, { entity: 'recommendations', detail: `register ${format.toUpperCase()} (${rows} rows)` });
      return { displayName: out.displayName, bytes: out.bytes, rows };
    },
  };
}
