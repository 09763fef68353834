/**
 * "Today" is a date in the committee's time zone, not UTC: at 17:30 on the US west coast it is
 * already tomorrow in UTC, and overdue flags, minutes and approval dates must not move a day.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dateIn, isTimeZone, machineTimeZone } from '../../shared/time-zone';
import { dispatch } from './dispatch';
import { TEST_PASSPHRASE, unlockedCore } from './test-support';

// 17:30 in Los Angeles (PDT, UTC−7) on 15 June 2026 is 00:30 UTC on 16 June.
const LA_EVENING = new Date('2026-06-15T17:30:00-07:00');

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
  vi.useRealTimers();
});

describe('the committee time zone', () => {
  it('dateIn: the local calendar date, not the UTC one', () => {
    expect(LA_EVENING.toISOString().slice(0, 10)).toBe('2026-06-16');
    expect(dateIn('America/Los_Angeles', LA_EVENING)).toBe('2026-06-15');
    expect(dateIn('UTC', LA_EVENING)).toBe('2026-06-16');
    expect(dateIn('Pacific/Auckland', new Date('2026-06-15T13:00:00Z'))).toBe('2026-06-16');
  });

  it('accepts IANA names only', () => {
    for (const tz of ['America/Los_Angeles', 'Europe/London', 'UTC', 'America/Argentina/Buenos_Aires', machineTimeZone()])
      expect(isTimeZone(tz)).toBe(true);
    for (const tz of ['Mars/Olympus', '+05:00', 'PST', '', 'America/', 'Los Angeles']) expect(isTimeZone(tz)).toBe(false);
  });

  it('at 17:30 in America/Los_Angeles today, overdue flags, minutes and approval dates stay on the local date', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(LA_EVENING);
    const t = await unlockedCore('cw-tz-');
    cleanup = t.cleanup;
    const { call, core } = t;

    // The default is the machine's zone; the setting is validated and canonical.
    expect((await call('settings.get', {})).timeZone).toBe(machineTimeZone());
    expect(await dispatch(core, 'settings.update', { timeZone: 'Mars/Olympus' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('not a time zone') },
    });
    await call('settings.update', { timeZone: 'UTC' });
    expect(core.today()).toBe('2026-06-16');
    expect((await call('settings.update', { timeZone: 'america/los_angeles' })).timeZone).toBe('America/Los_Angeles');
    expect(core.today()).toBe('2026-06-15');

    const org = await call('roster.saveOrganisation', { name: 'County Behavioral Health', sector: 'mental_health' });
    const m = await call('meetings.create', { date: '2026-06-15', time: '14:00', lengthMinutes: 90, place: '', virtual: true });
    const d = await call('incidents.create', {
      occurredYear: 2026,
      occurredMonth: 5,
      code: '2026-020',
      narrative: 'Officer A waited for Clinician B.',
    });
    const f = await call('findings.create', {
      incidentId: d.incident.id,
      meetingId: m.meeting.id,
      category: 'services',
      kind: 'gap',
      intercept: '0',
      goals: ['2'],
      timelineEventId: null,
      description: 'No clinician after 22:00.',
    });
    const rec = (dueDate: string, action: string) =>
      call('recommendations.create', {
        findingIds: [f.id],
        meetingId: m.meeting.id,
        action,
        owner: { organisationId: org.id },
        dueDate,
        measure: 'Calls with a clinician',
        actionType: 'staffing',
      });
    const dueToday = await rec('2026-06-15', 'Add an evening clinician shift');
    const dueYesterday = await rec('2026-06-14', 'Publish the on-call rota');

    // Due today (local) is not overdue yet; due yesterday is.
    const list = await call('recommendations.list', {});
    expect(list.today).toBe('2026-06-15');
    expect(list.recommendations.find((r) => r.id === dueToday.id)!.overdue).toBe(false);
    expect(list.recommendations.find((r) => r.id === dueYesterday.id)!.overdue).toBe(true);
    const home = await call('home.summary', {});
    expect(home.today).toBe('2026-06-15');
    expect(home.nextMeeting?.id).toBe(m.meeting.id);
    expect(home.overdue.map((r) => r.id)).toEqual([dueYesterday.id]);

    // The minutes follow-up uses the same today; the approval date is the local date.
    await call('minutes.draft', { meetingId: m.meeting.id });
    await call('minutes.approve', { meetingId: m.meeting.id, atMeetingId: null });
    const out = path.join(t.dataDir, 'minutes.md');
    await call('minutes.export', { meetingId: m.meeting.id, format: 'md', handle: core.files.register(out, 'write') });
    const md = fs.readFileSync(out, 'utf8');
    expect(md).toContain('Approved 2026-06-15 by');
    expect(md).not.toContain('2026-06-16');

    // The setting is kept in the workbench: after lock and unlock, still Los Angeles.
    await call('workbench.lock', {});
    expect(core.today()).toBe(dateIn(machineTimeZone(), LA_EVENING));
    await call('workbench.unlock', { passphrase: TEST_PASSPHRASE });
    expect(core.today()).toBe('2026-06-15');
  });
});
