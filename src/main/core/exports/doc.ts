/**
 * One small document model for every export (minutes, agenda packet, annual report), rendered
 * to Markdown, DOCX and PDF by the renderers beside this file, so the three formats always say
 * the same thing. Text here is already de-identified; renderers escape for their format.
 */
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; emphasis?: boolean }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'table'; headers: string[]; rows: string[][]; caption?: string }
  | { kind: 'bars'; title: string; series: { label: string; value: number }[]; unit?: string };

export interface Doc {
  title: string;
  subtitle: string;
  /** Marked DRAFT in the header of every page and in the title. */
  draft: boolean;
  blocks: Block[];
  /** Shown at the end (licence attributions for imported data). */
  attributions: string[];
}

export const CONFIDENTIAL = 'Confidential — case review';

/** Creation time for exported files: SOURCE_DATE_EPOCH when set (reproducible builds), else now. */
export function exportDate(): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date();
}

/** Spreadsheet formula injection: a cell starting with = + - @ (or tab/CR) is prefixed with '. */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function csv(rows: readonly (readonly string[])[]): string {
  return `${rows.map((r) => r.map((c) => {
    const v = neutraliseFormula(c);
    return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }).join(',')).join('\r\n')}\r\n`;
}

/** Every piece of text in a document, for the identifier guard. */
export function docTexts(doc: Doc): string[] {
  const out: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'heading' || b.kind === 'paragraph') out.push(b.text);
    else if (b.kind === 'bullets') out.push(...b.items);
    else if (b.kind === 'table') out.push(...b.rows.flat());
  }
  return out;
}
