/**
 * One small document model for every export (minutes, agenda packet, annual report), rendered
 * to Markdown, DOCX and PDF by the renderers beside this file, so the three formats always say
 * the same thing. Text here is already de-identified; renderers escape for their format.
 */
import type { GuardWhere } from '../../../shared/result';

/**
 * Where a piece of text in a document came from (the item a person typed it in), so a blocked
 * export can name it and link to where it can be fixed. Renderers ignore it.
 */
export interface TextSource {
  item: string;
  where: GuardWhere | null;
  /**
   * Casewalk's own words (value-set labels such as "Threats to others"), not typed or imported by
   * anyone: the export guard does not read them (a label is no identifier, and "Threats" after a
   * comma read as a surname).
   */
  ownWords?: true;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; source?: TextSource }
  | { kind: 'paragraph'; text: string; emphasis?: boolean; source?: TextSource }
  | { kind: 'bullets'; items: string[]; sources?: (TextSource | undefined)[] }
  | { kind: 'table'; headers: string[]; rows: string[][]; caption?: string; rowSources?: (TextSource | undefined)[] }
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

/**
 * Spreadsheet formula injection: a formula trigger (= + - @ tab CR) at the start of the cell,
 * or after any character a spreadsheet may split fields on (, ; tab |; spaces and quotes in
 * between allowed), gets a ' before it. A spreadsheet that reads the file with another
 * separator ("Review intake;=1+41" split on ;) then sees text, never a formula.
 */
export function neutraliseFormula(cell: string): string {
  return cell.replace(/(^|[,;\t|])([ "]*)(?=[=+\-@\t\r])/g, "$1$2'");
}

export function csv(rows: readonly (readonly string[])[]): string {
  return `${rows
    .map((r) =>
      r
        .map((c) => {
          const v = neutraliseFormula(c);
          return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
        })
        .join(','),
    )
    .join('\r\n')}\r\n`;
}

/** Every piece of text in a document, for the identifier guard. */
export function docTexts(doc: Doc): string[] {
  return docEntries(doc).map((e) => e.text);
}

/** Every piece of text in a document with the item it came from, when the builder said so. */
export function docEntries(doc: Doc): { text: string; source?: TextSource }[] {
  const out: { text: string; source?: TextSource }[] = [];
  const at = (text: string, source?: TextSource) => out.push(source ? { text, source } : { text });
  for (const b of doc.blocks) {
    if (b.kind === 'heading' || b.kind === 'paragraph') at(b.text, b.source);
    else if (b.kind === 'bullets') b.items.forEach((t, i) => at(t, b.sources?.[i]));
    else if (b.kind === 'table') b.rows.forEach((r, i) => r.forEach((t) => at(t, b.rowSources?.[i])));
    else if (b.kind === 'bars') {
      at(b.title);
      for (const x of b.series) at(x.label);
    }
  }
  return out;
}

/** 2026-05-12 → "Tuesday, May 12, 2026" (a calendar date, the same in every time zone). */
export function longDate(iso: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-US', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
