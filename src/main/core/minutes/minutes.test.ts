import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type TypedCall } from '../dispatch';
import { unlockedCore } from '../test-support';
import type { Core } from '../core';

let cleanup: (() => void) | null = null;
beforeEach(() => {
  process.env.SOURCE_DATE_EPOCH = '1767225600'; // 2026-01-01T00:00:00Z
});
afterEach(() => {
  cleanup?.();
  cleanup = null;
  delete process.env.SOURCE_DATE_EPOCH;
});

const GOLDEN = path.join(__dirname, 'fixtures/minutes.golden.md');
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** A small, fixed meeting: roster, one case reviewed with findings and a recommendation. */
async function meetingWithCase(): Promise<{ core: Core; call: TypedCall; dir: string; meetingId: number; incidentId: number }> {
  const t = await unlockedCore('cw-min-');
  cleanup = t.cleanup;
  const { call, core } = t;
  core.today = () => '2026-05-12';
  const le = await call('roster.saveMember', { name: 'Lee Park', sector: 'law_enforcement', role: 'chair' });
  const mh = await call('roster.saveMember', { name: 'Mo Reyes', sector: 'mental_health', role: 'member' });
  const org = await call('roster.saveOrganisation', { name: 'County Behavioral Health', sector: 'mental_health' });
  const d = await call('incidents.create', {
    occurredYear: 2026,
    occurredMonth: 3,
    code: '2026-014',
    narrative: 'A family member called 911. Officer A waited for Clinician B; the person agreed to a voluntary transport.',
  });
  await call('incidents.setStatus', { id: d.incident.id, status: 'ready_for_review' });
  const m = await call('meetings.create', {
    date: '2026-05-12',
    time: '14:00',
    lengthMinutes: 90,
    place: 'County building, room 2',
    virtual: false,
  });
  await call('meetings.create', { date: '2026-06-09', time: '14:00', lengthMinutes: 90, place: '', virtual: true });
  await call('agenda.add', { meetingId: m.meeting.id, kind: 'case_review', minutes: 30, incidentId: d.incident.id });
  await call('attendance.set', { meetingId: m.meeting.id, memberId: le.id, status: 'present', attested: true });
  await call('attendance.set', { meetingId: m.meeting.id, memberId: mh.id, status: 'present', attested: true });
  const f = await call('findings.create', {
    incidentId: d.incident.id,
    meetingId: m.meeting.id,
    category: 'services',
    kind: 'gap',
    intercept: '0',
    goals: ['2'],
    timelineEventId: null,
    description: 'Mobile crisis has no coverage after 22:00 on weekends.',
  });
  await call('recommendations.create', {
    findingIds: [f.id],
    meetingId: m.meeting.id,
    action: 'Extend mobile crisis coverage to 02:00 on weekends',
    owner: { organisationId: org.id },
    dueDate: '2026-09-30',
    measure: 'Share of weekend calls with a clinician',
    actionType: 'staffing',
  });
  return { core, call, dir: t.dataDir, meetingId: m.meeting.id, incidentId: d.incident.id };
}

describe('minutes', () => {
  it('are drafted from the record; the Markdown export matches the golden file', async () => {
    const { call, core, dir, meetingId } = await meetingWithCase();
    const m = await call('minutes.draft', { meetingId });
    expect(m.status).toBe('draft');
    expect(m.sections.map((s) => s.title)).toEqual([
      'Meeting',
      'Attendance',
      'Approval of previous minutes',
      'Case review: 2026-014',
      'Recommendation follow-up',
      'Other business',
      'Next meeting',
    ]);
    // Names are optional (a setting, off by default): attendance by sector only.
    expect(m.sections[1]!.body).toContain('- Law enforcement: 1\n- Mental health: 1');
    expect(m.sections[1]!.body).not.toContain('Lee Park');
    const out = path.join(dir, 'minutes.md');
    await call('minutes.export', { meetingId, format: 'md', handle: core.files.register(out, 'write') });
    const md = fs.readFileSync(out, 'utf8');
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(GOLDEN, md);
    expect(md).toBe(fs.readFileSync(GOLDEN, 'utf8'));
    expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('minutes approved at the next meeting show under its "approval of previous minutes" item', async () => {
    const { call, core, meetingId } = await meetingWithCase();
    const next = (await call('meetings.list', {})).meetings.find((x) => x.date === '2026-06-09')!;
    await call('minutes.draft', { meetingId });
    // Approved on the day of the next meeting, at that meeting.
    core.today = () => '2026-06-09';
    const a = await call('minutes.approve', { meetingId, atMeetingId: next.id });
    expect(a.approvedAtMeetingId).toBe(next.id);
    const nextMinutes = await call('minutes.draft', { meetingId: next.id });
    expect(nextMinutes.sections.find((x) => x.key === 'previous_minutes')!.body).toBe(
      'The minutes of Tuesday, May 12, 2026 were approved.',
    );
  });

  it('the names setting lists attendees by name in the attendance section', async () => {
    const { call, meetingId } = await meetingWithCase();
    expect((await call('settings.get', {})).minutesNames).toBe(false);
    await call('settings.update', { minutesNames: true });
    expect((await call('settings.get', {})).minutesNames).toBe(true);
    const m = await call('minutes.draft', { meetingId });
    expect(m.sections[1]!.body).toContain('- Law enforcement: 1 (Lee Park)');
    expect(m.sections[0]!.body).toContain('Chair: Lee Park');
    expect(m.guard).toEqual([]);
  });

  it('approval freezes the text and stores its SHA-256 in the audit log; later changes are numbered amendments', async () => {
    const { call, core, meetingId } = await meetingWithCase();
    const m = await call('minutes.draft', { meetingId });
    const edited = m.sections.map((s) =>
      s.key === 'other_business' ? { ...s, body: 'The chair thanked the dispatch centre for the new transfer script.' } : s,
    );
    await call('minutes.update', { meetingId, sections: edited });
    const approved = await call('minutes.approve', { meetingId, atMeetingId: null });
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'Dana', approvedHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const audit = await call('audit.list', {});
    expect(audit.rows.some((r) => r.entity === `minutes:${meetingId}` && r.detail === `approved; sha256:${approved.approvedHash}`)).toBe(
      true,
    );
    expect(await dispatch(core, 'minutes.update', { meetingId, sections: m.sections })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'Approved minutes are read-only. Record a numbered amendment to change them.' },
    });
    const amended = edited.map((s) => (s.key === 'next_meeting' ? { ...s, body: 'Tuesday, June 16, 2026, 14:00' } : s));
    const a1 = await call('minutes.amend', { meetingId, sections: amended, reason: 'Next meeting moved by a week' });
    expect(a1.amendments).toEqual([
      expect.objectContaining({
        number: 1,
        reason: 'Next meeting moved by a week',
        diff: '## Next meeting\n- Tuesday, June 9, 2026, 14:00\n+ Tuesday, June 16, 2026, 14:00',
      }),
    ]);
    expect(a1.sections.find((s) => s.key === 'next_meeting')!.body).toBe('Tuesday, June 16, 2026, 14:00');
    expect(a1.approvedHash).toBe(approved.approvedHash);
    expect(await dispatch(core, 'minutes.amend', { meetingId, sections: amended, reason: 'again' })).toMatchObject({
      ok: false,
      error: { message: 'The amendment changes nothing.' },
    });
  });

  it('the identifier guard blocks approval and every export while a free-text section has an identifier', async () => {
    const { call, core, dir, meetingId } = await meetingWithCase();
    const m = await call('minutes.draft', { meetingId });
    const leaked = m.sections.map((s) =>
      s.key === 'other_business' ? { ...s, body: 'Caller Fatima Okafor can be reached on (605) 274-8779.' } : s,
    );
    const u = await call('minutes.update', { meetingId, sections: leaked });
    expect(u.guard.map((g) => [g.title, g.type, g.text])).toEqual([
      ['Other business', 'NAME', 'Fatima Okafor'],
      ['Other business', 'PHONE', '(605) 274-8779'],
    ]);
    expect(await dispatch(core, 'minutes.approve', { meetingId })).toMatchObject({
      ok: false,
      error: { code: 'guard_blocked', message: expect.stringContaining('2 possible identifiers in the minutes (Other business)') },
    });
    for (const format of ['md', 'docx', 'pdf'] as const) {
      const out = path.join(dir, `blocked.${format}`);
      expect(await dispatch(core, 'minutes.export', { meetingId, format, handle: core.files.register(out, 'write') })).toMatchObject({
        ok: false,
        error: { code: 'guard_blocked' },
      });
      expect(fs.existsSync(out)).toBe(false);
    }
    // Roster names, organisation names and meeting dates are allowed.
    expect(m.guard).toEqual([]);
  });

  it.runIf(has('pdftotext'))('PDF: tagged, deterministic, every section in the text, header, footer and DRAFT mark', async () => {
    const { call, core, dir, meetingId } = await meetingWithCase();
    await call('minutes.draft', { meetingId });
    const a = path.join(dir, 'a.pdf');
    const b = path.join(dir, 'b.pdf');
    await call('minutes.export', { meetingId, format: 'pdf', handle: core.files.register(a, 'write') });
    await call('minutes.export', { meetingId, format: 'pdf', handle: core.files.register(b, 'write') });
    expect(fs.readFileSync(a).equals(fs.readFileSync(b))).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', a, '-'], { encoding: 'utf8' });
    for (const s of [
      'DRAFT — Minutes — Riverside CIT',
      'Confidential — case review · DRAFT',
      'Page 1 of 1',
      'Attendance',
      'Case review: 2026-014',
      'Gap · Services (intercept 0',
      'R-001: Extend mobile crisis coverage',
      'Next meeting',
    ]) {
      expect(text, s).toContain(s);
    }
    const info = execFileSync('pdfinfo', [a], { encoding: 'utf8' });
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/CreationDate:\s+Thu Jan {2}1 00:00:00 2026 UTC/);
  });

  it.runIf(has('soffice'))(
    'DOCX: a valid, deterministic package that LibreOffice converts headless',
    async () => {
      const { call, core, dir, meetingId } = await meetingWithCase();
      await call('minutes.draft', { meetingId });
      await call('minutes.approve', { meetingId, atMeetingId: null });
      const a = path.join(dir, 'minutes.docx');
      const b = path.join(dir, 'again.docx');
      await call('minutes.export', { meetingId, format: 'docx', handle: core.files.register(a, 'write') });
      await call('minutes.export', { meetingId, format: 'docx', handle: core.files.register(b, 'write') });
      expect(fs.readFileSync(a).equals(fs.readFileSync(b))).toBe(true);
      expect(fs.readFileSync(a).subarray(0, 2).toString()).toBe('PK');
      const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-lo-'));
      try {
        execFileSync(
          'timeout',
          ['120', 'soffice', `-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, a],
          { stdio: 'pipe' },
        );
      } finally {
        fs.rmSync(profile, { recursive: true, force: true });
      }
      const text = execFileSync('pdftotext', [path.join(dir, 'minutes.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('Minutes — Riverside CIT');
      expect(text).toContain('Case review: 2026-014');
      expect(text).not.toContain('DRAFT');
    },
    150_000,
  );

  it('the agenda packet carries codes, redacted summaries and timelines; the register CSV neutralises formulas', async () => {
    const { call, core, dir, meetingId, incidentId } = await meetingWithCase();
    await call('timeline.add', {
      incidentId,
      event: { time: '23:50', actor: 'dispatch_911', kind: 'call', description: '=HYPERLINK("http://x") call' },
    });
    const out = path.join(dir, 'packet.md');
    await call('meetings.exportPacket', { meetingId, format: 'md', handle: core.files.register(out, 'write') });
    const md = fs.readFileSync(out, 'utf8');
    expect(md).toContain('Case review: 2026-014 \\(March 2026\\)');
    expect(md).toContain('\\=HYPERLINK\\(');
    const org = (await call('roster.list', {})).organisations[0]!;
    const f = (await call('findings.list', { incidentId })).findings[0]!;
    await call('recommendations.create', {
      findingIds: [f.id],
      action: '=cmd|calc!A1 @SUM(1)',
      owner: { organisationId: org.id },
      dueDate: '2026-10-31',
      measure: '+1',
      actionType: 'policy',
    });
    const csvFile = path.join(dir, 'register.csv');
    const r = await call('recommendations.exportRegister', { handle: core.files.register(csvFile, 'write'), format: 'csv' });
    expect(r.rows).toBe(2);
    const csv = fs.readFileSync(csvFile, 'utf8');
    expect(csv).toContain("'=cmd|calc!A1 @SUM(1)");
    expect(csv).toContain(",'+1,");
  });

  it.runIf(has('soffice') && fs.existsSync('/usr/lib/libreoffice/program/libsclo.so'))(
    'register as XLSX: LibreOffice reads the same rows; formula-like text stays text; identifiers in actions are redacted',
    async () => {
      const { call, core, dir, incidentId } = await meetingWithCase();
      const org = (await call('roster.list', {})).organisations[0]!;
      const f = (await call('findings.list', { incidentId })).findings[0]!;
      await call('recommendations.create', {
        findingIds: [f.id],
        action: '=SUM(1,2) & <b>bold</b> — call Fatima Okafor back',
        owner: { organisationId: org.id },
        dueDate: '2026-10-31',
        measure: 'Share of calls, "quoted"',
        actionType: 'policy',
      });
      const file = path.join(dir, 'register.xlsx');
      const r = await call('recommendations.exportRegister', { handle: core.files.register(file, 'write'), format: 'xlsx' });
      expect(r.rows).toBe(2);
      const bytes = fs.readFileSync(file);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      // Deterministic under SOURCE_DATE_EPOCH: the same register gives the same bytes.
      const again = path.join(dir, 'register-2.xlsx');
      await call('recommendations.exportRegister', { handle: core.files.register(again, 'write'), format: 'xlsx' });
      expect(fs.readFileSync(again).equals(bytes)).toBe(true);
      const { execFileSync } = await import('node:child_process');
      const profile = path.join(dir, 'lo-profile');
      execFileSync(
        'timeout',
        [
          '120',
          'soffice',
          `-env:UserInstallation=file://${profile}`,
          '--headless',
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76',
          '--outdir',
          dir,
          file,
        ],
        { stdio: 'ignore' },
      );
      const rows = fs.readFileSync(path.join(dir, 'register.csv'), 'utf8').trim().split(/\r?\n/);
      expect(rows[0]).toBe('Code,Action,Owner,Owner sector,Due,Status,Overdue,Kind of action,Strength,Measure,From');
      expect(rows).toHaveLength(3);
      const added = rows.find((l) => l.includes('SUM'))!;
      expect(added).toContain('"=SUM(1,2) & <b>bold</b> — call [NAME] back"');
      expect(added).toContain('"Share of calls, ""quoted"""');
      expect(added).toContain('Mental health');
      expect(added).not.toContain('Okafor');
    },
    120_000,
  );
});

describe('reports', () => {
  it('dashboard: monthly series, scorecard with definitions, completion by sector', async () => {
    const { call } = await meetingWithCase();
    const d = await call('reports.dashboard', { from: '2026-01', to: '2026-06' });
    expect(d.months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(d.months[2]!.total).toBe(1);
    expect(d.findingsByCategory.find((f) => f.key === 'services')!.count).toBe(1);
    expect(d.completionBySector).toEqual([{ sector: 'mental_health', label: 'Mental health', completed: 0, total: 1 }]);
    expect(d.scorecard.map((s) => s.goal)).toEqual(['1', '1', '2', '2', '3', '3', '4', '4', '4']);
    expect(d.scorecard.every((s) => s.definition.length > 20)).toBe(true);
  });
});

describe('identifier guard: what it covers and what a blocked export says', () => {
  it('roster, organisation and keyholder names pass only as whole names, never as a part', async () => {
    const { call, core } = await meetingWithCase();
    await call('roster.saveMember', { name: 'Maria  Lopez', sector: 'mental_health', role: 'member' });
    const { allowedPredicate } = await import('../meetings/allowed');
    const allowed = core.workbench.read((db) => allowedPredicate(db));
    const at = (source: string, text: string) => ({ source, start: source.indexOf(text), end: source.indexOf(text) + text.length });
    // Whole names: any case and spacing, or "Last, First".
    expect(allowed('NAME', 'Maria Lopez')).toBe(true);
    expect(allowed('NAME', 'MARIA lopez')).toBe(true);
    expect(allowed('NAME', 'Lopez, Maria')).toBe(true);
    expect(allowed('NAME', 'County Behavioral Health')).toBe(true);
    expect(allowed('NAME', 'Dana')).toBe(true); // the keyholder
    // A part of a name is not the name: the scanner's "Maria" in "Maria's son" stays flagged.
    expect(allowed('NAME', 'Maria')).toBe(false);
    expect(allowed('NAME', 'Maria', at("Maria's son called again.", 'Maria'))).toBe(false);
    expect(allowed('NAME', 'Lopez', at('Ms Lopez called again.', 'Lopez'))).toBe(false);
    expect(allowed('NAME', 'Behavioral Health')).toBe(false);
    expect(allowed('NAME', 'Lee')).toBe(false);
    // …but a part inside the whole name written out in full is that name.
    expect(allowed('NAME', 'Maria', at('Lopez, Maria attended.', 'Maria'))).toBe(true);
    expect(allowed('NAME', 'Lopez', at('Lopez, Maria attended.', 'Lopez'))).toBe(true);
    expect(allowed('NAME', 'Lee', at('Chair: Lee Park', 'Lee'))).toBe(true);
    expect(allowed('NAME', 'Lee', at('Chair: Lee Parker', 'Lee'))).toBe(false);
  });

  it('guards every minutes section, the meeting and attendance sections included; the roster there still passes', async () => {
    const { call, meetingId } = await meetingWithCase();
    await call('roster.saveMember', { name: 'Maria Lopez', sector: 'mental_health', role: 'member' });
    await call('settings.update', { minutesNames: true });
    const m = await call('minutes.draft', { meetingId });
    expect(m.sections[0]!.body).toContain('Chair: Lee Park');
    expect(m.guard).toEqual([]);
    const edited = m.sections.map((s) =>
      s.key === 'meeting'
        ? { ...s, body: `${s.body}\nCaller Fatima Okafor attended.` }
        : s.key === 'other_business'
          ? { ...s, body: "Maria's son called again." }
          : s,
    );
    const u = await call('minutes.update', { meetingId, sections: edited });
    expect(u.guard.map((g) => [g.section, g.type, g.text])).toEqual([
      ['meeting', 'NAME', 'Fatima Okafor'],
      ['other_business', 'NAME', 'Maria'],
    ]);
  });

  it('a blocked approval names each section and the flagged words, with where to fix them', async () => {
    const { call, core, meetingId } = await meetingWithCase();
    const m = await call('minutes.draft', { meetingId });
    await call('minutes.update', {
      meetingId,
      sections: m.sections.map((s) =>
        s.key === 'other_business'
          ? { ...s, body: 'The chair thanked dispatch. Caller Fatima Okafor can be reached on (605) 274-8779.' }
          : s,
      ),
    });
    const r = await dispatch(core, 'minutes.approve', { meetingId });
    expect(r).toMatchObject({ ok: false, error: { code: 'guard_blocked' } });
    if (r.ok) return;
    expect(r.error.message).toContain(
      'Minutes of 2026-05-12, Other business: “Fatima Okafor” (NAME); Minutes of 2026-05-12, Other business: “(605) 274-8779” (PHONE)',
    );
    expect(r.error.message).not.toContain('thanked');
    expect(r.error.blocked).toEqual([
      {
        item: 'Minutes of 2026-05-12, Other business',
        text: 'Fatima Okafor',
        type: 'NAME',
        where: { kind: 'minutes', meetingId, section: 'other_business' },
      },
      {
        item: 'Minutes of 2026-05-12, Other business',
        text: '(605) 274-8779',
        type: 'PHONE',
        where: { kind: 'minutes', meetingId, section: 'other_business' },
      },
    ]);
  });

  it('agenda item titles are guarded: a blocked packet export names the item and the words and links to the agenda item', async () => {
    const { call, core, dir, meetingId } = await meetingWithCase();
    const d = await call('agenda.add', { meetingId, kind: 'other_business', minutes: 10, title: 'Debrief with Rosa Villanueva' });
    const item = d.items.find((i) => i.title === 'Debrief with Rosa Villanueva')!;
    const label = `Agenda item ${d.items.indexOf(item) + 1} of the meeting of 2026-05-12`;
    const out = path.join(dir, 'packet.md');
    const r = await dispatch(core, 'meetings.exportPacket', { meetingId, format: 'md', handle: core.files.register(out, 'write') });
    expect(fs.existsSync(out)).toBe(false);
    expect(r).toMatchObject({ ok: false, error: { code: 'guard_blocked' } });
    if (r.ok) return;
    expect(r.error.message).toContain(`${label}: “Rosa Villanueva” (NAME)`);
    // Only the flagged words: nothing else of the title.
    expect(r.error.message).not.toContain('Debrief');
    expect(r.error.blocked).toEqual([
      { item: label, text: 'Rosa Villanueva', type: 'NAME', where: { kind: 'agenda', meetingId, itemId: item.id } },
    ]);
  });
});
