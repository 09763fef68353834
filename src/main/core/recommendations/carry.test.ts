/**
 * Issue 20, "nothing is forgotten": overdue responses and effect checks falling due are carried
 * onto the next meeting's follow-up item by the one agenda builder, and Home lists them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { unlockedCore } from '../test-support';

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

describe('follow-up carried onto the next agenda and shown on Home', () => {
  it('a response overdue by the meeting and an effect check due before the next one are on its follow-up item', async () => {
    const t = await unlockedCore('cw-carry-');
    cleanup = t.cleanup;
    const { call, core } = t;
    core.today = () => '2026-03-01';
    const org = await call('roster.saveOrganisation', { name: 'Metro Police Department', sector: 'law_enforcement' });
    const d = await call('incidents.create', { occurredYear: 2026, occurredMonth: 1, narrative: 'Officer A waited for Clinician B.' });
    const f = await call('findings.create', {
      incidentId: d.incident.id,
      meetingId: null,
      category: 'training',
      kind: 'gap',
      intercept: '1',
      goals: ['1'],
      timelineEventId: null,
      description: 'Dispatch did not flag the mental health call.',
    });
    const march = await call('meetings.create', { date: '2026-03-10', time: '14:00', lengthMinutes: 90, place: '', virtual: true });
    const rec = (action: string) =>
      call('recommendations.create', {
        findingIds: [f.id],
        meetingId: march.meeting.id,
        action,
        owner: { organisationId: org.id },
        dueDate: '2027-03-01',
        measure: '',
        actionType: 'checklist',
      });
    const awaiting = await rec('Flag mental health calls at dispatch');
    const measured = await rec('Add a dispatch checklist');
    const quiet = await rec('Review the dispatch script');
    for (const r of [awaiting, measured, quiet]) await call('recommendations.setStatus', { id: r.id, status: 'adopted' });
    await call('recommendations.setStatus', { id: awaiting.id, status: 'sent' });
    await call('recommendations.setStatus', { id: measured.id, status: 'sent' });
    await call('recommendations.recordResponse', { id: measured.id, kind: 'accepted', date: '2026-03-01' });
    await call('recommendations.recordResponse', { id: quiet.id, kind: 'accepted', date: '2026-03-01' });
    await call('recommendations.setEffectMeasure', {
      id: measured.id,
      kind: 'process',
      baseline: '2 of 10 calls flagged',
      target: '8 of 10 calls flagged',
      measureDate: '2026-06-20',
      measuredByOrganisationId: org.id,
    });
    // Response due 60 days after 10 March: 9 May. Meetings on 12 May and 14 July.
    const may = await call('meetings.create', { date: '2026-05-12', time: '14:00', lengthMinutes: 90, place: '', virtual: true });
    const july = await call('meetings.create', { date: '2026-07-14', time: '14:00', lengthMinutes: 90, place: '', virtual: true });
    const carriedAt = async (id: number) => (await call('meetings.get', { id })).items.find((i) => i.kind === 'follow_up')!.carried;
    expect((await carriedAt(march.meeting.id)).map((c) => c.code)).toEqual([]);
    const atMay = await carriedAt(may.meeting.id);
    // The measure's date (20 June) falls before the next meeting (14 July): its check is on May's agenda.
    expect(atMay.map((c) => [c.code, c.responseOverdue, c.effectCheck?.dueDate ?? null])).toEqual([
      [awaiting.code, true, null],
      [measured.code, false, '2026-06-20'],
    ]);
    // Recorded, the check leaves the agenda; the response, once recorded, too.
    core.today = () => '2026-06-21';
    const home = await call('home.summary', {});
    expect(home.responseOverdue.map((r) => r.code)).toEqual([awaiting.code]);
    expect(home.effectChecksDue.map((r) => r.code)).toEqual([measured.code]);
    const checkId = (await call('recommendations.get', { id: measured.id })).effectChecks[0]!.id;
    await call('recommendations.recordEffectCheck', { checkId, result: 'met', value: '9 of 10 calls flagged', meetingId: may.meeting.id });
    await call('recommendations.recordResponse', { id: awaiting.id, kind: 'no_response', date: '2026-06-21' });
    expect(await carriedAt(may.meeting.id)).toEqual([]);
    expect(await carriedAt(july.meeting.id)).toEqual([]);
    const after = await call('home.summary', {});
    expect([after.responseOverdue.length, after.effectChecksDue.length]).toEqual([0, 0]);
  });
});
