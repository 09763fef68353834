/**
 * A finding's meaning survives the identifier guard everywhere it goes: the projector, the
 * minutes, every minutes format, the agenda packet, the register and the annual report carry
 * "No CIT-trained officer was available on the evening shift" word for word. (The guard once
 * showed the room "[NAME] officer was available…" and blocked the reports for good.)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unlockedCore } from '../test-support';

let cleanup: (() => void) | null = null;
beforeEach(() => {
  process.env.SOURCE_DATE_EPOCH = '1767225600';
});
afterEach(() => {
  cleanup?.();
  cleanup = null;
  delete process.env.SOURCE_DATE_EPOCH;
});

const FINDING = 'No CIT-trained officer was available on the evening shift.';
const ACTION = 'Schedule at least one CIT-trained officer on every evening shift';
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('a finding keeps its meaning in every place the room or a reader sees it', () => {
  it('projector, minutes (md, docx, pdf), agenda packet, register and annual report', async () => {
    const t = await unlockedCore('cw-meaning-');
    cleanup = t.cleanup;
    const { call, core } = t;
    core.today = () => '2026-05-12';
    const org = await call('roster.saveOrganisation', { name: 'Riverside County Sheriff', sector: 'law_enforcement' });
    const d = await call('incidents.create', {
      occurredYear: 2026,
      occurredMonth: 3,
      code: '2026-031',
      narrative: 'A neighbour called 911 at 21:40. No CIT-trained officer was on duty; a patrol officer waited for the mobile crisis team.',
    });
    expect(d.findings).toEqual([]);
    await call('incidents.setStatus', { id: d.incident.id, status: 'ready_for_review' });
    const m = await call('meetings.create', {
      date: '2026-05-12',
      time: '14:00',
      lengthMinutes: 90,
      place: 'County building, room 2',
      virtual: false,
    });
    const withCase = await call('agenda.add', { meetingId: m.meeting.id, kind: 'case_review', minutes: 30, incidentId: d.incident.id });
    const item = withCase.items.find((a) => a.kind === 'case_review')!;
    await call('agenda.start', { id: item.id });
    const f = await call('findings.create', {
      incidentId: d.incident.id,
      meetingId: m.meeting.id,
      category: 'staffing',
      kind: 'gap',
      intercept: '1',
      goals: ['1', '3'],
      timelineEventId: null,
      description: FINDING,
    });
    await call('recommendations.create', {
      findingIds: [f.id],
      meetingId: m.meeting.id,
      action: ACTION,
      owner: { organisationId: org.id },
      dueDate: '2026-09-30',
      measure: 'Evening shifts with a CIT-trained officer',
      actionType: 'staffing',
    });

    // The room.
    await call('walk.set', { meetingId: m.meeting.id, itemId: item.id, step: 0, highContrast: false });
    const view = (await call('projector.view', {}))!;
    expect(view.incident!.findings.map((x) => x.description)).toEqual([FINDING]);

    // The minutes and each of their formats.
    const minutes = await call('minutes.draft', { meetingId: m.meeting.id });
    const body = minutes.sections.map((s) => s.body).join('\n');
    expect(body).toContain(FINDING);
    expect(body).toContain(ACTION);
    await call('minutes.approve', { meetingId: m.meeting.id });
    const out = (name: string) => path.join(t.dataDir, name);
    await call('minutes.export', { meetingId: m.meeting.id, format: 'md', handle: core.files.register(out('m.md'), 'write') });
    expect(flat(fs.readFileSync(out('m.md'), 'utf8'))).toContain(FINDING);
    await call('minutes.export', { meetingId: m.meeting.id, format: 'docx', handle: core.files.register(out('m.docx'), 'write') });
    await call('minutes.export', { meetingId: m.meeting.id, format: 'pdf', handle: core.files.register(out('m.pdf'), 'write') });
    if (has('pdftotext')) expect(flat(execFileSync('pdftotext', [out('m.pdf'), '-'], { encoding: 'utf8' }))).toContain(FINDING);
    await call('meetings.exportPacket', { meetingId: m.meeting.id, format: 'md', handle: core.files.register(out('packet.md'), 'write') });
    expect(flat(fs.readFileSync(out('packet.md'), 'utf8'))).not.toContain('[NAME] officer');

    // The register and the annual report.
    await call('recommendations.exportRegister', { handle: core.files.register(out('register.csv'), 'write'), format: 'csv' });
    expect(fs.readFileSync(out('register.csv'), 'utf8')).toContain(ACTION);
    await call('reports.exportAnnual', { year: 2026, format: 'pdf', handle: core.files.register(out('annual.pdf'), 'write') });
    if (has('pdftotext')) {
      const annual = flat(execFileSync('pdftotext', [out('annual.pdf'), '-'], { encoding: 'utf8' }));
      // The register table wraps the action across its cell, so its words are checked one by one.
      for (const w of ACTION.split(' ')) expect(annual).toContain(w);
      expect(annual).not.toContain('[NAME]');
    }
  });
});
