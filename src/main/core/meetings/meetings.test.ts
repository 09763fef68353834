import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import { unlockedCore } from '../test-support';
import type { TypedCall } from '../dispatch';

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});
async function setup() {
  const t = await unlockedCore('cw-meet-');
  cleanup = t.cleanup;
  return t;
}

async function readyIncident(call: TypedCall, narrative = 'Officer A and Clinician B talked with the person for 40 minutes.') {
  const d = await call('incidents.create', { occurredYear: 2026, occurredMonth: 4, narrative });
  return (await call('incidents.setStatus', { id: d.incident.id, status: 'ready_for_review' })).incident;
}

async function roster(call: TypedCall) {
  const le = await call('roster.saveMember', { name: 'Lee Officer', sector: 'law_enforcement', role: 'member' });
  const mh = await call('roster.saveMember', { name: 'Mo Clinician', sector: 'mental_health', role: 'member' });
  const adv = await call('roster.saveMember', { name: 'Ada Advocate', sector: 'advocacy', role: 'member' });
  const fam = await call('roster.saveMember', { name: 'Fran Family', sector: 'family_member', role: 'member' });
  const org = await call('roster.saveOrganisation', { name: 'County Behavioral Health', sector: 'mental_health' });
  return { le, mh, adv, fam, org };
}

describe('meetings, agenda and attendance', () => {
  it('a new meeting has the standing items; case reviews go before other business; totals add up', async () => {
    const { call, core } = await setup();
    const inc = await readyIncident(call);
    const m = await call('meetings.create', {
      date: '2026-05-12',
      time: '14:00',
      lengthMinutes: 90,
      place: 'County building room 2',
      virtual: false,
    });
    expect(m.items.map((i) => i.kind)).toEqual(['welcome', 'approve_minutes', 'follow_up', 'other_business']);
    expect(m.readyIncidents.map((r) => r.code)).toEqual([inc.code]);
    const withCase = await call('agenda.add', { meetingId: m.meeting.id, kind: 'case_review', minutes: 30, incidentId: inc.id });
    expect(withCase.items.map((i) => i.kind)).toEqual(['welcome', 'approve_minutes', 'follow_up', 'case_review', 'other_business']);
    expect(withCase.items[3]).toMatchObject({ title: `Case review: ${inc.code}`, incident: { code: inc.code } });
    expect(withCase.allottedMinutes).toBe(60);
    expect(withCase.readyIncidents).toEqual([]);
    // Draft incidents cannot be scheduled; the same incident cannot be on the agenda twice.
    const draft = await call('incidents.create', { occurredYear: 2026, occurredMonth: 4 });
    expect(
      await dispatch(core, 'agenda.add', { meetingId: m.meeting.id, kind: 'case_review', minutes: 20, incidentId: draft.incident.id }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('not ready for review') },
    });
    expect(
      await dispatch(core, 'agenda.add', { meetingId: m.meeting.id, kind: 'case_review', minutes: 20, incidentId: inc.id }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const moved = await call('agenda.move', { id: withCase.items[3]!.id, position: 0 });
    expect(moved.items[0]!.kind).toBe('case_review');
  });

  it('completing a case review marks the incident reviewed; meeting status moves are checked', async () => {
    const { call, core } = await setup();
    const inc = await readyIncident(call);
    const m = await call('meetings.create', { date: '2026-05-12', time: '14:00', lengthMinutes: 90, place: '', virtual: true });
    const d = await call('agenda.add', { meetingId: m.meeting.id, kind: 'case_review', minutes: 30, incidentId: inc.id });
    const item = d.items.find((i) => i.kind === 'case_review')!;
    const started = await call('agenda.start', { id: item.id });
    expect(started.meeting.status).toBe('in_progress');
    expect(started.items.find((i) => i.id === item.id)!.startedAt).not.toBeNull();
    await call('agenda.complete', { id: item.id, completed: true });
    expect((await call('incidents.get', { id: inc.id })).incident.status).toBe('reviewed');
    expect(await dispatch(core, 'meetings.setStatus', { id: m.meeting.id, status: 'planned' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'A meeting cannot go from "In progress" to "Planned".' },
    });
    await call('meetings.setStatus', { id: m.meeting.id, status: 'ended' });
    expect(await dispatch(core, 'agenda.add', { meetingId: m.meeting.id, kind: 'other_business', minutes: 5 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('quorum by sector: warns for missing law enforcement, mental health, advocacy and lived experience / family', async () => {
    const { call, core } = await setup();
    const { le, mh, adv, fam } = await roster(call);
    const m = await call('meetings.create', { date: '2026-05-12', time: '14:00', lengthMinutes: 90, place: '', virtual: true });
    expect(m.quorumWarnings).toEqual(['Attendance has not been taken yet.']);
    let d = await call('attendance.set', { meetingId: m.meeting.id, memberId: le.id, status: 'present', attested: true });
    expect(d.quorumWarnings).toEqual([
      'No one from mental health is present.',
      'No one from advocacy is present.',
      'No one with lived experience and no family member is present: they have the greatest stake in these reviews.',
    ]);
    expect(d.attendance.find((a) => a.memberId === le.id)!.attestedAt).not.toBeNull();
    await call('attendance.set', { meetingId: m.meeting.id, memberId: mh.id, status: 'present' });
    await call('attendance.set', { meetingId: m.meeting.id, memberId: adv.id, status: 'guest' });
    d = await call('attendance.set', { meetingId: m.meeting.id, memberId: fam.id, status: 'absent' });
    expect(d.quorumWarnings).toEqual([
      'No one with lived experience and no family member is present: they have the greatest stake in these reviews.',
    ]);
    d = await call('attendance.set', { meetingId: m.meeting.id, memberId: fam.id, status: 'present' });
    expect(d.quorumWarnings).toEqual([]);
    expect(
      await dispatch(core, 'attendance.set', { meetingId: m.meeting.id, memberId: fam.id, status: 'absent', attested: true }),
    ).toMatchObject({
      ok: false,
      error: { message: 'Only someone in the room can sign the confidentiality statement.' },
    });
  });

  it('carry-forward: open recommendations due before the next meeting or overdue go on the follow-up item', async () => {
    const { call } = await setup();
    const { mh, org } = await roster(call);
    const inc = await readyIncident(call);
    const f = await call('findings.create', {
      incidentId: inc.id,
      meetingId: null,
      category: 'services',
      kind: 'gap',
      intercept: '0',
      goals: ['2'],
      timelineEventId: null,
      description: 'No mobile crisis coverage after 22:00.',
    });
    const rec = (due: string, owner: { memberId: number } | { organisationId: number }) =>
      call('recommendations.create', {
        findingIds: [f.id],
        action: `Act by ${due}`,
        owner,
        dueDate: due,
        measure: '',
        actionType: 'staffing',
      });
    const overdue = await rec('2026-04-01', { memberId: mh.id });
    const dueSoon = await rec('2026-06-01', { organisationId: org.id });
    const later = await rec('2026-08-01', { memberId: mh.id });
    const done = await rec('2026-05-01', { memberId: mh.id });
    await call('recommendations.setStatus', {
      id: done.id,
      status: 'declined',
      note: 'Shift added elsewhere',
      closureCode: 'reconsidered',
    });
    const may = await call('meetings.create', { date: '2026-05-12', time: '14:00', lengthMinutes: 90, place: '', virtual: true });
    await call('meetings.create', { date: '2026-06-09', time: '14:00', lengthMinutes: 90, place: '', virtual: true });
    const d = await call('meetings.get', { id: may.meeting.id });
    const carried = d.items.find((i) => i.kind === 'follow_up')!.carried;
    expect(carried.map((c) => [c.code, c.overdue])).toEqual([
      [overdue.code, true],
      [dueSoon.code, false],
    ]);
    expect(carried[1]!.owner).toBe('County Behavioral Health');
    expect(later.status).toBe('proposed');
  });
});

describe('findings and recommendations', () => {
  it('status transitions are checked, dated and noted; declined needs a reason; completed is read-only', async () => {
    const { call, core } = await setup();
    const { mh } = await roster(call);
    const inc = await readyIncident(call);
    const f = await call('findings.create', {
      incidentId: inc.id,
      meetingId: null,
      category: 'policy',
      kind: 'gap',
      intercept: '1',
      goals: ['1', '3'],
      timelineEventId: null,
      description: 'Dispatch protocol has no 988 transfer step.',
    });
    expect(f).toMatchObject({ goals: ['1', '3'], incidentCode: inc.code });
    const r = await call('recommendations.create', {
      findingIds: [f.id],
      action: 'Add a 988 transfer step to the dispatch protocol',
      owner: { memberId: mh.id },
      dueDate: '2026-09-30',
      measure: 'Share of eligible calls transferred',
      actionType: 'standardisation',
    });
    expect(r).toMatchObject({
      code: 'R-001',
      status: 'proposed',
      strength: 'stronger',
      findingIds: [f.id],
      incidentCodes: [inc.code],
      owner: { kind: 'member', name: 'Mo Clinician' },
    });
    expect(await dispatch(core, 'recommendations.setStatus', { id: r.id, status: 'reported_implemented', note: '' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'R-001 cannot go from "Proposed" to "Reported implemented".' },
    });
    expect(await dispatch(core, 'recommendations.setStatus', { id: r.id, status: 'declined', note: '' })).toMatchObject({
      ok: false,
      error: { message: 'Say why the recommendation was declined.' },
    });
    await call('recommendations.setStatus', { id: r.id, status: 'adopted', note: 'Agreed by dispatch supervisor' });
    await call('recommendations.recordResponse', { id: r.id, kind: 'accepted', date: '2026-05-01' });
    const done = await call('recommendations.setStatus', { id: r.id, status: 'reported_implemented', note: 'Protocol v4 live' });
    expect(done.history.map((h) => [h.status, h.note])).toEqual([
      ['proposed', ''],
      ['adopted', 'Agreed by dispatch supervisor'],
      ['response_received', 'Accepted · 2026-05-01'],
      ['reported_implemented', 'Protocol v4 live'],
    ]);
    expect(await dispatch(core, 'recommendations.update', { id: r.id, patch: { action: 'x changed' } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await dispatch(core, 'findings.remove', { id: f.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('closing an incident whose recommendations are all weaker actions asks for confirmation', async () => {
    const { call, core } = await setup();
    const { mh } = await roster(call);
    const inc = await readyIncident(call);
    const f = await call('findings.create', {
      incidentId: inc.id,
      meetingId: null,
      category: 'training',
      kind: 'gap',
      intercept: null,
      goals: [],
      timelineEventId: null,
      description: 'Responders unsure when to call the crisis line.',
    });
    await call('recommendations.create', {
      findingIds: [f.id],
      action: 'Refresher training',
      owner: { memberId: mh.id },
      dueDate: '2026-09-30',
      measure: '',
      actionType: 'training',
    });
    await call('incidents.setStatus', { id: inc.id, status: 'reviewed' });
    const refused = await dispatch(core, 'incidents.setStatus', { id: inc.id, status: 'closed' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'conflict', detail: { confirm: 'weak_actions' }, message: expect.stringContaining('weaker action') },
    });
    expect((await call('incidents.setStatus', { id: inc.id, status: 'closed', confirmWeakOnly: true })).incident.status).toBe('closed');
  });

  it('findings link only to steps of their own incident; the language check uses roster names', async () => {
    const { call, core } = await setup();
    await roster(call);
    const a = await readyIncident(call);
    const b = await call('incidents.create', { occurredYear: 2026, occurredMonth: 4 });
    const t = await call('timeline.add', {
      incidentId: b.incident.id,
      event: { time: '10:00', actor: 'ems', kind: 'call', description: 'x' },
    });
    expect(
      await dispatch(core, 'findings.create', {
        incidentId: a.id,
        meetingId: null,
        category: 'policy',
        kind: 'gap',
        intercept: null,
        goals: [],
        timelineEventId: t.timeline[0]!.id,
        description: 'Something systemic',
      }),
    ).toMatchObject({ ok: false, error: { message: 'The linked timeline step belongs to another incident.' } });
    const hints = await call('findings.checkLanguage', { text: 'Lee Officer failed to wait for the clinician.' });
    expect(hints.hints.map((h) => h.phrase)).toEqual(['Lee', 'Officer failed to']);
  });
});

describe('walk mode', () => {
  it('the projector view follows the presenter and never carries unresolved identifiers', async () => {
    const { call, core } = await setup();
    const d = await call('incidents.create', {
      occurredYear: 2026,
      occurredMonth: 4,
      narrative: 'Caller Fatima Okafor said her son was at 14219 Main St.',
      area: 'North precinct',
    });
    const addr = d.findings.find((f) => f.type === 'ADDRESS')!;
    await call('identifiers.dismiss', {
      incidentId: d.incident.id,
      field: 'narrative',
      start: addr.start,
      end: addr.end,
      type: 'ADDRESS',
      reason: 'Public shelter',
    });
    await call('timeline.add', {
      incidentId: d.incident.id,
      event: { time: '23:50', actor: 'dispatch_911', kind: 'call', description: 'Call from Marcus Bell' },
    });
    await call('timeline.add', {
      incidentId: d.incident.id,
      event: { time: '23:58', actor: 'law_enforcement', kind: 'arrival', description: 'Officer A arrives', decisionPoint: true },
    });
    // The incident is not ready (a name is unresolved) but a committee may still walk it; the room sees redactions.
    const m = await call('meetings.create', { date: '2026-05-12', time: '14:00', lengthMinutes: 90, place: '', virtual: true });
    await call('findings.create', {
      incidentId: d.incident.id,
      meetingId: m.meeting.id,
      category: 'services',
      kind: 'gap',
      intercept: '0',
      goals: ['2'],
      timelineEventId: null,
      description: 'Crisis line did not reach Dana Whitfield in time.',
    });
    const seen: number[] = [];
    core.onEvent((name, payload) => name === 'walk.changed' && seen.push((payload as { step: number }).step));
    expect(await call('projector.view', {})).toBeNull();
    // Put the incident on the agenda directly (as a coordinator would after marking it ready).
    const itemId = core.workbench.write({ event: 'update', entity: 'test' }, (db) =>
      Number(
        db
          .prepare(
            "INSERT INTO agenda_items (meeting_id, position, kind, title, minutes, incident_id) VALUES (?, 9, 'case_review', 'Case review', 30, ?)",
          )
          .run([m.meeting.id, d.incident.id]).lastInsertRowid,
      ),
    );
    await call('walk.set', { meetingId: m.meeting.id, itemId, step: 1, highContrast: true });
    const v = (await call('projector.view', {}))!;
    expect(seen).toEqual([1]);
    expect(v.state).toMatchObject({ step: 1, highContrast: true });
    expect(v.incident!.summary).toBe('Caller [NAME] said her son was at 14219 Main St.');
    expect(v.incident!.steps.map((s) => [s.description, s.sincePrevious])).toEqual([
      ['Call from [NAME]', null],
      ['Officer A arrives', 480],
    ]);
    expect(v.incident!.findings[0]!.description).toBe('Crisis line did not reach [NAME] in time.');
    expect(JSON.stringify(v)).not.toMatch(/Okafor|Marcus|Whitfield/);
    expect(await dispatch(core, 'walk.set', { meetingId: m.meeting.id, itemId: 999, step: 0, highContrast: false })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    await call('workbench.lock', {});
    expect(core.walk).toBeNull();
  });

  it('agenda export is Markdown with codes and redacted summaries, through the guard, written through a handle and audited with its SHA-256', async () => {
    const { call, core, dataDir } = await setup();
    const inc = await readyIncident(call, 'Officer A stayed with the person <script>alert(1)</script> until the team arrived.');
    const m = await call('meetings.create', { date: '2026-05-12', time: '14:00', lengthMinutes: 90, place: 'Room *2*', virtual: false });
    await call('agenda.add', { meetingId: m.meeting.id, kind: 'case_review', minutes: 30, incidentId: inc.id });
    const file = `${dataDir}/agenda.md`;
    const r = await call('meetings.exportAgenda', { id: m.meeting.id, handle: core.files.register(file, 'write') });
    expect(r.displayName).toBe(file);
    const fs = await import('node:fs');
    const md = fs.readFileSync(file, 'utf8');
    expect(md).toContain('# Agenda — Riverside CIT');
    expect(md).toContain(`| 4 | Case review: ${inc.code} | 30 | \\+25 min |`);
    expect(md).toContain('Room \\*2\\*');
    expect(md).toContain(`- ${inc.code}: Officer A stayed with the person \\<script\\>alert\\(1\\)\\</script\\> until the team arrived.`);
    const sha = (await import('node:crypto')).createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    expect(r.sha256).toBe(sha);
    expect((await call('audit.list', { event: 'export' })).rows[0]).toMatchObject({
      entity: `meeting:${m.meeting.id}`,
      detail: expect.stringContaining(`sha256:${sha}`),
    });
  });
});

describe('home summary', () => {
  it('counts what needs attention: overdue recommendations, identifiers to resolve, ready for review, next meeting', async () => {
    const t = await unlockedCore('cw-home-');
    cleanup = t.cleanup;
    const { call } = t;
    t.core.today = () => '2026-06-01';
    const { mh } = await roster(call);
    const inc = await readyIncident(call);
    await call('incidents.create', { occurredYear: 2026, occurredMonth: 5, narrative: 'Caller Fatima Okafor was upset.' });
    const f = await call('findings.create', {
      incidentId: inc.id,
      meetingId: null,
      category: 'services',
      kind: 'gap',
      intercept: null,
      goals: [],
      timelineEventId: null,
      description: 'No weekend crisis beds.',
    });
    const mk = (due: string) =>
      call('recommendations.create', {
        findingIds: [f.id],
        action: `Act ${due}`,
        owner: { memberId: mh.id },
        dueDate: due,
        measure: '',
        actionType: 'redesign',
      });
    await mk('2026-05-01');
    await mk('2026-06-20');
    await mk('2026-09-01');
    await call('meetings.create', { date: '2026-06-09', time: '14:00', lengthMinutes: 90, place: '', virtual: true });
    await call('meetings.create', { date: '2026-07-14', time: '14:00', lengthMinutes: 90, place: '', virtual: true });
    const s = await call('home.summary', {});
    expect(s).toMatchObject({
      today: '2026-06-01',
      dueSoon: 1,
      unresolvedIdentifiers: 1,
      readyForReview: 1,
      drafts: 1,
      nextMeeting: { date: '2026-06-09' },
    });
    expect(s.overdue.map((r) => r.action)).toEqual(['Act 2026-05-01']);
    // A coverage gap counts until a recommendation answers it.
    expect(s.coverageGapsWithoutRecommendation).toBe(0);
    const gap = await call('findings.createSystemic', {
      source: 'coverage',
      meetingId: null,
      category: 'services',
      intercept: '0',
      goals: [],
      description: 'No mobile crisis team on weekend nights.',
    });
    expect((await call('home.summary', {})).coverageGapsWithoutRecommendation).toBe(1);
    await call('recommendations.create', {
      findingIds: [gap.id],
      action: 'Extend weekend hours',
      owner: { memberId: mh.id },
      dueDate: '2026-12-01',
      measure: '',
      actionType: 'staffing',
    });
    expect((await call('home.summary', {})).coverageGapsWithoutRecommendation).toBe(0);
  });
});
