/**
 * Redacted views of incident text for anything the room or a file sees: every finding that is
 * not dismissed is replaced by its placeholder. Used by the projector surface and by exports.
 */
import { redactSpans } from '../../../shared/deid/redact';
import type { IncidentDetail } from '../../../shared/incidents/schemas';
import { scan } from '../deid/scanner';

/** The saved text of a location with its unresolved findings redacted. */
export function redactedField(detail: IncidentDetail, field: string, text: string): string {
  return redactSpans(
    text,
    detail.findings.filter((f) => f.field === field && !f.dismissed),
  );
}

/** Free text that has no stored findings (finding descriptions, notes): scan and redact everything found. */
export function redactFree(text: string): string {
  return redactSpans(text, scan(text));
}
