/**
 * Issue 16: an attacker with write access to the data folder, and a careless user. Every test
 * works from outside: the CLI and plain edits of the files in the data folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './run';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-hostile-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), env });
  return { code, out, err };
}

const PASS = 'harbour lantern quietly 42';
const SAM = 'meadow copper violin 77';
const MALLORY = 'orchard basalt kettle 31';
const dana = (extra: NodeJS.ProcessEnv = {}) => ({ CASEWALK_PASSPHRASE: PASS, CASEWALK_MEMBER: 'Dana', ...extra });

interface KeyFile {
  slots: { id: string; name: string; publicKey: string; dataKey: unknown; nextDataKey?: unknown }[];
  auditHead: unknown;
  [k: string]: unknown;
}
const keysOf = (db: string) => db.replace(/\.db$/, '.keys.json');
const readKeys = (db: string) => JSON.parse(fs.readFileSync(keysOf(db), 'utf8')) as KeyFile;
const writeKeys = (db: string, k: KeyFile) => fs.writeFileSync(keysOf(db), JSON.stringify(k));

async function init(dir: string, name: string, member: string, pass: string) {
  const db = path.join(dir, `${name}.db`);
  const r = await cli(['init', '--db', db, '--committee', `${name} CIT`, '--member', member, '--json'], { CASEWALK_PASSPHRASE: pass });
  expect(r.code).toBe(0);
  return { db, recoveryKey: (JSON.parse(r.out) as { recoveryKey: string }).recoveryKey };
}

describe('item 1: the keyslot file is authenticated', () => {
  it('a slot planted from another workbench fails verify and never receives the rotated key', async () => {
    const dir = tmp();
    const { db } = await init(dir, 'riverside', 'Dana', PASS);
    expect((await cli(['member', 'add', '--db', db, '--name', 'Sam', '--json'], dana({ CASEWALK_NEW_PASSPHRASE: SAM }))).code).toBe(0);
    const other = await init(dir, 'elsewhere', 'Mallory', MALLORY);
    // The attacker copies their own slot (no passphrase of ours needed) into our key file.
    const planted = readKeys(other.db).slots[0]!;
    const k = readKeys(db);
    k.slots.push(planted);
    writeKeys(db, k);

    const v = await cli(['verify', '--db', db, '--json'], dana());
    expect(v.code).toBe(1);
    const report = JSON.parse(v.out) as { ok: boolean; keyslots: { ok: boolean; problems: string[] } };
    expect(report.ok).toBe(false);
    expect(report.keyslots.ok).toBe(false);
    expect(report.keyslots.problems.join(' ')).toContain('Mallory');
    expect(v.err).toContain(planted.id);

    // Member removal (which rotates the data key) refuses while the unknown slot is there.
    const rm = await cli(['member', 'remove', '--db', db, '--name', 'Sam', '--json'], dana());
    expect(rm.code).toBe(1);
    expect(rm.err).toContain('Mallory');
    const after = readKeys(db).slots.find((s) => s.id === planted.id)!;
    expect(after.dataKey).toEqual(planted.dataKey);
    expect(after.nextDataKey).toBeUndefined();
    expect(
      (await cli(['member', 'add', '--db', db, '--name', 'Kim', '--json'], dana({ CASEWALK_NEW_PASSPHRASE: 'quartz lantern pebble 58' })))
        .code,
    ).toBe(1);
    expect(
      (await cli(['member', 'passwd', '--db', db, '--json'], dana({ CASEWALK_NEW_PASSPHRASE: 'sunlit orchard ladder 19' }))).code,
    ).toBe(1);

    // The keyholder removes the unknown slot (audited, no rotation); then everything works again.
    const drop = await cli(['member', 'remove', '--db', db, '--name', 'Mallory', '--json'], dana());
    expect(drop.code).toBe(0);
    expect(JSON.parse(drop.out)).toMatchObject({ removed: 'Mallory', recoveryKey: null });
    expect(readKeys(db).slots.map((s) => s.name)).toEqual(['Dana', 'Sam']);
    expect((await cli(['verify', '--db', db, '--json'], dana())).code).toBe(0);
    const rm2 = await cli(['member', 'remove', '--db', db, '--name', 'Sam', '--json'], dana());
    expect(rm2.code).toBe(0);
    expect((await cli(['verify', '--db', db, '--json'], dana())).code).toBe(0);
  });

  it('a slot whose public key was swapped is reported as altered, by name', async () => {
    const dir = tmp();
    const { db } = await init(dir, 'riverside', 'Dana', PASS);
    await cli(['member', 'add', '--db', db, '--name', 'Sam', '--json'], dana({ CASEWALK_NEW_PASSPHRASE: SAM }));
    const other = await init(dir, 'elsewhere', 'Mallory', MALLORY);
    const k = readKeys(db);
    k.slots[1]!.publicKey = readKeys(other.db).slots[0]!.publicKey;
    writeKeys(db, k);
    const v = await cli(['verify', '--db', db, '--json'], dana());
    expect(v.code).toBe(1);
    expect(v.err).toMatch(/Key slot "Sam" .* was altered/);
    expect((await cli(['member', 'remove', '--db', db, '--name', 'Dana', '--json'], dana())).code).toBe(1);
    expect(readKeys(db).slots.every((s) => !s.nextDataKey)).toBe(true);
  });

  it('deleting the seal after it was recorded in the audit log leaves only the proved slot known', async () => {
    const dir = tmp();
    const { db } = await init(dir, 'riverside', 'Dana', PASS);
    await cli(['member', 'add', '--db', db, '--name', 'Sam', '--json'], dana({ CASEWALK_NEW_PASSPHRASE: SAM }));
    const k = readKeys(db);
    expect(k.slotsMac).toBeTruthy();
    delete k.slotsMac;
    writeKeys(db, k);
    const v = await cli(['verify', '--db', db, '--json'], dana());
    expect(v.code).toBe(1);
    expect(v.err).toContain('seal');
    expect(v.err).toContain('"Sam"');
    // Dana proved her own slot with her passphrase; Sam's cannot be proved and blocks rotation.
    expect((await cli(['member', 'remove', '--db', db, '--name', 'Dana', '--json'], dana())).code).toBe(1);
  });
});

describe('item 2: rollback detection cannot be switched off', () => {
  it('a nulled auditHead while the chain has rows fails verify', async () => {
    const dir = tmp();
    const { db } = await init(dir, 'riverside', 'Dana', PASS);
    const k = readKeys(db);
    expect(k.auditHead).not.toBeNull();
    k.auditHead = null;
    writeKeys(db, k);
    const v = await cli(['verify', '--db', db, '--json'], dana());
    expect(v.code).toBe(1);
    expect(JSON.parse(v.out)).toMatchObject({
      ok: false,
      auditChain: { ok: false, reason: 'chain head anchor missing from the key file' },
    });
  });
});

describe('item 3: extra schema objects', () => {
  async function plant(db: string, recoveryKey: string, sql: string) {
    const { default: Database } = await import('@signalapp/sqlcipher');
    const { decodeRecoveryKey } = await import('../core/store/recovery-key');
    const raw = new Database(db);
    raw.pragma(`key = "x'${decodeRecoveryKey(recoveryKey)!.toString('hex')}'"`);
    raw.exec(sql);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
  }
  const TRIGGER =
    "CREATE TRIGGER planted AFTER INSERT ON incidents BEGIN UPDATE incidents SET narrative = narrative || ' (planted)' WHERE id = new.id; END;";

  it('a trigger planted with the data key fails verify, naming it', async () => {
    const dir = tmp();
    const { db, recoveryKey } = await init(dir, 'riverside', 'Dana', PASS);
    await plant(db, recoveryKey, TRIGGER);
    const v = await cli(['verify', '--db', db, '--json'], dana());
    expect(v.code).toBe(1);
    expect(JSON.parse(v.out)).toMatchObject({ ok: false, schema: { ok: false, problems: ['unexpected trigger "planted"'] } });
  });

  it('an extra table, view or index, or a changed index, fails verify too', async () => {
    const dir = tmp();
    const { db, recoveryKey } = await init(dir, 'riverside', 'Dana', PASS);
    await plant(
      db,
      recoveryKey,
      'CREATE TABLE stash (v TEXT); CREATE VIEW peek AS SELECT * FROM meta; CREATE INDEX meta_value ON meta(value); DROP INDEX incidents_occurred; CREATE INDEX incidents_occurred ON incidents (narrative);',
    );
    const v = await cli(['verify', '--db', db, '--json'], dana());
    expect(v.code).toBe(1);
    const problems = (JSON.parse(v.out) as { schema: { problems: string[] } }).schema.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        'unexpected table "stash"',
        'unexpected view "peek"',
        'unexpected index "meta_value"',
        'index "incidents_occurred" differs from the one Casewalk creates',
      ]),
    );
  });

  it('restore refuses a backup whose database carries a planted trigger, and replaces nothing', async () => {
    const dir = tmp();
    const { db, recoveryKey } = await init(dir, 'riverside', 'Dana', PASS);
    const other = path.join(dir, 'copy.db');
    const out = path.join(dir, 'b.cwbackup');
    expect((await cli(['backup', '--db', db, '--out', out, '--json'], dana())).code).toBe(0);
    // Restore the backup elsewhere, plant a trigger there, back that up: a hostile backup.
    expect((await cli(['restore', '--from', out, '--db', other, '--json'], { CASEWALK_PASSPHRASE: PASS })).code).toBe(0);
    await plant(other, recoveryKey, TRIGGER);
    const hostile = path.join(dir, 'hostile.cwbackup');
    expect((await cli(['backup', '--db', other, '--out', hostile, '--json'], dana())).code).toBe(0);
    const before = fs.readFileSync(db);
    const r = await cli(['restore', '--from', hostile, '--db', db, '--json'], dana());
    expect(r.code).toBe(1);
    expect(r.err).toContain('planted');
    expect(fs.readFileSync(db).equals(before)).toBe(true);
  });
});

describe('item 7: a garbled lockout file fails closed', () => {
  it('reads as locked, says which file and how to get out, and frees itself 10 minutes after it was written', async () => {
    const dir = tmp();
    const { db } = await init(dir, 'riverside', 'Dana', PASS);
    const lockout = db.replace(/\.db$/, '.lockout.json');
    fs.writeFileSync(lockout, '{"failures": 4, "lockedUntil": nul');
    const v = await cli(['verify', '--db', db, '--json'], dana());
    expect(v.code).toBe(1);
    expect(v.err).toMatch(/riverside\.lockout\.json.*damaged.*paused/);
    expect(v.err).toMatch(/delete/);
    const old = new Date(Date.now() - 11 * 60 * 1000);
    fs.utimesSync(lockout, old, old);
    expect((await cli(['verify', '--db', db, '--json'], dana())).code).toBe(0);
  });
});

describe('item 4: restore counts toward the target’s lockout', () => {
  it('six wrong restore passphrases lock the target; during the lockout restore changes nothing', async () => {
    const dir = tmp();
    const { db } = await init(dir, 'riverside', 'Dana', PASS);
    const out = path.join(dir, 'b.cwbackup');
    expect((await cli(['backup', '--db', db, '--out', out, '--json'], dana())).code).toBe(0);
    const errs: string[] = [];
    for (let i = 0; i < 6; i++)
      errs.push((await cli(['restore', '--from', out, '--db', db, '--json'], { CASEWALK_PASSPHRASE: `wrong guess number ${i}` })).err);
    expect(errs.slice(0, 4).every((e) => e.startsWith('casewalk: That passphrase is not right.'))).toBe(true);
    expect(errs[4]).toMatch(/5th failed attempt/);
    expect(errs[5]).toMatch(/paused/);
    // The target itself is locked out now.
    expect((await cli(['verify', '--db', db, '--json'], dana())).err).toMatch(/paused/);
    // The right passphrase during the lockout: refused before anything changes.
    const before = fs.readdirSync(dir).sort();
    const bytes = fs.readFileSync(db);
    const r = await cli(['restore', '--from', out, '--db', db, '--json'], { CASEWALK_PASSPHRASE: PASS });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/paused/);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    expect(fs.readFileSync(db).equals(bytes)).toBe(true);
  });
});

describe('item 13: restoring another workbench’s backup needs confirmation', () => {
  it('names both committees and ids and changes nothing without --force; --force restores', async () => {
    const dir = tmp();
    const { db } = await init(dir, 'riverside', 'Dana', PASS);
    const other = await init(dir, 'lakeside', 'Dana', PASS); // same passphrase, different workbench
    const out = path.join(dir, 'lakeside.cwbackup');
    expect((await cli(['backup', '--db', other.db, '--out', out, '--json'], dana())).code).toBe(0);
    const ours = readKeys(db).workbenchId as string;
    const theirs = readKeys(other.db).workbenchId as string;
    const before = fs.readdirSync(dir).sort();
    const r = await cli(['restore', '--from', out, '--db', db, '--json'], { CASEWALK_PASSPHRASE: PASS });
    expect(r.code).toBe(1);
    for (const s of ['riverside CIT', 'lakeside CIT', ours, theirs, '--force']) expect(r.err).toContain(s);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    expect(readKeys(db).workbenchId).toBe(ours);
    const forced = await cli(['restore', '--from', out, '--db', db, '--force', '--json'], { CASEWALK_PASSPHRASE: PASS });
    expect(forced.code).toBe(0);
    expect(readKeys(db).workbenchId).toBe(theirs);
  });
});

describe('item 9: a failed export leaves no temp file', () => {
  it('exporting onto a folder says so and leaves nothing behind; so does a missing folder', async () => {
    const dir = tmp();
    const { db } = await init(dir, 'riverside', 'Dana', PASS);
    const exportsDir = path.join(dir, 'exports');
    const target = path.join(exportsDir, 'out.csv');
    fs.mkdirSync(target, { recursive: true }); // the destination is a folder
    const before = fs.readdirSync(exportsDir);
    const r = await cli(['export', 'register', '--db', db, '--format', 'csv', '--out', target, '--json'], dana());
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/is a folder/);
    expect(fs.readdirSync(exportsDir)).toEqual(before);
    const missing = await cli(
      ['export', 'register', '--db', db, '--format', 'csv', '--out', path.join(dir, 'nope', 'out.csv'), '--json'],
      dana(),
    );
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/folder .* does not exist/);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});

describe('item 10: CSV formulas after any separator', () => {
  it('no field starts with a formula trigger whichever separator a spreadsheet splits on', async () => {
    const { csv } = await import('../core/exports/doc');
    const { parse } = await import('csv-parse/sync');
    const cells = ['Review intake;=1+41', '=SUM(A1)', 'a,+1', 'x|@cmd', 'tab\t-2+3', 'ok; "=1+1"', 'plain text; nothing here', '-5'];
    const text = csv([cells]);
    for (const delimiter of [',', ';', '\t', '|']) {
      const rows = parse(text, { delimiter, relax_quotes: true, relax_column_count: true }) as string[][];
      for (const field of rows.flat()) expect([delimiter, field]).not.toEqual([delimiter, expect.stringMatching(/^[\s"]*[=+\-@]/)]);
    }
    // Read back with the right separator, the text is all there (with the ' markers).
    const back = (parse(text) as string[][])[0]!;
    expect(back[0]).toBe("Review intake;'=1+41");
    expect(back[6]).toBe('plain text; nothing here');
  });
});

describe('item 5: removing a keyholder does not revoke older copies, and says so', () => {
  it('lists the backups and replaced copies made before, offers a fresh backup, and deletes only files still as Casewalk wrote them', async () => {
    const dir = tmp();
    const { db } = await init(dir, 'riverside', 'Dana', PASS);
    for (const name of ['Sam', 'Lee'])
      expect((await cli(['member', 'add', '--db', db, '--name', name, '--json'], dana({ CASEWALK_NEW_PASSPHRASE: SAM }))).code).toBe(0);
    const b = (n: string) => path.join(dir, n);
    for (const n of ['old.cwbackup', 'edited.cwbackup', 'gone.cwbackup'])
      expect((await cli(['backup', '--db', db, '--out', b(n), '--json'], dana())).code).toBe(0);
    // A restore keeps the replaced workbench as a dated copy: recorded as well.
    const restored = await cli(['restore', '--from', b('old.cwbackup'), '--db', db, '--json'], dana());
    expect(restored.code).toBe(0);
    const replaced = (JSON.parse(restored.out) as { replacedCopy: string }).replacedCopy;
    expect((await cli(['backup', '--db', db, '--out', b('after-restore.cwbackup'), '--json'], dana())).code).toBe(0);

    // Text output says it plainly and lists the copies made before.
    const text = await cli(['member', 'remove', '--db', db, '--name', 'Lee'], dana());
    expect(text.code).toBe(0);
    expect(text.out).toContain("Lee's passphrase and the old recovery key no longer open this workbench.");
    expect(text.out).toContain('This does not revoke older copies.');
    expect(text.out).toContain("still open with Lee's passphrase and the old recovery key");
    expect(text.out).toContain(replaced);
    expect(text.out).toContain(b('after-restore.cwbackup'));
    expect(text.out).toContain('--delete-old-copies');

    fs.appendFileSync(b('after-restore.cwbackup'), 'x');
    // The replaced copy's key file still unwraps the old key for Sam: it is one of the copies.
    const before = new Set(fs.readdirSync(dir));
    const rm = await cli(
      ['member', 'remove', '--db', db, '--name', 'Sam', '--backup-to', b('fresh.cwbackup'), '--delete-old-copies', '--json'],
      dana(),
    );
    expect(rm.code).toBe(0);
    const r = JSON.parse(rm.out) as {
      recoveryKey: string;
      oldCopies: { name: string; folder: string; sha256: string; state: string }[];
      freshBackup: { file: string };
      deletedOldCopies: { deleted: { name: string }[]; changed: { name: string }[]; missing: { name: string }[] };
    };
    expect(r.recoveryKey).toMatch(/\S/);
    const names = r.oldCopies.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining([path.basename(replaced), 'after-restore.cwbackup']));
    expect(r.oldCopies.find((c) => c.name === 'after-restore.cwbackup')!.state).toBe('changed');
    expect(r.freshBackup.file).toBe(b('fresh.cwbackup'));
    expect(r.deletedOldCopies.changed.map((c) => c.name)).toEqual(['after-restore.cwbackup']);
    expect(r.deletedOldCopies.deleted.map((c) => c.name)).toEqual(expect.arrayContaining([path.basename(replaced)]));
    // Deleted: the replaced copy (still as written). Kept: the changed backup, the fresh one, and files Casewalk never recorded.
    expect(fs.existsSync(replaced)).toBe(false);
    expect(fs.existsSync(b('after-restore.cwbackup'))).toBe(true);
    expect(fs.existsSync(b('fresh.cwbackup'))).toBe(true);
    const left = fs.readdirSync(dir);
    for (const f of before) if (!r.deletedOldCopies.deleted.some((d) => d.name === f)) expect(left, f).toContain(f);
    // The fresh backup opens with the new key; the workbench verifies.
    expect((await cli(['verify', '--db', db, '--json'], dana())).code).toBe(0);
  });
});
