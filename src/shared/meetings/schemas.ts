/** Contract schemas: roster, meetings and agenda, attendance, walk mode, findings (recommendations: shared/recommendations). */
import { z } from 'zod';
import { dateStyle } from '../dates';
import { method } from '../method';
import { emptyInput, MAX } from '../zod-helpers';
import { INCIDENT_STATUS, TIMELINE_ACTOR, TIMELINE_KIND } from '../incidents/values';
import { intervals } from '../incidents/schemas';
import { AGENDA_KIND, ATTENDANCE, FINDING_CATEGORY, FINDING_KIND, MEETING_STATUS, MEMBER_ROLE, REC_STATUS, SECTOR } from './values';
import { clock, fileHandle, isoDate, name, rowId } from './fields';
import {
  amendmentReason,
  blameHint,
  finding,
  findingEditState,
  findingNotIdentifiers,
  findingPatch,
  findingShape,
  FINDING_SOURCES,
  systemicFindingShape,
} from './records';
import { recommendation } from '../recommendations/records';

export { isoDate } from './fields';
export {
  blameHint,
  COVERAGE_FINDING_CATEGORIES,
  COVERAGE_FINDING_INTERCEPTS,
  finding,
  findingEditState,
  FINDING_SOURCES,
  recordAmendment,
  RECORD_TEXT_FIELDS,
  textIdentifier,
  type BlameHint,
  type Finding,
  type FindingEditState,
  type NotIdentifier,
  type RecordAmendment,
  type RecordTextField,
  type TextIdentifier,
} from './records';
export { recommendation, recommendationEditState, type Recommendation, type RecommendationEditState } from '../recommendations/records';

// ------------------------------------------------------------------ roster
export const member = z.object({
  id: z.number(),
  name: z.string(),
  organisation: z.string().nullable(),
  sector: z.enum(SECTOR.values),
  role: z.enum(MEMBER_ROLE.values),
  active: z.boolean(),
  keyholderId: z.string().nullable(),
});
export type Member = z.infer<typeof member>;
export const organisation = z.object({ id: z.number(), name: z.string(), sector: z.enum(SECTOR.values) });
export type Organisation = z.infer<typeof organisation>;

// ------------------------------------------------------------------ meetings
export const meetingFields = z
  .object({
    date: isoDate,
    time: clock,
    lengthMinutes: z.number().int().min(15, 'A meeting is at least 15 minutes.').max(480, 'A meeting is at most 8 hours.'),
    place: z.string().trim().max(MAX.short, 'The place must be at most 200 characters.'),
    virtual: z.boolean(),
  })
  .strict();
export const meetingRow = z.object({
  id: z.number(),
  date: z.string(),
  time: z.string(),
  lengthMinutes: z.number(),
  place: z.string(),
  virtual: z.boolean(),
  status: z.enum(MEETING_STATUS.values),
  caseCount: z.number(),
  present: z.number(),
});
export type MeetingRow = z.infer<typeof meetingRow>;

export const carriedRec = z.object({
  id: z.number(),
  code: z.string(),
  action: z.string(),
  owner: z.string(),
  dueDate: z.string(),
  status: z.enum(REC_STATUS.values),
  overdue: z.boolean(),
  /** Issue 20: the owner agency's response was due by this meeting and is not recorded. */
  responseOverdue: z.boolean(),
  /** Issue 20: an effect check falling due before the next meeting, not yet recorded. */
  effectCheck: z.object({ id: z.number(), dueDate: z.string() }).nullable(),
});
export const agendaItem = z.object({
  id: z.number(),
  position: z.number(),
  kind: z.enum(AGENDA_KIND.values),
  title: z.string(),
  minutes: z.number(),
  incident: z.object({ id: z.number(), code: z.string(), status: z.enum(INCIDENT_STATUS.values), summary: z.string() }).nullable(),
  completed: z.boolean(),
  startedAt: z.string().nullable(),
  notes: z.string(),
  carried: z.array(carriedRec),
});
export type AgendaItem = z.infer<typeof agendaItem>;
export const attendanceRow = z.object({
  memberId: z.number(),
  name: z.string(),
  sector: z.enum(SECTOR.values),
  role: z.enum(MEMBER_ROLE.values),
  status: z.enum(ATTENDANCE.values).nullable(),
  attestedAt: z.string().nullable(),
});
/** Quorum as a count (a majority of the active members in the room) and by seat (each required sector, the lived-experience seat). */
export const quorum = z.object({
  present: z.number(),
  members: z.number(),
  needed: z.number(),
  seats: z.array(z.object({ label: z.string(), filled: z.boolean() })),
  met: z.boolean(),
});
export type Quorum = z.infer<typeof quorum>;
export const meetingDetail = z.object({
  meeting: meetingRow.extend({ notes: z.string(), startedAt: z.string().nullable(), endedAt: z.string().nullable() }),
  items: z.array(agendaItem),
  attendance: z.array(attendanceRow),
  quorumWarnings: z.array(z.string()),
  quorum,
  allottedMinutes: z.number(),
  readyIncidents: z.array(z.object({ id: z.number(), code: z.string(), summary: z.string() })),
  /** Where ending this meeting would carry its unreviewed case reviews: the next planned meeting (the core's choice). */
  nextPlanned: z.object({ id: z.number(), date: z.string() }).nullable(),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;

// ------------------------------------------------------------------ walk mode
export const walkState = z.object({
  meetingId: z.number(),
  itemId: z.number().nullable(),
  step: z.number(),
  highContrast: z.boolean(),
  /** Bumped on every change so a projector can ignore stale replies. */
  version: z.number(),
});
export type WalkState = z.infer<typeof walkState>;

/** What the room sees: built by the core, with every unresolved identifier replaced by its placeholder. */
export const projectorView = z.object({
  state: walkState,
  committee: z.string(),
  /** How the shared screen writes dates: the committee's date style and time zone (it may not call settings.get). */
  display: z.object({ dateStyle, timeZone: z.string() }),
  item: z.object({ kind: z.enum(AGENDA_KIND.values), title: z.string(), position: z.number(), of: z.number() }).nullable(),
  incident: z
    .object({
      code: z.string(),
      when: z.string(),
      summary: z.string(),
      /** `typed`: the value is text someone typed or imported (redacted); otherwise Casewalk's own labels. */
      facts: z.array(z.object({ label: z.string(), value: z.string(), typed: z.boolean() })),
      steps: z.array(
        z.object({
          time: z.string(),
          actor: z.enum(TIMELINE_ACTOR.values),
          kind: z.enum(TIMELINE_KIND.values),
          description: z.string(),
          decisionPoint: z.boolean(),
          sincePrevious: z.number().nullable(),
        }),
      ),
      intervals,
      /** `id` lets the presenter's list show each finding exactly as the room sees it. */
      findings: z.array(
        z.object({ id: z.number(), category: z.enum(FINDING_CATEGORY.values), kind: z.enum(FINDING_KIND.values), description: z.string() }),
      ),
    })
    .nullable(),
  /** The welcome item: what the committee is, meets for and promised (null on every other item). */
  welcome: z
    .object({ date: z.string(), time: z.string(), purpose: z.string(), statement: z.string(), signed: z.number(), inRoom: z.number() })
    .nullable(),
  /** The carried recommendations on this page of the follow-up (the walk's step is the page). */
  carried: z.array(carriedRec),
  /** A long item's pages (the follow-up): null when it fits on one screen. */
  page: z.object({ index: z.number(), of: z.number(), total: z.number() }).nullable(),
});
export type ProjectorView = z.infer<typeof projectorView>;

export const meetingMethods = {
  'home.summary': method(
    emptyInput,
    z.object({
      today: z.string(),
      nextMeeting: meetingRow.nullable(),
      overdue: z.array(recommendation),
      dueSoon: z.number(),
      /** Issue 20: adopted or sent, and the owner agency's response date has passed. */
      responseOverdue: z.array(recommendation),
      /** Issue 20: effect checks whose date has come, not yet recorded. */
      effectChecksDue: z.array(recommendation),
      unresolvedIdentifiers: z.number(),
      readyForReview: z.number(),
      drafts: z.number(),
      /** Findings from 24/7 coverage gaps that no recommendation answers yet. */
      coverageGapsWithoutRecommendation: z.number(),
    }),
  ),
  'roster.list': method(emptyInput, z.object({ members: z.array(member), organisations: z.array(organisation) })),
  'roster.saveMember': method(
    z
      .object({
        id: rowId.optional(),
        name: name('Name'),
        organisation: z.string().trim().max(MAX.name).nullable().default(null),
        sector: z.enum(SECTOR.values),
        role: z.enum(MEMBER_ROLE.values),
        active: z.boolean().default(true),
      })
      .strict(),
    member,
  ),
  'roster.saveOrganisation': method(
    z.object({ id: rowId.optional(), name: name('Organisation name'), sector: z.enum(SECTOR.values) }).strict(),
    organisation,
  ),

  'meetings.list': method(emptyInput, z.object({ meetings: z.array(meetingRow) })),
  'meetings.get': method(z.object({ id: rowId }).strict(), meetingDetail),
  'meetings.create': method(meetingFields, meetingDetail),
  'meetings.update': method(
    z
      .object({
        id: rowId,
        patch: meetingFields
          .partial()
          .extend({ notes: z.string().max(MAX.text).optional() })
          .strict(),
      })
      .strict(),
    meetingDetail,
  ),
  'meetings.setStatus': method(
    z
      .object({
        id: rowId,
        status: z.enum(MEETING_STATUS.values),
        /** On ending: put the case reviews not marked reviewed on the next planned meeting's agenda. */
        carryUnreviewed: z.boolean().optional(),
      })
      .strict(),
    meetingDetail,
  ),
  'meetings.exportAgenda': method(
    z.object({ id: rowId, handle: fileHandle }).strict(),
    z.object({ displayName: z.string(), bytes: z.number(), sha256: z.string() }),
  ),
  'agenda.add': method(
    z
      .object({
        meetingId: rowId,
        kind: z.enum(AGENDA_KIND.values),
        title: z.string().trim().max(MAX.short).optional(),
        minutes: z.number().int().min(1).max(240),
        incidentId: rowId.optional(),
      })
      .strict(),
    meetingDetail,
  ),
  'agenda.update': method(
    z
      .object({
        id: rowId,
        patch: z
          .object({
            title: z.string().trim().min(1).max(MAX.short),
            minutes: z.number().int().min(1).max(240),
            notes: z.string().max(MAX.text),
          })
          .partial()
          .strict(),
      })
      .strict(),
    meetingDetail,
  ),
  'agenda.move': method(z.object({ id: rowId, position: z.number().int().min(0).max(500) }).strict(), meetingDetail),
  'agenda.remove': method(z.object({ id: rowId }).strict(), meetingDetail),
  'agenda.start': method(z.object({ id: rowId }).strict(), meetingDetail),
  'agenda.complete': method(z.object({ id: rowId, completed: z.boolean() }).strict(), meetingDetail),
  'attendance.set': method(
    z
      .object({ meetingId: rowId, memberId: rowId, status: z.enum(ATTENDANCE.values).nullable(), attested: z.boolean().optional() })
      .strict(),
    meetingDetail,
  ),

  'walk.set': method(
    z.object({ meetingId: rowId, itemId: rowId.nullable(), step: z.number().int().min(0).max(10_000), highContrast: z.boolean() }).strict(),
    walkState,
  ),
  'walk.state': method(emptyInput, walkState.nullable()),
  'projector.view': method(emptyInput, projectorView.nullable()),

  'findings.list': method(
    z.object({ incidentId: rowId.optional(), meetingId: rowId.optional(), source: z.enum(FINDING_SOURCES).optional() }).strict(),
    z.object({ findings: z.array(finding) }),
  ),
  'findings.create': method(z.object({ ...findingShape, notIdentifiers: findingNotIdentifiers }).strict(), finding),
  'findings.createSystemic': method(z.object({ ...systemicFindingShape, notIdentifiers: findingNotIdentifiers }).strict(), finding),
  'findings.get': method(z.object({ id: rowId }).strict(), findingEditState),
  /** Free edits until the finding's meeting ends (then: findings.amend). */
  'findings.update': method(z.object({ id: rowId, patch: findingPatch, notIdentifiers: findingNotIdentifiers }).strict(), finding),
  /** A numbered amendment, with a reason, once the finding's meeting has ended. */
  'findings.amend': method(
    z.object({ id: rowId, patch: findingPatch, reason: amendmentReason, notIdentifiers: findingNotIdentifiers }).strict(),
    findingEditState,
  ),
  'findings.remove': method(z.object({ id: rowId }).strict(), z.object({ removed: z.literal(true) })),
  'findings.checkLanguage': method(z.object({ text: z.string().max(4000) }).strict(), z.object({ hints: z.array(blameHint) })),
} as const;

export const meetingEvents = {
  'walk.changed': walkState,
} as const;
