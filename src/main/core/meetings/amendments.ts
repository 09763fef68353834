/**
 * Numbered amendments to findings and recommendations once they are part of the record (the
 * meeting ended, or the recommendation is completed or declined): like minutes amendments, each
 * keeps the reason, who, when, a line diff of what changed and the SHA-256 of the text after;
 * the audit log carries the number and the hash.
 */
import { CasewalkError } from '../../../shared/result';
import type { RecordAmendment } from '../../../shared/meetings/schemas';
import { sha256Hex } from '../store/crypto';
import type { ReadableDB, WritableDB } from '../store/db';
import { column, type RecordRef } from './record-text';

/** A changed field: its label in the diff, and the value before and after as text. */
export interface FieldChange {
  label: string;
  before: string;
  after: string;
}

export function amendmentsOf(db: ReadableDB, ref: RecordRef): RecordAmendment[] {
  const [col, id] = column(ref);
  return readAmendments(db, 'record_amendments', col, id);
}

/** The numbered amendments of minutes or of a finding or recommendation, oldest first. */
export function readAmendments(
  db: ReadableDB,
  table: 'record_amendments' | 'minutes_amendments',
  col: 'finding_id' | 'recommendation_id' | 'minutes_id',
  id: number,
): RecordAmendment[] {
  const rows = db
    .prepare(`SELECT number, reason, diff, hash, at, member FROM ${table} WHERE ${col} = ? ORDER BY number`)
    .all([id]) as unknown as {
    number: number;
    reason: string;
    diff: string;
    hash: string;
    at: string;
    member: string | null;
  }[];
  return rows.map((a) => ({ number: a.number, reason: a.reason, diff: a.diff, hash: a.hash, at: a.at, by: a.member }));
}

/** "## Description" then "- old line" / "+ new line" for each line that changed, per field. */
export function diffFields(changes: readonly FieldChange[], notes: readonly string[] = []): string {
  const out: string[] = [];
  for (const c of changes) {
    if (c.before === c.after) continue;
    out.push(`## ${c.label}`);
    const a = c.before.split('\n');
    const b = c.after.split('\n');
    for (const l of a) if (!b.includes(l)) out.push(`- ${l}`);
    for (const l of b) if (!a.includes(l)) out.push(`+ ${l}`);
  }
  if (notes.length) out.push('## Not an identifier', ...notes.map((n) => `* ${n}`));
  return out.join('\n');
}

/** SHA-256 of the item's recorded fields after the change, in a fixed order. */
export function recordHash(fields: readonly (string | number | null | readonly string[])[]): string {
  return sha256Hex(JSON.stringify(fields));
}

export function addAmendment(
  db: WritableDB,
  actor: string,
  ref: RecordRef,
  input: { changes: readonly FieldChange[]; notes: readonly string[]; reason: string; hash: string },
): { number: number; hash: string } {
  const diff = diffFields(input.changes, input.notes);
  if (!diff) throw new CasewalkError('invalid_input', 'The amendment changes nothing.');
  const [col, id] = column(ref);
  const number = (db.prepare(`SELECT coalesce(max(number), 0) + 1 AS n FROM record_amendments WHERE ${col} = ?`).get([id]) as { n: number })
    .n;
  const changes = Object.fromEntries(
    input.changes.filter((c) => c.before !== c.after).map((c) => [c.label, { before: c.before, after: c.after }]),
  );
  db.prepare(`INSERT INTO record_amendments (${col}, number, changes, diff, reason, hash, at, member) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
    [id, number, JSON.stringify(changes), diff, input.reason.trim(), input.hash, new Date().toISOString(), actor],
  );
  return { number, hash: input.hash };
}
