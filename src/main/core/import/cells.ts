/**
 * One converter per mapped column ("cell"): turns the text in a CSV cell into an incident field,
 * or throws a RowError naming the column. Each is specialised once per import, so per row only
 * the work that depends on the cell is done.
 */
import { LIMITS } from '../../../shared/incidents/schemas';
import { MULTI_VALUE_FIELDS, SINGLE_VALUE_FIELDS, MONTH_NAMES, type ValueOption } from '../../../shared/incidents/values';
import { CasewalkError } from '../../../shared/result';
import { DATE_FIELD, type ImportErrorCode } from '../../../shared/import/schemas';

export class RowError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly column: string | null,
    message: string,
  ) {
    super(message);
  }
}

const ENUMS = SINGLE_VALUE_FIELDS;
const MULTI = MULTI_VALUE_FIELDS;
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

export const LABELS: Record<string, string> = {
  occurredYear: 'year',
  occurredMonth: 'month',
  occurredDate: 'date',
  hourOfDay: 'hour of day',
  priorContacts: 'prior contacts',
};

type ValueSet = { options: ValueOption[]; values: readonly string[] };
export type Apply = (row: readonly string[], out: Record<string, unknown>) => void;
/** A mapped field and the CSV columns it reads (several are joined with " / "). */
export interface Source {
  field: string;
  names: string[];
  idx: number[];
}

/** What the converters of one import share: the mapping's value maps and the tally of unmapped values. */
export class Cells {
  /** Field → unmapped CSV value → count. */
  readonly unmapped: Record<string, Record<string, number>> = {};
  /** Field → CSV value mapped by an explicit "unknown values become …" choice → count. */
  readonly byChoice: Record<string, Record<string, number>> = {};
  /** Set when a conversion used an explicit choice: its result is not cached, so every row is counted. */
  usedChoice = false;
  private readonly valueMaps: Map<string, Map<string, string | null>>;

  constructor(
    values: Record<string, Record<string, string | null> | undefined>,
    /** Field → the value every still-unknown value becomes (null: no value). */
    private readonly choices: Record<string, string | null> = {},
  ) {
    this.valueMaps = new Map(
      Object.entries(values).map(([f, m]) => [f, new Map(Object.entries(m!).map(([k, v]) => [k.trim().toLowerCase(), v]))]),
    );
  }

  note(field: string, value: string, tally = this.unmapped): void {
    const m = (tally[field] ??= {});
    if (Object.keys(m).length < 200 || value in m) m[value] = (m[value] ?? 0) + 1;
  }

  /** Value-map lookup: undefined = no entry; null = mapped to "no value". */
  lookup(field: string, raw: string): string | null | undefined {
    return this.valueMaps.get(field)?.get(raw.trim().toLowerCase());
  }

  /** The value of one CSV value from the mapping or the value set's own names; undefined when unknown. */
  resolve(field: string, raw: string, set: ValueSet): string | null | undefined {
    const m = this.lookup(field, raw);
    if (m !== undefined) {
      if (m !== null && !set.values.includes(m))
        throw new CasewalkError('invalid_input', `The mapping turns "${raw}" into "${m}", which is not a ${field} value.`);
      return m;
    }
    const v = raw.trim();
    if (v === '') return null;
    const lower = v.toLowerCase();
    const hit = set.options.find((o) => o.value.toLowerCase() === lower || o.label.toLowerCase() === lower);
    if (hit) return hit.value;
    if (field === 'weekday') {
      const d = DAYS.findIndex((x) => x === lower || (x.slice(0, 3) === lower.slice(0, 3) && lower.length >= 3 && x.startsWith(lower)));
      if (d >= 0) return String(d + 1);
    }
    return undefined;
  }

  enumValue(field: string, raw: string, column: string, set: ValueSet): string | null {
    const known = this.resolve(field, raw, set);
    if (known !== undefined) return known;
    const v = raw.trim();
    const choice = this.choices[field];
    if (choice !== undefined) {
      this.note(field, v, this.byChoice);
      this.usedChoice = true;
      return choice;
    }
    this.note(field, v);
    throw new RowError(
      'unmapped_value',
      column,
      `"${v.slice(0, 60)}" in column "${column}" has no ${LABELS[field] ?? field} value; add it to the mapping.`,
    );
  }
}

/** Separators between the values of a multi-valued cell ("Mobile Crisis Team; Resources Declined"). */
const MULTI_SEPARATORS = /[;|,\n]/;

/**
 * A multi-valued cell: the whole cell when the mapping knows it (a value may itself hold a
 * separator), otherwise each of its parts.
 */
function multiValues(cells: Cells, f: string, raw: string, column: string, set: ValueSet): readonly string[] {
  const whole = MULTI_SEPARATORS.test(raw) ? cells.resolve(f, raw, set) : undefined;
  const items = whole !== undefined || !MULTI_SEPARATORS.test(raw) ? [raw] : raw.split(MULTI_SEPARATORS).map((x) => x.trim());
  const values = new Set<string>();
  for (const item of items) {
    if (items.length > 1 && item === '') continue;
    const v = cells.enumValue(f, item, column, set);
    if (v) values.add(v);
  }
  return Object.freeze(set.values.filter((x) => values.has(x)));
}

function int(raw: string, column: string, field: string, min: number, max: number): number | null {
  const v = raw.trim();
  if (v === '') return null;
  if (!/^-?\d+$/.test(v))
    throw new RowError(
      'out_of_range',
      column,
      `"${v.slice(0, 40)}" in column "${column}" is not a whole number (${LABELS[field] ?? field}).`,
    );
  const n = Number(v);
  if (n < min || n > max)
    throw new RowError('out_of_range', column, `${LABELS[field] ?? field} ${n} in column "${column}" is outside ${min}–${max}.`);
  return n;
}

type Memo = <T>(raw: string, fn: () => T) => T;
// Categorical columns repeat a handful of values thousands of times: convert each once.
// Errors are not cached (every invalid row must be reported with its own row number), nor
// values mapped by an explicit choice (every row they map is counted).
function memoFor(cells: Cells): Memo {
  const m = new Map<string, unknown>();
  return <T>(raw: string, fn: () => T): T => {
    if (m.has(raw)) return m.get(raw) as T;
    cells.usedChoice = false;
    const v = fn();
    if (m.size < 10_000 && !cells.usedChoice) m.set(raw, v);
    return v;
  };
}

/** One column's converter in the making: returns null when the field is not its kind. */
interface Cell {
  cells: Cells;
  f: string;
  column: string;
  read: (row: readonly string[]) => string;
  memo: Memo;
}

/** Dates, years, months, hours and counts. */
function numberCell({ f, column, read, memo }: Cell): Apply | null {
  if (f === DATE_FIELD)
    return (row, out) => {
      const raw = read(row);
      const d = memo(raw, () => parseDate(raw));
      if (!d)
        throw new RowError(
          raw.trim() ? 'out_of_range' : 'missing_required',
          column,
          raw.trim() ? `"${raw.slice(0, 40)}" in column "${column}" is not a date.` : `Column "${column}" (date) is empty.`,
        );
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
  return null;
}

/** Value sets, lists of values, yes/no, tags and free text. */
function valueCell({ cells, f, column, read, memo }: Cell): Apply | null {
  const set = ENUMS[f];
  if (set) {
    const unknownIsDefault = f === 'followUp7' || f === 'veteran';
    return (row, out) => {
      const raw = read(row);
      const v = memo(raw, () => cells.enumValue(f, raw, column, set));
      out[f] = unknownIsDefault ? (v ?? 'unknown') : v;
    };
  }
  const multi = MULTI[f];
  if (multi)
    // Frozen and shared between rows with the same cell; merging builds new arrays.
    return (row, out) => {
      const raw = read(row);
      out[f] = memo(raw, () => multiValues(cells, f, raw, column, multi));
    };
  if (BOOLEANS.has(f))
    return (row, out) => {
      const raw = read(row);
      out[f] = memo(raw, () => {
        const m = cells.lookup(f, raw);
        const v = (m === undefined ? raw : (m ?? '')).trim().toLowerCase();
        if (TRUE.has(v)) return true;
        if (FALSE.has(v)) return false;
        cells.note(f, raw.trim());
        throw new RowError('unmapped_value', column, `"${raw.trim().slice(0, 40)}" in column "${column}" is not yes or no.`);
      });
    };
  if (f === 'tags')
    return (row, out) => {
      const raw = read(row);
      out.tags = [
        ...new Set(
          raw
            .split(/[;,]/)
            .map((t) => t.trim().toLowerCase())
            .filter(Boolean),
        ),
      ]
        .slice(0, LIMITS.tags)
        .map((t) => t.slice(0, LIMITS.tag));
    };
  const limit = TEXTS[f];
  if (limit !== undefined) {
    const text = (raw: string) => {
      const m = cells.lookup(f, raw);
      const v = (m === undefined ? raw : (m ?? '')).trim();
      if (v.length > limit)
        throw new RowError('out_of_range', column, `The value in column "${column}" is longer than ${limit} characters.`);
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
  return null;
}

export function compileSource(cells: Cells, s: Source): Apply {
  const first = s.idx[0]!;
  const read =
    s.idx.length === 1
      ? (row: readonly string[]) => row[first]!
      : (row: readonly string[]) =>
          s.idx
            .map((i) => row[i]!.trim())
            .filter((v) => v && v !== '-')
            .join(' / ');
  const cell: Cell = { cells, f: s.field, column: s.names.join(' / '), read, memo: memoFor(cells) };
  return numberCell(cell) ?? valueCell(cell) ?? (() => undefined);
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
