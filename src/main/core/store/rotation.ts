/**
 * The key file's side of a data-key rotation (removing a keyholder), as pure steps the
 * workbench applies around the SQLCipher rekey: stage the new key for every remaining slot,
 * then make it the only key. Kept apart from the Workbench class so each step can be read alone.
 */
import { CasewalkError } from '../../../shared/result';
import { headMac } from './audit';
import { wrapToPublicKey } from './crypto';
import type { KeyslotFile } from './keyslots';

/** Step 1: both keys on disk for every remaining keyholder; never a slot this workbench did not seal. */
export function stageRotation(ks: KeyslotFile, removing: string, trusted: ReadonlySet<string>, next: Buffer, info: string): KeyslotFile {
  return {
    ...ks,
    slots: ks.slots.map((s) => {
      if (s.id === removing) return s;
      if (!trusted.has(s.id))
        throw new CasewalkError('conflict', `Key slot "${s.name}" is not sealed by this workbench; nothing was changed.`);
      return { ...s, nextDataKey: wrapToPublicKey(s.publicKey, next, info) };
    }),
    rotation: { startedAt: new Date().toISOString(), removing },
  };
}

/** Step 3: the new key is the only key; the removed slot is gone; the head anchor is re-sealed unless it was tampered with. */
export function finishRotation(ks: KeyslotFile, removing: string, key: Buffer, headTampered: boolean): KeyslotFile {
  const h = ks.auditHead;
  return {
    ...ks,
    auditHead: h && !headTampered ? { ...h, mac: headMac(key, h) } : h,
    slots: ks.slots
      .filter((s) => s.id !== removing)
      .map((s) => {
        const { nextDataKey, ...rest } = s;
        return { ...rest, dataKey: nextDataKey! };
      }),
    rotation: null,
  };
}
