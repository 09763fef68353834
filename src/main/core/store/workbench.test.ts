import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from '@signalapp/sqlcipher';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CasewalkError } from '../../../shared/result';
import { canonical, GENESIS, headMac, listAudit } from './audit';
import { sha256Hex } from './crypto';
import { createBackup, restoreBackup } from './backup';
import { keyPragma } from './db';
import { keyslotPath, readKeyslots } from './keyslots';
import { LATEST_VERSION } from './migrations';
import { decodeRecoveryKey } from './recovery-key';
import { lockoutFile, Workbench } from './workbench';

let dir: string;
let dbFile: string;
const PASS = 'harbour lantern quietly 42';
const CANARY = 'CANARY-7f3e-ZEBRA-NARRATIVE';
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-store-'));
  dbFile = path.join(dir, 'workbench.db');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function make() {
  const r = await Workbench.create(dbFile, { committee: 'Riverside County CIT', keyholder: 'Dana Coordinator', passphrase: PASS });
  r.workbench.write({ event: 'update', entity: 'test' }, (db) => {
    // Test rows go in `meta` (key 'scratch:…'): an extra table would fail verify's schema check.
    db.prepare("INSERT INTO meta (key, value) VALUES ('scratch:0', ?)").run([CANARY]);
  });
  return r;
}
const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof CasewalkError ? e.code : `unexpected: ${String(e)}`;
  }
};
function allBytesUnder(d: string): Buffer {
  const parts: Buffer[] = [];
  for (const f of fs.readdirSync(d, { recursive: true }) as string[]) {
    const p = path.join(d, f);
    if (fs.statSync(p).isFile()) parts.push(fs.readFileSync(p));
  }
  return Buffer.concat(parts);
}

describe('encrypted workbench', () => {
  it('is not a plain SQLite file and never holds case text in the clear', async () => {
    const { workbench } = await make();
    expect(fs.readFileSync(dbFile).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    // WAL still open: the WAL must be encrypted too.
    expect(allBytesUnder(dir).includes(Buffer.from(CANARY))).toBe(false);
    workbench.close();
    expect(allBytesUnder(dir).includes(Buffer.from(CANARY))).toBe(false);
    expect(allBytesUnder(dir).includes(Buffer.from('Riverside County CIT'))).toBe(true); // committee name is public
  });

  it('opens in a plain SQLCipher connection from nothing but the documented recovery-key decoding', async () => {
    const { workbench, recoveryKey } = await make();
    workbench.close();
    // docs/data-format.md: Crockford base32 → 32 bytes → hex → PRAGMA key = "x'…'"
    const hex = decodeRecoveryKey(recoveryKey)!.toString('hex');
    expect(hex).toMatch(/^[0-9a-f]{64}$/);
    const db = new Database(dbFile);
    db.pragma(`key = "x'${hex}'"`);
    expect(db.prepare("SELECT value AS v FROM meta WHERE key = 'scratch:0'").get()).toEqual({ v: CANARY });
    expect(Number(db.pragma('user_version', { simple: true }))).toBe(LATEST_VERSION);
    db.close();
  });

  it('unlocks with the passphrase and with the recovery key', async () => {
    const { workbench, recoveryKey } = await make();
    workbench.close();
    const a = await Workbench.unlock(dbFile, { kind: 'passphrase', passphrase: PASS });
    expect(a.read((db) => db.prepare("SELECT value AS v FROM meta WHERE key = 'scratch:0'").get())).toEqual({ v: CANARY });
    a.close();
    const b = await Workbench.unlock(dbFile, { kind: 'recovery', recoveryKey: recoveryKey.toLowerCase().replace(/0/g, 'o') });
    expect(b.actor).toBe('recovery key');
    b.close();
  });

  it('refuses a wrong passphrase without touching the file, and the 6th try is locked out', async () => {
    const { workbench } = await make();
    workbench.close();
    const before = fs.readFileSync(dbFile);
    const results: string[] = [];
    for (let i = 0; i < 6; i++)
      results.push(await code(Workbench.unlock(dbFile, { kind: 'passphrase', passphrase: `wrong ${i} passphrase` })));
    expect(results).toEqual(['wrong_secret', 'wrong_secret', 'wrong_secret', 'wrong_secret', 'lockout', 'lockout']);
    expect(fs.readFileSync(dbFile).equals(before)).toBe(true);
    // Even the right passphrase waits out the lockout, and a restart (new process) does not reset it.
    expect(await code(Workbench.unlock(dbFile, { kind: 'passphrase', passphrase: PASS }))).toBe('lockout');
    const state = JSON.parse(fs.readFileSync(lockoutFile(dbFile), 'utf8')) as { lockedUntil: number };
    expect(state.lockedUntil - Date.now()).toBeGreaterThan(9 * 60 * 1000);
  });

  it('records failed attempts in the audit log at the next unlock', async () => {
    const { workbench } = await make();
    workbench.close();
    await code(Workbench.unlock(dbFile, { kind: 'passphrase', passphrase: 'not the passphrase at all' }));
    const wb = await Workbench.unlock(dbFile, { kind: 'passphrase', passphrase: PASS });
    const last = wb.read((db) => db.prepare("SELECT detail FROM audit WHERE event = 'unlock_ok' ORDER BY id DESC LIMIT 1").get());
    expect(last).toEqual({ detail: '1 failed attempt(s) before this unlock' });
    wb.close();
  });

  it('removing a keyholder rotates the key: the old key no longer opens the file', async () => {
    const { workbench, recoveryKey: oldRecovery } = await make();
    const second = await workbench.addKeyholder('Sam Clinician', 'meadow copper violin 77');
    const { recoveryKey } = workbench.removeKeyholder(workbench.keyholders()[0]!.id);
    expect(recoveryKey).not.toBe(oldRecovery);
    workbench.close();
    const old = new Database(dbFile);
    old.pragma(keyPragma(decodeRecoveryKey(oldRecovery)!));
    expect(() => old.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    old.close();
    expect(await code(Workbench.unlock(dbFile, { kind: 'passphrase', keyholderName: 'Dana Coordinator', passphrase: PASS }))).toBe(
      'not_found',
    );
    const b = await Workbench.unlock(dbFile, { kind: 'passphrase', keyholderId: second.id, passphrase: 'meadow copper violin 77' });
    expect(b.keyholders().map((k) => k.name)).toEqual(['Sam Clinician']);
    expect(b.verify().ok).toBe(true);
    b.close();
    const c = await Workbench.unlock(dbFile, { kind: 'recovery', recoveryKey: recoveryKey! });
    c.close();
  });

  it('finishes a rotation that crashed after the rekey committed, and abandons one that did not', async () => {
    const { workbench } = await make();
    await workbench.addKeyholder('Sam Clinician', 'meadow copper violin 77');
    const before = readKeyslots(dbFile); // both slots wrap the old key
    const [dana, sam] = before.slots as [NonNullable<(typeof before.slots)[0]>, NonNullable<(typeof before.slots)[0]>];
    workbench.removeKeyholder(dana.id);
    workbench.close();
    const after = readKeyslots(dbFile);
    // Crash window: rekey committed, keyslot file still in its step-1 state (both keys).
    const pending = {
      ...after,
      rotation: { startedAt: 'x', removing: dana.id },
      slots: [dana, { ...sam, nextDataKey: after.slots[0]!.dataKey }],
    };
    fs.writeFileSync(keyslotPath(dbFile), JSON.stringify(pending));
    const wb = await Workbench.unlock(dbFile, {
      kind: 'passphrase',
      keyholderName: 'Sam Clinician',
      passphrase: 'meadow copper violin 77',
    });
    expect(wb.keyholders().map((k) => k.name)).toEqual(['Sam Clinician']);
    expect(wb.verify().ok).toBe(true);
    wb.close();
    const settled = readKeyslots(dbFile);
    expect(settled.rotation).toBeNull();
    expect(settled.slots.every((s) => !s.nextDataKey)).toBe(true);
    // Crash before the rekey: the pending key is dropped and nobody is removed.
    const beforeRekey = {
      ...settled,
      rotation: { startedAt: 'x', removing: 'someone' },
      slots: [{ ...settled.slots[0]!, nextDataKey: before.slots[1]!.dataKey }],
    };
    fs.writeFileSync(keyslotPath(dbFile), JSON.stringify(beforeRekey));
    const wb2 = await Workbench.unlock(dbFile, { kind: 'passphrase', passphrase: 'meadow copper violin 77' });
    wb2.close();
    expect(readKeyslots(dbFile).slots.map((s) => [s.name, Boolean(s.nextDataKey)])).toEqual([['Sam Clinician', false]]);
  });

  it('changes a passphrase: the old one stops working', async () => {
    const { workbench } = await make();
    const id = workbench.keyholders()[0]!.id;
    expect(await code(workbench.changePassphrase(id, 'wrong current one!', 'new passphrase here 9'))).toBe('wrong_secret');
    await workbench.changePassphrase(id, PASS, 'sunlit orchard ladder 19');
    workbench.close();
    expect(await code(Workbench.unlock(dbFile, { kind: 'passphrase', passphrase: PASS }))).toBe('wrong_secret');
    fs.rmSync(lockoutFile(dbFile));
    (await Workbench.unlock(dbFile, { kind: 'passphrase', passphrase: 'sunlit orchard ladder 19' })).close();
  });

  it('gives specific errors for a plain SQLite file, a damaged file and a damaged key file', async () => {
    const plain = path.join(dir, 'plain.db');
    const p = new Database(plain);
    p.exec('CREATE TABLE t (a)');
    p.close();
    fs.copyFileSync(keyslotPath((await make()).workbench.dbFile), keyslotPath(plain));
    expect(await code(Workbench.unlock(plain, { kind: 'passphrase', passphrase: PASS }))).toBe('not_a_workbench');

    const bytes = fs.readFileSync(dbFile);
    fs.writeFileSync(dbFile, bytes.subarray(0, 100)); // truncated
    for (const s of ['-wal', '-shm']) fs.rmSync(dbFile + s, { force: true });
    expect(await code(Workbench.unlock(dbFile, { kind: 'passphrase', passphrase: PASS }))).toBe('damaged');

    fs.writeFileSync(keyslotPath(dbFile), '{"format":"casewalk-keyslots", broken');
    expect(await code(Workbench.unlock(dbFile, { kind: 'passphrase', passphrase: PASS }))).toBe('damaged');
    fs.rmSync(keyslotPath(dbFile));
    expect(await code(Workbench.unlock(dbFile, { kind: 'passphrase', passphrase: PASS }))).toBe('not_a_workbench');
  });

  it('refuses a database from a newer Casewalk and leaves it untouched', async () => {
    const { workbench, recoveryKey } = await make();
    workbench.close();
    const raw = new Database(dbFile);
    raw.pragma(keyPragma(decodeRecoveryKey(recoveryKey)!));
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = fs.readFileSync(dbFile);
    expect(await code(Workbench.unlock(dbFile, { kind: 'passphrase', passphrase: PASS }))).toBe('newer_version');
    expect(fs.readFileSync(dbFile).equals(before)).toBe(true);
  });
});

describe('audit chain', () => {
  async function rawWithKey() {
    const { workbench, recoveryKey } = await make();
    for (let i = 0; i < 4; i++) workbench.write({ event: 'update', entity: `e${i}` }, () => {});
    workbench.close();
    const raw = new Database(dbFile);
    raw.pragma(keyPragma(decodeRecoveryKey(recoveryKey)!));
    return raw;
  }
  const verify = async () => {
    const wb = await Workbench.unlock(dbFile, { kind: 'passphrase', passphrase: PASS });
    // unlock itself appends a row; verify reports on the whole chain.
    const r = wb.verify();
    wb.close();
    return r;
  };

  it('verifies an untouched chain', async () => {
    (await rawWithKey()).close();
    const r = await verify();
    expect(r).toMatchObject({
      ok: true,
      cipherIntegrity: { ok: true },
      integrity: { ok: true },
      auditChain: { ok: true, firstBroken: null },
    });
    expect(r.auditChain.rows).toBeGreaterThan(6);
  });
  it('reports an edited row as the first broken one', async () => {
    const raw = await rawWithKey();
    raw.prepare("UPDATE audit SET entity = 'tampered' WHERE id = 3").run();
    raw.close();
    expect((await verify()).auditChain).toMatchObject({ ok: false, firstBroken: 3 });
  });
  it('reports a deleted middle row and reordered rows', async () => {
    const raw = await rawWithKey();
    raw.prepare('DELETE FROM audit WHERE id = 4').run();
    raw.close();
    expect((await verify()).auditChain).toMatchObject({ ok: false, firstBroken: 5 });
  });
  it('reports deleted newest rows through the head anchor', async () => {
    const raw = await rawWithKey();
    raw.prepare('DELETE FROM audit WHERE id >= (SELECT max(id) - 1 FROM audit)').run();
    raw.close();
    // Unlocking appends a new row on top of the shortened chain; the anchor still catches it.
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.auditChain.ok).toBe(false);
  });
});

describe('backup and restore', () => {
  it('round-trips every row and keeps the replaced workbench as a dated copy', async () => {
    const { workbench } = await make();
    workbench.write({ event: 'update' }, (db) => {
      for (let i = 1; i <= 500; i++) db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run([`scratch:${i}`, `row ${i}`]);
    });
    const events: [number, number, string][] = [];
    const target = path.join(dir, 'out', 'committee.cwbackup');
    fs.mkdirSync(path.dirname(target));
    // Small chunks: progress moves through the checksum and the write, in bytes, never backwards.
    createBackup(workbench, target, (d, t, s) => events.push([d, t, s]), { chunkBytes: 16 * 1024 });
    const stages = [...new Set(events.map((e) => e[2]))];
    expect(stages).toEqual(['copying', 'checking', 'writing', 'done']);
    expect(events.filter((e) => e[2] === 'writing').length).toBeGreaterThan(3);
    const moving = events.slice(1);
    expect(moving.every(([d], i) => i === 0 || d >= moving[i - 1]![0])).toBe(true);
    expect(events.at(-1)![0]).toBe(events.at(-1)![1]);
    expect(fs.readdirSync(path.dirname(target))).toEqual(['committee.cwbackup']); // no temp left
    expect(fs.readFileSync(target).includes(Buffer.from(CANARY))).toBe(false);
    expect(workbench.read((db) => listAudit(db, { event: 'backup', limit: 5, offset: 0 })).rows).toMatchObject([
      { event: 'backup', member: 'Dana Coordinator' },
    ]);
    const rowsBefore = workbench.read((db) => db.prepare("SELECT * FROM meta WHERE key LIKE 'scratch:%' ORDER BY key").all());
    const auditBefore = workbench.read((db) => db.prepare('SELECT count(*) AS n FROM audit').get());
    // Change after the backup; the restore must bring back the backed-up state.
    workbench.write({ event: 'delete' }, (db) => db.exec("DELETE FROM meta WHERE key LIKE 'scratch:%'"));
    workbench.close();
    const restoreStages: string[] = [];
    const { workbench: restored, replaced } = await restoreBackup(
      target,
      dbFile,
      { kind: 'passphrase', passphrase: PASS },
      () => {},
      (_d, _t, s) => restoreStages.push(s),
    );
    expect([...new Set(restoreStages)]).toEqual(['checking', 'verifying', 'replacing']);
    expect(restored.read((db) => db.prepare("SELECT * FROM meta WHERE key LIKE 'scratch:%' ORDER BY key").all())).toEqual(rowsBefore);
    expect(rowsBefore).toHaveLength(501);
    expect((restored.read((db) => db.prepare('SELECT count(*) AS n FROM audit').get()) as { n: number }).n).toBeGreaterThan(
      (auditBefore as { n: number }).n,
    );
    expect(restored.verify().ok).toBe(true);
    restored.close();
    expect(replaced && fs.existsSync(replaced)).toBe(true);
  });

  it('refuses a wrong secret or a damaged backup and replaces nothing', async () => {
    const { workbench } = await make();
    const target = path.join(dir, 'b.cwbackup');
    createBackup(workbench, target);
    workbench.close();
    const before = fs.readFileSync(dbFile);
    expect(await code(restoreBackup(target, dbFile, { kind: 'passphrase', passphrase: 'definitely wrong pass' }))).toBe('wrong_secret');
    const bytes = fs.readFileSync(target);
    bytes[bytes.length - 100]! ^= 0xff;
    fs.writeFileSync(target, bytes);
    expect(await code(restoreBackup(target, dbFile, { kind: 'passphrase', passphrase: PASS }))).toBe('damaged');
    bytes[bytes.length - 100]! ^= 0xff;
    fs.writeFileSync(target, bytes.subarray(0, bytes.length - 10)); // truncated
    expect(await code(restoreBackup(target, dbFile, { kind: 'passphrase', passphrase: PASS }))).toBe('damaged');
    const badHeader = Buffer.from(bytes);
    badHeader.writeUInt32BE(0xffffff, 'CASEWALK-BACKUP\n'.length); // a header length past the end
    fs.writeFileSync(target, badHeader);
    expect(await code(restoreBackup(target, dbFile, { kind: 'passphrase', passphrase: PASS }))).toBe('damaged');
    fs.writeFileSync(target, 'hello');
    expect(await code(restoreBackup(target, dbFile, { kind: 'passphrase', passphrase: PASS }))).toBe('not_a_workbench');
    expect(fs.readFileSync(dbFile).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.restore'))).toEqual([]);
  });
});

describe('keyslot seal (issue 16, item 1)', () => {
  /** A workbench as an older Casewalk left it: no slotsMac, no 'keyslots_sealed' row (chain re-hashed). */
  async function legacy() {
    const { workbench, recoveryKey } = await make();
    await workbench.addKeyholder('Sam Clinician', 'meadow copper violin 77');
    workbench.close();
    const key = decodeRecoveryKey(recoveryKey)!;
    const raw = new Database(dbFile);
    raw.pragma(keyPragma(key));
    const rows = raw
      .prepare("SELECT id, at, member, event, entity, outcome, detail FROM audit WHERE event <> 'keyslots_sealed' ORDER BY id")
      .all() as {
      id: number;
      at: string;
      member: string | null;
      event: string;
      entity: string | null;
      outcome: string;
      detail: string | null;
    }[];
    raw.prepare('DELETE FROM audit').run();
    let prev = GENESIS;
    rows.forEach((r, i) => {
      const row = { ...r, id: i + 1 };
      const hash = sha256Hex(prev + canonical(row));
      raw
        .prepare('INSERT INTO audit (id, at, member, event, entity, outcome, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run([row.id, row.at, row.member, row.event, row.entity, row.outcome, row.detail, prev, hash]);
      prev = hash;
    });
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const ks = readKeyslots(dbFile);
    delete ks.slotsMac;
    const head = { rows: rows.length, hash: prev };
    ks.auditHead = { ...head, mac: headMac(key, head) };
    fs.writeFileSync(keyslotPath(dbFile), JSON.stringify(ks));
  }

  it('seals a key file from before the seal at the first unlock, and says so in the audit log', async () => {
    await legacy();
    const wb = await Workbench.unlock(dbFile, { kind: 'passphrase', keyholderName: 'Dana Coordinator', passphrase: PASS });
    expect(wb.verify()).toMatchObject({ ok: true, keyslots: { ok: true, problems: [] } });
    const sealed = wb.read((db) => listAudit(db, { event: 'keyslots_sealed', limit: 5, offset: 0 })).rows;
    expect(sealed).toMatchObject([{ detail: '2 key slot(s) sealed at first unlock: Dana Coordinator, Sam Clinician' }]);
    wb.close();
    expect(readKeyslots(dbFile).slotsMac?.slots).toHaveProperty(readKeyslots(dbFile).slots[1]!.id);
    // From now on, removing the seal is tampering, not an old file.
    const ks = readKeyslots(dbFile);
    delete ks.slotsMac;
    fs.writeFileSync(keyslotPath(dbFile), JSON.stringify(ks));
    const again = await Workbench.unlock(dbFile, { kind: 'passphrase', keyholderName: 'Dana Coordinator', passphrase: PASS });
    const r = again.verify();
    expect(r.ok).toBe(false);
    expect(r.keyslots.problems.join(' ')).toMatch(/seal \(slotsMac\) was removed/);
    expect(r.keyslots.problems.join(' ')).toMatch(/Unknown key slot "Sam Clinician"/);
    expect(again.read((db) => listAudit(db, { event: 'keyslot_warning', limit: 5, offset: 0 })).rows).toMatchObject([
      { outcome: 'failed' },
    ]);
    again.close();
  });

  it('restore refuses a backup whose key file carries an unknown slot', async () => {
    const { workbench } = await make();
    const target = path.join(dir, 'b.cwbackup');
    createBackup(workbench, target);
    workbench.close();
    const bytes = fs.readFileSync(target);
    const len = bytes.readUInt32BE(16);
    const header = JSON.parse(bytes.subarray(20, 20 + len).toString('utf8')) as { keyslots: { slots: { id: string; name: string }[] } };
    header.keyslots.slots.push({ ...header.keyslots.slots[0]!, id: 'planted-slot-1', name: 'Mallory' });
    const h = Buffer.from(JSON.stringify(header));
    const l = Buffer.alloc(4);
    l.writeUInt32BE(h.length);
    fs.writeFileSync(target, Buffer.concat([bytes.subarray(0, 16), l, h, bytes.subarray(20 + len)]));
    const before = fs.readFileSync(dbFile);
    const err = await restoreBackup(target, dbFile, { kind: 'passphrase', keyholderName: 'Dana Coordinator', passphrase: PASS }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CasewalkError);
    expect((err as CasewalkError).message).toContain('Mallory');
    expect(fs.readFileSync(dbFile).equals(before)).toBe(true);
  });
});

describe('change passphrase (issue 16, item 8)', () => {
  it('counts wrong current passphrases toward the lockout and audits them', async () => {
    const { workbench } = await make();
    const id = workbench.keyholders()[0]!.id;
    const results: string[] = [];
    for (let i = 0; i < 6; i++)
      results.push(await code(workbench.changePassphrase(id, `wrong current ${i} pass`, 'sunlit orchard ladder 19')));
    expect(results).toEqual(['wrong_secret', 'wrong_secret', 'wrong_secret', 'wrong_secret', 'lockout', 'lockout']);
    const failed = workbench.read((db) => listAudit(db, { event: 'passphrase_change', limit: 10, offset: 0 })).rows;
    expect(failed.filter((r) => r.outcome === 'failed')).toHaveLength(5);
    // Even the right current passphrase waits, and the next unlock is paused too.
    expect(await code(workbench.changePassphrase(id, PASS, 'sunlit orchard ladder 19'))).toBe('lockout');
    workbench.close();
    expect(await code(Workbench.unlock(dbFile, { kind: 'passphrase', passphrase: PASS }))).toBe('lockout');
  });
});

describe('file modes (issue 16, item 12)', () => {
  const mode = (f: string) => fs.statSync(f).mode & 0o777;
  it.skipIf(process.platform === 'win32')(
    'creates the workbench, WAL, SHM, keyslot, lockout, backup and replaced files 0600 in a 0700 folder',
    async () => {
      const sub = path.join(dir, 'data');
      dbFile = path.join(sub, 'workbench.db');
      const { workbench } = await make();
      expect(mode(sub)).toBe(0o700);
      for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, keyslotPath(dbFile)]) expect([f, mode(f)]).toEqual([f, 0o600]);
      const backup = path.join(dir, 'b.cwbackup');
      createBackup(workbench, backup);
      expect(mode(backup)).toBe(0o600);
      workbench.close();
      await code(Workbench.unlock(dbFile, { kind: 'passphrase', passphrase: 'wrong passphrase here' }));
      expect(mode(lockoutFile(dbFile))).toBe(0o600);
      const { workbench: restored, replaced } = await restoreBackup(backup, dbFile, { kind: 'passphrase', passphrase: PASS });
      for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, keyslotPath(dbFile), replaced!, keyslotPath(replaced!)])
        expect([f, mode(f)]).toEqual([f, 0o600]);
      restored.close();
    },
  );
  it.skipIf(process.platform === 'win32')('tightens a workbench an older Casewalk left 0644 when it opens it', async () => {
    const { workbench } = await make();
    workbench.close();
    for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) if (fs.existsSync(f)) fs.chmodSync(f, 0o644);
    const wb = await Workbench.unlock(dbFile, { kind: 'passphrase', passphrase: PASS });
    for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) expect([f, mode(f)]).toEqual([f, 0o600]);
    wb.close();
  });
});
