/**
 * The keyslot seal (`slotsMac` in the keyslot file): binds every slot (id, name, KDF
 * parameters, public key, wrapped keys, pending rotation key) and the rotation state to the
 * data key, as `auditHead.mac` binds the audit chain head. Without it anyone who can write to
 * the data folder could plant a slot (one copied from another workbench is enough) and receive
 * the next rotated data key.
 *
 * - `slots[id]` = HMAC-SHA256(dataKey, "casewalk-slot-seal:<workbenchId>:" ‖ canonical slot)
 * - `mac` = HMAC-SHA256(dataKey, "casewalk-slots-seal:<workbenchId>:" ‖ JSON([rotation, sorted [id, slotMac]]))
 *
 * A slot with no entry, or whose entry does not match, is *unknown* or *altered*; an entry whose
 * slot is gone is *missing*; a file with no seal at all after the audit log recorded sealing is
 * *unsealed*. Casewalk only ever seals slots it made or proved itself.
 */
import crypto from 'node:crypto';
import { hmacHex } from './crypto';
import type { KeyslotFile, Slot } from './keyslots';

export interface SlotSeal {
  slots: Record<string, string>;
  mac: string;
}

export interface SealProblem {
  slotId: string;
  name: string | null;
  kind: 'unknown' | 'altered' | 'missing' | 'list' | 'unsealed';
}

function canonicalSlot(s: Slot): string {
  const w = (x: { iv: string; tag: string; ct: string; epk?: string } | undefined) => (x ? [x.epk ?? null, x.iv, x.tag, x.ct] : null);
  return JSON.stringify([
    s.id,
    s.name,
    s.createdAt,
    s.kdf.name,
    s.kdf.N,
    s.kdf.r,
    s.kdf.p,
    s.kdf.salt,
    s.publicKey,
    w(s.privateKey),
    w(s.dataKey),
    w(s.nextDataKey),
  ]);
}

export function slotMac(key: Buffer, workbenchId: string, s: Slot): string {
  return hmacHex(key, `casewalk-slot-seal:${workbenchId}:${canonicalSlot(s)}`);
}

function listMac(key: Buffer, workbenchId: string, rotation: KeyslotFile['rotation'], slots: Record<string, string>): string {
  const entries = Object.keys(slots)
    .sort()
    .map((id) => [id, slots[id]]);
  return hmacHex(key, `casewalk-slots-seal:${workbenchId}:${JSON.stringify([rotation, entries])}`);
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/**
 * Seals `ks` with `key`: every slot in `trusted` gets a fresh entry. An untrusted slot gets
 * none, or keeps the (stale) entry it had, so an altered slot stays reported as altered.
 */
export function sealSlots(key: Buffer, ks: KeyslotFile, trusted: ReadonlySet<string>, previous?: SlotSeal | null): SlotSeal {
  const slots: Record<string, string> = {};
  for (const s of ks.slots) {
    if (trusted.has(s.id)) slots[s.id] = slotMac(key, ks.workbenchId, s);
    else if (previous && Object.hasOwn(previous.slots, s.id)) slots[s.id] = previous.slots[s.id]!;
  }
  return { slots, mac: listMac(key, ks.workbenchId, ks.rotation, slots) };
}

/** Checks the seal in `ks` against `key`. No seal: every slot is unknown. */
export function checkSeal(key: Buffer, ks: KeyslotFile): { trusted: Set<string>; problems: SealProblem[] } {
  const seal = ks.slotsMac ?? null;
  const trusted = new Set<string>();
  const problems: SealProblem[] = [];
  const entries = seal?.slots ?? {};
  for (const s of ks.slots) {
    const want = Object.hasOwn(entries, s.id) ? entries[s.id]! : null;
    if (want === null) problems.push({ slotId: s.id, name: s.name, kind: 'unknown' });
    else if (!same(want, slotMac(key, ks.workbenchId, s))) problems.push({ slotId: s.id, name: s.name, kind: 'altered' });
    else trusted.add(s.id);
  }
  const present = new Set(ks.slots.map((s) => s.id));
  for (const id of Object.keys(entries)) if (!present.has(id)) problems.push({ slotId: id, name: null, kind: 'missing' });
  if (seal && problems.length === 0 && !same(seal.mac, listMac(key, ks.workbenchId, ks.rotation, entries))) {
    problems.push({ slotId: '', name: null, kind: 'list' });
  }
  return { trusted, problems };
}

/** Slots that must be removed before keyholders change: unknown or altered ones. */
export function blocking(problems: readonly SealProblem[]): SealProblem[] {
  return problems.filter((p) => p.kind === 'unknown' || p.kind === 'altered');
}

export function describeProblem(p: SealProblem): string {
  switch (p.kind) {
    case 'unknown':
      return `Unknown key slot "${p.name}" (${p.slotId}): Casewalk did not create it. Remove it before changing keyholders.`;
    case 'altered':
      return `Key slot "${p.name}" (${p.slotId}) was altered outside Casewalk. Remove it before changing keyholders.`;
    case 'missing':
      return `Key slot ${p.slotId} was removed from the key file outside Casewalk.`;
    case 'list':
      return 'The key file’s slot list or rotation state was altered outside Casewalk.';
    case 'unsealed':
      return 'The key file’s seal (slotsMac) was removed outside Casewalk; only slots Casewalk could prove are kept as known.';
  }
}
