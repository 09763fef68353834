/**
 * The identifier guard over the free text of findings and recommendations (a finding's
 * description, a recommendation's action and measure). The saved text is kept as typed; what
 * the room and the record see is that text with every possible identifier replaced by its
 * placeholder, except those someone marked "not an identifier" (with a reason, audited).
 * The walk-mode editors, the presenter's preview and the projector all read it from here, so
 * the presenter sees exactly the text the room sees.
 */
import { CasewalkError } from '../../../shared/result';
import type { IdentifierKind } from '../../../shared/deid/kinds';
import type { NotIdentifier, RecordTextField, TextIdentifier } from '../../../shared/meetings/schemas';
import type { ReadableDB, WritableDB } from '../store/db';
import { appendAudit } from '../store/audit';
import { scan } from '../deid/scanner';
import { redactSpans } from '../../../shared/deid/redact';
import { valueHash } from '../incidents/detail';

/** One finding or one recommendation. */
export type RecordRef = { findingId: number } | { recommendationId: number };

export function column(ref: RecordRef): ['finding_id' | 'recommendation_id', number] {
  return 'findingId' in ref ? ['finding_id', ref.findingId] : ['recommendation_id', ref.recommendationId];
}

export function entityOf(ref: RecordRef): string {
  return 'findingId' in ref ? `finding:${ref.findingId}` : `recommendation:${ref.recommendationId}`;
}

interface DismissalRow {
  field: string;
  type: string;
  value_hash: string;
  reason: string;
  member: string | null;
  at: string;
}

function dismissalsOf(db: ReadableDB, ref: RecordRef): DismissalRow[] {
  const [col, id] = column(ref);
  return db
    .prepare(`SELECT field, type, value_hash, reason, member, at FROM text_dismissals WHERE ${col} = ?`)
    .all([id]) as unknown as DismissalRow[];
}

/** Every possible identifier in one saved text, each with its "not an identifier" decision if there is one. */
export function identifiersIn(
  db: ReadableDB,
  ref: RecordRef,
  field: RecordTextField,
  text: string,
  dismissals = dismissalsOf(db, ref),
): TextIdentifier[] {
  if (!text) return [];
  return scan(text).map((f) => {
    const value = text.slice(f.start, f.end);
    const h = valueHash(f.type, value);
    const d = dismissals.find((x) => x.field === field && x.type === f.type && x.value_hash === h);
    return {
      field,
      start: f.start,
      end: f.end,
      type: f.type,
      text: value,
      dismissed: d ? { reason: d.reason, by: d.member, at: d.at } : null,
    };
  });
}

/** The text as the room and the record see it: unresolved identifiers replaced by placeholders. */
export function roomText(db: ReadableDB, ref: RecordRef, field: RecordTextField, text: string, dismissals?: DismissalRow[]): string {
  return redactSpans(
    text,
    identifiersIn(db, ref, field, text, dismissals ?? dismissalsOf(db, ref)).filter((f) => !f.dismissed),
  );
}

/**
 * `roomText` for many findings and recommendations (minutes, the register, the annual report):
 * every decision is read once. The minutes, the exports, the projector and the presenter's
 * preview therefore show the same words for the same finding or recommendation.
 */
export function roomTexts(db: ReadableDB): {
  finding(f: { id: number; description: string }): string;
  recommendation(id: number, field: 'action' | 'measure', text: string): string;
} {
  const rows = db
    .prepare('SELECT finding_id, recommendation_id, field, type, value_hash, reason, member, at FROM text_dismissals')
    .all() as unknown as (DismissalRow & {
    finding_id: number | null;
    recommendation_id: number | null;
  })[];
  const findings = new Map<number, DismissalRow[]>();
  const recs = new Map<number, DismissalRow[]>();
  for (const r of rows) {
    const [map, id] = r.finding_id !== null ? [findings, r.finding_id] : [recs, r.recommendation_id!];
    map.set(id, [...(map.get(id) ?? []), r]);
  }
  return {
    finding: (f) => roomText(db, { findingId: f.id }, 'description', f.description, findings.get(f.id) ?? []),
    recommendation: (id, field, text) => roomText(db, { recommendationId: id }, field, text, recs.get(id) ?? []),
  };
}

/** Every value someone marked "not an identifier" in a finding's or recommendation's text (hashes, as for incidents). */
export function dismissedTextHashes(db: ReadableDB): string[] {
  return (db.prepare('SELECT DISTINCT value_hash FROM text_dismissals').all() as { value_hash: string }[]).map((r) => r.value_hash);
}

/**
 * Records "not an identifier" decisions against the text just saved. Each names words the guard
 * flags in that text (same kind, same words), else nothing is recorded and the save is refused.
 * One audit row per decision; the reason stays in the encrypted table (it may quote the text).
 */
export function recordNotIdentifiers(
  db: WritableDB,
  actor: string,
  ref: RecordRef,
  texts: Partial<Record<RecordTextField, string>>,
  items: readonly NotIdentifier[],
): void {
  if (!items.length) return;
  const [col, id] = column(ref);
  const at = new Date().toISOString();
  for (const item of items) {
    const field: RecordTextField = item.field ?? 'description';
    const text = texts[field] ?? '';
    const h = valueHash(item.type, item.text);
    const flagged = scan(text).some((f) => f.type === item.type && valueHash(f.type, text.slice(f.start, f.end)) === h);
    if (!flagged)
      throw new CasewalkError(
        'conflict',
        `“${item.text}” is no longer flagged in the text (it was edited). Look at the highlighted words again.`,
      );
    db.prepare(`DELETE FROM text_dismissals WHERE ${col} = ? AND field = ? AND type = ? AND value_hash = ?`).run([id, field, item.type, h]);
    db.prepare(`INSERT INTO text_dismissals (${col}, field, type, value_hash, reason, member, at) VALUES (?, ?, ?, ?, ?, ?, ?)`).run([
      id,
      field,
      item.type,
      h,
      item.reason.trim(),
      actor,
      at,
    ]);
    appendAudit(db, actor, { event: 'identifier_dismissed', entity: entityOf(ref), detail: `${item.type as IdentifierKind} in ${field}` });
  }
}
