/** Contract schemas: the recommendations register and each recommendation's life after the meeting. */
import { z } from 'zod';
import { method } from '../method';
import { emptyInput } from '../zod-helpers';
import { fileHandle, isoDate, rowId } from '../meetings/fields';
import { amendmentReason } from '../meetings/records';
import { STRENGTH } from '../meetings/values';
import { followText, recFields, recNotIdentifiers, recPatch, recommendation, recommendationEditState } from './records';
import { CLOSURE_CODE, EFFECT_RESULT, MEASURE_KIND, REC_STATUS, RESPONSE_KIND } from './values';

export * from './records';

const timing = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number(),
  medianDaysToResponse: z.number().nullable(),
  medianDaysToVerification: z.number().nullable(),
});
/** Where the recommendations stand (the CLI's `report recommendations` prints the first seven keys). */
export const recommendationReport = z.object({
  byStatus: z.record(z.enum(REC_STATUS.values), z.number()),
  overdueResponses: z.number(),
  reportedImplemented: z.number(),
  verifiedImplemented: z.number(),
  effectChecksDue: z.number(),
  /** Of the recommendations reported or verified implemented, the share with an effect check recorded (0 when none). */
  measuredShare: z.number(),
  /** Days from adoption to the agency's response (median), null without any response. */
  medianDaysToResponse: z.number().nullable(),
  medianDaysToVerification: z.number().nullable(),
  implemented: z.number(),
  measured: z.number(),
  effectResults: z.array(z.object({ key: z.enum(EFFECT_RESULT.values), label: z.string(), count: z.number() })),
  byAgency: z.array(timing),
  byCategory: z.array(timing),
});
export type RecommendationReport = z.infer<typeof recommendationReport>;

export const recommendationMethods = {
  'recommendations.list': method(
    z
      .object({
        status: z.array(z.enum(REC_STATUS.values)).max(10).optional(),
        /** Words in the code, action, owner or incident codes. */
        search: z.string().trim().max(200).optional(),
        responseOverdue: z.boolean().optional(),
        effectCheckDue: z.boolean().optional(),
        ownerMemberId: rowId.optional(),
        ownerOrganisationId: rowId.optional(),
        overdue: z.boolean().optional(),
        strength: z.enum(STRENGTH.values).optional(),
        incidentId: rowId.optional(),
        meetingId: rowId.optional(),
      })
      .strict(),
    z.object({ recommendations: z.array(recommendation), today: z.string() }),
  ),
  'recommendations.get': method(z.object({ id: rowId }).strict(), recommendation),
  'recommendations.create': method(
    z
      .object({
        findingIds: z.array(rowId).min(1, 'A recommendation comes from at least one finding.').max(50),
        meetingId: rowId.nullable().default(null),
        ...recFields,
        notIdentifiers: recNotIdentifiers,
      })
      .strict(),
    recommendation,
  ),
  'recommendations.editState': method(z.object({ id: rowId }).strict(), recommendationEditState),
  /** Free edits while open; the action and measure only until its meeting ends (then: recommendations.amend). */
  'recommendations.update': method(z.object({ id: rowId, patch: recPatch, notIdentifiers: recNotIdentifiers }).strict(), recommendation),
  /** A numbered amendment, with a reason, once the meeting has ended or the recommendation is completed or declined. */
  'recommendations.amend': method(
    z.object({ id: rowId, patch: recPatch, reason: amendmentReason, notIdentifiers: recNotIdentifiers }).strict(),
    recommendationEditState,
  ),
  /**
   * One step of the lifecycle (REC_MOVES). Closing needs a closure code that fits; declining a
   * rationale; superseding the recommendation that replaces it; verifying what was checked, by
   * whom, when and the evidence. "Response received" comes only from recordResponse.
   */
  'recommendations.setStatus': method(
    z
      .object({
        id: rowId,
        status: z.enum(REC_STATUS.values),
        note: followText('A note').default(''),
        closureCode: z.enum(CLOSURE_CODE.values).optional(),
        supersededBy: rowId.optional(),
        verification: z
          .object({
            what: followText('What was checked').min(3, 'Say what was checked (at least 3 characters).'),
            by: followText('Who checked', 200).min(2, 'Say which organisation checked.'),
            date: isoDate,
            evidence: followText('The evidence note').min(3, 'Describe the evidence (at least 3 characters).'),
          })
          .strict()
          .optional(),
      })
      .strict(),
    recommendation,
  ),
  /** The owner agency's response to a sent recommendation (moves it to "response received"). */
  'recommendations.recordResponse': method(
    z
      .object({
        id: rowId,
        kind: z.enum(RESPONSE_KIND.values),
        date: isoDate,
        rationale: followText('The rationale').default(''),
        plannedAction: followText('The planned action').default(''),
        plannedDate: isoDate.nullable().default(null),
      })
      .strict(),
    recommendation,
  ),
  /** How the committee will know the change worked; the measurement date puts an effect check on that date. */
  'recommendations.setEffectMeasure': method(
    z
      .object({
        id: rowId,
        kind: z.enum(MEASURE_KIND.values),
        baseline: followText('The baseline', 500).min(1, 'Give the baseline (what it is today).'),
        target: followText('The target', 500).min(1, 'Give the target.'),
        measureDate: isoDate,
        measuredByOrganisationId: rowId.nullable().default(null),
      })
      .strict(),
    recommendation,
  ),
  'recommendations.recordEffectCheck': method(
    z
      .object({
        checkId: rowId,
        result: z.enum(EFFECT_RESULT.values),
        value: followText('The measured value', 500).default(''),
        note: followText('A note').default(''),
        meetingId: rowId.nullable().default(null),
      })
      .strict(),
    recommendation,
  ),
  'recommendations.report': method(emptyInput, recommendationReport),
  /** The agencies that get a letter for a meeting: owners of its adopted (or sent) recommendations. */
  'recommendations.letterAgencies': method(
    z.object({ meetingId: rowId }).strict(),
    z.object({ date: z.string(), agencies: z.array(z.object({ key: z.string(), name: z.string(), count: z.number() })) }),
  ),
  /** One agency's letter (DOCX or PDF), through the identifier guard: organisations only, no incident details. */
  'recommendations.exportLetter': method(
    z
      .object({
        meetingId: rowId,
        agency: z.string().regex(/^(o:\d{1,12}|a:.{1,200})$/, 'Not an agency: list the agencies for the meeting again.'),
        format: z.enum(['docx', 'pdf']),
        handle: fileHandle,
      })
      .strict(),
    z.object({ displayName: z.string(), bytes: z.number(), sha256: z.string() }),
  ),
  /** The public tracker: adopted recommendations, their owner agency, status and response; never incident details or a person. */
  'recommendations.exportTracker': method(
    z.object({ format: z.enum(['html', 'csv', 'xlsx']), handle: fileHandle }).strict(),
    z.object({ displayName: z.string(), bytes: z.number(), rows: z.number(), sha256: z.string() }),
  ),
  /** Days from the meeting to the requested response date (a committee setting, 60 by default). */
  'recommendations.settings': method(emptyInput, z.object({ responseDays: z.number() })),
  'recommendations.setResponseDays': method(
    z.object({ responseDays: z.number().int().min(7, 'At least 7 days.').max(365, 'At most 365 days.') }).strict(),
    z.object({ responseDays: z.number() }),
  ),
  /** The register as a spreadsheet: XLSX (text cells, nothing can run as a formula) or CSV (formulas neutralised). */
  'recommendations.exportRegister': method(
    z
      .object({
        handle: fileHandle,
        format: z.enum(['xlsx', 'csv']),
        ownerMemberId: rowId.optional(),
        ownerOrganisationId: rowId.optional(),
      })
      .strict(),
    z.object({ displayName: z.string(), bytes: z.number(), rows: z.number() }),
  ),
} as const;
