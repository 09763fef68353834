/** Human-readable output of the CLI commands that say more than their JSON. */
import path from 'node:path';
import type { MethodOutput } from '../../shared/contract';
import type { ImportBatch, ImportReport } from '../../shared/import/schemas';

const rowsWord = (n: number) => `${n.toLocaleString('en')} row${n === 1 ? '' : 's'}`;

/** Unknown values per field with their counts and the flag that maps them; values mapped by a choice. */
function unknownLines(r: ImportReport): string[] {
  const lines: string[] = [];
  for (const [field, values] of Object.entries(r.unmapped)) {
    const listed = Object.entries(values)
      .sort((a, b) => b[1] - a[1])
      .map(([v, n]) => `"${v}" (${rowsWord(n)})`)
      .join(', ');
    lines.push(`Unknown ${field} values: ${listed}.`);
    const choice = r.unmappedChoices[field];
    if (choice)
      lines.push(
        `  Map them with ${choice.flag.replace('<value>', 'VALUE')}, VALUE one of: ${choice.values.join(', ')}; or add them to a --mapping file.`,
      );
  }
  for (const [field, values] of Object.entries(r.mappedByChoice)) {
    const n = Object.values(values).reduce((a, b) => a + b, 0);
    lines.push(
      `Mapped by --unmapped ${field}: ${Object.keys(values)
        .map((v) => `"${v}"`)
        .join(', ')} (${rowsWord(n)}).`,
    );
  }
  return lines;
}

function repeatLines(r: ImportReport): string[] {
  const { file, records, action } = r.repeat;
  if (!records) return [];
  const lines = file
    ? [
        `Repeated file: the same file was imported on ${file.importedAt.slice(0, 10)} as import #${file.batchId} (${file.fileName}, ${file.incidents} incidents).`,
      ]
    : [`Repeated records: ${records} incidents of this file were already imported (same record id).`];
  lines.push(
    action === 'refuse'
      ? '  They are refused: nothing will be imported. Use --repeats skip to leave them out, or undo the earlier import (import undo).'
      : '  They are skipped; the rest is imported.',
  );
  return lines;
}

export function batchesText(batches: ImportBatch[]): string {
  if (!batches.length) return 'No imports yet.\n';
  const lines = batches.map(
    (b) =>
      `#${b.id}  ${b.importedAt.slice(0, 16).replace('T', ' ')}  ${b.fileName}  (${b.source})  ${b.incidents} incidents${b.undoneAt ? `  undone ${b.undoneAt.slice(0, 10)}` : `, ${b.remaining} in the workbench`}`,
  );
  return `${lines.join('\n')}\n`;
}

export function importText(r: ImportReport): string {
  const lines = [
    `${r.dryRun ? 'Dry run: would import' : 'Imported'} ${r.imported} incidents from ${r.rows} rows (${r.merged} merged, ${r.skipped} skipped).${r.batchId ? ` Import #${r.batchId}.` : ''}`,
    ...repeatLines(r),
    ...unknownLines(r),
  ];
  if (r.withIdentifiers) lines.push(`${r.withIdentifiers} incidents have possible identifiers to resolve.`);
  if (r.droppedColumns.length) lines.push(`Dropped columns: ${r.droppedColumns.join(', ')}.`);
  if (r.ignoredColumns.length) lines.push(`Columns not imported: ${r.ignoredColumns.join(', ')}.`);
  for (const e of r.errors.slice(0, 20)) lines.push(`  row ${e.row}: ${e.message}`);
  if (r.invalidRows > 20) lines.push(`  … ${r.invalidRows - 20} more invalid rows`);
  if (r.attribution) lines.push(r.attribution);
  return `${lines.join('\n')}\n`;
}

type CopyView = MethodOutput<'copies.list'>['copies'][number];
export interface MemberRemoved {
  removed: string;
  recoveryKey: string | null;
  oldCopies: CopyView[];
  freshBackup?: { file: string; bytes: number };
  deletedOldCopies?: MethodOutput<'copies.delete'>;
}

const copyLine = (c: CopyView) =>
  `  ${c.kind === 'backup' ? 'backup  ' : 'replaced'}  ${path.join(c.folder, c.name)}  (${c.createdAt.slice(0, 16).replace('T', ' ')}, sha256 ${c.sha256.slice(0, 12)}…${c.state === 'unchanged' ? '' : `, ${c.state === 'changed' ? 'changed since Casewalk wrote it' : 'gone'}`})`;

/** Says plainly what the removal did not do: older copies keep the old key. */
export function memberRemovedText(r: MemberRemoved): string {
  if (!r.recoveryKey) return `Removed the unknown key slot "${r.removed}" (it never had the data key; nothing to rotate).\n`;
  const lines = [
    `Removed ${r.removed}. The data key was rotated: ${r.removed}'s passphrase and the old recovery key no longer open this workbench.`,
    `New recovery key (store it now; it is shown once): ${r.recoveryKey}`,
  ];
  if (r.oldCopies.length) {
    lines.push(
      '',
      `This does not revoke older copies. ${r.oldCopies.length === 1 ? 'This backup or replaced copy was' : `These ${r.oldCopies.length} backups and replaced copies were`} made with the old key and still open with ${r.removed}'s passphrase and the old recovery key:`,
      ...r.oldCopies.map(copyLine),
    );
  } else {
    lines.push(
      '',
      'Casewalk has recorded no older backups or replaced copies of this workbench (copies made elsewhere, or before Casewalk recorded them, still open with the old key).',
    );
  }
  if (r.freshBackup) lines.push('', `Fresh backup with the new key: ${r.freshBackup.file} (${r.freshBackup.bytes} bytes).`);
  const d = r.deletedOldCopies;
  if (d) {
    lines.push(
      '',
      `Deleted ${d.deleted.length} older cop${d.deleted.length === 1 ? 'y' : 'ies'} still exactly as Casewalk wrote ${d.deleted.length === 1 ? 'it' : 'them'}.`,
    );
    if (d.changed.length)
      lines.push(`Not deleted, changed since Casewalk wrote them (check and delete them yourself):`, ...d.changed.map(copyLine));
    if (d.missing.length) lines.push(`Already gone:`, ...d.missing.map(copyLine));
  } else if (r.oldCopies.length) {
    lines.push(
      '',
      `Make a fresh backup (--backup-to FILE), then delete them with --delete-old-copies (only files still exactly as Casewalk wrote them are deleted), or delete them yourself.`,
    );
  }
  return `${lines.join('\n')}\n`;
}
