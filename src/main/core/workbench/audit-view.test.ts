/** The audit log in words: entities named as a coordinator reads them, with where to open them. */
import { afterEach, describe, expect, it } from 'vitest';
import { unlockedCore } from '../test-support';

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

describe('audit.list describes each entity', () => {
  it('names incidents, meetings, minutes, agenda items, findings, recommendations and roster entries, with links', async () => {
    const t = await unlockedCore('cw-audit-');
    cleanup = t.cleanup;
    const { call, core } = t;
    core.today = () => '2026-12-08';
    const org = await call('roster.saveOrganisation', { name: 'County Behavioral Health', sector: 'mental_health' });
    const d = await call('incidents.create', { occurredYear: 2026, occurredMonth: 3, code: '2026-042', narrative: 'A call for help.' });
    await call('incidents.setStatus', { id: d.incident.id, status: 'ready_for_review' });
    const m = await call('meetings.create', { date: '2026-12-08', time: '14:00', lengthMinutes: 90, place: '', virtual: true });
    const withItem = await call('agenda.add', { meetingId: m.meeting.id, kind: 'case_review', minutes: 30, incidentId: d.incident.id });
    await call('agenda.move', { id: withItem.items.find((i) => i.kind === 'case_review')!.id, position: 0 });
    const f = await call('findings.create', {
      incidentId: d.incident.id,
      meetingId: m.meeting.id,
      category: 'services',
      kind: 'gap',
      intercept: '0',
      goals: ['2'],
      timelineEventId: null,
      description: 'No mobile crisis coverage after 22:00.',
    });
    await call('recommendations.create', {
      findingIds: [f.id],
      meetingId: m.meeting.id,
      action: 'Extend mobile crisis coverage',
      owner: { organisationId: org.id },
      dueDate: '2027-03-31',
      measure: 'Share of night calls with a clinician',
      actionType: 'staffing',
    });
    await call('minutes.draft', { meetingId: m.meeting.id });

    const { rows } = await call('audit.list', { limit: 500 });
    const byEntity = new Map(rows.map((r) => [r.entity, r]));
    const at = (entity: string) => {
      const r = byEntity.get(entity);
      expect(r, entity).toBeDefined();
      return { label: r!.entityLabel, link: r!.entityLink };
    };
    expect(at('incident:2026-042')).toEqual({ label: 'Incident 2026-042', link: { page: 'incident', id: d.incident.id } });
    expect(at(`meeting:${m.meeting.id}`)).toEqual({ label: 'Meeting of 2026-12-08', link: { page: 'meeting', id: m.meeting.id } });
    expect(at(`minutes:${m.meeting.id}`)).toEqual({
      label: 'Minutes of the 2026-12-08 meeting',
      link: { page: 'meeting', id: m.meeting.id },
    });
    expect(at(`finding:${f.id}`)).toEqual({ label: 'Finding on incident 2026-042', link: { page: 'incident', id: d.incident.id } });
    expect(at(`organisation:${org.id}`)).toEqual({
      label: 'Organisation County Behavioral Health',
      link: { page: 'settings', tab: 'roster' },
    });
    const agenda = rows.find((r) => r.entity === `agenda:${withItem.items.find((i) => i.kind === 'case_review')!.id}`);
    expect(agenda?.entityLabel).toBe('Case review of incident 2026-042 (2026-12-08 meeting)');
    const rec = rows.find((r) => r.entity?.startsWith('recommendation:'));
    expect(rec?.entityLabel).toMatch(/^Recommendation R-\d+$/);
    expect(rec?.entityLink).toEqual({ page: 'recommendations' });
    // No raw "kind:id" is shown where the kind is known.
    expect(rows.filter((r) => r.entityLabel && /^[a-z]+:\S+$/.test(r.entityLabel))).toEqual([]);
    // Details in words too: statuses and strengths by their labels, attendance by the member's name.
    const member = await call('roster.saveMember', { name: 'Kim Lowe', sector: 'advocacy', role: 'member' });
    await call('attendance.set', { meetingId: m.meeting.id, memberId: member.id, status: 'present', attested: true });
    await call('meetings.setStatus', { id: m.meeting.id, status: 'in_progress' });
    const details = (await call('audit.list', { limit: 500 })).rows.map((r) => r.detail);
    expect(details).toEqual(expect.arrayContaining(['attendance: Kim Lowe — present, attested', 'status → In progress']));
    expect(details.find((x) => x?.startsWith('from finding '))).toMatch(/^from finding \d+; intermediate action \(Increase staffing/);
    // Meeting days are written in the committee's date style, as on every screen.
    await call('settings.update', { dateStyle: 'en-US' });
    const us = (await call('audit.list', { limit: 500 })).rows.find((r) => r.entity === `minutes:${m.meeting.id}`);
    expect(us?.entityLabel).toBe('Minutes of the 12/08/2026 meeting');
  });

  it('an entity that no longer exists keeps its words, marked deleted, without a link', async () => {
    const t = await unlockedCore('cw-audit-');
    cleanup = t.cleanup;
    const { call } = t;
    const schedule = { effectiveFrom: '2026-01-01', intervals: [{ weekday: 1, start: '08:00', end: '17:00' }] };
    const kept = await call('services.save', { name: 'Mobile crisis team', sector: 'mobile_crisis', areas: null, schedule });
    const removed = await call('services.save', { name: 'Night line', sector: 'mobile_crisis', areas: null, schedule });
    await call('services.remove', { id: removed.id });
    const { rows } = await call('audit.list', { limit: 500 });
    expect(rows.find((r) => r.entity === `service:${kept.id}`)).toMatchObject({
      entityLabel: 'Crisis service Mobile crisis team',
      entityLink: { page: 'settings', tab: 'services' },
    });
    const gone = rows.filter((r) => r.entity === `service:${removed.id}`);
    expect(gone).toHaveLength(2);
    for (const r of gone) expect(r).toMatchObject({ entityLabel: `Crisis service ${removed.id} (deleted)`, entityLink: null });
  });
});
