/**
 * The import pipeline: CSV table + mapping → validated incidents → one transaction.
 * A dry run and a real run share every step except the write. Without skipInvalid, any
 * invalid row means nothing is written.
 */
import { CasewalkError } from '../../../shared/result';
import { GUARDED_FIELDS, incidentFields } from '../../../shared/incidents/schemas';
import { INCIDENT_DEFAULTS } from '../../../shared/incidents/schemas';
import type { ImportError, ImportReport, MappingPreset } from '../../../shared/import/schemas';
import { describeZodError } from '../../../shared/zod-helpers';
import { scan } from '../deid/scanner';
import type { WritableDB } from '../store/db';
import type { Workbench } from '../store/workbench';
import { FIELD_COLUMNS, fillFieldValues } from '../incidents/rows';
import { nextCode } from '../incidents/service';
import { compileMapping, rowError, type MappedRow } from './mapping';
import type { CsvTable } from './parse';

const MAX_ERRORS_REPORTED = 200;
const mappedFields = incidentFields.omit({ code: true });

export interface Plan {
  report: ImportReport;
  incidents: { fields: MappedRow; openIdentifiers: number }[];
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
  opts: { skipInvalid: boolean; dryRun: boolean; attribution?: string | null },
  onProgress?: (done: number, total: number) => void,
): Plan {
  const mapping = compileMapping(preset, table.headers);
  const errors: ImportError[] = [];
  let invalidRows = 0;
  let merged = 0;
  const byKey = new Map<string, number>();
  const out: MappedRow[] = [];
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
    return { fields, openIdentifiers: guard(fields) };
  });
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
    },
  };
}

const INSERT = `INSERT INTO incidents (${FIELD_COLUMNS.join(', ')}, status, source, open_identifiers, created_at, updated_at)
  VALUES (${FIELD_COLUMNS.map(() => '?').join(', ')}, 'draft', ?, ?, ?, ?)`;
const FTS_FROM_ROWS = `INSERT INTO incidents_fts (rowid, code, call_types, area, narrative, timeline, tags)
  SELECT id, code, trim(coalesce(initial_call_type, '') || ' ' || coalesce(final_call_type, '')), coalesce(area, ''), narrative, '',
         coalesce((SELECT group_concat(tag, ' ') FROM incident_tags t WHERE t.incident_id = incidents.id), '')
  FROM incidents WHERE id >= ?`;

/** Writes a plan in one transaction (with its audit row); all or nothing. */
export function writePlan(wb: Workbench, plan: Plan, source: string, onProgress?: (done: number, total: number) => void): void {
  const total = plan.incidents.length;
  wb.write(
    {
      event: 'import',
      entity: `import:${source}`,
      detail: `${plan.report.rows} rows → ${total} incidents (${plan.report.merged} merged, ${plan.report.skipped} skipped, ${plan.report.withIdentifiers} with possible identifiers)`,
    },
    (db: WritableDB) => {
      const ins = db.prepare(INSERT);
      const tag = db.prepare('INSERT OR IGNORE INTO incident_tags (incident_id, tag) VALUES (?, ?)');
      const counters = new Map<number, number>();
      const at = new Date().toISOString();
      // One parameter array for every row (the statement binds it before run returns).
      const values: (string | number | null)[] = [];
      const extra: (string | number | null)[] = [`import:${source}`, 0, at, at];
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
    },
  );
}
