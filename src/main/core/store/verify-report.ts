/**
 * What a keyholder and `verify` report. `verify`: cipher integrity, SQLite integrity, the audit chain against its anchor, the key
 * slots' seal and the schema against what the migrations create, in one report.
 */
import { verifyChain, type ChainReport } from './audit';
import type { WritableDB } from './db';
import { schemaProblems } from './schema-check';

export interface Keyholder {
  id: string;
  name: string;
  /** Set when the slot is not sealed by this workbench's key (unknown or altered). */
  warning?: string;
}

export interface VerifyReport {
  ok: boolean;
  cipherIntegrity: { ok: boolean; errors: number };
  integrity: { ok: boolean; messages: string[] };
  auditChain: ChainReport;
  keyslots: { ok: boolean; problems: string[] };
  schema: { ok: boolean; problems: string[] };
}

export interface AnchorState {
  head: { rows: number; hash: string } | null;
  /** The anchor's MAC does not match: the key file was edited. */
  tampered: boolean;
  /** The chain has rows but the key file holds no anchor. */
  missing: boolean;
}

export function verifyReport(db: WritableDB, anchor: AnchorState, slotProblems: readonly string[]): VerifyReport {
  const cipherErrors = db.pragma('cipher_integrity_check');
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => String(r.integrity_check));
  let chain = verifyChain(db, anchor.head);
  if (anchor.tampered)
    chain = { ...chain, ok: false, reason: 'chain head anchor altered', firstBroken: chain.firstBroken ?? anchor.head?.rows ?? null };
  else if (anchor.missing && chain.ok)
    chain = { ...chain, ok: false, reason: 'chain head anchor missing from the key file', firstBroken: chain.rows };
  const schema = schemaProblems(db);
  const integrityOk = integrity.length === 1 && integrity[0] === 'ok';
  return {
    ok: cipherErrors.length === 0 && integrityOk && chain.ok && slotProblems.length === 0 && schema.length === 0,
    cipherIntegrity: { ok: cipherErrors.length === 0, errors: cipherErrors.length },
    integrity: { ok: integrity[0] === 'ok', messages: integrity.slice(0, 10) },
    auditChain: chain,
    keyslots: { ok: slotProblems.length === 0, problems: [...new Set(slotProblems)] },
    schema: { ok: schema.length === 0, problems: schema },
  };
}
