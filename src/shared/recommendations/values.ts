/**
 * Value sets for a recommendation's life after the meeting (issue 20): the status lifecycle, the
 * closure codes, the receiving agency's response and the effect measure.
 */
import { valueSet as set } from '../incidents/values';

/**
 * proposed → adopted → sent → response received → in progress → reported implemented →
 * verified implemented, or closed as declined, superseded or no longer applicable.
 */
export const REC_STATUS = set([
  ['proposed', 'Proposed'],
  ['adopted', 'Adopted'],
  ['sent', 'Sent to owner'],
  ['response_received', 'Response received'],
  ['in_progress', 'In progress'],
  ['reported_implemented', 'Reported implemented'],
  ['verified_implemented', 'Verified implemented'],
  ['declined', 'Declined'],
  ['superseded', 'Superseded'],
  ['no_longer_applicable', 'No longer applicable'],
] as const);
export type RecStatus = (typeof REC_STATUS.values)[number];

/** Still waiting on someone: the due date can be missed and the follow-up item carries it. */
export const OPEN_REC_STATUSES: readonly RecStatus[] = ['proposed', 'adopted', 'sent', 'response_received', 'in_progress'];
/** Statuses that close a recommendation: each needs a closure code. */
export const CLOSED_REC_STATUSES = ['verified_implemented', 'declined', 'superseded', 'no_longer_applicable'] as const;
export type ClosedRecStatus = (typeof CLOSED_REC_STATUSES)[number];
export const isClosed = (s: RecStatus): s is ClosedRecStatus => (CLOSED_REC_STATUSES as readonly string[]).includes(s);
/** Adopted or sent: the owner agency's response is awaited, and can be recorded. */
export const AWAITING_RESPONSE: readonly RecStatus[] = ['adopted', 'sent'];
/** The moves a person makes with a status change ("response received" comes only with the response itself). */
export const statusChanges = (s: RecStatus): RecStatus[] => REC_MOVES[s].filter((to) => to !== 'response_received');
/** The note a status change must carry, in words (null: the note is optional). The core and the dialog both ask. */
export function noteNeeded(from: RecStatus, to: RecStatus, code: string): string | null {
  if (to === 'declined') return 'Say why the recommendation was declined.';
  if (from === 'reported_implemented' && to === 'in_progress') return `Say why ${code} is reopened (what the check found).`;
  return null;
}
/** Closed without the change being made: left out of completion and strength counts. */
export const NOT_CARRIED_OUT_STATUSES: readonly RecStatus[] = ['declined', 'superseded', 'no_longer_applicable'];
/** Implemented, as the owner reported or as the committee verified. */
export const IMPLEMENTED_STATUSES: readonly RecStatus[] = ['reported_implemented', 'verified_implemented'];

const CLOSE_ANY: RecStatus[] = ['superseded', 'no_longer_applicable'];
/**
 * The allowed moves. "Response received" is reached only by recording the agency's response
 * (recommendations.recordResponse), never by a bare status change.
 */
export const REC_MOVES: Record<RecStatus, RecStatus[]> = {
  proposed: ['adopted', 'declined', ...CLOSE_ANY],
  adopted: ['sent', ...CLOSE_ANY],
  sent: ['response_received', ...CLOSE_ANY],
  response_received: ['in_progress', 'reported_implemented', 'declined', ...CLOSE_ANY],
  in_progress: ['reported_implemented', 'declined', ...CLOSE_ANY],
  reported_implemented: ['verified_implemented', 'in_progress', ...CLOSE_ANY],
  verified_implemented: [],
  declined: [],
  superseded: [],
  no_longer_applicable: [],
};

/** US Chemical Safety Board style closure codes. */
export const CLOSURE_CODE = set([
  ['acceptable_action', 'Closed – acceptable action'],
  ['exceeds_recommended_action', 'Closed – exceeds recommended action'],
  ['unacceptable_action', 'Closed – unacceptable action'],
  ['no_longer_applicable', 'Closed – no longer applicable'],
  ['reconsidered', 'Closed – reconsidered'],
] as const);
export type ClosureCode = (typeof CLOSURE_CODE.values)[number];
/** Which closure codes fit which closing status. */
export const CLOSURE_FOR: Record<ClosedRecStatus, readonly ClosureCode[]> = {
  verified_implemented: ['acceptable_action', 'exceeds_recommended_action'],
  declined: ['unacceptable_action', 'reconsidered'],
  superseded: ['reconsidered', 'acceptable_action'],
  no_longer_applicable: ['no_longer_applicable', 'reconsidered'],
};

export const RESPONSE_KIND = set([
  ['accepted', 'Accepted'],
  ['accepted_in_part', 'Accepted in part'],
  ['declined', 'Declined'],
  ['no_response', 'No response'],
] as const);
export type ResponseKind = (typeof RESPONSE_KIND.values)[number];

export const MEASURE_KIND = set([
  ['process', 'Process measure'],
  ['outcome', 'Outcome measure'],
] as const);

export const EFFECT_RESULT = set([
  ['met', 'Met'],
  ['partly', 'Partly met'],
  ['not_met', 'Not met'],
  ['not_measurable', 'Not measurable'],
] as const);
export type EffectResult = (typeof EFFECT_RESULT.values)[number];

/** The requested response date counts this many days from the meeting unless the committee sets otherwise. */
export const RESPONSE_DAYS_DEFAULT = 60;
/** A recommendation verified as implemented gets an effect check this many months later. */
export const EFFECT_CHECK_MONTHS = 12;

/** How the statuses before issue 20 map onto the lifecycle (the migration and its test use it). */
export const LEGACY_STATUS: Record<string, RecStatus> = {
  proposed: 'proposed',
  accepted: 'adopted',
  in_progress: 'in_progress',
  completed: 'reported_implemented',
  declined: 'declined',
};
