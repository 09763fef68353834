/**
 * Turns CSV rows into incident fields with a mapping preset. Every problem becomes an
 * enumerated row error (unmapped value, out-of-range number, missing required field,
 * malformed row); nothing here writes. The per-column converters are in cells.ts.
 */
import { CasewalkError } from '../../../shared/result';
import type { IncidentFields } from '../../../shared/incidents/schemas';
import { DATE_FIELD, NO_VALUE_CHOICE, type ImportError, type MappingPreset } from '../../../shared/import/schemas';
import { MULTI_VALUE_FIELDS, SINGLE_VALUE_FIELDS } from '../../../shared/incidents/values';
import { Cells, compileSource, LABELS, RowError } from './cells';

/**
 * Columns about the officer (identity, gender, race, year of birth, experience, unit) are never
 * imported, whatever a mapping says: not into a field, not into demographics, not as a record id.
 */
export const OFFICER_COLUMN = /^(officer|ofc)\b|\bcit certified\b/i;

/** The fields an explicit "unknown values become …" choice can be given for, with the values it takes. */
export function choiceValues(field: string): readonly string[] | null {
  const set = SINGLE_VALUE_FIELDS[field] ?? MULTI_VALUE_FIELDS[field];
  return set ? [...set.values, NO_VALUE_CHOICE] : null;
}

function compileChoices(choices: Record<string, string | undefined>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [field, value] of Object.entries(choices)) {
    if (value === undefined) continue;
    const allowed = choiceValues(field);
    if (!allowed)
      throw new CasewalkError('invalid_input', `Unknown values of "${field}" cannot be mapped by choice: it has no fixed set of values.`);
    if (!allowed.includes(value))
      throw new CasewalkError('invalid_input', `"${value}" is not a value of "${field}". Use one of: ${allowed.join(', ')}.`, {
        field: `unmapped.${field}`,
      });
    out[field] = value === NO_VALUE_CHOICE ? null : value;
  }
  return out;
}

export type MappedRow = Omit<IncidentFields, 'code'>;

const NONE: readonly string[] = Object.freeze([]);

/**
 * A row before its columns are applied: INCIDENT_DEFAULTS plus the year and month, written
 * out as one literal so every row has the same fixed shape. (Spreading the defaults and then
 * adding the year and month made V8 keep each row as a slow dictionary object, about 1.5 kB a
 * row and most of the import's garbage.) A test keeps it equal to INCIDENT_DEFAULTS. Unmapped
 * list fields share one frozen empty array (merging and tags build new arrays).
 */
export function blankRow(): Record<string, unknown> {
  return {
    occurredYear: null,
    occurredMonth: null,
    weekday: null,
    hourOfDay: null,
    area: null,
    callSource: null,
    initialCallType: null,
    finalCallType: null,
    responders: NONE,
    citRequested: false,
    citDispatched: false,
    citArrived: false,
    weapon: null,
    threats: false,
    injuries: NONE,
    force: null,
    restraint: false,
    handcuffs: false,
    behaviours: NONE,
    dispositions: NONE,
    referrals: null,
    followUp7: 'unknown',
    veteran: 'unknown',
    priorContacts: null,
    intercepts: NONE,
    tags: NONE,
    narrative: '',
  };
}

export interface CompiledMapping {
  /** Converts one CSV row (1-based data row number for messages). */
  convert(row: readonly string[], rowNumber: number): MappedRow;
  dedupeKey(row: readonly string[]): string | null;
  mergeFields: string[];
  ignoredColumns: string[];
  droppedColumns: string[];
  /** Field → unmapped CSV value → count (filled by convert). */
  unmapped: Record<string, Record<string, number>>;
  /** Field → CSV value mapped by an explicit choice → count (filled by convert). */
  byChoice: Record<string, Record<string, number>>;
}

export function compileMapping(
  preset: MappingPreset,
  headers: readonly string[],
  choices: Record<string, string | undefined> = {},
): CompiledMapping {
  const index = new Map(headers.map((h, i) => [h.toLowerCase(), i]));
  const col = (name: string, forField: string): number => {
    const i = index.get(name.toLowerCase());
    if (i === undefined) {
      throw new CasewalkError(
        'invalid_input',
        `The mapping "${preset.name}" needs the column "${name}" (for ${LABELS[forField] ?? forField}), which this file does not have.`,
      );
    }
    return i;
  };
  const dropped = new Set(preset.drop.map((d) => d.toLowerCase()));
  const sources = Object.entries(preset.columns).map(([field, c]) => {
    const names = Array.isArray(c) ? c : [c!];
    for (const n of names) {
      if (OFFICER_COLUMN.test(n) || dropped.has(n.toLowerCase()))
        throw new CasewalkError(
          'invalid_input',
          `The column "${n}" is never imported (${OFFICER_COLUMN.test(n) ? 'officer columns stay out of Casewalk' : (preset.dropReason ?? 'the mapping drops it')}); map ${LABELS[field] ?? field} from another column or leave it out.`,
        );
    }
    return { field, names, idx: names.map((n) => col(n, field)) };
  });
  const mapped = new Set(sources.map((s) => s.field));
  if (!mapped.has(DATE_FIELD) && !(mapped.has('occurredYear') && mapped.has('occurredMonth'))) {
    throw new CasewalkError(
      'invalid_input',
      'A mapping must say where the year and month come from (a year and a month column, or a date column).',
    );
  }
  const dedupeIdx = preset.dedupeBy.map((n) => {
    if (OFFICER_COLUMN.test(n)) throw new CasewalkError('invalid_input', `An officer column ("${n}") cannot be a record id.`);
    return col(n, 'dedupeBy');
  });
  const usedColumns = new Set(sources.flatMap((s) => s.names.map((n) => n.toLowerCase())));
  const cells = new Cells(preset.values, compileChoices(choices));
  const appliers = sources.map((s) => compileSource(cells, s));

  return {
    unmapped: cells.unmapped,
    byChoice: cells.byChoice,
    mergeFields: Object.keys(preset.merge),
    ignoredColumns: headers.filter(
      (h) =>
        !OFFICER_COLUMN.test(h) &&
        !usedColumns.has(h.toLowerCase()) &&
        !dropped.has(h.toLowerCase()) &&
        !preset.dedupeBy.some((d) => d.toLowerCase() === h.toLowerCase()),
    ),
    // Officer columns are listed as dropped whether or not the mapping names them.
    droppedColumns: headers.filter((h) => dropped.has(h.toLowerCase()) || OFFICER_COLUMN.test(h)),
    dedupeKey(row) {
      if (!dedupeIdx.length) return null;
      const parts = dedupeIdx.map((i) => (row[i] ?? '').trim());
      // A row without a record id is its own incident: never merged with, or a repeat of, another.
      if (parts.every((p) => p === '' || p === '-')) return null;
      return parts.join('\u0000');
    },
    convert(row, rowNumber) {
      if (row.length !== headers.length) {
        throw new RowError('malformed_row', null, `Row ${rowNumber} has ${row.length} values; the header has ${headers.length}.`);
      }
      const out = blankRow();
      for (const apply of appliers) apply(row, out);
      if (typeof out.occurredYear !== 'number' || typeof out.occurredMonth !== 'number') {
        throw new RowError('missing_required', null, 'The year or month is missing.');
      }
      return out as unknown as MappedRow;
    },
  };
}

export function rowError(e: unknown, row: number): ImportError {
  if (e instanceof RowError) return { row, code: e.code, column: e.column, message: e.message };
  throw e;
}
