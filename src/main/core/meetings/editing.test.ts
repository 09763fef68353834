/**
 * Issue 15 §5, "nothing changes meaning silently": findings and recommendations can be edited
 * freely until their meeting ends and by numbered amendments (reason, who, when, diff, hash,
 * audited) afterwards; their text goes through the identifier guard the same way on creation
 * and on every edit; "not an identifier" is recorded with a reason and audited; the presenter's
 * preview and the projector read the same redacted text.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch, type TypedCall } from '../dispatch';
import { unlockedCore } from '../test-support';
import { scan } from '../deid/scanner';

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

async function setup() {
  const t = await unlockedCore('cw-edit-');
  cleanup = t.cleanup;
  const { call } = t;
  const mh = await call('roster.saveMember', { name: 'Mo Clinician', sector: 'mental_health', role: 'member' });
  const d = await call('incidents.create', {
    occurredYear: 2026,
    occurredMonth: 4,
    narrative: 'Officer A waited for the mobile crisis team.',
  });
  const inc = (await call('incidents.setStatus', { id: d.incident.id, status: 'ready_for_review' })).incident;
  const m = await call('meetings.create', { date: '2026-05-12', time: '14:00', lengthMinutes: 90, place: '', virtual: true });
  const withCase = await call('agenda.add', { meetingId: m.meeting.id, kind: 'case_review', minutes: 30, incidentId: inc.id });
  const item = withCase.items.find((i) => i.kind === 'case_review')!;
  await call('agenda.start', { id: item.id });
  return { ...t, mh, inc, meetingId: m.meeting.id, itemId: item.id };
}

const finding = (call: TypedCall, incidentId: number, meetingId: number, description: string) =>
  call('findings.create', {
    incidentId,
    meetingId,
    category: 'services',
    kind: 'gap',
    intercept: null,
    goals: [],
    timelineEventId: null,
    description,
  });

async function audit(call: TypedCall, event: 'update' | 'identifier_dismissed') {
  return (await call('audit.list', { event })).rows;
}

describe('editing findings until the meeting ends', () => {
  it('edits the text freely; the presenter, the editor and the projector see the same redacted text', async () => {
    const { call, inc, meetingId, itemId } = await setup();
    const f = await finding(call, inc.id, meetingId, 'Crisis line did not reach the family in time.');
    const edited = await call('findings.update', {
      id: f.id,
      patch: { description: 'Crisis line did not reach Dana Whitfield in time.', kind: 'gap' },
    });
    expect(edited.description).toBe('Crisis line did not reach Dana Whitfield in time.');
    const state = await call('findings.get', { id: f.id });
    expect(state.locked).toBeNull();
    expect(state.identifiers).toEqual([
      expect.objectContaining({ field: 'description', type: 'NAME', text: 'Dana Whitfield', dismissed: null }),
    ]);
    expect(state.room.description).toBe('Crisis line did not reach [NAME] in time.');
    await call('walk.set', { meetingId, itemId, step: 0, highContrast: false });
    const view = (await call('projector.view', {}))!;
    expect(view.incident!.findings.map((x) => x.description)).toEqual([state.room.description]);
    expect((await audit(call, 'update')).filter((r) => r.entity === `finding:${f.id}`).map((r) => r.detail)).toContain(
      'fields: kind, description',
    );
  });

  it('"not an identifier" is recorded with the reason and audited, and the room then sees the words as typed', async () => {
    const { call, core, inc, meetingId, itemId } = await setup();
    const text = 'Crisis line did not reach Dana Whitfield in time.';
    const f = await finding(call, inc.id, meetingId, text);
    // Words that are not flagged in the saved text cannot be marked.
    expect(
      await dispatch(core, 'findings.update', {
        id: f.id,
        patch: {},
        notIdentifiers: [{ type: 'NAME', text: 'Crisis line', reason: 'service name' }],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(
      await dispatch(core, 'findings.update', {
        id: f.id,
        patch: {},
        notIdentifiers: [{ type: 'NAME', text: 'Dana Whitfield', reason: '' }],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    await call('findings.update', {
      id: f.id,
      patch: {},
      notIdentifiers: [{ type: 'NAME', text: 'Dana Whitfield', reason: 'Name of the crisis line service' }],
    });
    const state = await call('findings.get', { id: f.id });
    expect(state.identifiers[0]!.dismissed).toMatchObject({ reason: 'Name of the crisis line service', by: expect.any(String) });
    expect(state.room.description).toBe(text);
    await call('walk.set', { meetingId, itemId, step: 0, highContrast: false });
    expect((await call('projector.view', {}))!.incident!.findings[0]!.description).toBe(text);
    const dismissed = await audit(call, 'identifier_dismissed');
    expect(dismissed[0]).toMatchObject({ entity: `finding:${f.id}`, detail: 'NAME in description' });
    // The reason is not in the audit log (it may quote the text).
    expect(JSON.stringify(dismissed)).not.toContain('crisis line service');
  });

  it('a decision sent with a new finding is kept, so a quick-add in walk mode can mark words before saving', async () => {
    const { call, inc, meetingId } = await setup();
    const text = 'Crisis line did not reach Dana Whitfield in time.';
    const f = await call('findings.create', {
      incidentId: inc.id,
      meetingId,
      category: 'services',
      kind: 'gap',
      intercept: null,
      goals: [],
      timelineEventId: null,
      description: text,
      notIdentifiers: [{ type: 'NAME', text: 'Dana Whitfield', reason: 'Name of the crisis line service' }],
    });
    expect((await call('findings.get', { id: f.id })).room.description).toBe(text);
  });

  it('a finding keeps its meaning: whatever the guard flags in it, once marked, the room sees it word for word', async () => {
    const { call, inc, meetingId, itemId } = await setup();
    const text = 'No CIT-trained officer was available on the evening shift';
    const flagged = scan(text).map((x) => ({ type: x.type, text: text.slice(x.start, x.end), reason: 'role and shift, not a person' }));
    const f = await call('findings.create', {
      incidentId: inc.id,
      meetingId,
      category: 'staffing',
      kind: 'gap',
      intercept: '1',
      goals: [],
      timelineEventId: null,
      description: text,
      notIdentifiers: flagged,
    });
    await call('walk.set', { meetingId, itemId, step: 0, highContrast: false });
    expect((await call('projector.view', {}))!.incident!.findings.find((x) => x.category === 'staffing')!.description).toBe(text);
    expect((await call('findings.get', { id: f.id })).room.description).toBe(text);
  });
});

describe('after the meeting ends: numbered amendments with a reason', () => {
  it('a finding is changed only by an amendment: reason, who, when, diff, hash, audited', async () => {
    const { call, core, inc, meetingId } = await setup();
    const f = await finding(call, inc.id, meetingId, 'Crisis line did not reach the family in time.');
    // Before the meeting ends, amendments are refused (the finding is edited directly).
    expect(await dispatch(core, 'findings.amend', { id: f.id, patch: { description: 'x y z' }, reason: 'typo' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    await call('meetings.setStatus', { id: meetingId, status: 'ended' });
    expect(await dispatch(core, 'findings.update', { id: f.id, patch: { description: 'Changed quietly' } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('record an amendment with a reason') },
    });
    expect(await dispatch(core, 'findings.amend', { id: f.id, patch: { description: 'Changed' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await dispatch(core, 'findings.amend', { id: f.id, patch: { description: 'Changed' }, reason: ' ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    const after = 'Crisis line did not reach the family within the hour.';
    const a = await call('findings.amend', {
      id: f.id,
      patch: { description: after, category: 'staffing' },
      reason: 'Corrected at the June meeting',
    });
    expect(a.locked).toMatch(/meeting of 2026-05-12 has ended/);
    expect(a.finding).toMatchObject({ description: after, category: 'staffing' });
    expect(a.amendments).toHaveLength(1);
    expect(a.amendments[0]).toMatchObject({
      number: 1,
      reason: 'Corrected at the June meeting',
      by: expect.any(String),
      at: expect.any(String),
    });
    expect(a.amendments[0]!.diff).toBe(
      [
        '## Description',
        '- Crisis line did not reach the family in time.',
        `+ ${after}`,
        '## Category',
        '- Services',
        '+ Staffing / resources',
      ].join('\n'),
    );
    const expected = createHash('sha256')
      .update(JSON.stringify(['staffing', 'gap', null, [], null, after]))
      .digest('hex');
    expect(a.amendments[0]!.hash).toBe(expected);
    expect((await audit(call, 'update'))[0]).toMatchObject({ entity: `finding:${f.id}`, detail: `amendment 1; sha256:${expected}` });
    // Nothing to change is refused; the next amendment is number 2.
    expect(await dispatch(core, 'findings.amend', { id: f.id, patch: { description: after }, reason: 'again' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'The amendment changes nothing.' },
    });
    const b = await call('findings.amend', {
      id: f.id,
      patch: { description: 'Crisis line did not reach Dana Whitfield.' },
      reason: 'Wording',
      notIdentifiers: [{ type: 'NAME', text: 'Dana Whitfield', reason: 'Name of the service' }],
    });
    expect(b.amendments.map((x) => x.number)).toEqual([1, 2]);
    expect(b.amendments[1]!.diff).toContain('## Not an identifier\n* NAME “Dana Whitfield”: Name of the service');
    expect(b.room.description).toBe('Crisis line did not reach Dana Whitfield.');
  });

  it('a recommendation: owner and due date stay free while open; the action needs an amendment after the meeting; completed only by amendment', async () => {
    const { call, core, inc, meetingId, mh } = await setup();
    const f = await finding(call, inc.id, meetingId, 'No clinician on weekend nights.');
    const r = await call('recommendations.create', {
      findingIds: [f.id],
      meetingId,
      action: 'Fund a weekend night clinician',
      owner: { memberId: mh.id },
      dueDate: '2026-09-30',
      measure: 'Nights covered',
      actionType: 'staffing',
    });
    const free = await call('recommendations.update', { id: r.id, patch: { action: 'Fund a weekend overnight clinician' } });
    expect(free.action).toBe('Fund a weekend overnight clinician');
    expect(await dispatch(core, 'recommendations.amend', { id: r.id, patch: { action: 'x y z' }, reason: 'typo' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    await call('meetings.setStatus', { id: meetingId, status: 'ended' });
    expect((await call('recommendations.update', { id: r.id, patch: { dueDate: '2026-10-31' } })).dueDate).toBe('2026-10-31');
    expect(await dispatch(core, 'recommendations.update', { id: r.id, patch: { action: 'Quietly different' } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const a = await call('recommendations.amend', {
      id: r.id,
      patch: { action: 'Fund two weekend overnight clinicians' },
      reason: 'The committee agreed two are needed',
    });
    expect(a.recommendation.action).toBe('Fund two weekend overnight clinicians');
    expect(a.amendments[0]).toMatchObject({
      number: 1,
      diff: '## Action\n- Fund a weekend overnight clinician\n+ Fund two weekend overnight clinicians',
    });
    await call('recommendations.setStatus', { id: r.id, status: 'adopted', note: '' });
    await call('recommendations.recordResponse', { id: r.id, kind: 'accepted', date: '2026-05-01' });
    await call('recommendations.setStatus', { id: r.id, status: 'reported_implemented', note: 'Funded' });
    expect(await dispatch(core, 'recommendations.update', { id: r.id, patch: { dueDate: '2026-12-31' } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const done = await call('recommendations.amend', {
      id: r.id,
      patch: { measure: 'Weekend nights with a clinician on shift' },
      reason: 'Measure stated as it was checked',
    });
    expect(done.recommendation).toMatchObject({ status: 'reported_implemented', measure: 'Weekend nights with a clinician on shift' });
    expect(done.locked).toMatch(/R-001 is reported implemented/);
    expect(done.amendments.map((x) => x.number)).toEqual([1, 2]);
    expect((await audit(call, 'update'))[0]).toMatchObject({
      entity: 'recommendation:R-001',
      detail: expect.stringMatching(/^amendment 2; sha256:[0-9a-f]{64}$/),
    });
  });

  it('recommendation text is guarded like a finding: flagged words are redacted for the room unless marked', async () => {
    const { call, inc, meetingId, mh } = await setup();
    const f = await finding(call, inc.id, meetingId, 'No clinician on weekend nights.');
    const r = await call('recommendations.create', {
      findingIds: [f.id],
      meetingId,
      action: 'Ask Dana Whitfield to fund a clinician',
      owner: { memberId: mh.id },
      dueDate: '2026-09-30',
      measure: 'Call 555-201-4433 weekly',
      actionType: 'staffing',
      notIdentifiers: [{ field: 'action', type: 'NAME', text: 'Dana Whitfield', reason: 'Public official' }],
    });
    const s = await call('recommendations.editState', { id: r.id });
    expect(s.room).toEqual({ action: 'Ask Dana Whitfield to fund a clinician', measure: 'Call [PHONE] weekly' });
    expect(s.identifiers.map((x) => [x.field, x.type, x.dismissed?.reason ?? null])).toEqual([
      ['action', 'NAME', 'Public official'],
      ['measure', 'PHONE', null],
    ]);
    expect((await call('recommendations.list', { meetingId })).recommendations.map((x) => x.code)).toEqual(['R-001']);
  });
});
