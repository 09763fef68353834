/** Issue 19: `seed --today` anchors the synthetic year, and its ended meetings' minutes export in every format. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './run';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const env = { CASEWALK_PASSPHRASE: 'harbour lantern quietly 42' };

async function cli(argv: string[], environment: NodeJS.ProcessEnv) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), env: environment });
  return { code, out, err };
}

async function workbench(): Promise<{ dir: string; db: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-cli-seed-'));
  dirs.push(dir);
  const db = path.join(dir, 'w.db');
  expect((await cli(['init', '--db', db, '--committee', 'Riverside CIT', '--member', 'Dana', '--json'], env)).code).toBe(0);
  return { dir, db };
}

describe('cli seed --today', () => {
  it('refuses a date that is not a calendar date with one clear line, and seeds nothing', async () => {
    const { db } = await workbench();
    for (const bad of ['2026-02-30', '12/02/2026', '2026-13-01', 'yesterday', '1989-12-31', ' 2026-12-02']) {
      const r = await cli(['seed', '--db', db, '--incidents', '50', '--today', bad], env);
      expect(r).toMatchObject({ code: 2, out: '' });
      expect(r.err).toBe(`casewalk: --today must be a calendar date written YYYY-MM-DD (for example 2026-12-02), not "${bad}".\n`);
    }
    expect(JSON.parse((await cli(['list', 'meetings', '--db', db, '--json'], env)).out)).toEqual([]);
  });

  it('anchors the data on the date given and exports a seeded ended meeting’s minutes as md, docx and pdf', async () => {
    const { dir, db } = await workbench();
    const r = await cli(['seed', '--db', db, '--incidents', '300', '--years', '2', '--seed', '4', '--today', '2026-06-20', '--json'], env);
    expect(r.code).toBe(0);
    const meetings = JSON.parse((await cli(['list', 'meetings', '--db', db, '--json'], env)).out) as {
      id: number;
      date: string;
      status: string;
    }[];
    const ended = meetings.filter((m) => m.status === 'ended');
    // June 2026 is the anchor's month: its meeting (8th–14th) has ended, July's is the next one.
    expect(
      ended
        .map((m) => m.date)
        .sort()
        .at(-1)!
        .slice(0, 7),
    ).toBe('2026-06');
    expect(meetings.some((m) => m.status === 'planned' && m.date > '2026-06-20')).toBe(true);
    const magic = { md: '# ', docx: 'PK', pdf: '%PDF-' } as const;
    for (const meeting of [ended[0]!, ended.at(-1)!]) {
      for (const format of ['md', 'docx', 'pdf'] as const) {
        const out = path.join(dir, `m-${meeting.id}.${format}`);
        const e = await cli(
          ['export', 'minutes', '--db', db, '--meeting', String(meeting.id), '--format', format, '--out', out, '--json'],
          env,
        );
        expect(e.err).toBe('');
        expect(JSON.parse(e.out)).toMatchObject({ file: out, format });
        expect(fs.readFileSync(out).subarray(0, magic[format].length).toString()).toBe(magic[format]);
      }
      const md = fs.readFileSync(path.join(dir, `m-${meeting.id}.md`), 'utf8');
      // The latest ended meeting's minutes are a draft, the earlier ones approved.
      if (meeting === ended[0]) expect(md).toMatch(/DRAFT/);
      else expect(md).not.toMatch(/DRAFT/);
    }
  });
});
