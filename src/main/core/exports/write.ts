/**
 * The one way a document leaves the machine: the identifier guard over every line, render,
 * write atomically through a file handle (no temp copy survives), audit with the file's SHA-256.
 */
import { createHash } from 'node:crypto';
import type { ExportFormat } from '../../../shared/minutes/schemas';
import type { HandlerContext } from '../context';
import type { ReadableDB } from '../store/db';
import { writeFileAtomic } from '../store/keyslots';
import type { Doc } from './doc';
import { assertDocClean, type AllowedPredicate } from './guard';
import { render } from './render';

export interface ExportSpec {
  what: string;
  entity: string;
  format: ExportFormat;
  build: (db: ReadableDB, committee: string) => Doc;
  /** What the guard lets through (the committee's own names, places, dates; dismissed values). */
  allowed: (db: ReadableDB, committee: string) => AllowedPredicate;
}

export async function exportDocument(
  ctx: Pick<HandlerContext, 'workbench' | 'files'>,
  handle: string,
  opts: ExportSpec,
): Promise<{ displayName: string; bytes: number; sha256: string }> {
  const w = ctx.workbench;
  const doc = w.read((db) => {
    const d = opts.build(db, w.committee);
    assertDocClean(d, opts.allowed(db, w.committee));
    return d;
  });
  const bytes = await render(doc, opts.format);
  return writeExport(ctx, handle, bytes, {
    entity: opts.entity,
    detail: `${opts.what} (${opts.format}, ${bytes.length} bytes${doc.draft ? ', DRAFT' : ''})`,
  });
}

/**
 * Writes finished export bytes through a file handle, atomically, with the audit row that names
 * the file's SHA-256 (documents, the register, the tracker). Returns the whole path: the toast
 * after an export says where the file went.
 */
export function writeExport(
  ctx: Pick<HandlerContext, 'workbench' | 'files'>,
  handle: string,
  bytes: Buffer,
  audit: { entity: string; detail: string },
): { displayName: string; bytes: number; sha256: string } {
  const file = ctx.files.take(handle, 'write');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  ctx.workbench.write({ event: 'export', entity: audit.entity, detail: `${audit.detail}; sha256:${sha256}` }, () =>
    writeFileAtomic(file, bytes),
  );
  return { displayName: file, bytes: bytes.length, sha256 };
}
