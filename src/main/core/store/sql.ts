/**
 * SQL fragments that keep each value beside its placeholder: sql`status = ${s}` is the text
 * "status = ?" with the parameter [s]. Fragments nest (their text and parameters are spliced in
 * order), so a query built from optional pieces cannot get its placeholders and values out of
 * step. Only `raw()` puts text into the SQL, for names and keywords chosen from a fixed list.
 */
export type SqlValue = string | number | null | Uint8Array<ArrayBuffer>;

export interface Sql {
  readonly text: string;
  readonly params: readonly SqlValue[];
}

const isSql = (v: unknown): v is Sql => typeof v === 'object' && v !== null && 'text' in v && 'params' in v;

export function sql(strings: TemplateStringsArray, ...values: readonly (SqlValue | Sql)[]): Sql {
  let text = strings[0]!;
  const params: SqlValue[] = [];
  values.forEach((v, i) => {
    if (isSql(v)) {
      text += v.text;
      params.push(...v.params);
    } else {
      text += '?';
      params.push(v);
    }
    text += strings[i + 1]!;
  });
  return { text, params };
}

/** Trusted SQL text with no parameters (a column name or keyword from a fixed table, never input). */
export function raw(text: string): Sql {
  return { text, params: [] };
}

export const EMPTY: Sql = raw('');

/** The fragments joined by `separator` (" AND ", ", "). */
export function join(parts: readonly Sql[], separator: string): Sql {
  return { text: parts.map((p) => p.text).join(separator), params: parts.flatMap((p) => p.params) };
}

/** "(?, ?, ?)" with one parameter per value, for `IN`. */
export function list(values: readonly SqlValue[]): Sql {
  return { text: `(${values.map(() => '?').join(', ')})`, params: [...values] };
}

/** "WHERE a AND b", or nothing when there are no conditions. */
export function where(conditions: readonly Sql[]): Sql {
  return conditions.length ? sql`WHERE ${join(conditions, ' AND ')}` : EMPTY;
}
