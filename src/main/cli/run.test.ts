import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './run';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-cli-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

export async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), env });
  return { code, out, err };
}

describe('cli', () => {
  it('info --json prints one JSON object', async () => {
    const dir = tmp();
    const r = await cli(['info', '--json'], { CASEWALK_DATA_DIR: dir });
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const v = JSON.parse(r.out) as { name: string; dataDir: string; workbenchExists: boolean };
    expect(v).toMatchObject({ name: 'Casewalk', dataDir: dir, workbenchExists: false });
  });
  it('unknown commands and options are usage errors with one line', async () => {
    const a = await cli(['frobnicate', '--json']);
    expect(a.code).toBe(2);
    expect(a.out).toBe('');
    expect(a.err).toBe('casewalk: Unknown command "frobnicate". Try "help".\n');
    const b = await cli(['info', '--passphrase', 'x']);
    expect(b.code).toBe(2);
    expect(b.err).toBe('casewalk: Unknown option --passphrase.\n');
  });
  it('runs as a real process via npm run cli with no build step', () => {
    const dir = tmp();
    const r = spawnSync('npm', ['run', '--silent', 'cli', '--', 'info', '--json'], {
      cwd: path.resolve(__dirname, '../../..'),
      env: { ...process.env, CASEWALK_DATA_DIR: dir },
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ dataDir: dir });
  });
});

describe('cli workbench commands (through the core contract)', () => {
  const PASS = 'harbour lantern quietly 42';
  const env = (extra: NodeJS.ProcessEnv = {}) => ({ CASEWALK_PASSPHRASE: PASS, ...extra });

  it('init, verify, backup, member add/remove, restore with the recovery key', async () => {
    const dir = tmp();
    const db = path.join(dir, 'w.db');
    const init = await cli(['init', '--db', db, '--committee', 'Riverside CIT', '--member', 'Dana', '--json'], env());
    expect(init.code).toBe(0);
    const { recoveryKey } = JSON.parse(init.out) as { recoveryKey: string };
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/);

    const v = await cli(['verify', '--db', db, '--json'], env());
    expect(v.code).toBe(0);
    expect(JSON.parse(v.out)).toMatchObject({ ok: true, auditChain: { ok: true, firstBroken: null } });

    const out = path.join(dir, 'b.cwbackup');
    const b = await cli(['backup', '--db', db, '--out', out, '--json'], env());
    expect(b.code).toBe(0);
    expect(JSON.parse(b.out)).toMatchObject({ file: out });
    expect(fs.existsSync(out)).toBe(true);

    const add = await cli(
      ['member', 'add', '--db', db, '--name', 'Sam', '--json'],
      env({ CASEWALK_MEMBER: 'Dana', CASEWALK_NEW_PASSPHRASE: 'meadow copper violin 77' }),
    );
    expect(add.code).toBe(0);
    expect(JSON.parse((await cli(['member', 'list', '--db', db, '--json'])).out).map((k: { name: string }) => k.name)).toEqual([
      'Dana',
      'Sam',
    ]);
    // Two keyholders now: the CLI needs to know who is unlocking.
    const who = await cli(['verify', '--db', db, '--json'], env());
    expect(who.code).toBe(1);
    expect(who.err).toBe('casewalk: Say which keyholder you are (CASEWALK_MEMBER in the CLI).\n');

    const rm = await cli(['member', 'remove', '--db', db, '--name', 'Dana', '--json'], env({ CASEWALK_MEMBER: 'Dana' }));
    expect(rm.code).toBe(0);
    const rotated = JSON.parse(rm.out) as { recoveryKey: string };
    expect(rotated.recoveryKey).not.toBe(recoveryKey);
    // The old recovery key no longer opens the workbench; the new one does.
    const old = await cli(['verify', '--db', db, '--json'], { CASEWALK_RECOVERY_KEY: recoveryKey });
    expect(old.code).toBe(1);
    expect(old.err).toMatch(/^casewalk: That recovery key is not right\./);
    expect((await cli(['verify', '--db', db, '--json'], { CASEWALK_RECOVERY_KEY: rotated.recoveryKey })).code).toBe(0);

    // The backup still holds Dana's slot and the old key: restore it with the old recovery key.
    const r = await cli(['restore', '--from', out, '--db', db, '--json'], { CASEWALK_RECOVERY_KEY: recoveryKey });
    expect(r.code).toBe(0);
    const restored = JSON.parse(r.out) as { replacedCopy: string; verify: { ok: boolean } };
    expect(restored.verify.ok).toBe(true);
    expect(fs.existsSync(restored.replacedCopy)).toBe(true);
    expect(JSON.parse((await cli(['member', 'list', '--db', db, '--json'])).out).map((k: { name: string }) => k.name)).toEqual(['Dana']);
  });

  it('member passwd changes the passphrase of CASEWALK_MEMBER', async () => {
    const db = path.join(tmp(), 'w.db');
    await cli(['init', '--db', db, '--committee', 'Riverside CIT', '--member', 'Dana', '--json'], env());
    const p = await cli(['member', 'passwd', '--db', db, '--json'], env({ CASEWALK_NEW_PASSPHRASE: 'sunlit orchard ladder 19' }));
    expect(p.code).toBe(0);
    expect(JSON.parse(p.out)).toEqual({ changed: 'Dana' });
    expect((await cli(['verify', '--db', db, '--json'], env())).code).toBe(1);
    fs.rmSync(path.join(path.dirname(db), 'w.lockout.json'));
    expect((await cli(['verify', '--db', db, '--json'], { CASEWALK_PASSPHRASE: 'sunlit orchard ladder 19' })).code).toBe(0);
  });

  it('bad input: one-line errors, right exit codes, nothing created', async () => {
    const dir = tmp();
    const db = path.join(dir, 'w.db');
    const weak = await cli(['init', '--db', db, '--committee', 'Riverside CIT', '--member', 'Dana', '--json'], {
      CASEWALK_PASSPHRASE: 'short',
    });
    expect(weak).toMatchObject({ code: 1, out: '' });
    expect(weak.err).toBe('casewalk: Use at least 12 characters (this one has 5). A few unrelated words work well.\n');
    expect(fs.existsSync(db)).toBe(false);
    const noDb = await cli(['verify', '--json'], env());
    expect(noDb).toMatchObject({ code: 2, err: 'casewalk: --db is required.\n' });
    const missing = await cli(['verify', '--db', path.join(dir, 'nope.db'), '--json'], env());
    expect(missing).toMatchObject({ code: 1, err: 'casewalk: There is no workbench file at that location.\n' });
    await cli(['init', '--db', db, '--committee', 'Riverside CIT', '--member', 'Dana', '--json'], env());
    const again = await cli(['init', '--db', db, '--committee', 'Other', '--member', 'Kim', '--json'], env());
    expect(again).toMatchObject({ code: 1, err: 'casewalk: A workbench already exists in this data folder.\n' });
    const wrong = await cli(['verify', '--db', db, '--json'], { CASEWALK_PASSPHRASE: 'not the right one at all' });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/^casewalk: That passphrase is not right\. 4 attempts left/);
    const long = await cli(['verify', '--db', db, '--json'], { CASEWALK_PASSPHRASE: 'x'.repeat(600) });
    expect(long).toMatchObject({ code: 1, err: 'casewalk: passphrase: A passphrase may be at most 512 characters.\n' });
    const notBackup = path.join(dir, 'x.cwbackup');
    fs.writeFileSync(notBackup, 'hello');
    const r = await cli(['restore', '--from', notBackup, '--db', db, '--json'], env());
    expect(r).toMatchObject({ code: 1, err: 'casewalk: Not a Casewalk backup file.\n' });
  });

  it('verify prints the report and exits 1 when an audit row was edited', async () => {
    const db = path.join(tmp(), 'w.db');
    const { recoveryKey } = JSON.parse(
      (await cli(['init', '--db', db, '--committee', 'Riverside CIT', '--member', 'Dana', '--json'], env())).out,
    ) as { recoveryKey: string };
    const { default: Database } = await import('@signalapp/sqlcipher');
    const { decodeRecoveryKey } = await import('../core/store/recovery-key');
    const raw = new Database(db);
    raw.pragma(`key = "x'${decodeRecoveryKey(recoveryKey)!.toString('hex')}'"`);
    raw.prepare("UPDATE audit SET detail = 'edited' WHERE id = 1").run();
    raw.close();
    const v = await cli(['verify', '--db', db, '--json'], env());
    expect(v.code).toBe(1);
    expect(JSON.parse(v.out)).toMatchObject({ ok: false, auditChain: { ok: false, firstBroken: 1 } });
    expect(v.err).toBe('casewalk: verify failed: audit chain broken at row 1 (row altered, reordered or removed)\n');
  });
});

describe('cli deid scan', () => {
  it('writes one findings line per input line, with JavaScript string offsets', async () => {
    const dir = tmp();
    const file = path.join(dir, 'in.jsonl');
    const text = 'Caller Mei Tanaka at 12 Oak St called 555-201-3344.';
    fs.writeFileSync(file, `${JSON.stringify({ id: 'a', text })}\n\n${JSON.stringify({ id: 2, text: 'Officer A arrived at 02:14.' })}\n`);
    const r = await cli(['deid', 'scan', '--jsonl', file]);
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: unknown; findings: { start: number; end: number; type: string }[] });
    expect(lines.map((l) => l.id)).toEqual(['a', 2]);
    expect(lines[0]!.findings.map((f) => [f.type, text.slice(f.start, f.end)])).toEqual([
      ['NAME', 'Mei Tanaka'],
      ['ADDRESS', '12 Oak St'],
      ['PHONE', '555-201-3344'],
    ]);
    expect(lines[1]!.findings).toEqual([]);
  });
  it('refuses a malformed line with its number and prints nothing', async () => {
    const dir = tmp();
    const file = path.join(dir, 'bad.jsonl');
    fs.writeFileSync(file, `${JSON.stringify({ id: 'a', text: 'fine' })}\nnot json\n`);
    const r = await cli(['deid', 'scan', '--jsonl', file, '--json']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe('casewalk: Line 2 is not JSON.\n');
    const missing = await cli(['deid', 'scan', '--jsonl', path.join(dir, 'nope.jsonl')]);
    expect(missing.err).toMatch(/^casewalk: Cannot find the --jsonl file: /);
  });
});

describe('cli import csv', () => {
  const PASS = 'harbour lantern quietly 42';
  const env = { CASEWALK_PASSPHRASE: PASS };
  async function workbench() {
    const dir = tmp();
    const db = path.join(dir, 'w.db');
    expect((await cli(['init', '--db', db, '--committee', 'Riverside CIT', '--member', 'Dana', '--json'], env)).code).toBe(0);
    return { dir, db };
  }
  const seattle = path.resolve(__dirname, '../core/import/fixtures/seattle-sample.csv');

  it('--preset with --dry-run writes nothing; the real run prints the stable JSON keys', async () => {
    const { db } = await workbench();
    const dry = await cli(['import', 'csv', '--db', db, '--preset', 'seattle-crisis', seattle, '--dry-run', '--json'], env);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({ imported: 3, merged: 1, skipped: 0, errors: [], dryRun: true });
    const run = await cli(['import', 'csv', '--db', db, '--preset', 'seattle-crisis', seattle, '--json'], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ imported: 3, merged: 1, skipped: 0, errors: [] });
    const verify = await cli(['verify', '--db', db, '--json'], env);
    expect(JSON.parse(verify.out)).toMatchObject({ ok: true });
  });

  it('--mapping FILE.json; invalid rows exit 1 and import nothing unless --skip-invalid', async () => {
    const { dir, db } = await workbench();
    const mapping = path.join(dir, 'm.json');
    fs.writeFileSync(mapping, JSON.stringify({ name: 'Mine', columns: { occurredYear: 'y', occurredMonth: 'm' } }));
    const csv = path.join(dir, 'in.csv');
    fs.writeFileSync(csv, 'y,m\n2025,5\n2025,14\n');
    const refused = await cli(['import', 'csv', '--db', db, '--mapping', mapping, csv, '--json'], env);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.out)).toMatchObject({
      imported: 0,
      errors: [{ row: 2, message: 'month 14 in column "m" is outside 1–12.' }],
    });
    expect(refused.err).toBe('casewalk: 1 invalid row; nothing was imported (use --skip-invalid to import the valid rows).\n');
    const skipped = await cli(['import', 'csv', '--db', db, '--mapping', mapping, csv, '--skip-invalid', '--json'], env);
    expect(skipped.code).toBe(0);
    expect(JSON.parse(skipped.out)).toMatchObject({ imported: 1, skipped: 1 });
  });

  it('usage errors: no preset or both, unknown preset, bad mapping file', async () => {
    const { dir, db } = await workbench();
    expect((await cli(['import', 'csv', '--db', db, seattle], env)).err).toBe(
      'casewalk: Give --preset NAME or --mapping FILE.json (one of them).\n',
    );
    expect((await cli(['import', 'csv', '--db', db, '--preset', 'nope', seattle], env)).err).toBe(
      'casewalk: No mapping preset "nope". Known presets: toronto-pic, seattle-crisis.\n',
    );
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ name: 'x', columns: { occurredYear: 'y' }, extra: 1 }));
    expect((await cli(['import', 'csv', '--db', db, '--mapping', bad, seattle], env)).err).toBe(
      'casewalk: The --mapping file is not a mapping preset: unexpected field "extra".\n',
    );
  });
});

describe('cli seed and list meetings', () => {
  it('seeds a workbench made by init and lists its meetings as JSON', async () => {
    const dir = tmp();
    const db = path.join(dir, 'w.db');
    const env = { CASEWALK_PASSPHRASE: 'harbour lantern quietly 42' };
    await cli(['init', '--db', db, '--committee', 'Riverside CIT', '--member', 'Dana', '--json'], env);
    const r = await cli(['seed', '--db', db, '--incidents', '500', '--years', '2', '--seed', '3', '--json'], env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ incidents: 500, meetings: 24, members: 12 });
    const list = await cli(['list', 'meetings', '--db', db, '--json'], env);
    const meetings = JSON.parse(list.out) as { date: string; status: string }[];
    expect(meetings).toHaveLength(24);
    expect(meetings[0]!.date > meetings[23]!.date).toBe(true);
    expect((await cli(['seed', '--db', db, '--incidents', 'lots'], env)).err).toBe(
      'casewalk: --incidents must be a whole number from 1 to 1000000.\n',
    );
  });
});

describe('cli export minutes, agenda and register', () => {
  it('exports minutes (after drafting), the agenda packet and the register; usage errors are specific', async () => {
    const dir = tmp();
    const db = path.join(dir, 'w.db');
    const env = { CASEWALK_PASSPHRASE: 'harbour lantern quietly 42' };
    await cli(['init', '--db', db, '--committee', 'Riverside CIT', '--member', 'Dana', '--json'], env);
    await cli(['seed', '--db', db, '--incidents', '300', '--years', '1', '--seed', '5', '--json'], env);
    const meetings = JSON.parse((await cli(['list', 'meetings', '--db', db, '--json'], env)).out) as {
      id: number;
      caseCount: number;
      status: string;
    }[];
    // The planned next meeting: its minutes are not drafted yet (every ended seeded meeting has minutes).
    const m = meetings.find((x) => x.caseCount > 0 && x.status === 'planned')!;
    const agenda = path.join(dir, 'agenda.pdf');
    const a = await cli(['export', 'agenda', '--db', db, '--meeting', String(m.id), '--format', 'pdf', '--out', agenda, '--json'], env);
    expect(a.code).toBe(0);
    const sha = (await import('node:crypto')).createHash('sha256').update(fs.readFileSync(agenda)).digest('hex');
    expect(JSON.parse(a.out)).toMatchObject({ file: agenda, format: 'pdf', sha256: sha });
    expect(fs.readFileSync(agenda).subarray(0, 5).toString()).toBe('%PDF-');
    const noDraft = await cli(
      ['export', 'minutes', '--db', db, '--meeting', String(m.id), '--format', 'md', '--out', path.join(dir, 'm.md'), '--json'],
      env,
    );
    expect(noDraft).toMatchObject({ code: 1, err: 'casewalk: Draft the minutes before exporting them.\n' });
    for (const bad of ['x', '0x10', '1e3', '0', '-1', '2.5'])
      expect((await cli(['export', 'minutes', '--db', db, '--meeting', bad, '--format', 'md', '--out', 'm.md'], env)).err).toBe(
        `casewalk: --meeting takes a meeting id (see "list meetings"), not "${bad}".\n`,
      );
    expect((await cli(['export', 'minutes', '--db', db, '--meeting', '1', '--format', 'odt', '--out', 'm.md'], env)).err).toBe(
      'casewalk: --format is md, docx or pdf.\n',
    );
    const register = path.join(dir, 'register.xlsx');
    const reg = await cli(['export', 'register', '--db', db, '--format', 'xlsx', '--out', register, '--json'], env);
    expect(reg.code).toBe(0);
    const rv = JSON.parse(reg.out) as { file: string; format: string; bytes: number; rows: number };
    expect(rv).toMatchObject({ file: register, format: 'xlsx', bytes: fs.statSync(register).size });
    expect(rv.rows).toBeGreaterThan(0);
    expect(fs.readFileSync(register).subarray(0, 2).toString('latin1')).toBe('PK');
    expect((await cli(['export', 'register', '--db', db, '--format', 'ods', '--out', 'r.ods'], env)).err).toBe(
      'casewalk: --format is xlsx or csv.\n',
    );
  });
});

describe('cli report coverage', () => {
  it('prints the coverage figures for a named service; an unknown service is a clear error', async () => {
    const dir = tmp();
    const db = path.join(dir, 'w.db');
    const env = { CASEWALK_PASSPHRASE: 'harbour lantern quietly 42' };
    await cli(['init', '--db', db, '--committee', 'Riverside CIT', '--member', 'Dana', '--json'], env);
    await cli(['seed', '--db', db, '--incidents', '400', '--years', '1', '--seed', '2', '--json'], env);
    const { Core } = await import('../core/core');
    const { typedCaller } = await import('../core/dispatch');
    const core = new Core({ dataDir: dir, dbFile: db });
    const call = typedCaller(core);
    await call('workbench.unlock', { passphrase: env.CASEWALK_PASSPHRASE });
    await call('services.save', {
      name: 'Mobile crisis team',
      sector: 'mobile_crisis',
      areas: null,
      schedule: {
        effectiveFrom: '2000-01-01',
        intervals: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '23:00' })),
      },
    });
    core.close();
    const r = await cli(['report', 'coverage', '--db', db, '--service', 'mobile crisis team', '--json'], env);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.out) as {
      incidents: number;
      outsideHours: number;
      outsideShare: number;
      byHourWeekday: number[][];
      rates: { inside: object; outside: object };
    };
    expect(v.byHourWeekday).toHaveLength(7);
    expect(v.byHourWeekday.every((d) => d.length === 24)).toBe(true);
    expect(v.outsideHours).toBeGreaterThan(0);
    expect(v.outsideShare).toBeCloseTo(v.outsideHours / v.byHourWeekday.flat().reduce((a, b) => a + b, 0), 2);
    expect(v.rates).toHaveProperty('inside');
    // The default period is the last 12 months of data, and the JSON says which.
    const { from, to } = v as unknown as { from: string; to: string };
    expect(to).toMatch(/^\d{4}-\d{2}$/);
    const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5)) - Number(from.slice(5)) + 1;
    expect(months).toBe(12);
    const fixed = JSON.parse((await cli(['report', 'coverage', '--db', db, '--from', '2026-01', '--to', '2026-03', '--json'], env)).out);
    expect([fixed.from, fixed.to]).toEqual(['2026-01', '2026-03']);
    expect((await cli(['report', 'coverage', '--db', db, '--service', 'Peer respite', '--json'], env)).err).toBe(
      'casewalk: No crisis service called "Peer respite". Known: Mobile crisis team.\n',
    );
  });
});
