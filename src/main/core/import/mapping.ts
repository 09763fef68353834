/**
 * Turns CSV rows into incident fields with a mapping preset. Every problem becomes an
 * enumerated row error (unmapped value, out-of-range number, missing required field,
 * malformed row); nothing here writes.
 */
import { CasewalkError } from '../../../shared/result';
import { INCIDENT_DEFAULTS, LIMITS, type IncidentFields } from '../../../shared/incidents/schemas';
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
  const memos = new Map<string, Map<string, unknown>>();
  const memo = <T>(field: string, raw: string, fn: () => T): T => {
    let m = memos.get(field);
    if (!m) memos.set(field, (m = new Map()));
    if (m.has(raw)) return m.get(raw) as T;
    const v = fn();
    if (m.size < 10_000) m.set(raw, v);
    return v;
  };

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
      const out: Record<string, unknown> = { ...INCIDENT_DEFAULTS, responders: [], injuries: [], behaviours: [], dispositions: [], intercepts: [], tags: [] };
      for (const s of sources) {
        const column = s.names.join(' / ');
        const raw = s.idx.length === 1 ? row[s.idx[0]!]! : s.idx.map((i) => row[i]!.trim()).filter((v) => v && v !== '-').join(' / ');
        const f = s.field;
        if (f === DATE_FIELD) {
          const d = parseDate(raw);
          if (!d) throw new RowError(raw.trim() ? 'out_of_range' : 'missing_required', column, raw.trim() ? `"${raw.slice(0, 40)}" in column "${column}" is not a date.` : `Column "${column}" (date) is empty.`);
          out.occurredYear = d.year;
          out.occurredMonth = d.month;
          if (out.weekday === null) out.weekday = String(d.weekday);
        } else if (f === 'occurredYear') {
          const n = int(raw, column, f, 1990, 2100);
          if (n === null) throw new RowError('missing_required', column, `Column "${column}" (year) is empty.`);
          out.occurredYear = n;
        } else if (f === 'occurredMonth') {
          const v = raw.trim().toLowerCase();
          const named = MONTHS.findIndex((m) => m === v || (v.length >= 3 && m.startsWith(v)));
          const n = named >= 0 ? named + 1 : int(raw, column, f, 1, 12);
          if (n === null) throw new RowError('missing_required', column, `Column "${column}" (month) is empty.`);
          out.occurredMonth = n;
        } else if (f === 'hourOfDay') {
          const v = raw.trim();
          const m = /^(\d{1,2})(?::\d{2}(?::\d{2})?)?\s*(am|pm)?$/i.exec(v);
          if (v === '' || v === '-') out.hourOfDay = null;
          else if (!m) throw new RowError('out_of_range', column, `"${v.slice(0, 40)}" in column "${column}" is not an hour or a time.`);
          else {
            let h = Number(m[1]);
            if (m[2]) h = (h % 12) + (m[2].toLowerCase() === 'pm' ? 12 : 0);
            if (h > 23) throw new RowError('out_of_range', column, `hour of day ${h} in column "${column}" is outside 0–23.`);
            out.hourOfDay = h;
          }
        } else if (f === 'priorContacts') {
          out.priorContacts = int(raw, column, f, 0, 999);
        } else if (ENUMS[f]) {
          const v = memo(f, raw, () => enumValue(f, raw, column, ENUMS[f]!));
          if (f === 'followUp7' || f === 'veteran') out[f] = v ?? 'unknown';
          else out[f] = v;
        } else if (MULTI[f]) {
          // Frozen and shared between rows with the same cell; merging builds new arrays.
          out[f] = memo(f, raw, () => {
            const items = raw.includes(';') || raw.includes('|') ? raw.split(/[;|]/).map((x) => x.trim()) : [raw];
            const values = new Set<string>();
            for (const item of items) {
              const v = enumValue(f, item, column, MULTI[f]!);
              if (v) values.add(v);
            }
            return Object.freeze(MULTI[f]!.values.filter((x) => values.has(x)));
          });
        } else if (BOOLEANS.has(f)) {
          const m = lookup(f, raw);
          const v = (m === undefined ? raw : (m ?? '')).trim().toLowerCase();
          if (TRUE.has(v)) out[f] = true;
          else if (FALSE.has(v)) out[f] = false;
          else {
            note(f, raw.trim());
            throw new RowError('unmapped_value', column, `"${raw.trim().slice(0, 40)}" in column "${column}" is not yes or no.`);
          }
        } else if (f === 'tags') {
          out.tags = [...new Set(raw.split(/[;,]/).map((t) => t.trim().toLowerCase()).filter(Boolean))].slice(0, LIMITS.tags).map((t) => t.slice(0, LIMITS.tag));
        } else if (TEXTS[f] !== undefined) {
          const m = lookup(f, raw);
          const v = (m === undefined ? raw : (m ?? '')).trim();
          if (v.length > TEXTS[f]) throw new RowError('out_of_range', column, `The value in column "${column}" is longer than ${TEXTS[f]} characters.`);
          out[f] = f === 'narrative' ? v : v || null;
        }
      }
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
