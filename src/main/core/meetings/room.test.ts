/** The review room's rules in the core: quorum by count and seat, ending with a carry, the welcome and the follow-up's pages, approval dates. */
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch, type TypedCall } from '../dispatch';
import { unlockedCore } from '../test-support';
import type { Core } from '../core';
import { CARRIED_PER_PAGE, CONFIDENTIALITY_STATEMENT } from '../../../shared/meetings/values';

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

async function setUp(): Promise<{ core: Core; call: TypedCall }> {
  const t = await unlockedCore('cw-room-');
  cleanup = t.cleanup;
  t.core.today = () => '2026-05-12';
  return t;
}

async function readyIncident(call: TypedCall, code: string) {
  const d = await call('incidents.create', { occurredYear: 2026, occurredMonth: 3, code, narrative: 'Officer A waited for Clinician B.' });
  await call('incidents.setStatus', { id: d.incident.id, status: 'ready_for_review' });
  return d.incident.id;
}

const meeting = (call: TypedCall, date: string) =>
  call('meetings.create', { date, time: '14:00', lengthMinutes: 90, place: '', virtual: true });

describe('the review room in the core', () => {
  it('quorum: a majority of the members present (guests do not count) and every seat, the lived-experience seat included', async () => {
    const { call } = await setUp();
    const le = await call('roster.saveMember', { name: 'Lee Park', sector: 'law_enforcement', role: 'chair' });
    const mh = await call('roster.saveMember', { name: 'Mo Reyes', sector: 'mental_health', role: 'member' });
    const ad = await call('roster.saveMember', { name: 'Ada Stone', sector: 'advocacy', role: 'member' });
    const lx = await call('roster.saveMember', { name: 'Fran Okoye', sector: 'lived_experience', role: 'member' });
    const m = await meeting(call, '2026-05-12');
    expect(m.quorum).toMatchObject({ present: 0, members: 4, needed: 3, met: false });
    const id = m.meeting.id;
    for (const who of [le, mh]) await call('attendance.set', { meetingId: id, memberId: who.id, status: 'present' });
    let q = (await call('attendance.set', { meetingId: id, memberId: ad.id, status: 'present' })).quorum;
    expect(q.present).toBe(3);
    expect(q.seats.filter((s) => !s.filled).map((s) => s.label)).toEqual(['Lived experience or family member']);
    expect(q.met).toBe(false);
    q = (await call('attendance.set', { meetingId: id, memberId: lx.id, status: 'guest' })).quorum;
    expect(q).toMatchObject({ present: 3, needed: 3, met: true });
    q = (await call('attendance.set', { meetingId: id, memberId: mh.id, status: 'absent' })).quorum;
    expect(q.present).toBe(2);
    expect(q.seats.find((s) => s.label === 'Mental health')!.filled).toBe(false);
    expect(q.met).toBe(false);
  });

  it('ending a meeting can carry its unreviewed case reviews to the next planned meeting, before other business', async () => {
    const { core, call } = await setUp();
    const a = await readyIncident(call, '2026-101');
    const b = await readyIncident(call, '2026-102');
    const m = await meeting(call, '2026-05-12');
    const id = m.meeting.id;
    await call('agenda.add', { meetingId: id, kind: 'case_review', minutes: 20, incidentId: a });
    const withB = await call('agenda.add', { meetingId: id, kind: 'case_review', minutes: 25, incidentId: b });
    await call('meetings.setStatus', { id, status: 'in_progress' });
    await call('agenda.complete', { id: withB.items.find((i) => i.incident?.id === a)!.id, completed: true });
    // Nowhere to carry them: refused, and the meeting is still on.
    expect(await dispatch(core, 'meetings.setStatus', { id, status: 'ended', carryUnreviewed: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('no later planned meeting') },
    });
    expect((await call('meetings.get', { id })).meeting.status).toBe('in_progress');
    expect((await call('meetings.get', { id })).nextPlanned).toBeNull();
    const next = await meeting(call, '2026-06-09');
    // The end dialog names the meeting the core will carry them to.
    expect((await call('meetings.get', { id })).nextPlanned).toEqual({ id: next.meeting.id, date: '2026-06-09' });
    const ended = await call('meetings.setStatus', { id, status: 'ended', carryUnreviewed: true });
    expect(ended.meeting.status).toBe('ended');
    const after = await call('meetings.get', { id: next.meeting.id });
    expect(after.items.map((i) => i.title)).toEqual([
      'Welcome and confidentiality statement',
      'Approval of previous minutes',
      'Recommendation follow-up',
      'Case review: 2026-102',
      'Other business',
    ]);
    expect(after.items[3]!.minutes).toBe(25);
  });

  it('the welcome item shows the day, the purpose and the statement; a long follow-up pages, the walk step being the page', async () => {
    const { call } = await setUp();
    const org = await call('roster.saveOrganisation', { name: 'County Behavioral Health', sector: 'mental_health' });
    const mh = await call('roster.saveMember', { name: 'Mo Reyes', sector: 'mental_health', role: 'member' });
    const inc = await readyIncident(call, '2026-103');
    const earlier = await meeting(call, '2026-04-14');
    const f = await call('findings.create', {
      incidentId: inc,
      meetingId: earlier.meeting.id,
      category: 'services',
      kind: 'gap',
      intercept: null,
      goals: [],
      timelineEventId: null,
      description: 'No clinician after 22:00.',
    });
    for (let i = 1; i <= 12; i++) {
      await call('recommendations.create', {
        findingIds: [f.id],
        meetingId: earlier.meeting.id,
        action: `Action number ${i}`,
        owner: { organisationId: org.id },
        dueDate: `2026-05-${String(10 + i).padStart(2, '0')}`,
        measure: 'Calls with a clinician',
        actionType: 'staffing',
      });
    }
    const m = await meeting(call, '2026-05-12');
    await call('attendance.set', { meetingId: m.meeting.id, memberId: mh.id, status: 'present', attested: true });
    const [welcome, , followUp] = m.items;
    await call('walk.set', { meetingId: m.meeting.id, itemId: welcome!.id, step: 0, highContrast: false });
    const w = (await call('projector.view', {}))!;
    expect(w.welcome).toMatchObject({ date: '2026-05-12', time: '14:00', statement: CONFIDENTIALITY_STATEMENT, signed: 1, inRoom: 1 });
    expect(w.welcome!.purpose.length).toBeGreaterThan(20);
    expect(w.page).toBeNull();
    // The shared screen writes dates as the committee does: it learns the style and zone from the view.
    expect(w.display.dateStyle).toBe('iso');
    await call('settings.update', { dateStyle: 'en-GB', timeZone: 'Europe/London' });
    expect((await call('projector.view', {}))!.display).toEqual({ dateStyle: 'en-GB', timeZone: 'Europe/London' });

    const pages: string[][] = [];
    for (const step of [0, 1, 2, 7]) {
      await call('walk.set', { meetingId: m.meeting.id, itemId: followUp!.id, step, highContrast: false });
      const v = (await call('projector.view', {}))!;
      expect(v.welcome).toBeNull();
      expect(v.page).toEqual({ index: Math.min(step, 2), of: 3, total: 12 });
      pages.push(v.carried.map((c) => c.action));
    }
    expect(pages[0]).toHaveLength(CARRIED_PER_PAGE);
    expect(pages[2]).toHaveLength(12 - 2 * CARRIED_PER_PAGE);
    expect(pages[3]).toEqual(pages[2]);
    expect(new Set(pages.slice(0, 3).flat()).size).toBe(12);
  });

  it('an approval date never precedes the meeting, neither today nor at an earlier meeting', async () => {
    const { core, call } = await setUp();
    const earlier = await meeting(call, '2026-04-14');
    const m = await meeting(call, '2026-05-19');
    await call('minutes.draft', { meetingId: m.meeting.id });
    expect(await dispatch(core, 'minutes.approve', { meetingId: m.meeting.id, atMeetingId: null })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('cannot be approved before that day') },
    });
    core.today = () => '2026-05-19';
    expect(await dispatch(core, 'minutes.approve', { meetingId: m.meeting.id, atMeetingId: earlier.meeting.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('is not after the meeting of') },
    });
    const next = await meeting(call, '2026-06-02');
    expect(await dispatch(core, 'minutes.approve', { meetingId: m.meeting.id, atMeetingId: next.meeting.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('has not been held yet') },
    });
    expect((await call('minutes.get', { meetingId: m.meeting.id }))!.status).toBe('draft');
    expect((await call('minutes.approve', { meetingId: m.meeting.id, atMeetingId: null })).status).toBe('approved');
  });
});

describe('deleting a finding', () => {
  it('is possible until its meeting ends, then refused', async () => {
    const { core, call } = await setUp();
    const inc = await readyIncident(call, '2026-104');
    const m = await meeting(call, '2026-05-12');
    const make = (description: string) =>
      call('findings.create', {
        incidentId: inc,
        meetingId: m.meeting.id,
        category: 'policy',
        kind: 'gap',
        intercept: null,
        goals: [],
        timelineEventId: null,
        description,
      });
    const a = await make('A finding typed twice');
    const b = await make('A finding that stays');
    expect(await call('findings.remove', { id: a.id })).toEqual({ removed: true });
    await call('meetings.setStatus', { id: m.meeting.id, status: 'in_progress' });
    await call('meetings.setStatus', { id: m.meeting.id, status: 'ended' });
    expect(await dispatch(core, 'findings.remove', { id: b.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('cannot be deleted') },
    });
    expect((await call('findings.list', { meetingId: m.meeting.id })).findings.map((f) => f.description)).toEqual(['A finding that stays']);
  });
});

describe('the next meeting', () => {
  it('is the one being held, even when it began before today; otherwise the nearest still to come', async () => {
    const { core, call } = await setUp();
    core.today = () => '2026-05-20';
    const held = await meeting(call, '2026-05-12');
    const coming = await meeting(call, '2026-06-09');
    await meeting(call, '2026-07-14');
    expect((await call('home.summary', {})).nextMeeting?.id).toBe(coming.meeting.id);
    await call('meetings.setStatus', { id: held.meeting.id, status: 'in_progress' });
    expect((await call('home.summary', {})).nextMeeting?.id).toBe(held.meeting.id);
    await call('meetings.setStatus', { id: held.meeting.id, status: 'ended' });
    expect((await call('home.summary', {})).nextMeeting?.id).toBe(coming.meeting.id);
  });
});
