/**
 * Which incidents have the data a rate needs. Every rate's denominator is the incidents where
 * its measure was recorded, not every incident: a Toronto import has no injury, force or
 * arrest data, a Seattle import no injuries, and counting them in would read as "no injury".
 *
 * - Entered or seeded incidents (any source that is not an import) record every field their
 *   editor shows: injuries, restraint and handcuffs as "none" when left empty; force,
 *   dispositions, responders and follow-up only when chosen.
 * - An incident imported with a shipped preset (`import:<preset>`) records a field only if the
 *   preset maps a column to it and, for a value set, maps some value to the value measured
 *   (Toronto's apprehension column records detention, never an arrest). A preset that maps an
 *   explicit "No" to nothing records "none" for that field (Toronto's "No" is "no apprehension");
 *   a blank ("-", "", "N/A") is no data.
 * - An import with a custom mapping: only what the row itself shows (a value present).
 */
import type { MappingPreset } from '../../../shared/import/schemas';
import { PRESETS } from '../import/presets';
import { join, raw, sql, type Sql } from '../store/sql';

/** A measure's field, and the value(s) it counts when the field is a value set. */
export interface Measure {
  field: 'injuries' | 'force' | 'restraint' | 'handcuffs' | 'dispositions' | 'responders';
  /** Values the measure needs the source to be able to record (all of them). */
  values?: readonly string[];
}

/** SQL for "the row shows a value" of the field. */
const PRESENT: Record<Measure['field'], string> = {
  injuries: 'injuries != 0',
  force: 'force IS NOT NULL',
  restraint: 'restraint != 0',
  handcuffs: 'handcuffs != 0',
  dispositions: 'dispositions != 0',
  responders: 'responders != 0',
};
/** Fields an editor records as "none" when left empty (a checkbox left unticked). */
const NONE_WHEN_EMPTY = new Set<Measure['field']>(['injuries', 'restraint', 'handcuffs']);
/** Cells that say nothing was recorded (compared trimmed, lower-case: a blank, a dash, "N/A", a source system's error code), unlike an explicit "No". */
const BLANK = new Set(['', '-', 'n/a', 'na', 'unknown', 'not recorded', 'fk error']);

/** How a shipped preset records a measure: not at all, only when a value is present, or always. */
export function presetRecords(preset: MappingPreset, m: Measure): 'never' | 'present' | 'always' {
  if (!(m.field in preset.columns)) return 'never';
  const map = preset.values?.[m.field];
  if (!map) return 'present';
  const targets = new Set(Object.values(map).filter((v) => v !== null));
  if (m.values && !m.values.every((v) => targets.has(v))) return 'never';
  const explicitNone = Object.entries(map).some(([k, v]) => v === null && !BLANK.has(k.trim().toLowerCase()));
  return explicitNone ? 'always' : 'present';
}

/** The SQL condition "this incident has the data the measure needs". */
export function recorded(m: Measure): Sql {
  const present = raw(PRESENT[m.field]);
  const always: string[] = [];
  const whenPresent: string[] = [];
  for (const [id, preset] of Object.entries(PRESETS)) {
    const how = presetRecords(preset, m);
    if (how === 'always') always.push(`import:${id}`);
    else if (how === 'present') whenPresent.push(`import:${id}`);
  }
  const shipped = Object.keys(PRESETS).map((id) => `import:${id}`);
  const parts: Sql[] = [
    NONE_WHEN_EMPTY.has(m.field) ? sql`source NOT LIKE 'import:%'` : sql`(source NOT LIKE 'import:%' AND ${present})`,
    sql`source IN ${inList(always)}`,
    sql`(source IN ${inList(whenPresent)} AND ${present})`,
    // A custom mapping: the row's own evidence, except for fields where empty means "none" (unknowable).
    NONE_WHEN_EMPTY.has(m.field) ? raw('0') : sql`(source LIKE 'import:%' AND source NOT IN ${inList(shipped)} AND ${present})`,
  ];
  return sql`(${join(parts, ' OR ')})`;
}

/** "(?, ?)" for a list that may be empty (SQLite accepts "()" only in some builds: use a NULL that matches nothing). */
function inList(values: readonly string[]): Sql {
  return values.length ? { text: `(${values.map(() => '?').join(', ')})`, params: values } : raw('(NULL)');
}

/** Incidents that record whether an emergency detention happened, and whether an arrest or booking did. */
export const DETENTION_RECORDED = recorded({ field: 'dispositions', values: ['emergency_detention'] });
export const ARREST_RECORDED = recorded({ field: 'dispositions', values: ['arrest', 'jail_booking'] });

/** A rate in percent with one decimal, or null without a denominator. */
export const percent = (num: number, den: number): number | null => (den ? Math.round((num / den) * 1000) / 10 : null);
