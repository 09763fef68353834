/**
 * The one way text is redacted, in the core and in every editor: spans become their
 * placeholder, applied from the end of the text to the start so no offset goes stale, with
 * overlapping spans merged into one. A span that says which text it flagged is replaced only if
 * the text at its offsets still equals it; otherwise it is left alone and reported, so the
 * caller scans again. Spans found in an older version of a text are moved to the current one
 * with `rebaseSpans`, which never guesses: a span inside the part that changed is dropped.
 */
import { placeholder, type IdentifierKind } from './kinds';

const WORD = /[\p{L}\p{N}\p{M}]/u;

export interface RedactionSpan {
  start: number;
  end: number;
  type: IdentifierKind;
  /** The text the finding flagged; when given, the text at [start, end) must equal it. */
  text?: string;
}

export interface RedactionResult {
  text: string;
  /** Spans replaced, in the offsets of the input text (merged where they overlapped). */
  applied: { start: number; end: number; type: IdentifierKind }[];
  /** Spans whose flagged text is not at their offsets (the text moved): nothing was replaced for them. */
  skipped: RedactionSpan[];
}

/** Replaces every span by its placeholder; see the module comment for the guarantees. */
export function applyRedactions(text: string, spans: readonly RedactionSpan[]): RedactionResult {
  const skipped: RedactionSpan[] = [];
  const valid: { start: number; end: number; type: IdentifierKind }[] = [];
  for (const sp of spans) {
    const ok =
      Number.isInteger(sp.start) &&
      Number.isInteger(sp.end) &&
      sp.start >= 0 &&
      sp.end > sp.start &&
      sp.end <= text.length &&
      (sp.text === undefined || text.slice(sp.start, sp.end) === sp.text);
    if (ok) valid.push({ start: sp.start, end: sp.end, type: sp.type });
    else skipped.push(sp);
  }
  // Merge overlaps: the earliest (then longest) span names the placeholder.
  valid.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: typeof valid = [];
  for (const sp of valid) {
    const last = merged[merged.length - 1];
    if (last && sp.start < last.end) last.end = Math.max(last.end, sp.end);
    else merged.push({ ...sp });
  }
  // From the end to the start: each replacement leaves the offsets before it untouched.
  let out = text;
  for (let i = merged.length - 1; i >= 0; i--) {
    const sp = merged[i]!;
    out = `${out.slice(0, sp.start)}${placeholder(sp.type)}${out.slice(sp.end)}`;
  }
  return { text: out, applied: merged, skipped };
}

/** The text with every span replaced by its placeholder. */
export function redactSpans(text: string, spans: readonly RedactionSpan[]): string {
  return applyRedactions(text, spans).text;
}

/**
 * Spans found in `before`, moved to `after` (the same text after any edits): a span in the
 * common prefix keeps its offsets, one in the common suffix shifts by the change in length,
 * and one that touches the changed part is dropped (its text may differ; scan again).
 */
export function rebaseSpans<T extends { start: number; end: number }>(before: string, after: string, spans: readonly T[]): T[] {
  if (before === after) return [...spans];
  const max = Math.min(before.length, after.length);
  let p = 0;
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  const delta = after.length - before.length;
  // A span the edit now touches inside a word ("Rosa" typed on to "Rosalind") is no longer the whole token.
  const glued = (at: number) => WORD.test(after[at - 1] ?? '') && WORD.test(after[at] ?? '');
  const out: T[] = [];
  for (const sp of spans) {
    if (sp.end <= p) {
      if (!(sp.end === p && glued(p))) out.push(sp);
    } else if (sp.start >= before.length - s) {
      const moved = { ...sp, start: sp.start + delta, end: sp.end + delta };
      if (!(sp.start === before.length - s && glued(moved.start))) out.push(moved);
    }
  }
  return out;
}

/**
 * One redaction in an editor, and the other open spans moved to the new text: the usual way to
 * redact several findings in a row. Returns null (and changes nothing) if the span's text is no
 * longer at its offsets.
 */
export function redactOne<T extends { start: number; end: number; type: IdentifierKind; text?: string }>(
  text: string,
  span: T,
  others: readonly T[],
): { text: string; spans: T[] } | null {
  const r = applyRedactions(text, [span]);
  if (r.skipped.length) return null;
  return {
    text: r.text,
    spans: rebaseSpans(
      text,
      r.text,
      others.filter((o) => o !== span),
    ),
  };
}
