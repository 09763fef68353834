/** Issue 20: the CLI's follow-through commands on a seeded workbench. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run';

async function cli(argv: string[], e: NodeJS.ProcessEnv = {}) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), env: e });
  return { code, out, err };
}

const has = (bin: string) => spawnSync('which', [bin]).status === 0;
const env = { CASEWALK_PASSPHRASE: 'harbour lantern quietly 42' };
let dir: string;
let db: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-cli-rec-'));
  db = path.join(dir, 'w.db');
  await cli(['init', '--db', db, '--committee', 'Riverside CIT', '--member', 'Dana', '--json'], env);
  await cli(['seed', '--db', db, '--incidents', '1500', '--years', '2', '--seed', '3', '--json'], env);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('cli report recommendations', () => {
  it('prints the figures by status, overdue responses, implemented, effect checks due, measured share and median days', async () => {
    const r = await cli(['report', 'recommendations', '--db', db, '--json'], env);
    expect(r).toMatchObject({ code: 0, err: '' });
    const v = JSON.parse(r.out) as Record<string, unknown> & { byStatus: Record<string, number> };
    expect(Object.keys(v)).toEqual([
      'byStatus',
      'overdueResponses',
      'reportedImplemented',
      'verifiedImplemented',
      'effectChecksDue',
      'measuredShare',
      'medianDaysToResponse',
    ]);
    const list = JSON.parse(
      (await cli(['export', 'register', '--db', db, '--format', 'csv', '--out', path.join(dir, 'r.csv'), '--json'], env)).out,
    ) as {
      rows: number;
    };
    expect(Object.values(v.byStatus).reduce((a, b) => a + b, 0)).toBe(list.rows);
    expect(v.reportedImplemented).toBe(v.byStatus.reported_implemented);
    expect(v.verifiedImplemented).toBe(v.byStatus.verified_implemented);
    expect(v.overdueResponses).toBeGreaterThan(0);
    expect(v.effectChecksDue).toBeGreaterThan(0);
    expect(v.measuredShare).toBeGreaterThan(0);
    expect(v.measuredShare).toBeLessThanOrEqual(1);
    expect(v.medianDaysToResponse).toBeGreaterThan(0);
    const text = await cli(['report', 'recommendations', '--db', db], env);
    expect(text.out).toMatch(/Overdue responses: \d+/);
  });
});

/** Text of a document as LibreOffice reads it (DOCX → PDF → text), or of a PDF. */
function textOf(file: string): string {
  const pdf = file.endsWith('.pdf') ? file : file.replace(/\.docx$/, '.pdf');
  if (!file.endsWith('.pdf')) {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-lo-'));
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-lo-out-'));
    try {
      execFileSync(
        'timeout',
        ['120', 'soffice', `-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, file],
        {
          stdio: 'pipe',
        },
      );
      return execFileSync('pdftotext', [path.join(out, path.basename(pdf)), '-'], { encoding: 'utf8' });
    } finally {
      fs.rmSync(profile, { recursive: true, force: true });
      fs.rmSync(out, { recursive: true, force: true });
    }
  }
  return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
}

/** The seeded incidents' codes and narratives, and the roster's names (people, not organisations). */
async function seededRecord() {
  const { Core } = await import('../core/core');
  const { typedCaller } = await import('../core/dispatch');
  const core = new Core({ dataDir: dir, dbFile: db });
  await typedCaller(core)('workbench.unlock', { passphrase: env.CASEWALK_PASSPHRASE });
  const out = core.workbench.read((d) => ({
    codes: (d.prepare('SELECT code FROM incidents').all() as { code: string }[]).map((r) => r.code),
    narratives: (d.prepare('SELECT DISTINCT narrative FROM incidents').all() as { narrative: string }[]).map((r) => r.narrative),
    people: (d.prepare('SELECT name FROM members').all() as { name: string }[]).map((r) => r.name),
  }));
  core.close();
  return out;
}

/** No incident code, no sentence of a seeded narrative, no person's name. */
function expectNoIncidentDetails(text: string, record: Awaited<ReturnType<typeof seededRecord>>) {
  const flat = text.replace(/\s+/g, ' ');
  for (const code of record.codes) expect(flat.includes(code), code).toBe(false);
  const sentences = new Set(record.narratives.flatMap((n) => n.split(/(?<=\.)\s+/).filter((s) => s.length > 25)));
  for (const s of sentences) expect(flat.includes(s), s).toBe(false);
  for (const p of record.people) expect(flat.includes(p), p).toBe(false);
}

describe.runIf(has('soffice') && has('pdftotext'))('cli export letters', () => {
  it('one letter per owner agency of the latest ended meeting, DOCX and PDF, that LibreOffice opens, with no incident details', async () => {
    const meetings = JSON.parse((await cli(['list', 'meetings', '--db', db, '--json'], env)).out) as {
      id: number;
      date: string;
      status: string;
    }[];
    const latest = meetings
      .filter((m) => m.status === 'ended')
      .sort((a, b) => a.date.localeCompare(b.date))
      .at(-1)!;
    const record = await seededRecord();
    for (const format of ['pdf', 'docx'] as const) {
      const out = path.join(dir, `letters-${format}`);
      const r = await cli(
        ['export', 'letters', '--db', db, '--meeting', String(latest.id), '--format', format, '--out', out, '--json'],
        env,
      );
      expect(r).toMatchObject({ code: 0, err: '' });
      const { files } = JSON.parse(r.out) as { files: { file: string; agency: string; recommendations: number }[] };
      expect(files.length).toBeGreaterThanOrEqual(2);
      expect(new Set(files.map((f) => f.agency)).size).toBe(files.length);
      expect(fs.readdirSync(out).sort()).toEqual(files.map((f) => path.basename(f.file)).sort());
      for (const f of files) {
        const text = textOf(f.file).replace(/\s+/g, ' ');
        expect(text).toContain(`Request for response — ${f.agency}`);
        expect(text).toContain('How to respond');
        expect(text.match(/R-\d{3}:/g)?.length).toBe(f.recommendations);
        expectNoIncidentDetails(text, record);
      }
    }
    expect((await cli(['export', 'letters', '--db', db, '--meeting', String(latest.id), '--format', 'md', '--out', dir], env)).err).toBe(
      'casewalk: --format is docx or pdf.\n',
    );
  }, 300_000);
});

describe('cli export tracker', () => {
  it('HTML that Chromium opens as one table; CSV and XLSX with the same rows (XLSX read by LibreOffice); no incident details', async () => {
    const record = await seededRecord();
    const files: Record<string, { rows: number; file: string }> = {};
    for (const format of ['html', 'csv', 'xlsx'] as const) {
      const out = path.join(dir, `tracker.${format}`);
      const r = await cli(['export', 'tracker', '--db', db, '--format', format, '--out', out, '--json'], env);
      expect(r).toMatchObject({ code: 0, err: '' });
      const v = JSON.parse(r.out) as { file: string; rows: number; bytes: number };
      expect(v.bytes).toBe(fs.statSync(out).size);
      expect(v.rows).toBeGreaterThan(5);
      files[format] = v;
    }
    expect(files.csv!.rows).toBe(files.html!.rows);
    const csvText = fs.readFileSync(files.csv!.file, 'utf8');
    expect(csvText.split('\r\n')[0]).toBe(
      '\uFEFFNumber,Category,Recommendation,Owner agency,Status,Response,Adopted,Response requested by,Responded,Verified,Effect',
    );
    expect(csvText).toMatch(/Verified implemented · Closed – /);
    expect(csvText).toMatch(/Reported implemented/);
    expectNoIncidentDetails(csvText, record);

    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      await page.goto(`file://${files.html!.file}`);
      expect(await page.title()).toBe('Recommendations tracker — Riverside CIT');
      expect(await page.locator('tbody tr').count()).toBe(files.html!.rows);
      expect(await page.locator('thead th').allTextContents()).toContain('Owner agency');
      expectNoIncidentDetails(await page.locator('body').innerText(), record);
      // One self-contained file: no script, no request for anything else.
      expect(fs.readFileSync(files.html!.file, 'utf8')).not.toMatch(/<script|<link|src=|url\(/i);
    } finally {
      await browser.close();
    }

    if (has('soffice') && fs.existsSync('/usr/lib/libreoffice/program/libsclo.so')) {
      const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-lo-'));
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-lo-out-'));
      try {
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
            out,
            files.xlsx!.file,
          ],
          { stdio: 'pipe' },
        );
        const lines = fs.readFileSync(path.join(out, 'tracker.csv'), 'utf8').trim().split(/\r?\n/);
        expect(lines).toHaveLength(files.xlsx!.rows + 1);
      } finally {
        fs.rmSync(profile, { recursive: true, force: true });
        fs.rmSync(out, { recursive: true, force: true });
      }
    }
  }, 300_000);
});
