/** The synthetic texts: areas, call types, narrative parts and finding descriptions (role labels only). */

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
    'The crisis centre had no bed, so the emergency department was the only option.',
  ],
  information_sharing: [
    'The safety plan held by the clinic was not visible to dispatch.',
    'Follow-up after discharge was not shared with the community provider.',
  ],
  training: ['Call-takers are not trained to ask about weapons in a calm way.', 'Newer officers have not yet had the 40-hour CIT course.'],
  staffing: [
    'Only one CIT-trained officer covers the district overnight.',
    'The co-responder programme has two clinicians for the whole county.',
  ],
  coordination: [
    'Handoff between patrol and the crisis team had no agreed script.',
    'EMS and patrol were dispatched separately and arrived 15 minutes apart.',
  ],
  equipment: ['The crisis team vehicle has no radio link to patrol.', 'The CAD system has no field for a CIT request.'],
  community_resources: ['No peer respite exists in the county.', 'There is no walk-in crisis clinic on weekends.'],
};
