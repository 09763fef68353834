/** The review room's workbench, made through the contract before the browser opens: roster, three cases, twelve open recommendations. */
import { Core } from '../../src/main/core/core';
import { dispatch, typedCaller } from '../../src/main/core/dispatch';
import { PASS } from './flows';

export const COMMITTEE = 'Riverside County CIT Case Review';
/** In the past, so its minutes can be approved today (an approval date never precedes the meeting). */
export const MEETING_DATE = '2026-11-24';
export const NEXT_DATE = '2026-12-22';
export const CASES = ['2026-031', '2026-032', '2026-033'] as const;

export async function prepareRoom(dataDir: string): Promise<void> {
  const core = new Core({ dataDir });
  const r = await dispatch(core, 'workbench.create', { committee: COMMITTEE, keyholder: 'Dana Coordinator', passphrase: PASS });
  if (!r.ok) throw new Error(r.error.message);
  await dispatch(core, 'workbench.confirmRecoveryKey', {});
  const call = typedCaller(core);
  for (const [name, sector, role] of [
    ['Lee Park', 'law_enforcement', 'chair'],
    ['Mo Reyes', 'mental_health', 'member'],
    ['Ada Stone', 'advocacy', 'member'],
    ['Fran Okoye', 'lived_experience', 'member'],
    ['Sam Ortiz', 'dispatch_911', 'member'],
    ['Kim Lowe', 'crisis_line_988', 'member'],
  ] as const)
    await call('roster.saveMember', { name, sector, role });
  const org = await call('roster.saveOrganisation', { name: 'County Behavioral Health', sector: 'mental_health' });
  const incidents: number[] = [];
  for (const [i, code] of CASES.entries()) {
    const d = await call('incidents.create', {
      code,
      occurredYear: 2026,
      occurredMonth: 9 + i,
      narrative:
        'A family member called 911 about a person in crisis. Officer A waited for the mobile crisis team; Clinician B talked with the person.',
    });
    for (const [time, kind, actor, description] of [
      ['23:50', 'call', 'dispatch_911', 'Family member calls 911'],
      ['23:56', 'dispatch', 'dispatch_911', 'Dispatch sends patrol; mobile crisis team is 40 minutes away'],
      ['00:12', 'arrival', 'law_enforcement', 'Officer A on scene, waits at a distance'],
      ['00:52', 'disposition', 'mobile_crisis', 'Voluntary transport with the clinician'],
    ] as const)
      await call('timeline.add', { incidentId: d.incident.id, event: { time, kind, actor, description } });
    await call('incidents.setStatus', { id: d.incident.id, status: 'ready_for_review' });
    incidents.push(d.incident.id);
  }
  // Last meeting: one finding, twelve open recommendations, all due before the next meeting.
  const last = await call('meetings.create', { date: '2026-10-27', time: '14:00', lengthMinutes: 90, place: 'Room 2', virtual: false });
  const f = await call('findings.create', {
    incidentId: incidents[0]!,
    meetingId: last.meeting.id,
    category: 'services',
    kind: 'gap',
    intercept: null,
    goals: [],
    timelineEventId: null,
    description: 'Mobile crisis team has no coverage after 22:00 on weekends',
  });
  const actions = [
    'Extend mobile crisis coverage to 02:00 on Friday and Saturday nights',
    'Add a clinician line to the dispatch console',
    'Publish the on-call rota for the crisis team every week',
    'Train dispatch on the new transfer script for 988 calls',
    'Agree a shared handover form between patrol and the crisis team',
    'Review the weekend staffing model with the county',
    'Set up a monthly data exchange on repeat callers (de-identified)',
    'Fund a peer support specialist for the night shift',
    'Add the warm line number to the officer quick-reference card',
    'Report response times by hour of day to the committee',
    'Map the drop-off options that are open after midnight',
    'Write a protocol for transports without police',
  ];
  for (const [i, action] of actions.entries()) {
    await call('recommendations.create', {
      findingIds: [f.id],
      meetingId: last.meeting.id,
      action,
      owner: { organisationId: org.id },
      dueDate: `2026-${i < 6 ? '11' : '12'}-${String(10 + i).padStart(2, '0')}`,
      measure: 'Checked at the next meeting',
      actionType: 'staffing',
    });
  }
  await call('meetings.setStatus', { id: last.meeting.id, status: 'in_progress' });
  await call('meetings.setStatus', { id: last.meeting.id, status: 'ended' });
  await call('minutes.draft', { meetingId: last.meeting.id });
  const m = await call('meetings.create', {
    date: MEETING_DATE,
    time: '14:00',
    lengthMinutes: 120,
    place: 'County building, room 2',
    virtual: false,
  });
  for (const id of incidents) await call('agenda.add', { meetingId: m.meeting.id, kind: 'case_review', minutes: 20, incidentId: id });
  await call('meetings.create', { date: NEXT_DATE, time: '14:00', lengthMinutes: 90, place: 'County building, room 2', virtual: false });
  core.close();
}
