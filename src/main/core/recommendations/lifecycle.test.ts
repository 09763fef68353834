/**
 * Issue 20: the recommendation lifecycle. Every (from, to) pair of statuses is tried: the moves
 * REC_MOVES allows succeed with what they need, every other move is refused with a clear error,
 * and nothing changes on a refusal. Then the conditions each move needs, the agency's response,
 * and the overdue and effect-check dates in the committee's time zone.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch, type TypedCall } from '../dispatch';
import { unlockedCore } from '../test-support';
import { CLOSURE_FOR, isClosed, REC_MOVES, REC_STATUS, type RecStatus } from '../../../shared/recommendations/values';

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
  vi.useRealTimers();
});

async function setup(fixedToday = true) {
  const t = await unlockedCore('cw-life-');
  cleanup = t.cleanup;
  if (fixedToday) t.core.today = () => '2026-06-01';
  const org = await t.call('roster.saveOrganisation', { name: 'County Behavioral Health', sector: 'mental_health' });
  const d = await t.call('incidents.create', { occurredYear: 2026, occurredMonth: 4, narrative: 'Officer A waited for Clinician B.' });
  const f = await t.call('findings.create', {
    incidentId: d.incident.id,
    meetingId: null,
    category: 'services',
    kind: 'gap',
    intercept: '0',
    goals: ['2'],
    timelineEventId: null,
    description: 'No mobile crisis coverage after 22:00.',
  });
  const newRec = async (meetingId: number | null = null) =>
    t.call('recommendations.create', {
      findingIds: [f.id],
      meetingId,
      action: 'Fund a weekend overnight clinician',
      owner: { organisationId: org.id },
      dueDate: '2026-09-30',
      measure: 'Weekend nights covered',
      actionType: 'staffing',
    });
  return { ...t, org, newRec };
}

const VERIFY = {
  what: 'Rota for May checked',
  by: 'County Behavioral Health',
  date: '2026-05-30',
  evidence: 'Rota shows a clinician every weekend night',
};

/** The inputs a move to `to` needs (other than the status). */
function extras(to: RecStatus, other: number) {
  return {
    note: 'Decided at the follow-up item',
    ...(isClosed(to) ? { closureCode: CLOSURE_FOR[to][0] } : {}),
    ...(to === 'superseded' ? { supersededBy: other } : {}),
    ...(to === 'verified_implemented' ? { verification: VERIFY } : {}),
  };
}

/** Walks a new recommendation to `status` along the lifecycle. */
async function bring(call: TypedCall, id: number, status: RecStatus, other: number) {
  const step = (to: RecStatus) => call('recommendations.setStatus', { id, status: to, ...extras(to, other) });
  const path: Record<RecStatus, RecStatus[]> = {
    proposed: [],
    adopted: ['adopted'],
    sent: ['adopted', 'sent'],
    response_received: ['adopted', 'sent', 'response_received'],
    in_progress: ['adopted', 'sent', 'response_received', 'in_progress'],
    reported_implemented: ['adopted', 'sent', 'response_received', 'reported_implemented'],
    verified_implemented: ['adopted', 'sent', 'response_received', 'reported_implemented', 'verified_implemented'],
    declined: ['declined'],
    superseded: ['superseded'],
    no_longer_applicable: ['no_longer_applicable'],
  };
  for (const to of path[status]) {
    if (to === 'response_received') await call('recommendations.recordResponse', { id, kind: 'accepted', date: '2026-06-01' });
    else await step(to);
  }
}

describe('the recommendation lifecycle (issue 20)', () => {
  it('every allowed move succeeds and every other move is refused, changing nothing', async () => {
    const { call, core, newRec } = await setup();
    const other = (await newRec()).id;
    const tried: string[] = [];
    for (const from of REC_STATUS.values) {
      for (const to of REC_STATUS.values) {
        if (from === to) continue;
        const r = await newRec();
        await bring(call, r.id, from, other);
        const before = await call('recommendations.get', { id: r.id });
        expect(before.status).toBe(from);
        const res = await dispatch(core, 'recommendations.setStatus', { id: r.id, status: to, ...extras(to, other) });
        const allowed = REC_MOVES[from].includes(to);
        if (allowed && to !== 'response_received') {
          expect(res, `${from} → ${to}`).toMatchObject({ ok: true, value: { status: to } });
          const after = await call('recommendations.get', { id: r.id });
          expect(after.history.at(-1)).toMatchObject({ status: to, note: 'Decided at the follow-up item' });
          if (isClosed(to)) expect(after.closureCode).toBe(CLOSURE_FOR[to][0]);
        } else {
          expect(res, `${from} → ${to}`).toMatchObject({ ok: false });
          if (!res.ok) {
            if (allowed) expect(res.error.message).toMatch(/record the agency's response/);
            else
              expect(res.error).toMatchObject({
                code: 'forbidden',
                message: `${r.code} cannot go from "${REC_STATUS.label(from)}" to "${REC_STATUS.label(to)}".`,
              });
          }
          expect(await call('recommendations.get', { id: r.id })).toEqual(before);
        }
        tried.push(`${from}→${to}`);
      }
    }
    expect(tried).toHaveLength(90);
    // Closed statuses are final.
    for (const s of ['verified_implemented', 'declined', 'superseded', 'no_longer_applicable'] as const) expect(REC_MOVES[s]).toEqual([]);
  }, 120_000);

  it('closing needs a closure code that fits; declining a rationale; superseding another; reopening a reason', async () => {
    const { call, core, newRec } = await setup();
    const r = await newRec();
    const set = (input: object) => dispatch(core, 'recommendations.setStatus', { id: r.id, ...input } as never);
    expect(await set({ status: 'no_longer_applicable' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/Choose a closure code/) },
    });
    expect(await set({ status: 'no_longer_applicable', closureCode: 'acceptable_action' })).toMatchObject({
      ok: false,
      error: {
        message:
          '"Closed – acceptable action" does not fit "No longer applicable"; use "Closed – no longer applicable" or "Closed – reconsidered".',
      },
    });
    expect(await set({ status: 'declined', closureCode: 'unacceptable_action' })).toMatchObject({
      ok: false,
      error: { message: 'Say why the recommendation was declined.' },
    });
    expect(await set({ status: 'adopted', closureCode: 'acceptable_action' })).toMatchObject({
      ok: false,
      error: { message: 'A closure code is given only when a recommendation is closed.' },
    });
    expect(await set({ status: 'superseded', closureCode: 'reconsidered' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/which recommendation supersedes/) },
    });
    expect(await set({ status: 'superseded', closureCode: 'reconsidered', supersededBy: r.id })).toMatchObject({
      ok: false,
      error: { message: `${r.code} cannot supersede itself.` },
    });
    expect(await set({ status: 'superseded', closureCode: 'reconsidered', supersededBy: 9999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const next = await newRec();
    const s = await call('recommendations.setStatus', {
      id: r.id,
      status: 'superseded',
      closureCode: 'reconsidered',
      supersededBy: next.id,
    });
    expect(s).toMatchObject({ status: 'superseded', closureCode: 'reconsidered', supersededBy: { id: next.id, code: next.code } });

    await bring(call, next.id, 'reported_implemented', r.id);
    const reopen = (input: object) => dispatch(core, 'recommendations.setStatus', { id: next.id, ...input } as never);
    expect(await reopen({ status: 'in_progress' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/why .* is reopened/) },
    });
    expect(await reopen({ status: 'verified_implemented', closureCode: 'acceptable_action' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/what was checked, by whom, when and the evidence/) },
    });
    expect(
      await reopen({ status: 'verified_implemented', closureCode: 'acceptable_action', verification: { ...VERIFY, date: '2026-06-02' } }),
    ).toMatchObject({
      ok: false,
      error: { message: 'The verification date 2026-06-02 is after today.' },
    });
    expect(await reopen({ status: 'verified_implemented', closureCode: 'unacceptable_action', verification: VERIFY })).toMatchObject({
      ok: false,
    });
    // A person's name is refused in the follow-through: it names organisations only.
    expect(
      await reopen({
        status: 'verified_implemented',
        closureCode: 'acceptable_action',
        verification: { ...VERIFY, by: 'Jennifer Alvarez' },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'guard_blocked', message: expect.stringContaining('Checked by: “Jennifer Alvarez” (NAME)') },
    });
    const v = await call('recommendations.setStatus', {
      id: next.id,
      status: 'verified_implemented',
      closureCode: 'exceeds_recommended_action',
      verification: VERIFY,
    });
    expect(v.verification).toEqual(VERIFY);
    // Verification schedules an effect check 12 months after the date it was verified.
    expect(v.effectChecks).toMatchObject([{ dueDate: '2027-05-30', reason: 'verified', result: null }]);
    expect(v.history.map((h) => h.status)).toEqual([
      'proposed',
      'adopted',
      'sent',
      'response_received',
      'reported_implemented',
      'verified_implemented',
    ]);
  });

  it('the agency response: only for a sent or adopted recommendation, once, dated, with a rationale when declined', async () => {
    const { call, core, newRec } = await setup();
    const r = await newRec();
    const respond = (input: object) => dispatch(core, 'recommendations.recordResponse', { id: r.id, ...input } as never);
    expect(await respond({ kind: 'accepted', date: '2026-05-20' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/not been adopted and sent/) },
    });
    await call('recommendations.setStatus', { id: r.id, status: 'adopted' });
    const sent = await call('recommendations.setStatus', { id: r.id, status: 'sent' });
    expect(sent).toMatchObject({ sentOn: '2026-06-01', responseDue: '2026-07-31' });
    expect(await respond({ kind: 'declined', date: '2026-06-01' })).toMatchObject({
      ok: false,
      error: { message: 'Give the agency’s rationale for declining.' },
    });
    expect(await respond({ kind: 'accepted', date: '2026-06-02' })).toMatchObject({
      ok: false,
      error: { message: 'The response date 2026-06-02 is after today.' },
    });
    expect(await respond({ kind: 'accepted', date: '2026-05-31' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/before .* was sent/) },
    });
    expect(await respond({ kind: 'no_response', date: '2026-06-01', plannedAction: 'x y z' })).toMatchObject({ ok: false });
    const got = await call('recommendations.recordResponse', {
      id: r.id,
      kind: 'accepted_in_part',
      date: '2026-06-01',
      rationale: 'Weekends only within this budget year',
      plannedAction: 'Recruit one clinician for weekend nights',
      plannedDate: '2026-10-01',
    });
    expect(got).toMatchObject({
      status: 'response_received',
      responseOverdue: false,
      response: {
        kind: 'accepted_in_part',
        date: '2026-06-01',
        plannedDate: '2026-10-01',
        plannedAction: 'Recruit one clinician for weekend nights',
      },
    });
    expect(await respond({ kind: 'accepted', date: '2026-06-01' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/already recorded/) },
    });
  });

  it('requested response date: the meeting date plus the committee setting; overdue and effect checks due by the committee’s today', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-01T12:00:00Z'));
    const { call, core, org, newRec } = await setup(false);
    expect(await call('recommendations.settings', {})).toEqual({ responseDays: 60 });
    await call('recommendations.setResponseDays', { responseDays: 30 });
    const m = await call('meetings.create', { date: '2026-05-12', time: '14:00', lengthMinutes: 90, place: '', virtual: true });
    const r = await newRec();
    await call('recommendations.update', { id: r.id, patch: {} });
    const db = core.workbench;
    db.write({ event: 'update', entity: 'test', detail: 'meeting' }, (w) =>
      w.prepare('UPDATE recommendations SET meeting_id = ? WHERE id = ?').run([m.meeting.id, r.id]),
    );
    const adopted = await call('recommendations.setStatus', { id: r.id, status: 'adopted' });
    expect(adopted).toMatchObject({ responseDue: '2026-06-11', responseOverdue: false });
    // Los Angeles evening of 11 June is 12 June in UTC: not yet overdue for the committee.
    vi.setSystemTime(new Date('2026-06-11T17:30:00-07:00'));
    await call('settings.update', { timeZone: 'America/Los_Angeles' });
    expect(core.today()).toBe('2026-06-11');
    expect((await call('recommendations.get', { id: r.id })).responseOverdue).toBe(false);
    await call('settings.update', { timeZone: 'UTC' });
    expect((await call('recommendations.get', { id: r.id })).responseOverdue).toBe(true);
    expect((await call('recommendations.list', { responseOverdue: true })).recommendations.map((x) => x.id)).toEqual([r.id]);

    const e = await call('recommendations.setEffectMeasure', {
      id: r.id,
      kind: 'outcome',
      baseline: '4 of 10 weekend calls with a clinician',
      target: '9 of 10',
      measureDate: '2026-06-12',
      measuredByOrganisationId: org.id,
    });
    expect(e.effect).toMatchObject({
      kind: 'outcome',
      measureDate: '2026-06-12',
      measuredBy: { id: org.id, name: 'County Behavioral Health' },
    });
    expect(e.effectCheckDue).toBe(true); // 12 June in UTC
    await call('settings.update', { timeZone: 'America/Los_Angeles' });
    expect((await call('recommendations.get', { id: r.id })).effectCheckDue).toBe(false); // still 11 June there
    const check = e.effectChecks[0]!;
    expect(await dispatch(core, 'recommendations.recordEffectCheck', { checkId: check.id, result: 'met' })).toMatchObject({
      ok: false,
      error: { message: 'Give the measured value (or record the effect as not measurable).' },
    });
    const done = await call('recommendations.recordEffectCheck', { checkId: check.id, result: 'partly', value: '7 of 10' });
    expect(done.effectChecks[0]).toMatchObject({ result: 'partly', value: '7 of 10' });
    expect(await dispatch(core, 'recommendations.recordEffectCheck', { checkId: check.id, result: 'met', value: '9' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
  it('the register search finds words in the action, the measure of success, the owner and the code; every word must match', async () => {
    const { call, newRec } = await setup();
    const r = await newRec();
    const ids = async (search: string) => (await call('recommendations.list', { search })).recommendations.map((x) => x.id);
    expect(await ids('overnight clinician')).toEqual([r.id]);
    expect(await ids('covered')).toEqual([r.id]); // only in the measure
    expect(await ids(r.code)).toEqual([r.id]);
    expect(await ids('covered daytime')).toEqual([]);
    expect(await ids('100%_')).toEqual([]);
  });
});
