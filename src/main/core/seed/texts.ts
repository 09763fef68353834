/** The synthetic texts: areas, call types, narrative parts and finding descriptions (role labels only). */
import type { ActionType } from '../../../shared/meetings/values';

export const AREAS = ['North', 'South', 'East', 'West', 'Central', 'Harbour', 'Valley', 'Airport'];
export const CALL_TYPES = [
  'Person in crisis',
  'Suicidal person',
  'Welfare check',
  'Disturbance',
  'Overdose',
  'Trespass',
  'Family disturbance',
];
export const OPENERS = [
  'A family member called about a relative in distress at home.',
  'A passer-by reported a person shouting in a park and walking into traffic.',
  'The person called the crisis line and said they had a plan to end their life.',
  'A shelter worker asked for help with a resident who had not slept for days.',
  'A store manager reported a person who refused to leave and appeared confused.',
  'A neighbour reported a person on a balcony railing.',
];
export const MIDDLES = [
  'Officer A spoke with the person from a distance while waiting for Clinician B.',
  'The mobile crisis team was not available, so patrol responded alone.',
  'Dispatch did not have the prior safety plan, which the family had shared with the clinic.',
  'The co-responder clinician arrived first and de-escalated with Officer A standing back.',
  'Officer A asked for a CIT-trained officer; the nearest was 25 minutes away.',
  'The person was frightened by the lights and sirens and moved further away.',
];
export const CLOSERS = [
  'The person agreed to a voluntary transport to the crisis centre.',
  'The person was taken to the emergency department under an emergency detention.',
  'The person declined services; the clinician left crisis line details.',
  'The person was arrested after damaging property and later released.',
  'Resolved on scene with a referral to outpatient services and a follow-up call.',
];
export const FINDING_TEXT: Record<string, string[]> = {
  policy: [
    'No protocol tells dispatch to offer a 988 transfer for calls without danger.',
    'The detention policy does not require a clinician consult before transport.',
  ],
  services: [
    'Mobile crisis has no coverage after 22:00 on weekends.',
    'The crisis center had no bed, so the emergency department was the only option.',
  ],
  information_sharing: [
    'The safety plan held by the clinic was not visible to dispatch.',
    'Follow-up after discharge was not shared with the community provider.',
  ],
  training: ['Call-takers are not trained to ask about weapons in a calm way.', 'Newer officers have not yet had the 40-hour CIT course.'],
  staffing: [
    'Only one CIT-trained officer covers the district overnight.',
    'The co-responder program has two clinicians for the whole county.',
  ],
  coordination: [
    'Handoff between patrol and the crisis team had no agreed script.',
    'EMS and patrol were dispatched separately and arrived 15 minutes apart.',
  ],
  equipment: ['The crisis team vehicle has no radio link to patrol.', 'The CAD system has no field for a CIT request.'],
  community_resources: ['No peer respite exists in the county.', 'There is no walk-in crisis clinic on weekends.'],
};

/** A seeded recommendation: what to do, how success is measured, and its kind of action (RCA² strength follows). */
export interface SeedRecommendation {
  action: string;
  measure: string;
  actionType: ActionType;
}

/**
 * The recommendation a committee would make on each finding above: an action a partner can own
 * and a measure of success someone can check. Keyed by the finding's text.
 */
const RECOMMENDATION_TEXT: Record<string, SeedRecommendation> = {
  'No protocol tells dispatch to offer a 988 transfer for calls without danger.': {
    action: 'Adopt a dispatch protocol that offers a 988 transfer on every call without danger or crime',
    measure: 'Share of eligible calls offered a 988 transfer, from CAD, each quarter',

    actionType: 'policy',
  },
  'The detention policy does not require a clinician consult before transport.': {
    action: 'Require a clinician consult by phone before any involuntary transport',
    measure: 'Share of detentions with a consult recorded before transport',

    actionType: 'forcing_function',
  },
  'Mobile crisis has no coverage after 22:00 on weekends.': {
    action: 'Extend mobile crisis coverage to 02:00 on Friday and Saturday nights',
    measure: 'Weekend calls after 22:00 answered by mobile crisis',

    actionType: 'staffing',
  },
  'The crisis center had no bed, so the emergency department was the only option.': {
    action: 'Publish crisis center bed availability to dispatch and patrol every shift',
    measure: 'Emergency department drop-offs when a crisis bed was free',

    actionType: 'software',
  },
  'The safety plan held by the clinic was not visible to dispatch.': {
    action: 'Set up a consented premise flag so dispatch can see that a safety plan exists',
    measure: 'Calls to flagged addresses where the responder knew of the plan',

    actionType: 'software',
  },
  'Follow-up after discharge was not shared with the community provider.': {
    action: 'Send a discharge notice to the community provider within one business day',
    measure: 'Share of discharges with a notice sent within one business day',

    actionType: 'standardisation',
  },
  'Call-takers are not trained to ask about weapons in a calm way.': {
    action: 'Add a calm weapons-screening script to call-taker training',
    measure: 'Call-takers trained, and calls with the weapons question recorded',

    actionType: 'training',
  },
  'Newer officers have not yet had the 40-hour CIT course.': {
    action: 'Schedule every officer with under two years of service for the 40-hour CIT course',
    measure: 'Share of patrol officers with the 40-hour course, by shift',

    actionType: 'training',
  },
  'Only one CIT-trained officer covers the district overnight.': {
    action: 'Roster at least two CIT-trained officers on every overnight shift',
    measure: 'Overnight shifts with two or more CIT-trained officers',

    actionType: 'staffing',
  },
  'The co-responder program has two clinicians for the whole county.': {
    action: 'Fund two more co-responder clinicians for evening shifts',
    measure: 'Co-responder clinician hours per week, and calls they attend',

    actionType: 'staffing',
  },
  'Handoff between patrol and the crisis team had no agreed script.': {
    action: 'Adopt a shared handoff checklist for patrol and the crisis team',
    measure: 'Handoffs with the checklist completed, from joint case audits',

    actionType: 'checklist',
  },
  'EMS and patrol were dispatched separately and arrived 15 minutes apart.': {
    action: 'Dispatch EMS and patrol together on crisis calls with a medical need',
    measure: 'Minutes between the first and second unit arriving',

    actionType: 'standardisation',
  },
  'The crisis team vehicle has no radio link to patrol.': {
    action: 'Give the crisis team vehicle a radio on the patrol channel',
    measure: 'Crisis team vehicles with a working patrol radio',

    actionType: 'redesign',
  },
  'The CAD system has no field for a CIT request.': {
    action: 'Add a CIT-requested field to the CAD incident record',
    measure: 'Crisis calls with the CIT-requested field filled in',

    actionType: 'software',
  },
  'No peer respite exists in the county.': {
    action: 'Develop a costed proposal for a peer respite with the county and the peer network',
    measure: 'Proposal presented to the steering committee by the due date',

    actionType: 'more_study',
  },
  'There is no walk-in crisis clinic on weekends.': {
    action: 'Open the crisis clinic for walk-ins on Saturday and Sunday afternoons',
    measure: 'Weekend walk-in visits, and weekend emergency department drop-offs',

    actionType: 'redesign',
  },
};

/** The seeded recommendation for a finding's text (any finding not listed gets a plain one). */
export function recommendationFor(finding: string): SeedRecommendation {
  return (
    RECOMMENDATION_TEXT[finding] ?? {
      // "The CAD …" keeps its capitals; "Mobile crisis …" reads on in lower case.
      action: `Work with the owner on how to prevent this: ${finding.replace(/\.$/, '').replace(/^(\p{Lu})(?=\p{Ll})/u, (c) => c.toLowerCase())}`,
      measure: 'Reported back at the follow-up item',
      actionType: 'more_study',
    }
  );
}
