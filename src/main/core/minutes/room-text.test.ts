/**
 * Issue 15 §4–5: the text of a finding or recommendation reads the same wherever it goes — the
 * projector, the presenter's preview, the minutes, the register, the agenda packet and the
 * annual report. A word someone marked "not an identifier" (with a reason) shows as typed in
 * all of them; a flagged word nobody marked is redacted in all of them. Agenda item titles
 * reach the projector redacted like any other typed text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import { unlockedCore } from '../test-support';
import { docEntries } from '../exports/doc';
import { annualDoc } from '../reports/annual';
import { dashboard } from '../reports/dashboard';

let cleanup: (() => void) | null = null;
beforeEach(() => {
  process.env.SOURCE_DATE_EPOCH = '1767225600';
});
afterEach(() => {
  cleanup?.();
  cleanup = null;
  delete process.env.SOURCE_DATE_EPOCH;
});

// Findings carry the real creation time; the annual report lists the coverage gaps of that year.
const YEAR = new Date().getUTCFullYear();
const DAILY = (start: string, end: string) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end }));

const KEPT = 'Crisis line did not reach Dana Whitfield in time.';
const PHONE = 'Warm line at 555-201-7788 was not answered overnight.';
const PHONE_ROOM = 'Warm line at [PHONE] was not answered overnight.';
const ACTION = 'Ask Harlan Voss to extend the warm line';
const MEASURE = 'Call 206-555-0142 weekly';
const GAP_KEPT = 'Overnight gap: nobody from Harlan Voss answered';
const GAP_PHONE = 'Overnight gap: the line 206-555-0199 rang out';

async function setup() {
  const t = await unlockedCore('cw-room-');
  cleanup = t.cleanup;
  const { call, core } = t;
  core.today = () => `${YEAR}-05-12`;
  await call('services.save', {
    name: 'Mobile crisis team',
    sector: 'mobile_crisis',
    areas: null,
    schedule: { effectiveFrom: '2020-01-01', intervals: DAILY('08:00', '23:00') },
  });
  const org = await call('roster.saveOrganisation', { name: 'County Behavioral Health', sector: 'mental_health' });
  const d = await call('incidents.create', {
    occurredYear: YEAR,
    occurredMonth: 3,
    code: `${YEAR}-014`,
    narrative: 'Officer A waited for the mobile crisis team.',
  });
  const inc = (await call('incidents.setStatus', { id: d.incident.id, status: 'ready_for_review' })).incident;
  const m = await call('meetings.create', { date: `${YEAR}-05-12`, time: '14:00', lengthMinutes: 90, place: '', virtual: true });
  const meetingId = m.meeting.id;
  const withCase = await call('agenda.add', { meetingId, kind: 'case_review', minutes: 30, incidentId: inc.id });
  const caseItem = withCase.items.find((i) => i.kind === 'case_review')!;
  const base = {
    incidentId: inc.id,
    meetingId,
    category: 'services' as const,
    kind: 'gap' as const,
    intercept: '0' as const,
    goals: [],
    timelineEventId: null,
  };
  const kept = await call('findings.create', {
    ...base,
    description: KEPT,
    notIdentifiers: [{ type: 'NAME', text: 'Dana Whitfield', reason: 'Name of the crisis line service' }],
  });
  const phoneFinding = await call('findings.create', { ...base, description: PHONE });
  const gap = await call('findings.createSystemic', {
    source: 'coverage',
    meetingId,
    category: 'services',
    intercept: '0',
    goals: [],
    description: GAP_KEPT,
    notIdentifiers: [{ type: 'NAME', text: 'Harlan Voss', reason: 'Name of the warm-line provider' }],
  });
  const rec = await call('recommendations.create', {
    findingIds: [kept.id, gap.id],
    meetingId,
    action: ACTION,
    measure: MEASURE,
    owner: { organisationId: org.id },
    // Due before the next meeting: carried to this meeting's follow-up item as well.
    dueDate: `${YEAR}-05-30`,
    actionType: 'staffing',
    notIdentifiers: [{ field: 'action', type: 'NAME', text: 'Harlan Voss', reason: 'Name of the warm-line provider' }],
  });
  await call('findings.createSystemic', {
    source: 'coverage',
    meetingId,
    category: 'staffing',
    intercept: '1',
    goals: [],
    description: GAP_PHONE,
  });
  return { ...t, meetingId, caseItem, rec, gap, phoneFinding, followUp: withCase.items.find((i) => i.kind === 'follow_up')! };
}

describe('the room text of findings and recommendations, everywhere it goes', () => {
  it('a word marked "not an identifier" reads as typed on the projector, in the minutes, the register, the packet and the annual report; an unmarked one is redacted in all', async () => {
    const { call, core, dataDir, meetingId, caseItem, followUp, rec, gap } = await setup();

    // The projector (and the presenter's preview, which reads the same view).
    await call('walk.set', { meetingId, itemId: caseItem.id, step: 0, highContrast: false });
    expect((await call('projector.view', {}))!.incident!.findings.map((f) => f.description)).toEqual([KEPT, PHONE_ROOM]);
    await call('walk.set', { meetingId, itemId: followUp.id, step: 0, highContrast: false });
    expect((await call('projector.view', {}))!.carried.map((c) => c.action)).toEqual([ACTION]);
    expect((await call('findings.get', { id: gap.id })).room.description).toBe(GAP_KEPT);
    expect((await call('recommendations.editState', { id: rec.id })).room).toEqual({ action: ACTION, measure: 'Call [PHONE] weekly' });

    // The minutes draft: the case, the systemic findings and the follow-up all say the same.
    const minutes = await call('minutes.draft', { meetingId, replace: false });
    const body = (key: string) => minutes.sections.find((s) => s.key.startsWith(key))!.body;
    expect(body('case:')).toContain(`: ${KEPT}`);
    expect(body('case:')).toContain(`: ${PHONE_ROOM}`);
    expect(body('case:')).toContain(`${rec.code}: ${ACTION} — owner`);
    expect(body('systemic')).toContain(`: ${GAP_KEPT}`);
    expect(body('systemic')).toContain(': Overnight gap: the line [PHONE] rang out');
    expect(body('systemic')).toContain(`Recommendation ${rec.code}: ${ACTION} — owner`);
    expect(body('follow_up')).toContain(`${rec.code}: ${ACTION} — County Behavioral Health`);
    // The approval guard lets the marked words through: the minutes can be approved as drafted.
    expect(minutes.guard).toEqual([]);
    expect(JSON.stringify(minutes.sections)).not.toMatch(/555-201-7788|206-555-0142|206-555-0199/);

    // The register (CSV): the action as typed, the measure redacted.
    const csvFile = path.join(dataDir, 'register.csv');
    await call('recommendations.exportRegister', { handle: core.files.register(csvFile, 'write'), format: 'csv' });
    const row = fs
      .readFileSync(csvFile, 'utf8')
      .split(/\r?\n/)
      .find((l) => l.startsWith(rec.code))!;
    expect(row).toContain(`,${ACTION},`);
    expect(row).toContain(',Call [PHONE] weekly,');

    // The agenda packet's follow-up table.
    const packet = path.join(dataDir, 'packet.md');
    await call('meetings.exportPacket', { meetingId, format: 'md', handle: core.files.register(packet, 'write') });
    expect(fs.readFileSync(packet, 'utf8')).toContain(ACTION);

    // The annual report: the register and the coverage gaps the committee recorded.
    // The export passes the guard (the marked words are allowed); its document model carries the same text.
    const annual = path.join(dataDir, 'annual.pdf');
    await call('reports.exportAnnual', { year: YEAR, format: 'pdf', handle: core.files.register(annual, 'write') });
    const lines = core.workbench.read((db) =>
      docEntries(
        annualDoc(db, dashboard(db, { from: `${YEAR}-01`, to: `${YEAR}-12` }, core.today()), YEAR, 'Riverside CIT', core.today()),
      ).map((e) => e.text),
    );
    expect(lines).toContain(ACTION);
    expect(lines.some((l) => l.endsWith(`: ${GAP_KEPT} (recommendation ${rec.code})`))).toBe(true);
    expect(lines.some((l) => l.endsWith(': Overnight gap: the line [PHONE] rang out (no recommendation yet)'))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/555-201-7788|206-555-0142|206-555-0199/);
  });

  it('without the decision, the same words are redacted everywhere (and the minutes guard still blocks a name typed into them)', async () => {
    const { call, core, dataDir, meetingId, phoneFinding } = await setup();
    const m = await call('minutes.draft', { meetingId, replace: false });
    // Typed into a section by hand, a marked name is allowed; an unmarked one is not.
    const sections = m.sections.map((s) =>
      s.key === 'other_business' ? { ...s, body: 'Harlan Voss reported on the warm line. Rosa Villanueva-Ott asked for data.' } : s,
    );
    const edited = await call('minutes.update', { meetingId, sections });
    expect(edited.guard.map((g) => g.text)).toEqual(['Rosa Villanueva-Ott']);
    // A recommendation with the same name and no decision: redacted in the register.
    const org = (await call('roster.list', {})).organisations[0]!;
    const other = await call('recommendations.create', {
      findingIds: [phoneFinding.id],
      meetingId,
      action: 'Ask Mirela Kostova to call back',
      measure: 'Calls returned',
      owner: { organisationId: org.id },
      dueDate: `${YEAR}-09-30`,
      actionType: 'policy',
    });
    const csvFile = path.join(dataDir, 'register.csv');
    await call('recommendations.exportRegister', { handle: core.files.register(csvFile, 'write'), format: 'csv' });
    expect(
      fs
        .readFileSync(csvFile, 'utf8')
        .split(/\r?\n/)
        .find((l) => l.startsWith(other.code)),
    ).toContain(',Ask [NAME] to call back,');
  });
});

describe('coverage findings take "not an identifier" decisions like case findings', () => {
  it('findings.createSystemic records the decision (reason kept, audited) and refuses words that are not flagged', async () => {
    const { call, core, gap } = await setup();
    const state = await call('findings.get', { id: gap.id });
    expect(state.identifiers).toEqual([
      expect.objectContaining({
        type: 'NAME',
        text: 'Harlan Voss',
        dismissed: expect.objectContaining({ reason: 'Name of the warm-line provider' }),
      }),
    ]);
    const audit = (await call('audit.list', { event: 'identifier_dismissed' })).rows;
    expect(audit.map((r) => r.entity)).toContain(`finding:${gap.id}`);
    expect(
      await dispatch(core, 'findings.createSystemic', {
        source: 'coverage',
        meetingId: null,
        category: 'services',
        intercept: '0',
        goals: [],
        description: 'Overnight gap with no one answering',
        notIdentifiers: [{ type: 'NAME', text: 'Overnight gap', reason: 'not a name' }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Nothing was saved by the refused call.
    expect((await call('findings.list', { source: 'coverage' })).findings).toHaveLength(2);
  });
});

describe('agenda item titles on the projector', () => {
  it('a phone number typed into an agenda title reaches projector.view as [PHONE]', async () => {
    const { call, meetingId } = await setup();
    const d = await call('agenda.add', { meetingId, kind: 'other_business', minutes: 5, title: 'Update from the warm line, 206-555-0142' });
    const item = d.items.find((i) => i.title.startsWith('Update from'))!;
    await call('walk.set', { meetingId, itemId: item.id, step: 0, highContrast: false });
    const v = (await call('projector.view', {}))!;
    expect(v.item!.title).toBe('Update from the warm line, [PHONE]');
    expect(JSON.stringify(v)).not.toContain('555-0142');
  });
});
