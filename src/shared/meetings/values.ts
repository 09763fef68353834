/** Value sets for the committee, meetings, findings and recommendations (order is part of the format for masks). */
import { valueSet as set } from '../incidents/values';

export const SECTOR = set([
  ['law_enforcement', 'Law enforcement'],
  ['mental_health', 'Mental health'],
  ['advocacy', 'Advocacy'],
  ['lived_experience', 'Lived experience'],
  ['family_member', 'Family member'],
  ['dispatch_911', 'Dispatch / 911'],
  ['crisis_line_988', '988 / crisis line'],
  ['ems_fire', 'EMS / fire'],
  ['hospital_ed', 'Hospital / ED'],
  ['courts', 'Courts / prosecution'],
  ['corrections', 'Corrections'],
  ['housing_social', 'Housing / social services'],
  ['other', 'Other'],
] as const);
export type Sector = (typeof SECTOR.values)[number];

export const MEMBER_ROLE = set([
  ['chair', 'Chair'],
  ['coordinator', 'Coordinator'],
  ['member', 'Member'],
  ['guest', 'Guest'],
] as const);

export const MEETING_STATUS = set([
  ['planned', 'Planned'],
  ['in_progress', 'In progress'],
  ['ended', 'Ended'],
] as const);

export const AGENDA_KIND = set([
  ['welcome', 'Welcome and confidentiality statement'],
  ['approve_minutes', 'Approval of previous minutes'],
  ['follow_up', 'Recommendation follow-up'],
  ['case_review', 'Case review'],
  ['other_business', 'Other business'],
] as const);
export type AgendaKind = (typeof AGENDA_KIND.values)[number];

export const ATTENDANCE = set([
  ['present', 'Present'],
  ['absent', 'Absent'],
  ['guest', 'Guest'],
] as const);

export const FINDING_CATEGORY = set([
  ['policy', 'Policy'],
  ['services', 'Services'],
  ['information_sharing', 'Information sharing'],
  ['training', 'Training'],
  ['staffing', 'Staffing / resources'],
  ['coordination', 'Coordination / communication'],
  ['equipment', 'Equipment / technology'],
  ['community_resources', 'Community resources'],
] as const);
export type FindingCategory = (typeof FINDING_CATEGORY.values)[number];

export const FINDING_KIND = set([
  ['gap', 'Gap'],
  ['worked', 'What worked'],
] as const);

export const CIT_GOAL = set([
  ['1', '1 · Safety for everyone'],
  ['2', '2 · Connection to services'],
  ['3', '3 · Law enforcement only where needed'],
  ['4', '4 · Less trauma, better recovery'],
] as const);

export { OPEN_REC_STATUSES, REC_MOVES, REC_STATUS, type RecStatus } from '../recommendations/values';

/** RCA² action hierarchy: each action type has a strength. */
export const ACTION_TYPE = set([
  ['forcing_function', 'Forcing function / architectural change'],
  ['standardisation', 'Standardise equipment or process'],
  ['redesign', 'Physical or process redesign'],
  ['leadership', 'Tangible leadership commitment'],
  ['checklist', 'Checklist / cognitive aid'],
  ['staffing', 'Increase staffing / reduce workload'],
  ['software', 'Software enhancement'],
  ['read_back', 'Read-back / standardised communication'],
  ['redundancy', 'Redundancy'],
  ['training', 'Training'],
  ['policy', 'New policy or memo'],
  ['warning', 'Warning / alert'],
  ['more_study', 'More study or analysis'],
] as const);
export type ActionType = (typeof ACTION_TYPE.values)[number];
export const STRENGTH = set([
  ['stronger', 'Stronger'],
  ['intermediate', 'Intermediate'],
  ['weaker', 'Weaker'],
] as const);
export type Strength = (typeof STRENGTH.values)[number];
export const ACTION_STRENGTH: Record<ActionType, Strength> = {
  forcing_function: 'stronger',
  standardisation: 'stronger',
  redesign: 'stronger',
  leadership: 'stronger',
  checklist: 'intermediate',
  staffing: 'intermediate',
  software: 'intermediate',
  read_back: 'intermediate',
  redundancy: 'intermediate',
  training: 'weaker',
  policy: 'weaker',
  warning: 'weaker',
  more_study: 'weaker',
};

/** Sectors whose absence the quorum check warns about. */
export const QUORUM_SECTORS: readonly Sector[] = ['law_enforcement', 'mental_health', 'advocacy'];
export const VOICE_SECTORS: readonly Sector[] = ['lived_experience', 'family_member'];

/** Why the committee meets, as the welcome item shows it to the room. */
export const COMMITTEE_PURPOSE =
  'To review de-identified crisis incidents together and find what the system can change: gaps, what worked, and recommendations with an owner and a due date. We look at systems, not at individuals.';
/** The statement every member signs at the start of a meeting (attendance: "signed the confidentiality statement"). */
export const CONFIDENTIALITY_STATEMENT =
  'What is discussed here stays here. We do not try to identify anyone in these incidents, we do not repeat case details outside this meeting, and we take no notes that could identify a person.';
/** How many carried recommendations the shared screen shows at once; a longer follow-up pages. */
export const CARRIED_PER_PAGE = 5;
