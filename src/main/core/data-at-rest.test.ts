/**
 * Data at rest: canary strings written through every feature never appear in the clear in any
 * file under the data folder (database, WAL, keyslot file, lockout state, backups), while
 * unlocked or after locking.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unlockedCore } from './test-support';

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('canaries through every feature', () => {
  it('never appear in the clear under the data folder', async () => {
    const t = await unlockedCore('cw-canary-');
    const { call, core, dataDir } = t;
    const C = (what: string) => `CANARY-${what}-7f3a9c`;
    try {
      const d = await call('incidents.create', {
        occurredYear: 2026,
        occurredMonth: 4,
        narrative: `Narrative ${C('NARRATIVE')}`,
        area: C('AREA'),
        tags: [C('TAG').toLowerCase()],
      });
      await call('timeline.add', {
        incidentId: d.incident.id,
        event: { time: '10:00', actor: 'ems', kind: 'call', description: C('TIMELINE') },
      });
      const member = await call('roster.saveMember', { name: C('MEMBER'), sector: 'advocacy', role: 'member' });
      const m = await call('meetings.create', { date: '2026-05-12', time: '14:00', lengthMinutes: 90, place: C('PLACE'), virtual: false });
      await call('meetings.update', { id: m.meeting.id, patch: { notes: C('MEETINGNOTE') } });
      const item = m.items[0]!;
      await call('agenda.update', { id: item.id, patch: { notes: C('ITEMNOTE') } });
      const f = await call('findings.create', {
        incidentId: d.incident.id,
        meetingId: m.meeting.id,
        category: 'policy',
        kind: 'gap',
        intercept: null,
        goals: [],
        timelineEventId: null,
        description: C('FINDING'),
      });
      await call('recommendations.create', {
        findingIds: [f.id],
        action: C('RECOMMENDATION'),
        owner: { memberId: member.id },
        dueDate: '2026-09-30',
        measure: C('MEASURE'),
        actionType: 'redesign',
      });
      await call('findings.createSystemic', {
        source: 'coverage',
        meetingId: m.meeting.id,
        category: 'services',
        intercept: '0',
        goals: [],
        description: C('COVERAGEGAP'),
      });
      await call('services.save', {
        name: C('SERVICE'),
        sector: 'mobile_crisis',
        areas: [C('SERVICEAREA')],
        schedule: { effectiveFrom: '2026-01-01', intervals: [{ weekday: 1, start: '08:00', end: '20:00' }] },
      });
      const min = await call('minutes.draft', { meetingId: m.meeting.id });
      await call('minutes.update', {
        meetingId: m.meeting.id,
        sections: min.sections.map((s) => (s.key === 'other_business' ? { ...s, body: C('MINUTES') } : s)),
      });
      const csv = path.join(path.dirname(dataDir), `${path.basename(dataDir)}-import.csv`);
      fs.writeFileSync(csv, `year,month,summary\n2025,3,${C('IMPORT')}\n`);
      const opened = await call('import.open', { handle: core.files.register(csv, 'read') });
      await call('import.run', {
        stagingId: opened.stagingId,
        source: { mapping: { name: 'x', columns: { occurredYear: 'year', occurredMonth: 'month', narrative: 'summary' } } },
      });
      fs.rmSync(csv);
      await call('backup.create', { handle: core.files.register(path.join(dataDir, 'copy.cwbackup'), 'write') });
      const canaries = [
        'NARRATIVE',
        'AREA',
        'TAG',
        'TIMELINE',
        'MEMBER',
        'PLACE',
        'MEETINGNOTE',
        'ITEMNOTE',
        'FINDING',
        'RECOMMENDATION',
        'MEASURE',
        'MINUTES',
        'IMPORT',
        'COVERAGEGAP',
        'SERVICE',
        'SERVICEAREA',
      ].map(C);
      const check = () => {
        const files = filesUnder(dataDir);
        expect(files.length).toBeGreaterThanOrEqual(3);
        for (const file of files) {
          const bytes = fs.readFileSync(file);
          for (const c of canaries) {
            expect(bytes.includes(Buffer.from(c)), `${c} in ${path.basename(file)}`).toBe(false);
            expect(bytes.includes(Buffer.from(c.toLowerCase())), `${c} (lower case) in ${path.basename(file)}`).toBe(false);
            expect(bytes.includes(Buffer.from(c, 'utf16le')), `${c} (UTF-16) in ${path.basename(file)}`).toBe(false);
          }
        }
      };
      check(); // unlocked, WAL in use
      await call('workbench.lock', {});
      check(); // locked
    } finally {
      t.cleanup();
    }
  });
});
