/**
 * The import pipeline: CSV table + mapping → validated incidents → one transaction.
 * A dry run and a real run share every step except the write. Without skipInvalid, any
 * invalid row means nothing is written.
 */
import crypto from 'node:crypto';
import { CasewalkError } from '../../../shared/result';
import { GUARDED_FIELDS, incidentFields } from '../../../shared/incidents/schemas';
import { INCIDENT_DEFAULTS } from '../../../shared/incidents/schemas';
import type { ImportError, ImportReport, MappingPreset, RepeatAction } from '../../../shared/import/schemas';
import { describeZodError } from '../../../shared/zod-helpers';
import { scan } from '../deid/scanner';
import type { ReadableDB, WritableDB } from '../store/db';
import type { Workbench } from '../store/workbench';
import { FIELD_COLUMNS, fillFieldValues } from '../incidents/rows';
import { nextCode } from '../incidents/service';
import { choiceValues, compileMapping, rowError, type MappedRow } from './mapping';
import { findRepeats, insertBatch, repeatMessage } from './batches';
import type { CsvTable } from './parse';

const MAX_ERRORS_REPORTED = 200;
const mappedFields = incidentFields.omit({ code: true });

export interface Plan {
  report: ImportReport;
  /** key: SHA-256 of the source record id (the dedupeBy columns), when the mapping has one. */
  incidents: { fields: MappedRow; openIdentifiers: number; key: string | null }[];
}

/** The SHA-256 of a source record id, with the columns it comes from (the id itself is never stored). */
function recordKey(columns: readonly string[], key: string): string {
  return crypto
    .createHash('sha256')
    .update(`${columns.join('\u0000').toLowerCase()}\u0001${key}`)
    .digest('hex');
}

/** Counts identifier findings per text, caching repeated values (imports repeat call types and areas). */
function guardCounter() {
  const cache = new Map<string, number>();
  return (fields: MappedRow): number => {
    let n = 0;
    for (const f of GUARDED_FIELDS) {
      const v = fields[f];
      if (!v) continue;
      let c = cache.get(v);
      if (c === undefined) {
        c = scan(v).length;
        if (cache.size < 50_000) cache.set(v, c);
      }
      n += c;
    }
    return n;
  };
}

export function planImport(
  table: CsvTable,
  preset: MappingPreset,
  opts: { skipInvalid: boolean; dryRun: boolean; attribution?: string | null; unmapped?: Record<string, string | undefined> },
  onProgress?: (done: number, total: number) => void,
): Plan {
  const mapping = compileMapping(preset, table.headers, opts.unmapped);
  const errors: ImportError[] = [];
  let invalidRows = 0;
  let merged = 0;
  const byKey = new Map<string, number>();
  const out: MappedRow[] = [];
  const keys: (string | null)[] = [];
  const total = table.rows.length;
  for (let i = 0; i < total; i++) {
    const rowNumber = i + 1;
    let fields: MappedRow;
    try {
      fields = mapping.convert(table.rows[i]!, rowNumber);
    } catch (e) {
      invalidRows++;
      if (errors.length < MAX_ERRORS_REPORTED) errors.push(rowError(e, rowNumber));
      continue;
    }
    const key = mapping.dedupeKey(table.rows[i]!);
    const earlier = key === null ? undefined : byKey.get(key);
    if (earlier !== undefined) {
      const first = out[earlier]! as unknown as Record<string, unknown>;
      for (const f of mapping.mergeFields) {
        const a = first[f];
        const b = (fields as unknown as Record<string, unknown>)[f];
        if (Array.isArray(a) && Array.isArray(b)) first[f] = [...new Set([...a, ...b])];
      }
      merged++;
    } else {
      if (key !== null) byKey.set(key, out.length);
      out.push(fields);
      keys.push(key === null ? null : recordKey(preset.dedupeBy, key));
    }
    if (onProgress && i % 5000 === 0) onProgress(i, total);
  }
  // The mapper builds every value from the value sets and checks every range, so the full zod
  // schema is a safety net against our own bugs: it checks the first 1,000 rows and every
  // 97th row after that (a full check costs more than half of the import time).
  const guard = guardCounter();
  const incidents = out.map((fields, i) => {
    if (i < 1000 || i % 97 === 0) {
      const check = mappedFields.safeParse({ ...INCIDENT_DEFAULTS, ...fields });
      if (!check.success) throw new CasewalkError('internal', `Import produced an invalid incident: ${describeZodError(check.error)}`);
    }
    return { fields, openIdentifiers: guard(fields), key: keys[i]! };
  });
  const unmappedChoices = Object.fromEntries(
    Object.keys(mapping.unmapped).flatMap((f) => {
      const values = choiceValues(f);
      return values ? [[f, { flag: `--unmapped ${f}=<value>`, values: [...values] }]] : [];
    }),
  );
  return {
    incidents,
    report: {
      rows: total,
      imported: invalidRows && !opts.skipInvalid ? 0 : incidents.length,
      merged,
      skipped: opts.skipInvalid ? invalidRows : 0,
      invalidRows,
      errors,
      unmapped: mapping.unmapped,
      withIdentifiers: incidents.filter((x) => x.openIdentifiers > 0).length,
      ignoredColumns: mapping.ignoredColumns,
      droppedColumns: mapping.droppedColumns,
      dryRun: opts.dryRun,
      attribution: opts.attribution ?? null,
      mappedByChoice: mapping.byChoice,
      unmappedChoices,
      fileSha256: table.sha256,
      repeat: { file: null, records: 0, action: 'refuse' },
      batchId: null,
    },
  };
}

/**
 * Finds what earlier imports already hold (same file, same source records) and applies the
 * choice: `skip` leaves those incidents out of the plan, `refuse` keeps the plan and reports
 * nothing to import. The report says which, and how many.
 */
export function applyRepeats(db: ReadableDB, plan: Plan, action: RepeatAction): Plan {
  const found = findRepeats(
    db,
    plan.report.fileSha256,
    plan.incidents.map((x) => x.key),
  );
  const records = found.repeated.filter(Boolean).length;
  const repeat = { file: found.file, records, action };
  if (!records) return { ...plan, report: { ...plan.report, repeat } };
  if (action === 'refuse') return { ...plan, report: { ...plan.report, repeat, imported: 0 } };
  const incidents = plan.incidents.filter((_, i) => !found.repeated[i]);
  const imported = plan.report.imported === 0 ? 0 : incidents.length;
  return {
    incidents,
    report: { ...plan.report, repeat, imported, withIdentifiers: incidents.filter((x) => x.openIdentifiers > 0).length },
  };
}

/** Why a real run writes nothing (repeats refused, or nothing left to import), or null. */
export function repeatRefusal(plan: Plan): string | null {
  const { repeat } = plan.report;
  if (repeat.records && repeat.action === 'refuse') return repeatMessage(repeat, plan.incidents.length);
  if (repeat.records && plan.incidents.length === 0)
    return `Every incident in this file was already imported${repeat.file ? ` (import #${repeat.file.batchId})` : ''}; there is nothing new to import.`;
  return null;
}

const INSERT = `INSERT INTO incidents (${FIELD_COLUMNS.join(', ')}, status, source, open_identifiers, created_at, updated_at, import_batch_id)
  VALUES (${FIELD_COLUMNS.map(() => '?').join(', ')}, 'draft', ?, ?, ?, ?, ?)`;
const FTS_FROM_ROWS = `INSERT INTO incidents_fts (rowid, code, call_types, area, narrative, timeline, tags)
  SELECT id, code, trim(coalesce(initial_call_type, '') || ' ' || coalesce(final_call_type, '')), coalesce(area, ''), narrative, '',
         coalesce((SELECT group_concat(tag, ' ') FROM incident_tags t WHERE t.incident_id = incidents.id), '')
  FROM incidents WHERE id >= ?`;

/** Writes a plan as one import batch in one transaction (with its audit row); all or nothing. Returns the batch id. */
export function writePlan(
  wb: Workbench,
  plan: Plan,
  source: string,
  fileName: string,
  onProgress?: (done: number, total: number) => void,
): number {
  const total = plan.incidents.length;
  const repeats = plan.report.repeat.records;
  return wb.write(
    (batchId: number) => ({
      event: 'import',
      entity: `import:${source}`,
      detail: `${plan.report.rows} rows → ${total} incidents (${plan.report.merged} merged, ${plan.report.skipped} skipped, ${plan.report.withIdentifiers} with possible identifiers${repeats ? `, ${repeats} repeated records skipped` : ''}); batch ${batchId}`,
    }),
    (db: WritableDB) => {
      const batchId = insertBatch(
        db,
        {
          fileName,
          fileSha256: plan.report.fileSha256,
          source,
          rows: plan.report.rows,
          incidents: total,
          skippedRepeats: repeats,
          at: new Date().toISOString(),
        },
        plan.incidents.flatMap((x) => (x.key ? [x.key] : [])),
      );
      const ins = db.prepare(INSERT);
      const tag = db.prepare('INSERT OR IGNORE INTO incident_tags (incident_id, tag) VALUES (?, ?)');
      const counters = new Map<number, number>();
      const at = new Date().toISOString();
      // One parameter array for every row (the statement binds it before run returns).
      const values: (string | number | null)[] = [];
      const extra: (string | number | null)[] = [`import:${source}`, 0, at, at, batchId];
      const code = (year: number): string => {
        let n = counters.get(year);
        if (n === undefined) n = Number(nextCode(db, year).slice(5)) - 1;
        n++;
        counters.set(year, n);
        return `${year}-${String(n).padStart(3, '0')}`;
      };
      let firstId = 0;
      plan.incidents.forEach((x, i) => {
        extra[1] = x.openIdentifiers;
        const r = ins.run(fillFieldValues(values, x.fields, code(x.fields.occurredYear), extra));
        const id = Number(r.lastInsertRowid);
        if (i === 0) firstId = id;
        for (const t of x.fields.tags) tag.run([id, t]);
        if (onProgress && i % 5000 === 0) onProgress(i, total);
      });
      // Index the new rows for search in one statement, inside the same transaction.
      if (total) db.prepare(FTS_FROM_ROWS).run([firstId]);
      onProgress?.(total, total);
      return batchId;
    },
  );
}
