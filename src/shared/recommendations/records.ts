/** Contract schemas for a recommendation: its fields, the record, and editing it. */
import { z } from 'zod';
import { rowId, isoDate } from '../meetings/fields';
import { editStateShape, notIdentifierShape } from '../meetings/records';
import { ACTION_TYPE, SECTOR, STRENGTH } from '../meetings/values';
import { CLOSURE_CODE, EFFECT_RESULT, MEASURE_KIND, REC_STATUS, RESPONSE_KIND } from './values';

export const owner = z.union([z.object({ memberId: rowId }).strict(), z.object({ organisationId: rowId }).strict()]);
export const recFields = {
  action: z.string().trim().min(3, 'Say what should change (at least 3 characters).').max(2000),
  owner,
  dueDate: isoDate,
  measure: z.string().trim().max(1000),
  actionType: z.enum(ACTION_TYPE.values),
};
/** Free text a coordinator types about the follow-through: bounded, and checked by the identifier guard in the core. */
export const followText = (label: string, max = 1000) => z.string().trim().max(max, `${label} is at most ${max} characters.`);

const agencyResponse = z.object({
  kind: z.enum(RESPONSE_KIND.values),
  date: z.string(),
  rationale: z.string(),
  plannedAction: z.string(),
  plannedDate: z.string().nullable(),
});
export const verification = z.object({ what: z.string(), by: z.string(), date: z.string(), evidence: z.string() });
const effectMeasure = z.object({
  kind: z.enum(MEASURE_KIND.values),
  baseline: z.string(),
  target: z.string(),
  measureDate: z.string(),
  measuredBy: z.object({ id: z.number(), name: z.string() }).nullable(),
});
export const effectCheck = z.object({
  id: z.number(),
  dueDate: z.string(),
  reason: z.enum(['measure', 'verified']),
  result: z.enum(EFFECT_RESULT.values).nullable(),
  value: z.string(),
  note: z.string(),
  checkedAt: z.string().nullable(),
  checkedBy: z.string().nullable(),
  meetingId: z.number().nullable(),
});
export type EffectCheck = z.infer<typeof effectCheck>;

/** Issue 20: what happens after the meeting. */
const followThrough = {
  closureCode: z.enum(CLOSURE_CODE.values).nullable(),
  supersededBy: z.object({ id: z.number(), code: z.string() }).nullable(),
  /** The date the owner agency is asked to respond by (set on adoption). */
  responseDue: z.string().nullable(),
  sentOn: z.string().nullable(),
  /** Adopted or sent, no response recorded, and the requested date has passed (committee's today). */
  responseOverdue: z.boolean(),
  response: agencyResponse.nullable(),
  verification: verification.nullable(),
  effect: effectMeasure.nullable(),
  effectChecks: z.array(effectCheck),
  /** An effect check without a result whose date has come (committee's today). */
  effectCheckDue: z.boolean(),
};

export const recommendation = z.object({
  id: z.number(),
  code: z.string(),
  action: z.string(),
  owner: z.object({ kind: z.enum(['member', 'organisation']), id: z.number(), name: z.string(), sector: z.enum(SECTOR.values) }),
  dueDate: z.string(),
  status: z.enum(REC_STATUS.values),
  statusAt: z.string(),
  measure: z.string(),
  actionType: z.enum(ACTION_TYPE.values),
  strength: z.enum(STRENGTH.values),
  overdue: z.boolean(),
  findingIds: z.array(z.number()),
  incidentCodes: z.array(z.string()),
  /** At least one of its findings is a 24/7 coverage gap rather than a case. */
  fromCoverageGap: z.boolean(),
  meetingId: z.number().nullable(),
  /** The meeting's date, for a link to it. */
  meetingDate: z.string().nullable(),
  /** The incidents its findings came from, for links to them (codes only, never details). */
  incidents: z.array(z.object({ id: z.number(), code: z.string() })),
  history: z.array(
    z.object({
      status: z.enum(REC_STATUS.values),
      note: z.string(),
      at: z.string(),
      by: z.string().nullable(),
      /** The status as it was recorded before issue 20's lifecycle ("accepted", "completed"), or null. */
      was: z.string().nullable(),
    }),
  ),
  ...followThrough,
});
export type Recommendation = z.infer<typeof recommendation>;

export const recNotIdentifiers = z
  .array(z.object({ field: z.enum(['action', 'measure']), ...notIdentifierShape }).strict())
  .max(50)
  .optional();
export const recommendationEditState = z.object({
  recommendation,
  ...editStateShape,
  room: z.object({ action: z.string(), measure: z.string() }),
});
export type RecommendationEditState = z.infer<typeof recommendationEditState>;
export const recPatch = z.object(recFields).partial().strict();
