/**
 * The incident record's fields: their checks, in a coordinator's words (each message names its
 * field, so the core says "The month of the incident is 1 to 12.", not "occurredMonth: …"),
 * their labels, and the rule that an incident is never in a month after today's.
 */
import { z } from 'zod';
import { fieldMessage as say } from '../zod-helpers';
import {
  BEHAVIOUR,
  CALL_SOURCE,
  DISPOSITION,
  FORCE,
  INJURY,
  INTERCEPT,
  MONTH_NAMES,
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

export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2100;

/** Committee-assigned code: year, dash, sequence ("2026-014"). Never a CAD/RMS number. */
export const incidentCode = z
  .string(say('Give the committee code (YYYY-NNN).'))
  .trim()
  .regex(/^\d{4}-\d{3,5}$/, say('Use the committee code form YYYY-NNN (for example 2026-014), never a CAD or report number.'));

/** One value from a fixed list; the message says which list. */
const choice = <V extends string>(values: readonly [V, ...V[]], what: string) => z.enum(values, say(`Choose ${what} from the list.`));

const multi = <V extends string>(values: readonly [V, ...V[]], what: string) =>
  z
    .array(choice(values, what), say(`Choose ${what} from the list.`))
    .max(values.length)
    .refine((a) => new Set(a).size === a.length, say(`Choose each ${what} once.`));

const nullableText = (max: number, label: string) =>
  z
    .string(say(`${label} must be text.`))
    .trim()
    .max(max, say(`${label} must be at most ${max.toLocaleString('en-US')} characters.`))
    .transform((s) => (s === '' ? null : s))
    .nullable();

const flag = (label: string) => z.boolean(say(`${label} is yes or no.`));

export const occurredYear = z
  .number(say('Give the year of the incident (for example 2026).'))
  .int(say('The year of the incident is a whole number (for example 2026).'))
  .min(FIRST_YEAR, say(`The year of the incident must be ${FIRST_YEAR} or later.`))
  .max(LAST_YEAR, say(`The year of the incident must be ${LAST_YEAR} or earlier.`));
export const occurredMonth = z
  .number(say('Choose the month of the incident.'))
  .int(say('Choose the month of the incident.'))
  .min(1, say('The month of the incident is 1 (January) to 12 (December).'))
  .max(12, say('The month of the incident is 1 (January) to 12 (December).'));

export const NARRATIVE_TOO_LONG = say(
  `The narrative must be at most ${LIMITS.narrative.toLocaleString('en-US')} characters. Shorten it; nothing is cut off for you.`,
);

export const incidentFieldsShape = {
  code: incidentCode,
  occurredYear,
  occurredMonth,
  weekday: choice(WEEKDAY.values, 'a weekday').nullable(),
  hourOfDay: z
    .number(say('Choose the hour of day from the list.'))
    .int(say('The hour of day is 0 to 23.'))
    .min(0, say('The hour of day is 0 to 23.'))
    .max(23, say('The hour of day is 0 to 23.'))
    .nullable(),
  area: nullableText(LIMITS.area, 'The area'),
  callSource: choice(CALL_SOURCE.values, 'a call source').nullable(),
  initialCallType: nullableText(LIMITS.callType, 'The initial call type'),
  finalCallType: nullableText(LIMITS.callType, 'The final call type'),
  responders: multi(RESPONDER.values, 'responder'),
  citRequested: flag('CIT officer requested'),
  citDispatched: flag('CIT officer dispatched'),
  citArrived: flag('CIT officer arrived'),
  weapon: choice(WEAPON.values, 'a weapon').nullable(),
  threats: flag('Threats of violence'),
  injuries: multi(INJURY.values, 'injury'),
  force: choice(FORCE.values, 'the highest use of force').nullable(),
  restraint: flag('Restraint used'),
  handcuffs: flag('Handcuffs used'),
  behaviours: multi(BEHAVIOUR.values, 'behaviour'),
  dispositions: multi(DISPOSITION.values, 'disposition'),
  referrals: nullableText(LIMITS.referrals, 'Referrals made'),
  followUp7: choice(YES_NO_UNKNOWN.values, 'yes, no or unknown for the 7-day follow-up'),
  veteran: choice(YES_NO_UNKNOWN.values, 'yes, no or unknown for veteran'),
  priorContacts: z
    .number(say('Prior contacts is a number.'))
    .int(say('Prior contacts is a whole number.'))
    .min(0, say('Prior contacts cannot be negative.'))
    .max(999, say('Prior contacts is at most 999.'))
    .nullable(),
  intercepts: multi(INTERCEPT.values, 'intercept'),
  tags: z
    .array(
      z
        .string()
        .trim()
        .min(1, say('A tag cannot be empty.'))
        .max(LIMITS.tag, say(`A tag is at most ${LIMITS.tag} characters.`)),
    )
    .max(LIMITS.tags, say(`At most ${LIMITS.tags} tags.`)),
  narrative: z.string(say('The narrative must be text.')).max(LIMITS.narrative, NARRATIVE_TOO_LONG),
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

// ---- No incident after this month ----

/** "2026-12-02" → { year: 2026, month: 12 }. */
export function monthOf(today: string): { year: number; month: number } {
  return { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
}

export const monthName = (year: number, month: number) => `${MONTH_NAMES[month - 1] ?? '?'} ${year}`;

/**
 * Why the month is not allowed, or null: an incident happened, so it is never in a month after
 * today's (in the committee's time zone). `field` is where a form shows it.
 */
export function futureMonthProblem(
  year: number,
  month: number,
  today: string,
): { field: 'occurredYear' | 'occurredMonth'; message: string } | null {
  const now = monthOf(today);
  if (year * 100 + month <= now.year * 100 + now.month) return null;
  if (year > now.year) {
    return {
      field: 'occurredYear',
      message: `The year of the incident cannot be after this year (${now.year}); an incident has already happened.`,
    };
  }
  return {
    field: 'occurredMonth',
    message: `${monthName(year, month)} is after this month (${monthName(now.year, now.month)}); an incident has already happened.`,
  };
}

// ---- Timeline steps ----

const timelineTime = z
  .string(say('Give the time of the step.'))
  .trim()
  .min(1, say('Give the time of the step: a clock time (14:05) or an offset from the call (T+12:30).'))
  .max(16, say('The time is a clock time (14:05) or an offset from the call (T+12:30).'))
  .regex(
    /^(?:(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?|T\+(?:\d{1,3}:)?\d{1,4}:[0-5]\d)$/,
    say('The time is a clock time (14:05) or an offset from the call (T+12:30).'),
  );

export const timelineEventShape = {
  time: timelineTime,
  actor: choice(TIMELINE_ACTOR.values, 'who acted'),
  kind: choice(TIMELINE_KIND.values, 'the kind of step'),
  description: z
    .string(say('The description must be text.'))
    .max(LIMITS.description, say(`A step's description is at most ${LIMITS.description.toLocaleString('en-US')} characters.`)),
  decisionPoint: flag('Decision point'),
};
