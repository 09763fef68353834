/**
 * Append-only audit log (CJIS 5.4.1.1), written in the same transaction as the change it
 * records. Each row's hash = SHA-256(previous hash ‖ canonical row); the chain head (row
 * count + last hash, MACed with the data key) is also kept in the keyslot file and in every
 * backup, so deleting the newest rows is detected too.
 */
import { AUDIT_EVENT_NAMES } from '../../../shared/workbench/audit-events';
import crypto from 'node:crypto';
import { hmacHex, sha256Hex } from './crypto';
import type { ReadableDB, WritableDB } from './db';

export const AUDIT_EVENTS = AUDIT_EVENT_NAMES;
export type AuditEvent = (typeof AUDIT_EVENTS)[number];

export interface AuditEntry {
  event: AuditEvent;
  entity?: string | null;
  outcome?: 'ok' | 'failed' | 'refused';
  /** Short, non-case detail (counts, ids, field names). Never narrative text. */
  detail?: string | null;
}

export interface AuditRow {
  id: number;
  at: string;
  member: string | null;
  event: string;
  entity: string | null;
  outcome: string;
  detail: string | null;
  prevHash: string;
  hash: string;
}

export const GENESIS = '0'.repeat(64);

export function canonical(r: Omit<AuditRow, 'prevHash' | 'hash'>): string {
  return JSON.stringify([r.id, r.at, r.member, r.event, r.entity, r.outcome, r.detail]);
}

export function appendAudit(db: WritableDB, member: string | null, e: AuditEntry, at = new Date().toISOString()): AuditRow {
  const last = db.prepare('SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  const row = {
    id: (last?.id ?? 0) + 1,
    at,
    member,
    event: e.event,
    entity: e.entity ?? null,
    outcome: e.outcome ?? 'ok',
    detail: e.detail ?? null,
  };
  const prevHash = last?.hash ?? GENESIS;
  const hash = sha256Hex(prevHash + canonical(row));
  db.prepare(
    'INSERT INTO audit (id, at, member, event, entity, outcome, detail, prev_hash, hash) VALUES ($id, $at, $member, $event, $entity, $outcome, $detail, $prevHash, $hash)',
  ).run({ ...row, prevHash, hash });
  return { ...row, prevHash, hash };
}

export interface ChainReport {
  ok: boolean;
  rows: number;
  firstBroken: number | null;
  reason: string | null;
}

export interface ChainHead {
  rows: number;
  hash: string;
}

/** Recomputes the chain; `head` (from the keyslot file or a backup) catches deleted tail rows. */
export function verifyChain(db: ReadableDB, head: ChainHead | null): ChainReport {
  const rows = db
    .prepare('SELECT id, at, member, event, entity, outcome, detail, prev_hash AS prevHash, hash FROM audit ORDER BY rowid')
    .all() as unknown as AuditRow[];
  let prev = GENESIS;
  let expectedId = 1;
  for (const r of rows) {
    if (r.id !== expectedId || r.prevHash !== prev || sha256Hex(prev + canonical(r)) !== r.hash) {
      return { ok: false, rows: rows.length, firstBroken: r.id, reason: 'row altered, reordered or removed' };
    }
    prev = r.hash;
    expectedId++;
  }
  if (head) {
    if (rows.length < head.rows) {
      return { ok: false, rows: rows.length, firstBroken: rows.length + 1, reason: 'newest rows deleted' };
    }
    const anchor = head.rows === 0 ? GENESIS : rows[head.rows - 1]?.hash;
    if (anchor !== head.hash) return { ok: false, rows: rows.length, firstBroken: head.rows, reason: 'chain head does not match' };
  }
  return { ok: true, rows: rows.length, firstBroken: null, reason: null };
}

export function chainHead(db: ReadableDB): ChainHead {
  const last = db.prepare('SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  return { rows: last?.id ?? 0, hash: last?.hash ?? GENESIS };
}

/** The head anchor's MAC: HMAC-SHA256(data key, "<rows>:<hash>"). */
export function headMac(key: Buffer, head: ChainHead): string {
  return hmacHex(key, `${head.rows}:${head.hash}`);
}

export function headMacMatches(key: Buffer, head: ChainHead & { mac: string }): boolean {
  const want = Buffer.from(headMac(key, head));
  const got = Buffer.from(head.mac);
  return got.length === want.length && crypto.timingSafeEqual(got, want);
}

export interface AuditQuery {
  event?: AuditEvent | undefined;
  limit: number;
  offset: number;
}

/** Newest first, with the total count for paging. */
export function listAudit(db: ReadableDB, q: AuditQuery): { rows: Omit<AuditRow, 'prevHash' | 'hash'>[]; total: number } {
  const where = q.event ? 'WHERE event = ?' : '';
  const args = q.event ? [q.event] : [];
  const rows = db
    .prepare(`SELECT id, at, member, event, entity, outcome, detail FROM audit ${where} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all([...args, q.limit, q.offset]) as unknown as Omit<AuditRow, 'prevHash' | 'hash'>[];
  const total = (db.prepare(`SELECT count(*) AS n FROM audit ${where}`).get(args) as { n: number }).n;
  return { rows, total };
}
