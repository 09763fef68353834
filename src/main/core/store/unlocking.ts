/**
 * Opening a workbench with a secret: the keyholder's slot (one scrypt derivation) or the
 * recovery key, the lockout after repeated failures, and new slots for new keyholders.
 */
import path from 'node:path';
import { CasewalkError } from '../../../shared/result';
import { headMac, headMacMatches } from './audit';
import {
  deriveKek,
  newKeyPair,
  newScryptParams,
  open as openSealed,
  publicKeyOf,
  randomId,
  seal,
  unwrapWithPrivateKey,
  wrapToPublicKey,
} from './crypto';
import { APPLICATION_ID, isNotADatabase, openWithKey, type ReadableDB, type WritableDB } from './db';
import { checkVersion, migrate } from './migrations';
import { siblingPath, type KeyslotFile, type Slot } from './keyslots';
import { Lockout, MAX_FAILURES } from './lockout';
import { decodeRecoveryKey } from './recovery-key';
import { checkSeal, type SealProblem } from './slot-seal';

export type Secret =
  | { kind: 'passphrase'; passphrase: string; keyholderId?: string | undefined; keyholderName?: string | undefined }
  | { kind: 'recovery'; recoveryKey: string };

export const slotAad = (wb: string, slot: string) => `casewalk-slot:${wb}:${slot}`;
export const keyInfo = (wb: string) => `casewalk-datakey:${wb}`;

export function lockoutFile(dbFile: string): string {
  return siblingPath(dbFile, '.lockout.json');
}

/** Refuses with `lockout` while the workbench's lockout runs (a damaged lockout file counts as one). */
export function assertNotLockedOut(dbFile: string, lockout = new Lockout(lockoutFile(dbFile))): void {
  const left = lockout.remainingMs();
  if (left <= 0) return;
  const minutes = Math.ceil(left / 60000);
  const pause = `Unlocking is paused for ${minutes} more minute${minutes === 1 ? '' : 's'}.`;
  throw new CasewalkError(
    'lockout',
    lockout.isDamaged()
      ? `The lockout file ${path.basename(lockoutFile(dbFile))} is damaged, so it is read as a lockout. ${pause} If you know why it is damaged, delete that file to unlock now.`
      : `Too many failed attempts. ${pause}`,
    { secondsLeft: Math.ceil(left / 1000) },
  );
}

/** Counts a wrong secret and throws `wrong_secret` (or `lockout` on the 5th in a row). */
export function failedAttempt(lockout: Lockout, what: string, tail = ''): never {
  const { failures, lockedOut } = lockout.fail();
  if (lockedOut) {
    throw new CasewalkError('lockout', `That was the ${MAX_FAILURES}th failed attempt. Unlocking is paused for 10 minutes.${tail}`, {
      secondsLeft: 600,
    });
  }
  const left = MAX_FAILURES - failures;
  throw new CasewalkError(
    'wrong_secret',
    `That ${what} is not right.${tail} ${left} attempt${left === 1 ? '' : 's'} left before a 10-minute pause.`,
    {
      attemptsLeft: left,
    },
  );
}

export async function makeSlot(workbenchId: string, name: string, passphrase: string, dataKey: Buffer): Promise<Slot> {
  const id = randomId();
  const kdf = { name: 'scrypt' as const, ...newScryptParams() };
  const kek = await deriveKek(passphrase, kdf);
  const pair = newKeyPair();
  const slot: Slot = {
    id,
    name,
    createdAt: new Date().toISOString(),
    kdf,
    publicKey: pair.publicKey,
    privateKey: seal(kek, pair.privateKey, slotAad(workbenchId, id)),
    dataKey: wrapToPublicKey(pair.publicKey, dataKey, keyInfo(workbenchId)),
  };
  kek.fill(0);
  pair.privateKey.fill(0);
  return slot;
}

/** Derives the slot's private key from a passphrase; null when the passphrase is wrong. */
export async function openSlotPrivateKey(ks: KeyslotFile, slot: Slot, passphrase: string): Promise<Buffer | null> {
  const kek = await deriveKek(passphrase, slot.kdf);
  const priv = openSealed(kek, slot.privateKey, slotAad(ks.workbenchId, slot.id));
  kek.fill(0);
  return priv;
}

export function pickSlot(ks: KeyslotFile, secret: Extract<Secret, { kind: 'passphrase' }>): Slot {
  if (secret.keyholderId) {
    const s = ks.slots.find((x) => x.id === secret.keyholderId);
    if (!s) throw new CasewalkError('not_found', 'That keyholder is not on this workbench.');
    return s;
  }
  if (secret.keyholderName) {
    const want = secret.keyholderName.trim().toLowerCase();
    const s = ks.slots.find((x) => x.name.toLowerCase() === want);
    if (!s) throw new CasewalkError('not_found', `No keyholder called "${secret.keyholderName}" on this workbench.`);
    return s;
  }
  if (ks.slots.length === 1) return ks.slots[0]!;
  throw new CasewalkError('invalid_input', 'Say which keyholder you are (CASEWALK_MEMBER in the CLI).');
}

/** What a secret opened: the connection, its key, who opened it, and what the slot seal check needs. */
export interface Opened {
  db: WritableDB;
  key: Buffer;
  actor: string;
  /** The slot the passphrase opened, and whether its public key really belongs to its private key. */
  opener: { slot: Slot; publicKeyOk: boolean } | null;
  /** The file opened with a rotation's next key (the rekey had committed before a crash). */
  openedWithNext: boolean;
  sealCheck: ReturnType<typeof checkSeal>;
}

/** Opens the file with the secret; a wrong one counts towards the lockout. The file is never written. */
export async function openWithSecret(dbFile: string, ks: KeyslotFile, secret: Secret, lockout: Lockout): Promise<Opened> {
  const failed = (): never => failedAttempt(lockout, secret.kind === 'recovery' ? 'recovery key' : 'passphrase');

  let candidates: Buffer[] = [];
  let actor = 'recovery key';
  /** The slot the passphrase opened, and whether its public key really belongs to its private key. */
  let opener: { slot: Slot; publicKeyOk: boolean } | null = null;
  if (secret.kind === 'recovery') {
    const k = decodeRecoveryKey(secret.recoveryKey);
    if (!k) {
      throw new CasewalkError('invalid_input', 'A recovery key is 13 groups of 4 letters and digits, separated by dashes.');
    }
    candidates = [k];
  } else {
    const slot = pickSlot(ks, secret);
    const priv = await openSlotPrivateKey(ks, slot, secret.passphrase);
    if (!priv) failed();
    const current = unwrapWithPrivateKey(priv!, slot.dataKey, keyInfo(ks.workbenchId));
    const next = slot.nextDataKey ? unwrapWithPrivateKey(priv!, slot.nextDataKey, keyInfo(ks.workbenchId)) : null;
    opener = { slot, publicKeyOk: publicKeyOf(priv!) === slot.publicKey };
    priv!.fill(0);
    if (!current) throw new CasewalkError('damaged', 'The key file is damaged: restore from backup.');
    candidates = next ? [current, next] : [current];
    actor = slot.name;
  }

  let db: WritableDB | null = null;
  let key: Buffer | null = null;
  for (const k of candidates) {
    try {
      db = openWithKey(dbFile, k);
      key = k;
      break;
    } catch (e) {
      if (e instanceof CasewalkError) throw e;
      if (!isNotADatabase(e)) throw new CasewalkError('damaged', 'The workbench file is damaged: restore from backup.');
    }
  }
  if (!db || !key) {
    if (secret.kind === 'recovery') failed();
    throw new CasewalkError('damaged', 'The passphrase is right but the workbench file does not open: it is damaged. Restore from backup.');
  }
  const openedWithNext = candidates.length === 2 && key === candidates[1];
  if (openedWithNext && ks.auditHead) {
    // The rekey committed before the crash: re-seal the head anchor (MACed with the old key).
    const h = ks.auditHead;
    if (headMacMatches(candidates[0]!, h)) h.mac = headMac(key, h);
  }
  // The slot seal was written with the key in use when the file was last saved.
  const sealCheck = checkSeal(openedWithNext ? candidates[0]! : key, ks);
  for (const k of candidates) if (k !== key) k.fill(0);

  return { db, key, actor, opener, openedWithNext, sealCheck };
}

/** Checks the schema version and application id of an opened file, then migrates it; closes it (and wipes the key) if that fails. */
export function migrateOpened(db: WritableDB, key: Buffer): void {
  try {
    const version = checkVersion(db);
    const appId = Number(db.pragma('application_id', { simple: true }));
    if (version > 0 && appId !== APPLICATION_ID) throw new CasewalkError('not_a_workbench', 'Not a Casewalk workbench.');
    migrate(db);
  } catch (e) {
    db.close();
    key.fill(0);
    if (e instanceof CasewalkError) throw e;
    throw new CasewalkError('damaged', 'The workbench file is damaged: restore from backup.');
  }
}

/**
 * Which slots this session trusts after unlocking, and the seal problems to report. A slot is
 * trusted when the file's seal (MACed with the data key) vouches for it, or, for a key file
 * from before seals existed, at the first unlock (then `firstSeal`).
 */
export function trustAtUnlock(
  db: ReadableDB,
  ks: KeyslotFile,
  sealCheck: Opened['sealCheck'],
  opener: Opened['opener'],
): { trusted: Set<string>; problems: SealProblem[]; firstSeal: boolean; sealedBefore: boolean } {
  const sealedBefore = db.prepare("SELECT 1 FROM audit WHERE event = 'keyslots_sealed' LIMIT 1").get() !== undefined;
  let problems: SealProblem[];
  let trusted: Set<string>;
  let firstSeal = false;
  if (ks.slotsMac) {
    trusted = sealCheck.trusted;
    problems = sealCheck.problems;
  } else if (!sealedBefore) {
    // A key file from before the seal existed: seal what is there now (recorded in the audit log).
    trusted = new Set(ks.slots.map((s) => s.id));
    problems = [];
    firstSeal = true;
  } else {
    // The audit log says this file was sealed: a missing seal is tampering. Only the slot
    // this passphrase opened can be proved; every other slot is unknown until removed.
    trusted = new Set(opener?.publicKeyOk ? [opener.slot.id] : []);
    problems = [
      { slotId: '', name: null, kind: 'unsealed' },
      ...ks.slots.filter((s) => !trusted.has(s.id)).map((s) => ({ slotId: s.id, name: s.name, kind: 'unknown' as const })),
    ];
  }
  if (opener && !opener.publicKeyOk && trusted.delete(opener.slot.id) && !problems.some((p) => p.slotId === opener.slot.id)) {
    problems.push({ slotId: opener.slot.id, name: opener.slot.name, kind: 'altered' });
  }
  return { trusted, problems, firstSeal, sealedBefore };
}
