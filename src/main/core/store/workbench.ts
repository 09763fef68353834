/**
 * An unlocked workbench: one SQLCipher connection, the data key in one Buffer (wiped on
 * close), and the keyslot file. Every change goes through `write()`: one transaction that also
 * appends the audit row, then the chain head is anchored in the keyslot file.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CasewalkError } from '../../../shared/result';
import { appendAudit, chainHead, headMac, headMacMatches, type AuditEntry } from './audit';
import { deriveKek, newScryptParams, randomId, seal } from './crypto';
import { keyPragma, openWithKey, type ReadableDB, type WritableDB } from './db';
import { DEFAULT_NOTICE, readKeyslots, writeKeyslots, type KeyslotFile, type Slot } from './keyslots';
import { Lockout } from './lockout';
import { migrate } from './migrations';
import { encodeRecoveryKey } from './recovery-key';
import { finishRotation, stageRotation } from './rotation';
import { schemaProblems } from './schema-check';
import { verifyReport, type Keyholder, type VerifyReport } from './verify-report';
import {
  assertNotLockedOut,
  failedAttempt,
  keyInfo,
  lockoutFile,
  makeSlot,
  migrateOpened,
  openSlotPrivateKey,
  openWithSecret,
  slotAad,
  trustAtUnlock,
  type Secret,
} from './unlocking';
import { blocking, checkSeal, describeProblem, sealSlots, type SealProblem } from './slot-seal';

export { assertNotLockedOut, lockoutFile, pickSlot, type Secret } from './unlocking';
export type { Keyholder, VerifyReport } from './verify-report';

export class Workbench {
  /** Slot ids this session proved (sealed with our key, made here, or opened by their own passphrase). */
  private trusted = new Set<string>();
  /** Seal problems found at unlock that a later check of the file cannot see again (missing, list, unsealed). */
  private unlockProblems: SealProblem[] = [];
  /** The key file had no audit head anchor although the chain has rows (rollback detection switched off). */
  private anchorMissing = false;

  private constructor(
    readonly dbFile: string,
    private db: WritableDB | null,
    private key: Buffer,
    private ks: KeyslotFile,
    readonly actor: string,
  ) {}

  // ── lifecycle ────────────────────────────────────────────────────────────────────────────

  static async create(
    dbFile: string,
    opts: { committee: string; keyholder: string; passphrase: string; notice?: string },
  ): Promise<{ workbench: Workbench; recoveryKey: string }> {
    if (fs.existsSync(dbFile)) throw new CasewalkError('exists', 'A workbench already exists there; nothing was changed.');
    fs.mkdirSync(path.dirname(dbFile), { recursive: true, mode: 0o700 });
    const key = crypto.randomBytes(32);
    const workbenchId = randomId(12);
    const slot = await makeSlot(workbenchId, opts.keyholder, opts.passphrase, key);
    const ks: KeyslotFile = {
      format: 'casewalk-keyslots',
      version: 1,
      workbenchId,
      committee: opts.committee,
      notice: opts.notice ?? DEFAULT_NOTICE,
      slots: [slot],
      rotation: null,
      auditHead: null,
    };
    const db = openWithKey(dbFile, key, { create: true });
    try {
      migrate(db);
      const wb = new Workbench(dbFile, db, key, ks, opts.keyholder);
      wb.trusted.add(slot.id);
      wb.write({ event: 'create', entity: 'workbench', detail: `committee workbench created` }, (w) => {
        w.prepare('INSERT INTO meta (key, value) VALUES (?, ?), (?, ?)').run(['workbenchId', workbenchId, 'committee', opts.committee]);
        w.prepare('INSERT INTO keyholders (id, name, added_at) VALUES (?, ?, ?)').run([slot.id, slot.name, slot.createdAt]);
      });
      wb.write({ event: 'keyslots_sealed', entity: 'keyslots', detail: '1 key slot sealed at creation' }, () => {});
      return { workbench: wb, recoveryKey: encodeRecoveryKey(key) };
    } catch (e) {
      db.close();
      for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) fs.rmSync(f, { force: true });
      throw e;
    }
  }

  static keyholdersOf(dbFile: string): { committee: string; notice: string; keyholders: Keyholder[] } {
    const ks = readKeyslots(dbFile);
    return { committee: ks.committee, notice: ks.notice, keyholders: ks.slots.map((s) => ({ id: s.id, name: s.name })) };
  }

  /**
   * Unlocks with a passphrase (one scrypt derivation for the named keyholder) or the recovery
   * key. Wrong secrets count towards the lockout; the file itself is never written to.
   */
  static async unlock(dbFile: string, secret: Secret, opts: { lockoutOf?: string } = {}): Promise<Workbench> {
    if (!fs.existsSync(dbFile)) throw new CasewalkError('not_found', 'There is no workbench file at that location.');
    const ks = readKeyslots(dbFile);
    // Restore proves the secret on a temp copy but counts it against the workbench it replaces.
    const lockoutOf = opts.lockoutOf ?? dbFile;
    const lockout = new Lockout(lockoutFile(lockoutOf));
    assertNotLockedOut(lockoutOf, lockout);
    const { db, key, actor, opener, openedWithNext, sealCheck } = await openWithSecret(dbFile, ks, secret, lockout);

    migrateOpened(db, key);
    const wb = new Workbench(dbFile, db, key, ks, actor);
    // A chain with rows always has an anchor; a null one was removed to hide a rollback.
    wb.anchorMissing = ks.auditHead === null && chainHead(db).rows > 0;
    const { trusted, problems, firstSeal, sealedBefore } = trustAtUnlock(db, ks, sealCheck, opener);
    wb.trusted = trusted;
    wb.unlockProblems = problems.filter((p) => p.kind === 'missing' || p.kind === 'list' || p.kind === 'unsealed');
    wb.settleRotation(openedWithNext);
    if (firstSeal || !sealedBefore) {
      wb.saveKeyslots();
      const names = ks.slots.map((s) => s.name.slice(0, 80)).join(', ');
      wb.write(
        {
          event: 'keyslots_sealed',
          entity: 'keyslots',
          detail: firstSeal ? `${ks.slots.length} key slot(s) sealed at first unlock: ${names}`.slice(0, 1000) : 'seal recorded',
        },
        () => {},
      );
    }
    const planted = schemaProblems(db);
    if (planted.length) {
      wb.write(
        {
          event: 'keyslot_warning',
          entity: 'schema',
          outcome: 'failed',
          detail: `schema objects Casewalk did not create: ${planted.join(', ')}`.slice(0, 2000),
        },
        () => {},
      );
    }
    if (wb.anchorMissing) {
      wb.write(
        {
          event: 'keyslot_warning',
          entity: 'audit',
          outcome: 'failed',
          detail: 'the audit chain head anchor was missing from the key file',
        },
        () => {},
      );
    }
    if (problems.length) {
      wb.write(
        { event: 'keyslot_warning', entity: 'keyslots', outcome: 'failed', detail: problems.map(describeProblem).join(' ').slice(0, 2000) },
        () => {},
      );
    }
    const priorFailures = lockout.reset();
    wb.write(
      { event: 'unlock_ok', entity: 'workbench', detail: priorFailures ? `${priorFailures} failed attempt(s) before this unlock` : null },
      () => {},
    );
    return wb;
  }

  /**
   * Finishes (or abandons) a key rotation that a crash interrupted. If the file opened with
   * the next key, the rekey had committed: the removal is completed. Otherwise it never
   * happened and the pending keys are dropped (the keyholder can be removed again).
   */
  private settleRotation(openedWithNext: boolean): void {
    if (!this.ks.rotation && !this.ks.slots.some((s) => s.nextDataKey)) return;
    const removing = this.ks.rotation?.removing ?? null;
    this.ks = {
      ...this.ks,
      slots: this.ks.slots
        .filter((s) => !(openedWithNext && s.id === removing))
        .map((s) => {
          const { nextDataKey, ...rest } = s;
          return openedWithNext && nextDataKey ? { ...rest, dataKey: nextDataKey } : rest;
        }),
      rotation: null,
    };
    this.saveKeyslots();
  }

  get committee(): string {
    return this.ks.committee;
  }
  get notice(): string {
    return this.ks.notice;
  }
  setNotice(notice: string): void {
    this.ks = { ...this.ks, notice };
    this.saveKeyslots();
  }

  /** Locks: closes the connection and zero-fills the key. */
  close(): void {
    if (this.db) {
      try {
        this.db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        /* closing anyway */
      }
      this.db.close();
    }
    this.db = null;
    this.key.fill(0);
  }

  private conn(): WritableDB {
    if (this.db) return this.db;
    throw new CasewalkError('locked', 'The workbench is locked. Unlock it to continue.');
  }
  read<T>(fn: (db: ReadableDB) => T): T {
    return fn(this.conn());
  }
  /** Committed writes in this session (`dispatch()` tells a call that wrote from one that read). */
  writeCount = 0;
  /** One transaction: the change and its audit row commit together, or neither does. */
  write<T>(entry: AuditEntry | ((result: T) => AuditEntry), fn: (db: WritableDB) => T): T {
    const db = this.conn();
    const result = db.transaction(() => {
      const r = fn(db);
      appendAudit(db, this.actor, typeof entry === 'function' ? entry(r) : entry);
      return r;
    })();
    this.writeCount++;
    this.anchorHead();
    return result;
  }

  /**
   * Advances the head anchor, but only while the chain still contains the previous anchor:
   * after tampering (rows deleted or rewritten below it) the old anchor stays, so verify keeps
   * reporting it instead of blessing the shortened chain.
   */
  private anchorHead(): void {
    const db = this.conn();
    const prev = this.trustedHead();
    let intact = !prev.tampered;
    if (intact && prev.head && prev.head.rows > 0) {
      const at = db.prepare('SELECT hash FROM audit WHERE id = ?').get([prev.head.rows]) as { hash: string } | undefined;
      intact = at?.hash === prev.head.hash;
    }
    if (intact) {
      const head = chainHead(db);
      this.ks = { ...this.ks, auditHead: { ...head, mac: headMac(this.key, head) } };
    }
    this.saveKeyslots();
  }

  /** Writes the keyslot file, re-sealing the slots this session trusts (never any other). */
  private saveKeyslots(): void {
    this.ks = { ...this.ks, slotsMac: sealSlots(this.key, this.ks, this.trusted, this.ks.slotsMac) };
    writeKeyslots(this.dbFile, this.ks);
  }

  /** Seal problems: the in-memory slot list checked against our key, plus what unlock found. */
  slotProblems(ks: KeyslotFile = this.ks): SealProblem[] {
    return [...checkSeal(this.key, ks).problems, ...this.unlockProblems];
  }

  /** Member changes and rotation wait until every unknown or altered slot is removed. */
  private assertSlotsSealed(): void {
    const b = blocking(this.slotProblems());
    if (b.length) {
      throw new CasewalkError('conflict', `${b.map(describeProblem).join(' ')} Nothing was changed.`, {
        slots: b.map((p) => p.slotId).join(','),
      });
    }
  }

  keyslotsSnapshot(): KeyslotFile {
    return structuredClone(this.ks);
  }

  /** The chain head from the keyslot file, if its MAC proves it was written with our key. */
  trustedHead(ks: KeyslotFile = this.ks): { head: { rows: number; hash: string } | null; tampered: boolean } {
    const h = ks.auditHead;
    if (!h) return { head: null, tampered: false };
    return { head: { rows: h.rows, hash: h.hash }, tampered: !headMacMatches(this.key, h) };
  }

  verify(): VerifyReport {
    const db = this.conn();
    const onDisk = readKeyslots(this.dbFile);
    const { head, tampered } = this.trustedHead(onDisk);
    return verifyReport(db, { head, tampered, missing: this.anchorMissing }, this.slotProblems(onDisk).map(describeProblem));
  }

  // ── keyholders ───────────────────────────────────────────────────────────────────────────

  keyholders(): Keyholder[] {
    const problems = blocking(this.slotProblems());
    return this.ks.slots.map((s) => {
      const p = problems.find((x) => x.slotId === s.id);
      return p ? { id: s.id, name: s.name, warning: describeProblem(p) } : { id: s.id, name: s.name };
    });
  }

  async addKeyholder(name: string, passphrase: string): Promise<Keyholder> {
    this.assertSlotsSealed();
    if (this.ks.slots.some((s) => s.name.toLowerCase() === name.trim().toLowerCase())) {
      throw new CasewalkError('conflict', `${name} already holds a key to this workbench.`);
    }
    const slot = await makeSlot(this.ks.workbenchId, name.trim(), passphrase, this.key);
    this.write({ event: 'member_added', entity: `keyholder:${slot.id}` }, (db) => {
      db.prepare('INSERT INTO keyholders (id, name, added_at) VALUES (?, ?, ?)').run([slot.id, slot.name, slot.createdAt]);
    });
    // Only after the commit: a rolled-back write must not leave a slot in the key file.
    this.ks = { ...this.ks, slots: [...this.ks.slots, slot] };
    this.trusted.add(slot.id);
    this.saveKeyslots();
    return { id: slot.id, name: slot.name };
  }

  async changePassphrase(id: string, current: string, next: string): Promise<void> {
    const slot = this.ks.slots.find((s) => s.id === id);
    if (!slot) throw new CasewalkError('not_found', 'That keyholder is not on this workbench.');
    this.assertSlotsSealed();
    // A wrong current passphrase is a guess like a wrong unlock: counted, audited, locked out.
    const lockout = new Lockout(lockoutFile(this.dbFile));
    assertNotLockedOut(this.dbFile, lockout);
    const priv = await openSlotPrivateKey(this.ks, slot, current);
    if (!priv) {
      this.write(
        { event: 'passphrase_change', entity: `keyholder:${id}`, outcome: 'failed', detail: 'wrong current passphrase' },
        () => {},
      );
      failedAttempt(lockout, 'current passphrase', ' Nothing was changed.');
    }
    lockout.reset();
    const kdf = { name: 'scrypt' as const, ...newScryptParams() };
    const kek = await deriveKek(next, kdf);
    const updated: Slot = { ...slot, kdf, privateKey: seal(kek, priv!, slotAad(this.ks.workbenchId, slot.id)) };
    kek.fill(0);
    priv!.fill(0);
    this.write({ event: 'passphrase_change', entity: `keyholder:${id}` }, () => {});
    this.ks = { ...this.ks, slots: this.ks.slots.map((s) => (s.id === id ? updated : s)) };
    this.saveKeyslots();
  }

  /**
   * Removes a keyholder and rotates the data key (PRAGMA rekey), crash-safely: the keyslot
   * file holds both keys until the rekey has committed. Returns the new recovery key.
   */
  removeKeyholder(id: string): { recoveryKey: string | null } {
    const db = this.conn();
    const slot = this.ks.slots.find((s) => s.id === id);
    if (!slot) throw new CasewalkError('not_found', 'That keyholder is not on this workbench.');
    const flagged = blocking(this.slotProblems()).find((p) => p.slotId === id);
    if (flagged) return this.removeUnknownSlot(slot, flagged);
    this.assertSlotsSealed();
    if (this.ks.slots.length === 1)
      throw new CasewalkError('conflict', 'The last keyholder cannot be removed: add another keyholder first.');
    const next = crypto.randomBytes(32);
    const info = keyInfo(this.ks.workbenchId);
    // 1. Both keys on disk for every remaining keyholder.
    this.ks = stageRotation(this.ks, id, this.trusted, next, info);
    this.saveKeyslots();
    // 2. Re-encrypt every page with the new key (one SQLCipher transaction).
    db.pragma(`re${keyPragma(next)}`);
    // 3. The new key is now the only key; the head anchor is re-sealed with it.
    const trusted = this.trustedHead();
    const old = this.key;
    this.key = next;
    old.fill(0);
    this.ks = finishRotation(this.ks, id, this.key, trusted.tampered);
    this.write({ event: 'member_removed', entity: `keyholder:${id}` }, (w) => {
      w.prepare('UPDATE keyholders SET removed_at = ? WHERE id = ?').run([new Date().toISOString(), id]);
    });
    this.write({ event: 'key_rotated', entity: 'workbench', detail: 'data key rotated after a keyholder was removed' }, () => {});
    return { recoveryKey: encodeRecoveryKey(this.key) };
  }

  /**
   * Drops an unknown or altered slot from the key file. No rotation: Casewalk never gave that
   * slot the data key. Audited first, so a crash leaves the slot reported rather than unrecorded.
   */
  private removeUnknownSlot(slot: Slot, problem: SealProblem): { recoveryKey: null } {
    this.write(
      { event: 'keyslot_removed', entity: `keyslot:${slot.id}`, detail: `${problem.kind} key slot "${slot.name.slice(0, 80)}" removed` },
      () => {},
    );
    this.ks = { ...this.ks, slots: this.ks.slots.filter((s) => s.id !== slot.id) };
    this.trusted.delete(slot.id);
    this.saveKeyslots();
    return { recoveryKey: null };
  }

  /** For the backup module: the raw key, only while unlocked. Never logged, never returned. */
  withKey<T>(fn: (key: Buffer) => T): T {
    this.conn();
    return fn(this.key);
  }
}
