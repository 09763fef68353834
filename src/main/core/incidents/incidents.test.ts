import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import { unlockedCore } from '../test-support';

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});
async function setup() {
  const t = await unlockedCore('cw-inc-');
  cleanup = t.cleanup;
  return t;
}

describe('incidents through the contract', () => {
  it('create assigns the next committee code per year, with defaults, and audits by code only', async () => {
    const { call } = await setup();
    const a = await call('incidents.create', { occurredYear: 2026, occurredMonth: 3, narrative: 'Caller reported a person in distress.' });
    const b = await call('incidents.create', { occurredYear: 2026, occurredMonth: 4 });
    const c = await call('incidents.create', { occurredYear: 2025, occurredMonth: 11, code: '2025-040' });
    expect([a.incident.code, b.incident.code, c.incident.code]).toEqual(['2026-001', '2026-002', '2025-040']);
    expect(a.incident).toMatchObject({ status: 'draft', followUp7: 'unknown', responders: [], version: 0, openIdentifiers: 0 });
    expect((await call('incidents.nextCode', { year: 2025 })).code).toBe('2025-041');
    const audit = await call('audit.list', { event: 'create' });
    expect(audit.rows.map((r) => r.entity)).toContain('incident:2026-001');
    expect(JSON.stringify(audit.rows)).not.toContain('distress');
  });

  it('refuses a duplicate code, a CAD-looking code and out-of-range fields with specific messages', async () => {
    const { core, call } = await setup();
    await call('incidents.create', { occurredYear: 2026, occurredMonth: 3, code: '2026-014' });
    expect(await dispatch(core, 'incidents.create', { occurredYear: 2026, occurredMonth: 3, code: '2026-014' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'Incident code 2026-014 is already used; choose another.' },
    });
    expect(await dispatch(core, 'incidents.create', { occurredYear: 2026, occurredMonth: 3, code: 'CAD-2026-884213' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('never a CAD or report number') },
    });
    expect(await dispatch(core, 'incidents.create', { occurredYear: 2026, occurredMonth: 13 })).toMatchObject({
      ok: false,
      error: { message: 'The month of the incident is 1 (January) to 12 (December).' },
    });
    expect(
      await dispatch(core, 'incidents.create', { occurredYear: 2026, occurredMonth: 1, dispositions: ['arrest', 'arrest'] }),
    ).toMatchObject({
      ok: false,
      error: { message: 'Choose each disposition once.' },
    });
  });

  it('update round-trips every field, bumps the version and refuses a stale version', async () => {
    const { core, call } = await setup();
    const d = await call('incidents.create', { occurredYear: 2026, occurredMonth: 2 });
    const patch = {
      weekday: '6' as const,
      hourOfDay: 2,
      area: 'North precinct',
      callSource: '988' as const,
      initialCallType: 'Welfare check',
      finalCallType: 'Person in crisis',
      responders: ['cit_officer', 'mobile_crisis'] as ('cit_officer' | 'mobile_crisis')[],
      citRequested: true,
      citDispatched: true,
      citArrived: false,
      weapon: 'knife' as const,
      threats: true,
      injuries: ['subject'] as 'subject'[],
      force: 'hands_on' as const,
      restraint: false,
      handcuffs: true,
      behaviours: ['suicidal_threat', 'hallucinations'] as ('suicidal_threat' | 'hallucinations')[],
      dispositions: ['voluntary_transport', 'referral'] as ('voluntary_transport' | 'referral')[],
      referrals: 'Outpatient clinic',
      followUp7: 'yes' as const,
      veteran: 'no' as const,
      priorContacts: 3,
      intercepts: ['0', '1'] as ('0' | '1')[],
      tags: ['Overnight', 'repeat caller'],
      narrative: 'Officer A and the mobile crisis team talked for 40 minutes.',
    };
    const u = await call('incidents.update', { id: d.incident.id, version: 0, patch });
    expect(u.incident).toMatchObject({
      ...patch,
      tags: ['overnight', 'repeat caller'],
      responders: ['cit_officer', 'mobile_crisis'],
      dispositions: ['referral', 'voluntary_transport'],
      version: 1,
    });
    const again = await call('incidents.get', { id: d.incident.id });
    expect(again.incident).toEqual(u.incident);
    expect(await dispatch(core, 'incidents.update', { id: d.incident.id, version: 0, patch: { area: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('changed since you opened it') },
    });
    expect((await call('incidents.get', { id: d.incident.id })).incident.area).toBe('North precinct');
  });

  it('list filters, sorts, pages and searches the encrypted full-text index', async () => {
    const { call } = await setup();
    const mk = (m: number, extra: object) => call('incidents.create', { occurredYear: 2025, occurredMonth: m, ...extra });
    await mk(1, {
      callSource: '911',
      dispositions: ['arrest'],
      narrative: 'Barricaded in the apartment, negotiation lasted two hours.',
      tags: ['barricade'],
    });
    await mk(2, {
      callSource: '988',
      dispositions: ['referral'],
      responders: ['mobile_crisis'],
      narrative: 'Mobile crisis resolved the call with a safety plan.',
      intercepts: ['0'],
    });
    await mk(3, {
      callSource: '988',
      dispositions: ['emergency_detention', 'hospital_admission'],
      narrative: 'Transported under emergency detention.',
    });
    const all = await call('incidents.list', {});
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => r.occurredMonth)).toEqual([3, 2, 1]);
    expect((await call('incidents.list', { sort: 'occurred', dir: 'asc', limit: 2, offset: 1 })).rows.map((r) => r.occurredMonth)).toEqual([
      2, 3,
    ]);
    expect((await call('incidents.list', { callSource: ['988'] })).total).toBe(2);
    expect((await call('incidents.list', { disposition: ['arrest', 'hospital_admission'] })).rows.map((r) => r.occurredMonth)).toEqual([
      3, 1,
    ]);
    expect((await call('incidents.list', { responder: ['mobile_crisis'], intercept: ['0'] })).total).toBe(1);
    expect((await call('incidents.list', { tag: 'barricade' })).total).toBe(1);
    expect((await call('incidents.list', { from: '2025-02', to: '2025-02' })).total).toBe(1);
    // Periods across a year boundary, open-ended, and with a search: page and count agree.
    for (const [q, months] of [
      [{ from: '2024-12', to: '2025-01' }, [1]],
      [{ from: '2025-02' }, [3, 2]],
      [{ to: '2025-01' }, [1]],
      [{ from: '2024-01', to: '2024-12' }, []],
      [{ from: '2025-01', to: '2025-03', search: 'mobile crisis' }, [2]],
    ] as const) {
      const r = await call('incidents.list', q);
      expect(
        r.rows.map((x) => x.occurredMonth),
        JSON.stringify(q),
      ).toEqual(months);
      expect(r.total, JSON.stringify(q)).toBe(months.length);
    }
    expect((await call('incidents.list', { search: 'negotiat' })).rows.map((r) => r.occurredMonth)).toEqual([1]);
    expect((await call('incidents.list', { search: 'safety plan' })).total).toBe(1);
    // FTS syntax in user input is treated as words, never as a query language.
    expect((await call('incidents.list', { search: 'NEAR( "x' })).total).toBe(0);
    expect((await call('incidents.list', { search: '***' })).total).toBe(0);
    const f = await call('incidents.facets', {});
    expect(f).toMatchObject({ tags: ['barricade'], years: [2025], total: 3 });
  });

  it('status moves follow the workflow; ready for review is refused while identifiers are unresolved', async () => {
    const { core, call } = await setup();
    const d = await call('incidents.create', {
      occurredYear: 2026,
      occurredMonth: 5,
      narrative: 'Caller Fatima Okafor said her son was at 14219 Main St.',
    });
    expect(d.incident.openIdentifiers).toBe(2);
    expect(d.findings.map((f) => [f.type, f.text])).toEqual([
      ['NAME', 'Fatima Okafor'],
      ['ADDRESS', '14219 Main St'],
    ]);
    const blocked = await dispatch(core, 'incidents.setStatus', { id: d.incident.id, status: 'ready_for_review' });
    expect(blocked).toMatchObject({
      ok: false,
      error: { code: 'guard_blocked', message: expect.stringContaining('2 possible identifiers are unresolved') },
    });
    expect(await dispatch(core, 'incidents.setStatus', { id: d.incident.id, status: 'closed' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'An incident cannot go from "Draft" to "Closed".' },
    });
    const name = d.findings[0]!;
    const r1 = await call('identifiers.redact', {
      incidentId: d.incident.id,
      field: 'narrative',
      start: name.start,
      end: name.end,
      type: 'NAME',
    });
    expect(r1.incident.narrative).toBe('Caller [NAME] said her son was at 14219 Main St.');
    const addr = r1.findings[0]!;
    // A stale offset (the text moved) is refused rather than redacting the wrong characters.
    expect(
      await dispatch(core, 'identifiers.redact', { incidentId: d.incident.id, field: 'narrative', start: 1, end: 5, type: 'NAME' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(
      await dispatch(core, 'identifiers.dismiss', {
        incidentId: d.incident.id,
        field: 'narrative',
        start: addr.start,
        end: addr.end,
        type: 'ADDRESS',
        reason: '',
      }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Say why') },
    });
    const r2 = await call('identifiers.dismiss', {
      incidentId: d.incident.id,
      field: 'narrative',
      start: addr.start,
      end: addr.end,
      type: 'ADDRESS',
      reason: 'Public shelter address',
    });
    expect(r2.incident.openIdentifiers).toBe(0);
    expect(r2.findings[0]!.dismissed).toMatchObject({ reason: 'Public shelter address', by: 'Dana' });
    const ready = await call('incidents.setStatus', { id: d.incident.id, status: 'ready_for_review' });
    expect(ready.incident.status).toBe('ready_for_review');
    const audit = await call('audit.list', {});
    expect(audit.rows.find((r) => r.event === 'identifier_dismissed')).toMatchObject({
      entity: `incident:${d.incident.code}`,
      detail: 'ADDRESS in narrative',
    });
    expect(JSON.stringify(audit.rows)).not.toMatch(/Okafor|Main St|shelter/);
    // New identifier while waiting for review: saved, and the incident goes back to draft.
    const edited = await call('incidents.update', {
      id: d.incident.id,
      version: ready.incident.version,
      patch: { referrals: 'Call 605-274-8779' },
    });
    expect(edited.incident).toMatchObject({ status: 'draft', openIdentifiers: 1, referrals: 'Call 605-274-8779' });
  });

  it('timeline: add at a position, move, edit, remove; intervals and guard cover descriptions', async () => {
    const { core, call } = await setup();
    const d = await call('incidents.create', { occurredYear: 2026, occurredMonth: 5 });
    const id = d.incident.id;
    await call('timeline.add', {
      incidentId: id,
      event: { time: '23:50', actor: 'dispatch_911', kind: 'call', description: 'Call received' },
    });
    await call('timeline.add', {
      incidentId: id,
      event: { time: '00:12', actor: 'law_enforcement', kind: 'arrival', description: 'Officer A on scene' },
    });
    let t = await call('timeline.add', {
      incidentId: id,
      position: 1,
      event: { time: '23:56', actor: 'dispatch_911', kind: 'dispatch', description: 'CIT officer dispatched' },
    });
    expect(t.timeline.map((e) => e.time)).toEqual(['23:50', '23:56', '00:12']);
    t = await call('timeline.add', {
      incidentId: id,
      event: { time: '01:05', actor: 'mobile_crisis', kind: 'disposition', description: 'Voluntary transport', decisionPoint: true },
    });
    expect(t.intervals).toEqual({ callToDispatch: 360, dispatchToArrival: 960, arrivalToDisposition: 3180, callToDisposition: 4500 });
    const last = t.timeline[3]!;
    t = await call('timeline.move', { id: last.id, position: 0 });
    expect(t.timeline.map((e) => e.kind)).toEqual(['disposition', 'call', 'dispatch', 'arrival']);
    t = await call('timeline.move', { id: last.id, position: 99 });
    expect(t.timeline.map((e) => e.kind)).toEqual(['call', 'dispatch', 'arrival', 'disposition']);
    t = await call('timeline.update', { id: t.timeline[1]!.id, patch: { description: 'Dispatcher spoke with Marcus Bell' } });
    expect(t.timeline[1]!.decisionPoint).toBe(false);
    expect(t.incident.openIdentifiers).toBe(1);
    expect(t.findings[0]).toMatchObject({ field: `timeline:${t.timeline[1]!.id}`, type: 'NAME', text: 'Marcus Bell' });
    t = await call('timeline.remove', { id: t.timeline[1]!.id });
    expect(t.timeline.map((e) => [e.kind, e.position])).toEqual([
      ['call', 0],
      ['arrival', 1],
      ['disposition', 2],
    ]);
    expect(t.incident.openIdentifiers).toBe(0);
    expect(
      await dispatch(core, 'timeline.add', { incidentId: id, event: { time: '25:00', actor: 'ems', kind: 'call', description: '' } }),
    ).toMatchObject({
      ok: false,
      error: { message: 'The time is a clock time (14:05) or an offset from the call (T+12:30).' },
    });
    expect(await dispatch(core, 'timeline.remove', { id: 999999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a name found in the narrative is found again in a timeline step (even a bare first name)', async () => {
    const { call } = await setup();
    const d = await call('incidents.create', {
      occurredYear: 2026,
      occurredMonth: 6,
      narrative: 'Caller Thandiwe Mbatha said her brother had a knife.',
    });
    const id = d.incident.id;
    const t = await call('timeline.add', {
      incidentId: id,
      event: { time: '23:50', actor: 'dispatch_911', kind: 'call', description: 'Second call from Thandiwe at the bus stop' },
    });
    expect(t.findings.map((f) => [f.field.startsWith('timeline:') ? 'timeline' : f.field, f.type, f.text])).toEqual([
      ['narrative', 'NAME', 'Thandiwe Mbatha'],
      ['timeline', 'NAME', 'Thandiwe'],
    ]);
  });

  it('delete removes drafts with their timeline; reviewed incidents stay', async () => {
    const { core, call } = await setup();
    const d = await call('incidents.create', { occurredYear: 2026, occurredMonth: 5, narrative: 'searchable words here' });
    await call('timeline.add', { incidentId: d.incident.id, event: { time: 'T+0:00', actor: 'ems', kind: 'call', description: 'x' } });
    await call('incidents.delete', { id: d.incident.id });
    expect((await call('incidents.list', { search: 'searchable' })).total).toBe(0);
    expect(await dispatch(core, 'incidents.get', { id: d.incident.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const e = await call('incidents.create', { occurredYear: 2026, occurredMonth: 5 });
    await call('incidents.setStatus', { id: e.incident.id, status: 'ready_for_review' });
    await call('incidents.setStatus', { id: e.incident.id, status: 'reviewed' });
    expect(await dispatch(core, 'incidents.delete', { id: e.incident.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
