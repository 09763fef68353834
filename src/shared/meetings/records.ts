/** Contract schemas for findings, and for editing and amending findings and recommendations (the recommendation itself: shared/recommendations). */
import { z } from 'zod';
import { MAX } from '../zod-helpers';
import { INTERCEPT } from '../incidents/values';
import { LIMITS } from '../incidents/schemas';
import { IDENTIFIER_KINDS } from '../deid/kinds';
import { rowId } from './fields';
import { CIT_GOAL, FINDING_CATEGORY, FINDING_KIND } from './values';

export const findingShape = {
  incidentId: rowId,
  meetingId: rowId.nullable(),
  category: z.enum(FINDING_CATEGORY.values),
  kind: z.enum(FINDING_KIND.values),
  intercept: z.enum(INTERCEPT.values).nullable(),
  goals: z.array(z.enum(CIT_GOAL.values)).max(4),
  timelineEventId: rowId.nullable(),
  description: z.string().trim().min(3, 'Describe the finding (at least 3 characters).').max(4000, 'A finding is at most 4000 characters.'),
};
/** A finding about the system that no single incident carries: today, a 24/7 coverage gap. */
export const FINDING_SOURCES = ['case', 'coverage'] as const;
export const COVERAGE_FINDING_CATEGORIES = ['services', 'staffing'] as const;
export const COVERAGE_FINDING_INTERCEPTS = ['0', '1'] as const;
export const systemicFindingShape = {
  source: z.literal('coverage'),
  meetingId: rowId.nullable(),
  category: z.enum(COVERAGE_FINDING_CATEGORIES, 'A coverage gap is a services or a staffing/resources finding.'),
  intercept: z.enum(COVERAGE_FINDING_INTERCEPTS, 'A coverage gap sits at intercept 0 (community services) or 1 (law enforcement).'),
  goals: z.array(z.enum(CIT_GOAL.values)).max(4),
  description: findingShape.description,
};
export const finding = z.object({
  id: z.number(),
  /** Null for a systemic finding (source 'coverage'). */
  incidentId: z.number().nullable(),
  incidentCode: z.string().nullable(),
  source: z.enum(FINDING_SOURCES),
  meetingId: z.number().nullable(),
  category: z.enum(FINDING_CATEGORY.values),
  kind: z.enum(FINDING_KIND.values),
  intercept: z.enum(INTERCEPT.values).nullable(),
  goals: z.array(z.enum(CIT_GOAL.values)),
  timelineEventId: z.number().nullable(),
  description: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  recommendationIds: z.array(z.number()),
});
export type Finding = z.infer<typeof finding>;

export const blameHint = z.object({ start: z.number(), end: z.number(), phrase: z.string(), suggestion: z.string() });
export type BlameHint = z.infer<typeof blameHint>;

// ------------------------------------------------------------------ editing findings and recommendations
/** The free-text fields of findings and recommendations that the identifier guard reads. */
export const RECORD_TEXT_FIELDS = ['description', 'action', 'measure'] as const;
export type RecordTextField = (typeof RECORD_TEXT_FIELDS)[number];
export const notIdentifierShape = {
  type: z.enum(IDENTIFIER_KINDS),
  /** The flagged words as typed; the core finds them again in the saved text. */
  text: z.string().min(1).max(MAX.short),
  reason: z.string().trim().min(3, 'Say why this is not an identifier (at least 3 characters).').max(LIMITS.reason),
};
/** "Not an identifier" decisions sent with a finding's text (recorded with the reason, audited). */
export const findingNotIdentifiers = z.array(z.object(notIdentifierShape).strict()).max(50).optional();
export type NotIdentifier = { field?: RecordTextField; type: (typeof IDENTIFIER_KINDS)[number]; text: string; reason: string };
export const amendmentReason = z.string().trim().min(3, 'Say why the record changes (at least 3 characters).').max(1000);

export const recordAmendment = z.object({
  number: z.number(),
  reason: z.string(),
  diff: z.string(),
  hash: z.string(),
  at: z.string(),
  by: z.string().nullable(),
});
export type RecordAmendment = z.infer<typeof recordAmendment>;
/** A possible identifier in a finding's or recommendation's saved text, and whether someone said it is not one. */
export const textIdentifier = z.object({
  field: z.enum(RECORD_TEXT_FIELDS),
  start: z.number(),
  end: z.number(),
  type: z.enum(IDENTIFIER_KINDS),
  text: z.string(),
  dismissed: z.object({ reason: z.string(), by: z.string().nullable(), at: z.string() }).nullable(),
});
export type TextIdentifier = z.infer<typeof textIdentifier>;
export const editStateShape = {
  /** Null while the item is edited freely; otherwise why changes are now numbered amendments with a reason. */
  locked: z.string().nullable(),
  amendments: z.array(recordAmendment),
  identifiers: z.array(textIdentifier),
};
export const findingEditState = z.object({ finding, ...editStateShape, room: z.object({ description: z.string() }) });
export type FindingEditState = z.infer<typeof findingEditState>;
export const findingPatch = z.object(findingShape).omit({ incidentId: true, meetingId: true }).partial().strict();
