/** Renders the document model to a file format. */
import type { ExportFormat } from '../../../shared/minutes/schemas';
import type { Doc } from './doc';
import { toMarkdown } from './markdown';

/** DOCX and PDF libraries load on first export (about 35 MB the app does not need otherwise). */
export async function render(doc: Doc, format: ExportFormat): Promise<Buffer> {
  if (format === 'md') return Buffer.from(toMarkdown(doc), 'utf8');
  if (format === 'docx') return (await import('./docx')).toDocx(doc);
  return (await import('./pdf')).toPdf(doc);
}
