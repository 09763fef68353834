/** Contract schemas for a recommendation: its fields, the record, and editing it. */
import { z } from 'zod';
import { rowId, isoDate } from '../meetings/fields';
import { editStateShape, notIdentifierShape } from '../meetings/records';
import { ACTION_TYPE, SECTOR, STRENGTH } from '../meetings/values';
import { REC_STATUS } from './values';

export const owner = z.union([z.object({ memberId: rowId }).strict(), z.object({ organisationId: rowId }).strict()]);
export const recFields = {
  action: z.string().trim().min(3, 'Say what should change (at least 3 characters).').max(2000),
  owner,
  dueDate: isoDate,
  measure: z.string().trim().max(1000),
  actionType: z.enum(ACTION_TYPE.values),
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
  history: z.array(z.object({ status: z.enum(REC_STATUS.values), note: z.string(), at: z.string(), by: z.string().nullable() })),
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
