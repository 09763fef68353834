/** Contract schemas: the recommendations register and each recommendation's life after the meeting. */
import { z } from 'zod';
import { method } from '../method';
import { fileHandle, rowId } from '../meetings/fields';
import { amendmentReason } from '../meetings/records';
import { STRENGTH } from '../meetings/values';
import { recFields, recNotIdentifiers, recPatch, recommendation, recommendationEditState } from './records';
import { REC_STATUS } from './values';

export * from './records';

export const recommendationMethods = {
  'recommendations.list': method(
    z
      .object({
        status: z.array(z.enum(REC_STATUS.values)).max(5).optional(),
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
  'recommendations.setStatus': method(
    z.object({ id: rowId, status: z.enum(REC_STATUS.values), note: z.string().trim().max(1000).default('') }).strict(),
    recommendation,
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
