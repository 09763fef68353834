/**
 * Contract schemas for incidents, their timelines and the identifier guard.
 * Inputs are strict and bounded; value sets come from ./values.
 */
import { z } from 'zod';
import { method } from '../method';
import { emptyInput, MAX } from '../zod-helpers';
import { IDENTIFIER_KINDS } from '../deid/kinds';
import {
  BEHAVIOUR,
  CALL_SOURCE,
  DISPOSITION,
  FORCE,
  INCIDENT_STATUS,
  INJURY,
  INTERCEPT,
  RESPONDER,
  TIMELINE_ACTOR,
  TIMELINE_KIND,
  WEAPON,
  WEEKDAY,
  YES_NO_UNKNOWN,
} from './values';

export const LIMITS = {
  narrative: 8000,
  callType: 120,
  area: 80,
  referrals: 1000,
  tag: 40,
  tags: 20,
  description: 2000,
  reason: 300,
} as const;

/** Committee-assigned code: year, dash, sequence ("2026-014"). Never a CAD/RMS number. */
export const incidentCode = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{3,5}$/, 'Use the committee code form YYYY-NNN (for example 2026-014), never a CAD or report number.');

const multi = <V extends string>(values: readonly [V, ...V[]], label: string) =>
  z
    .array(z.enum(values))
    .max(values.length)
    .refine((a) => new Set(a).size === a.length, `${label}: each value once.`);

const nullableText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .transform((s) => (s === '' ? null : s))
    .nullable();

export const incidentFieldsShape = {
  code: incidentCode,
  occurredYear: z.number().int().min(1990, 'Year must be 1990 or later.').max(2100, 'Year must be 2100 or earlier.'),
  occurredMonth: z.number().int().min(1, 'Month is 1 to 12.').max(12, 'Month is 1 to 12.'),
  weekday: z.enum(WEEKDAY.values).nullable(),
  hourOfDay: z.number().int().min(0, 'Hour of day is 0 to 23.').max(23, 'Hour of day is 0 to 23.').nullable(),
  area: nullableText(LIMITS.area, 'Area'),
  callSource: z.enum(CALL_SOURCE.values).nullable(),
  initialCallType: nullableText(LIMITS.callType, 'Initial call type'),
  finalCallType: nullableText(LIMITS.callType, 'Final call type'),
  responders: multi(RESPONDER.values, 'Responders'),
  citRequested: z.boolean(),
  citDispatched: z.boolean(),
  citArrived: z.boolean(),
  weapon: z.enum(WEAPON.values).nullable(),
  threats: z.boolean(),
  injuries: multi(INJURY.values, 'Injuries'),
  force: z.enum(FORCE.values).nullable(),
  restraint: z.boolean(),
  handcuffs: z.boolean(),
  behaviours: multi(BEHAVIOUR.values, 'Behaviours'),
  dispositions: multi(DISPOSITION.values, 'Dispositions'),
  referrals: nullableText(LIMITS.referrals, 'Referrals'),
  followUp7: z.enum(YES_NO_UNKNOWN.values),
  veteran: z.enum(YES_NO_UNKNOWN.values),
  priorContacts: z.number().int().min(0, 'Prior contacts cannot be negative.').max(999).nullable(),
  intercepts: multi(INTERCEPT.values, 'Intercepts'),
  tags: z
    .array(z.string().trim().min(1).max(LIMITS.tag, `A tag is at most ${LIMITS.tag} characters.`))
    .max(LIMITS.tags, `At most ${LIMITS.tags} tags.`),
  narrative: z.string().max(LIMITS.narrative, `The narrative must be at most ${LIMITS.narrative} characters.`),
};
export const incidentFields = z.object(incidentFieldsShape).strict();
export type IncidentFields = z.infer<typeof incidentFields>;
export type IncidentFieldsInput = z.input<typeof incidentFields>;

/** Fields a new incident gets when the form leaves them out. */
export const INCIDENT_DEFAULTS: Omit<IncidentFields, 'code' | 'occurredYear' | 'occurredMonth'> = {
  weekday: null,
  hourOfDay: null,
  area: null,
  callSource: null,
  initialCallType: null,
  finalCallType: null,
  responders: [],
  citRequested: false,
  citDispatched: false,
  citArrived: false,
  weapon: null,
  threats: false,
  injuries: [],
  force: null,
  restraint: false,
  handcuffs: false,
  behaviours: [],
  dispositions: [],
  referrals: null,
  followUp7: 'unknown',
  veteran: 'unknown',
  priorContacts: null,
  intercepts: [],
  tags: [],
  narrative: '',
};

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

const timelineTime = z
  .string()
  .trim()
  .max(16)
  .regex(
    /^(?:(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?|T\+(?:\d{1,3}:)?\d{1,4}:[0-5]\d)$/,
    'Time is a clock time (14:05) or an offset (T+12:30).',
  );

const timelineEventShape = {
  time: timelineTime,
  actor: z.enum(TIMELINE_ACTOR.values),
  kind: z.enum(TIMELINE_KIND.values),
  description: z.string().max(LIMITS.description, `A description is at most ${LIMITS.description} characters.`),
  decisionPoint: z.boolean(),
};
export const timelineEventInput = z.object({ ...timelineEventShape, decisionPoint: z.boolean().default(false) }).strict();
/** A patch has no defaults: fields left out stay as they are. */
export const timelineEventPatch = z.object(timelineEventShape).partial().strict();
export type TimelineEventInput = z.input<typeof timelineEventInput>;

const detailOut = incidentDetail;

export const incidentMethods = {
  'incidents.list': method(incidentQuery, z.object({ rows: z.array(incidentRow), total: z.number() })),
  'incidents.get': method(z.object({ id: incidentId }).strict(), detailOut),
  'incidents.nextCode': method(z.object({ year: z.number().int().min(1990).max(2100) }).strict(), z.object({ code: z.string() })),
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
        reason: z.string().trim().min(3, 'Say why this is not an identifier (at least 3 characters).').max(LIMITS.reason),
      })
      .strict(),
    detailOut,
  ),
} as const;
