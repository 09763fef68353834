/**
 * Turns CSV rows into incident fields with a mapping preset. Every problem becomes an
 * enumerated row error (unmapped value, out-of-range number, missing required field,
 * malformed row); nothing here writes.
 */
import { CasewalkError } from '../../../shared/result';
import { LIMITS, type IncidentFields } from '../../../shared/incidents/schemas';
import {
  BEHAVIOUR,
  CALL_SOURCE,
  DISPOSITION,
  FORCE,
  INJURY,
  INTERCEPT,
  RESPONDER,
  WEAPON,
  WEEKDAY,
  YES_NO_UNKNOWN,
  MONTH_NAMES,
  type ValueOption,
} from '../../../shared/incidents/values';
import { DATE_FIELD, type ImportError, type ImportErrorCode, type MappingPreset } from '../../../shared/import/schemas';

export type MappedRow = Omit<IncidentFields, 'code'>;

class RowError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly column: string | null,
    message: string,
  ) {
    super(message);
  }
}

const ENUMS: Record<string, { options: ValueOption[]; values: readonly string[] }> = {
  callSource: CALL_SOURCE,
  weapon: WEAPON,
  force: FORCE,
  followUp7: YES_NO_UNKNOWN,
  veteran: YES_NO_UNKNOWN,
  weekday: WEEKDAY,
};
const MULTI: Record<string, { options: ValueOption[]; values: readonly string[] }> = {
  responders: RESPONDER,
  injuries: INJURY,
  behaviours: BEHAVIOUR,
  dispositions: DISPOSITION,
  intercepts: INTERCEPT,
};
const BOOLEANS = new Set(['citRequested', 'citDispatched', 'citArrived', 'threats', 'restraint', 'handcuffs']);
const TEXTS: Record<string, number> = {
  area: LIMITS.area,
  initialCallType: LIMITS.callType,
  finalCallType: LIMITS.callType,
  referrals: LIMITS.referrals,
  narrative: LIMITS.narrative,
};
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
const MONTHS = MONTH_NAMES.map((m) => m.toLowerCase());
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const TRUE = new Set(['y', 'yes', 'true', 't', '1']);
const FALSE = new Set(['n', 'no', 'false', 'f', '0', '', '-']);

const LABELS: Record<string, string> = {
  occurredYear: 'year',
  occurredMonth: 'month',
  occurredDate: 'date',
  hourOfDay: 'hour of day',
  priorContacts: 'prior contacts',
};

export interface CompiledMapping {
  /** Converts one CSV row (1-based data row number for messages). */
  convert(row: readonly string[], rowNumber: number): MappedRow;
  dedupeKey(row: readonly string[]): string | null;
  mergeFields: string[];
  ignoredColumns: string[];
  droppedColumns: string[];
  /** Field → unmapped CSV value → count (filled by convert). */
  unmapped: Record<string, Record<string, number>>;
}

export function compileMapping(preset: MappingPreset, headers: readonly string[]): CompiledMapping {
  const index = new Map(headers.map((h, i) => [h.toLowerCase(), i]));
  const col = (name: string, forField: string): number => {
    const i = index.get(name.toLowerCase());
    if (i === undefined) {
      throw new CasewalkError('invalid_input', `The mapping "${preset.name}" needs the column "${name}" (for ${LABELS[forField] ?? forField}), which this file does not have.`);
    }
    return i;
  };
  const sources = Object.entries(preset.columns).map(([field, c]) => {
    const names = Array.isArray(c) ? c : [c!];
    return { field, names, idx: names.map((n) => col(n, field)) };
  });
  const mapped = new Set(sources.map((s) => s.field));
  if (!mapped.has(DATE_FIELD) && !(mapped.has('occurredYear') && mapped.has('occurredMonth'))) {
    throw new CasewalkError('invalid_input', 'A mapping must say where the year and month come from (a year and a month column, or a date column).');
  }
  const dedupeIdx = preset.dedupeBy.map((n) => col(n, 'dedupeBy'));
  const usedColumns = new Set(sources.flatMap((s) => s.names.map((n) => n.toLowerCase())));
  const dropped = new Set(preset.drop.map((d) => d.toLowerCase()));
  const valueMaps = new Map(Object.entries(preset.values).map(([f, m]) => [f, new Map(Object.entries(m!).map(([k, v]) => [k.trim().toLowerCase(), v]))]));
  const unmapped: Record<string, Record<string, number>> = {};

  const note = (field: string, value: string) => {
    const m = (unmapped[field] ??= {});
    if (Object.keys(m).length < 200 || value in m) m[value] = (m[value] ?? 0) + 1;
  };

  /** Value-map lookup: undefined = no entry; null = mapped to "no value". */
  const lookup = (field: string, raw: string): string | null | undefined => valueMaps.get(field)?.get(raw.trim().toLowerCase());

  const enumValue = (field: string, raw: string, column: string, set: { options: ValueOption[]; values: readonly string[] }): string | null => {
    const m = lookup(field, raw);
    if (m !== undefined) {
      if (m !== null && !set.values.includes(m)) throw new CasewalkError('invalid_input', `The mapping turns "${raw}" into "${m}", which is not a ${field} value.`);
      return m;
    }
    const v = raw.trim();
    if (v === '') return null;
    const lower = v.toLowerCase();
    const hit = set.options.find((o) => o.value.toLowerCase() === lower || o.label.toLowerCase() === lower);
    if (hit) return hit.value;
    if (field === 'weekday') {
      const d = DAYS.findIndex((x) => x === lower || x.slice(0, 3) === lower.slice(0, 3) && lower.length >= 3 && x.startsWith(lower));
      if (d >= 0) return String(d + 1);
    }
    note(field, v);
    throw new RowError('unmapped_value', column, `"${v.slice(0, 60)}" in column "${column}" has no ${LABELS[field] ?? field} value; add it to the mapping.`);
  };

  const int = (raw: string, column: string, field: string, min: number, max: number): number | null => {
    const v = raw.trim();
    if (v === '') return null;
    if (!/^-?\d+$/.test(v)) throw new RowError('out_of_range', column, `"${v.slice(0, 40)}" in column "${column}" is not a whole number (${LABELS[field] ?? field}).`);
    const n = Number(v);
    if (n < min || n > max) throw new RowError('out_of_range', column, `${LABELS[field] ?? field} ${n} in column "${column}" is outside ${min}–${max}.`);
    return n;
  };

  // Categorical columns repeat a handful of values thousands of times: convert each once.
  // Errors are not cached (every invalid row must be reported with its own row number).
  const memoFor = () => {
    const m = new Map<string, unknown>();
    return <T>(raw: string, fn: () => T): T => {
      if (m.has(raw)) return m.get(raw) as T;
      const v = fn();
      if (m.size < 10_000) m.set(raw, v);
      return v;
    };
  };

  type Apply = (row: readonly string[], out: Record<string, unknown>) => void;
  /** One converter per mapped column, specialised once: per row only the work that depends on the cell. */
  const compileSource = (s: (typeof sources)[number]): Apply => {
    const column = s.names.join(' / ');
    const f = s.field;
    const first = s.idx[0]!;
    const read =
      s.idx.length === 1
        ? (row: readonly string[]) => row[first]!
        : (row: readonly string[]) =>
            s.idx
              .map((i) => row[i]!.trim())
              .filter((v) => v && v !== '-')
              .join(' / ');
    const memo = memoFor();
    if (f === DATE_FIELD)
      return (row, out) => {
        const raw = read(row);
        const d = memo(raw, () => parseDate(raw));
        if (!d) throw new RowError(raw.trim() ? 'out_of_range' : 'missing_required', column, raw.trim() ? `"${raw.slice(0, 40)}" in column "${column}" is not a date.` : `Column "${column}" (date) is empty.`);
        out.occurredYear = d.year;
        out.occurredMonth = d.month;
        if (out.weekday === null) out.weekday = String(d.weekday);
      };
    if (f === 'occurredYear')
      return (row, out) => {
        const raw = read(row);
        const n = memo(raw, () => int(raw, column, f, 1990, 2100));
        if (n === null) throw new RowError('missing_required', column, `Column "${column}" (year) is empty.`);
        out.occurredYear = n;
      };
    if (f === 'occurredMonth')
      return (row, out) => {
        const raw = read(row);
        const n = memo(raw, () => {
          const v = raw.trim().toLowerCase();
          const named = MONTHS.findIndex((m) => m === v || (v.length >= 3 && m.startsWith(v)));
          return named >= 0 ? named + 1 : int(raw, column, f, 1, 12);
        });
        if (n === null) throw new RowError('missing_required', column, `Column "${column}" (month) is empty.`);
        out.occurredMonth = n;
      };
    if (f === 'hourOfDay')
      return (row, out) => {
        const raw = read(row);
        out.hourOfDay = memo(raw, () => {
          const v = raw.trim();
          if (v === '' || v === '-') return null;
          const m = /^(\d{1,2})(?::\d{2}(?::\d{2})?)?\s*(am|pm)?$/i.exec(v);
          if (!m) throw new RowError('out_of_range', column, `"${v.slice(0, 40)}" in column "${column}" is not an hour or a time.`);
          let h = Number(m[1]);
          if (m[2]) h = (h % 12) + (m[2].toLowerCase() === 'pm' ? 12 : 0);
          if (h > 23) throw new RowError('out_of_range', column, `hour of day ${h} in column "${column}" is outside 0–23.`);
          return h;
        });
      };
    if (f === 'priorContacts')
      return (row, out) => {
        const raw = read(row);
        out.priorContacts = memo(raw, () => int(raw, column, f, 0, 999));
      };
    const set = ENUMS[f];
    if (set) {
      const unknownIsDefault = f === 'followUp7' || f === 'veteran';
      return (row, out) => {
        const raw = read(row);
        const v = memo(raw, () => enumValue(f, raw, column, set));
        out[f] = unknownIsDefault ? (v ?? 'unknown') : v;
      };
    }
    const multi = MULTI[f];
    if (multi)
      // Frozen and shared between rows with the same cell; merging builds new arrays.
      return (row, out) => {
        const raw = read(row);
        out[f] = memo(raw, () => {
          const items = raw.includes(';') || raw.includes('|') ? raw.split(/[;|]/).map((x) => x.trim()) : [raw];
          const values = new Set<string>();
          for (const item of items) {
            const v = enumValue(f, item, column, multi);
            if (v) values.add(v);
          }
          return Object.freeze(multi.values.filter((x) => values.has(x)));
        });
      };
    if (BOOLEANS.has(f))
      return (row, out) => {
        const raw = read(row);
        out[f] = memo(raw, () => {
          const m = lookup(f, raw);
          const v = (m === undefined ? raw : (m ?? '')).trim().toLowerCase();
          if (TRUE.has(v)) return true;
          if (FALSE.has(v)) return false;
          note(f, raw.trim());
          throw new RowError('unmapped_value', column, `"${raw.trim().slice(0, 40)}" in column "${column}" is not yes or no.`);
        });
      };
    if (f === 'tags')
      return (row, out) => {
        const raw = read(row);
        out.tags = [...new Set(raw.split(/[;,]/).map((t) => t.trim().toLowerCase()).filter(Boolean))].slice(0, LIMITS.tags).map((t) => t.slice(0, LIMITS.tag));
      };
    const limit = TEXTS[f];
    if (limit !== undefined) {
      const text = (raw: string) => {
        const m = lookup(f, raw);
        const v = (m === undefined ? raw : (m ?? '')).trim();
        if (v.length > limit) throw new RowError('out_of_range', column, `The value in column "${column}" is longer than ${limit} characters.`);
        return f === 'narrative' ? v : v || null;
      };
      // A narrative is different on every row: caching it would only hold memory.
      return f === 'narrative'
        ? (row, out) => {
            out[f] = text(read(row));
          }
        : (row, out) => {
            const raw = read(row);
            out[f] = memo(raw, () => text(raw));
          };
    }
    return () => undefined;
  };
  const appliers = sources.map(compileSource);

  return {
    unmapped,
    mergeFields: Object.keys(preset.merge),
    ignoredColumns: headers.filter((h) => !usedColumns.has(h.toLowerCase()) && !dropped.has(h.toLowerCase()) && !preset.dedupeBy.some((d) => d.toLowerCase() === h.toLowerCase())),
    droppedColumns: headers.filter((h) => dropped.has(h.toLowerCase())),
    dedupeKey(row) {
      if (!dedupeIdx.length) return null;
      return dedupeIdx.map((i) => (row[i] ?? '').trim()).join('\u0000');
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

/** Year, month and weekday of a date; the day itself is never kept. */
export function parseDate(raw: string): { year: number; month: number; weekday: number } | null {
  const v = raw.trim();
  let y: number, m: number, d: number;
  let r = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(v);
  if (r) [y, m, d] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else if ((r = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s.*)?$/.exec(v))) [m, d, y] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1990 || y > 2100) return null;
  return { year: y, month: m, weekday: ((date.getUTCDay() + 6) % 7) + 1 };
}
