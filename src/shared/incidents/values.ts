/**
 * Fixed value sets for the CIT incident record. Multi-valued sets are stored as bit masks, so
 * the ORDER IS PART OF THE FILE FORMAT: append new values at the end, never reorder or remove.
 */
export interface ValueOption<V extends string = string> {
  value: V;
  label: string;
}

/** A fixed value set: options for selects, the values tuple for zod, and a label lookup. */
export function valueSet<const V extends string>(entries: readonly (readonly [V, string])[]) {
  const options = entries.map(([value, label]) => ({ value, label })) as ValueOption<V>[];
  const values = entries.map(([v]) => v) as unknown as readonly [V, ...V[]];
  const label = (v: string): string => options.find((o) => o.value === v)?.label ?? v;
  return { options, values, label };
}

export const CALL_SOURCE = valueSet([
  ['911', '911'],
  ['988', '988 / crisis line'],
  ['non_emergency', 'Non-emergency line'],
  ['on_view', 'On-view (officer saw it)'],
  ['family_self', 'Family or self-referral'],
  ['other_agency', 'Other agency'],
] as const);

export const RESPONDER = valueSet([
  ['cit_officer', 'CIT-trained officer'],
  ['non_cit_officer', 'Non-CIT officer'],
  ['co_responder', 'Co-responder clinician'],
  ['mobile_crisis', 'Mobile crisis team'],
  ['ems_fire', 'EMS / fire'],
  ['peer_specialist', 'Peer specialist'],
  ['other', 'Other'],
] as const);

export const WEAPON = valueSet([
  ['none', 'None'],
  ['firearm', 'Firearm'],
  ['knife', 'Knife / edged'],
  ['other', 'Other weapon'],
  ['unknown', 'Unknown'],
] as const);

export const INJURY = valueSet([
  ['subject', 'Person in crisis'],
  ['officer', 'Officer / responder'],
  ['other', 'Other person'],
] as const);

/** Ordered from least to most force: "highest use of force" compares by position. */
export const FORCE = valueSet([
  ['none', 'None'],
  ['presence_verbal', 'Presence / verbal direction'],
  ['hands_on', 'Physical control (hands-on)'],
  ['less_lethal', 'Less-lethal (CEW, OC spray)'],
  ['impact', 'Impact weapon / strikes'],
  ['deadly', 'Deadly force'],
] as const);

/** After Seattle's crisis template. */
export const BEHAVIOUR = valueSet([
  ['suicidal_threat', 'Suicidal threat'],
  ['suicidal_attempt', 'Suicide attempt'],
  ['disorganised', 'Disorganised speech or behaviour'],
  ['hallucinations', 'Hallucinations / delusions'],
  ['belligerent', 'Belligerent / uncooperative'],
  ['self_care', 'Neglect of self-care'],
  ['disoriented', 'Disoriented / confused'],
  ['depressed', 'Depressed mood'],
  ['manic', 'Manic'],
  ['fright', 'Unusual fright / scared'],
  ['threats_others', 'Threats to others'],
  ['substance', 'Substance use suspected'],
] as const);

export const DISPOSITION = valueSet([
  ['resolved_on_scene', 'Resolved on scene'],
  ['referral', 'Referral'],
  ['voluntary_transport', 'Voluntary transport'],
  ['emergency_detention', 'Emergency detention / apprehension'],
  ['arrest', 'Arrest'],
  ['jail_booking', 'Jail booking'],
  ['hospital_admission', 'Hospital admission'],
  ['resources_declined', 'Resources declined'],
  ['unable_to_contact', 'Unable to contact'],
  /** Last, so the bit of every earlier value stays: what a coordinator maps a source's unknown values to (issue 19). */
  ['other', 'Other disposition'],
] as const);

export const YES_NO_UNKNOWN = valueSet([
  ['yes', 'Yes'],
  ['no', 'No'],
  ['unknown', 'Unknown'],
] as const);

/** Sequential Intercept Model. */
export const INTERCEPT = valueSet([
  ['0', '0 · Community services'],
  ['1', '1 · Law enforcement'],
  ['2', '2 · Initial detention / first court appearance'],
  ['3', '3 · Jails / courts'],
  ['4', '4 · Reentry'],
  ['5', '5 · Community corrections'],
] as const);

/** A value set as the importer and the editors read it. */
export interface ValueSetOf {
  options: ValueOption[];
  values: readonly string[];
  label(v: string): string;
}
export const INCIDENT_STATUS = valueSet([
  ['draft', 'Draft'],
  ['ready_for_review', 'Ready for review'],
  ['reviewed', 'Reviewed'],
  ['closed', 'Closed'],
] as const);

export const WEEKDAY = valueSet([
  ['1', 'Monday'],
  ['2', 'Tuesday'],
  ['3', 'Wednesday'],
  ['4', 'Thursday'],
  ['5', 'Friday'],
  ['6', 'Saturday'],
  ['7', 'Sunday'],
] as const);

export const TIMELINE_ACTOR = valueSet([
  ['dispatch_911', 'Dispatch / 911'],
  ['crisis_line_988', '988 / crisis line'],
  ['law_enforcement', 'Law enforcement'],
  ['mobile_crisis', 'Mobile crisis'],
  ['ems', 'EMS'],
  ['hospital_ed', 'Hospital / ED'],
  ['jail', 'Jail'],
  ['court', 'Court'],
  ['community_provider', 'Community provider'],
  ['peer_family', 'Peer / family'],
] as const);

export const TIMELINE_KIND = valueSet([
  ['call', 'Call'],
  ['dispatch', 'Dispatch'],
  ['arrival', 'Arrival'],
  ['contact', 'Contact'],
  ['decision_point', 'Decision point'],
  ['transport', 'Transport'],
  ['handoff', 'Handoff'],
  ['disposition', 'Disposition'],
  ['follow_up', 'Follow-up'],
] as const);

export type CallSource = (typeof CALL_SOURCE.values)[number];
export type Responder = (typeof RESPONDER.values)[number];
export type Weapon = (typeof WEAPON.values)[number];
export type Injury = (typeof INJURY.values)[number];
export type Force = (typeof FORCE.values)[number];
export type Behaviour = (typeof BEHAVIOUR.values)[number];
export type Disposition = (typeof DISPOSITION.values)[number];
export type YesNoUnknown = (typeof YES_NO_UNKNOWN.values)[number];
export type Intercept = (typeof INTERCEPT.values)[number];
export type IncidentStatus = (typeof INCIDENT_STATUS.values)[number];
export type TimelineActor = (typeof TIMELINE_ACTOR.values)[number];
export type TimelineKind = (typeof TIMELINE_KIND.values)[number];

/** Status moves a coordinator can make by hand (reviewed also happens when an agenda item completes). */
export const STATUS_MOVES: Record<IncidentStatus, IncidentStatus[]> = {
  draft: ['ready_for_review'],
  ready_for_review: ['draft', 'reviewed'],
  reviewed: ['ready_for_review', 'closed'],
  closed: ['reviewed'],
};

/** Bit masks for multi-valued sets (stored as INTEGER columns for fast filters). */
export function toMask(values: readonly string[], all: readonly string[]): number {
  let m = 0;
  for (const v of values) {
    const i = all.indexOf(v);
    if (i >= 0) m |= 1 << i;
  }
  return m;
}
export function fromMask<V extends string>(mask: number, all: readonly V[]): V[] {
  return all.filter((_, i) => (mask & (1 << i)) !== 0);
}

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** The incident fields with one value from a fixed set, by field name (import mapping, the wizard, the editors). */
export const SINGLE_VALUE_FIELDS: Record<string, ValueSetOf> = {
  callSource: CALL_SOURCE,
  weapon: WEAPON,
  force: FORCE,
  followUp7: YES_NO_UNKNOWN,
  veteran: YES_NO_UNKNOWN,
  weekday: WEEKDAY,
};
/** The incident fields with several values from a fixed set (stored as bit masks), by field name. */
export const MULTI_VALUE_FIELDS: Record<string, ValueSetOf> = {
  responders: RESPONDER,
  injuries: INJURY,
  behaviours: BEHAVIOUR,
  dispositions: DISPOSITION,
  intercepts: INTERCEPT,
};
