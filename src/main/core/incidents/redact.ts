/**
 * Redacted views of incident text for anything the room or a file sees: every finding that is
 * not dismissed is replaced by its placeholder. Used by the projector surface and by exports.
 */
import { placeholder } from '../../../shared/deid/kinds';
import type { IdentifierFindingView, IncidentDetail } from '../../../shared/incidents/schemas';
import { scan } from '../deid/scanner';

export function redactWith(text: string, findings: readonly Pick<IdentifierFindingView, 'start' | 'end' | 'type'>[]): string {
  let out = text;
  for (const f of [...findings].sort((a, b) => b.start - a.start)) out = `${out.slice(0, f.start)}${placeholder(f.type)}${out.slice(f.end)}`;
  return out;
}

/** The saved text of a location with its unresolved findings redacted. */
export function redactedField(detail: IncidentDetail, field: string, text: string): string {
  return redactWith(
    text,
    detail.findings.filter((f) => f.field === field && !f.dismissed),
  );
}

/** Free text that has no stored findings (finding descriptions, notes): scan and redact everything found. */
export function redactFree(text: string): string {
  return redactWith(text, scan(text));
}
