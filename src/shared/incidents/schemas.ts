/**
 * Contract schemas for incidents, their timelines and the identifier guard.
 * Inputs are strict and bounded; value sets come from ./values.
 */
import { z } from 'zod';
import { method } from '../method';
import { emptyInput, fieldMessage, MAX } from '../zod-helpers';
import { IDENTIFIER_KINDS } from '../deid/kinds';
import { CALL_SOURCE, DISPOSITION, INCIDENT_STATUS, INTERCEPT, RESPONDER, TIMELINE_ACTOR, TIMELINE_KIND } from './values';
import { FIRST_YEAR, incidentCode, incidentFieldsShape, LAST_YEAR, LIMITS, timelineEventShape } from './fields';

export {
  LIMITS,
  incidentCode,
  incidentFieldsShape,
  incidentFields,
  INCIDENT_DEFAULTS,
  futureMonthProblem,
  monthOf,
  monthName,
  NARRATIVE_TOO_LONG,
  type IncidentFields,
  type IncidentFieldsInput,
} from './fields';

/** Text fields the identifier guard scans (incident-derived free text). */
export const GUARDED_FIELDS = ['narrative', 'referrals', 'initialCallType', 'finalCallType', 'area'] as const;
export type GuardedField = (typeof GUARDED_FIELDS)[number];
/** A guarded location: an incident field or a timeline event's description. */
export const guardedLocation = z.union([z.enum(GUARDED_FIELDS), z.string().regex(/^timeline:\d{1,12}$/, 'Not a timeline event.')]);

export const incidentId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const identifierFinding = z.object({
  field: z.string(),
  start: z.number(),
  end: z.number(),
  type: z.enum(IDENTIFIER_KINDS),
  score: z.number(),
  text: z.string(),
  dismissed: z.object({ reason: z.string(), by: z.string().nullable(), at: z.string() }).nullable(),
});
export type IdentifierFindingView = z.infer<typeof identifierFinding>;

export const timelineEvent = z.object({
  id: z.number(),
  position: z.number(),
  time: z.string(),
  seconds: z.number().nullable(),
  actor: z.enum(TIMELINE_ACTOR.values),
  kind: z.enum(TIMELINE_KIND.values),
  description: z.string(),
  decisionPoint: z.boolean(),
});
export type TimelineEvent = z.infer<typeof timelineEvent>;

export const intervals = z.object({
  callToDispatch: z.number().nullable(),
  dispatchToArrival: z.number().nullable(),
  arrivalToDisposition: z.number().nullable(),
  callToDisposition: z.number().nullable(),
});
export type Intervals = z.infer<typeof intervals>;

export const incident = z.object({
  id: z.number(),
  ...incidentFieldsShape,
  status: z.enum(INCIDENT_STATUS.values),
  source: z.string(),
  openIdentifiers: z.number(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Incident = z.infer<typeof incident>;

export const incidentDetail = z.object({
  incident,
  timeline: z.array(timelineEvent),
  intervals,
  findings: z.array(identifierFinding),
});
export type IncidentDetail = z.infer<typeof incidentDetail>;

export const incidentRow = z.object({
  id: z.number(),
  code: z.string(),
  occurredYear: z.number(),
  occurredMonth: z.number(),
  status: z.enum(INCIDENT_STATUS.values),
  callSource: z.enum(CALL_SOURCE.values).nullable(),
  finalCallType: z.string().nullable(),
  area: z.string().nullable(),
  dispositions: z.array(z.enum(DISPOSITION.values)),
  responders: z.array(z.enum(RESPONDER.values)),
  openIdentifiers: z.number(),
  summary: z.string(),
  updatedAt: z.string(),
});
export type IncidentRow = z.infer<typeof incidentRow>;

const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A period bound is YYYY-MM.');
export const SORTABLE = ['code', 'occurred', 'status', 'updated', 'callSource', 'area'] as const;

export const incidentQuery = z
  .object({
    search: z.string().trim().max(MAX.short).optional(),
    status: z.array(z.enum(INCIDENT_STATUS.values)).max(4).optional(),
    from: period.optional(),
    to: period.optional(),
    callSource: z.array(z.enum(CALL_SOURCE.values)).max(CALL_SOURCE.values.length).optional(),
    disposition: z.array(z.enum(DISPOSITION.values)).max(DISPOSITION.values.length).optional(),
    intercept: z.array(z.enum(INTERCEPT.values)).max(6).optional(),
    responder: z.array(z.enum(RESPONDER.values)).max(RESPONDER.values.length).optional(),
    tag: z.string().trim().max(LIMITS.tag).optional(),
    unresolvedIdentifiers: z.boolean().optional(),
    /** Only the incidents of one import batch ("this import"). */
    importBatch: z.number().int().min(1).optional(),
    sort: z.enum(SORTABLE).default('occurred'),
    dir: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .strict();
export type IncidentQuery = z.input<typeof incidentQuery>;

export const timelineEventInput = z.object({ ...timelineEventShape, decisionPoint: z.boolean().default(false) }).strict();
/** A patch has no defaults: fields left out stay as they are. */
export const timelineEventPatch = z.object(timelineEventShape).partial().strict();
export type TimelineEventInput = z.input<typeof timelineEventInput>;

const detailOut = incidentDetail;

export const incidentMethods = {
  'incidents.list': method(incidentQuery, z.object({ rows: z.array(incidentRow), total: z.number() })),
  'incidents.get': method(z.object({ id: incidentId }).strict(), detailOut),
  'incidents.nextCode': method(
    z.object({ year: z.number().int().min(FIRST_YEAR).max(LAST_YEAR) }).strict(),
    z.object({ code: z.string() }),
  ),
  'incidents.create': method(
    z
      .object({
        code: incidentCode.optional(),
        occurredYear: incidentFieldsShape.occurredYear,
        occurredMonth: incidentFieldsShape.occurredMonth,
      })
      .extend(
        Object.fromEntries(
          Object.entries(incidentFieldsShape)
            .filter(([k]) => !['code', 'occurredYear', 'occurredMonth'].includes(k))
            .map(([k, v]) => [k, v.optional()]),
        ) as {
          [K in Exclude<keyof typeof incidentFieldsShape, 'code' | 'occurredYear' | 'occurredMonth'>]: z.ZodOptional<
            (typeof incidentFieldsShape)[K]
          >;
        },
      )
      .strict(),
    detailOut,
  ),
  'incidents.update': method(
    z
      .object({
        id: incidentId,
        /** The version the editor started from: a stale edit is refused, not silently merged. */
        version: z.number().int().min(0),
        patch: z.object(incidentFieldsShape).partial().strict(),
      })
      .strict(),
    detailOut,
  ),
  'incidents.setStatus': method(
    z
      .object({
        id: incidentId,
        status: z.enum(INCIDENT_STATUS.values),
        /** Closing with only "weaker" recommendations (RCA²) needs this confirmation. */
        confirmWeakOnly: z.boolean().default(false),
      })
      .strict(),
    detailOut,
  ),
  'incidents.delete': method(z.object({ id: incidentId }).strict(), z.object({ deleted: z.literal(true) })),
  'incidents.facets': method(
    emptyInput,
    z.object({
      callTypes: z.array(z.string()),
      areas: z.array(z.string()),
      tags: z.array(z.string()),
      years: z.array(z.number()),
      total: z.number(),
      /** Attribution lines required by the licences of imported data present in the workbench. */
      attributions: z.array(z.string()),
    }),
  ),
  'timeline.add': method(
    z.object({ incidentId, event: timelineEventInput, position: z.number().int().min(0).max(10_000).optional() }).strict(),
    detailOut,
  ),
  'timeline.update': method(z.object({ id: incidentId, patch: timelineEventPatch }).strict(), detailOut),
  'timeline.move': method(z.object({ id: incidentId, position: z.number().int().min(0).max(10_000) }).strict(), detailOut),
  'timeline.remove': method(z.object({ id: incidentId }).strict(), detailOut),
  'identifiers.scan': method(
    z.object({ text: z.string().max(MAX.text, `Text to scan is at most ${MAX.text} characters.`) }).strict(),
    z.object({ findings: z.array(z.object({ start: z.number(), end: z.number(), type: z.enum(IDENTIFIER_KINDS), score: z.number() })) }),
  ),
  'identifiers.redact': method(
    z
      .object({
        incidentId,
        field: guardedLocation,
        start: z.number().int().min(0),
        end: z.number().int().min(1),
        type: z.enum(IDENTIFIER_KINDS),
      })
      .strict(),
    detailOut,
  ),
  'identifiers.dismiss': method(
    z
      .object({
        incidentId,
        field: guardedLocation,
        start: z.number().int().min(0),
        end: z.number().int().min(1),
        type: z.enum(IDENTIFIER_KINDS),
        reason: z
          .string()
          .trim()
          .min(3, fieldMessage('Say why this is not an identifier (at least 3 characters).'))
          .max(LIMITS.reason, fieldMessage(`The reason is at most ${LIMITS.reason} characters.`)),
      })
      .strict(),
    detailOut,
  ),
} as const;
