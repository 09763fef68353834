/**
 * One colour per category, the same on every chart: a value keeps its colour whether or not
 * other series (a "Not recorded" one) appear beside it. One map per value set, keyed by value;
 * the shades are dark enough for white text and distinct on a projector.
 */
import { CALL_SOURCE, type DISPOSITION } from '../../../../shared/incidents/values';

type Palette<K extends string> = Record<K, string>;

/** Call sources, plus "unknown" (no call source recorded), always grey. */
export const CALL_SOURCE_COLORS: Palette<(typeof CALL_SOURCE.values)[number] | 'unknown'> = {
  '911': 'teal.9',
  '988': 'blue.9',
  non_emergency: 'grape.9',
  on_view: 'orange.9',
  family_self: 'pink.9',
  other_agency: 'yellow.9',
  unknown: 'gray.6',
};

export const DISPOSITION_COLORS: Palette<(typeof DISPOSITION.values)[number]> = {
  resolved_on_scene: 'teal.9',
  referral: 'blue.9',
  voluntary_transport: 'cyan.9',
  emergency_detention: 'red.9',
  arrest: 'dark.6',
  jail_booking: 'grape.9',
  hospital_admission: 'orange.9',
  resources_declined: 'yellow.9',
  unable_to_contact: 'gray.6',
  other: 'indigo.9',
};

/** The colour of a value in its set (grey for a value the set does not know). */
export function colorOf<K extends string>(palette: Palette<K>, value: string): string {
  return (palette as Record<string, string>)[value] ?? 'gray.6';
}

/** "Not recorded" for a missing call source, else its label. */
export const callSourceLabel = (k: string): string => (k === 'unknown' ? 'Not recorded' : CALL_SOURCE.label(k));

/** Sources in the value set's order, "Not recorded" last, so the legend reads the same everywhere. */
const SOURCE_ORDER: readonly string[] = [...Object.keys(CALL_SOURCE_COLORS).filter((k) => k !== 'unknown'), 'unknown'];

/** The chart series for the call sources seen: fixed order, fixed colour, whatever else is present. */
export function callSourceSeries(seen: Iterable<string>): { name: string; label: string; color: string }[] {
  const keys = new Set(seen);
  const ordered = [...SOURCE_ORDER.filter((s) => keys.has(s)), ...[...keys].filter((s) => !SOURCE_ORDER.includes(s))];
  return ordered.map((s) => ({ name: s, label: callSourceLabel(s), color: colorOf(CALL_SOURCE_COLORS, s) }));
}
