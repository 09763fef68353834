import { describe, expect, it } from 'vitest';
import { CALL_SOURCE, DISPOSITION } from '../../../../shared/incidents/values';
import { CALL_SOURCE_COLORS, DISPOSITION_COLORS, callSourceSeries } from './colors';

const colorOf = (series: { name: string; color: string }[], name: string) => series.find((s) => s.name === name)?.color;

describe('a category keeps its colour on every chart', () => {
  it('911 stays the same colour when a "Not recorded" series appears, and is listed in the same place', () => {
    const before = callSourceSeries(['on_view', '911']);
    const after = callSourceSeries(['unknown', '911', 'on_view']);
    expect(colorOf(after, '911')).toBe(colorOf(before, '911'));
    expect(colorOf(after, 'on_view')).toBe(colorOf(before, 'on_view'));
    expect(after.map((s) => s.name)).toEqual(['911', 'on_view', 'unknown']);
    expect(after.at(-1)).toMatchObject({ label: 'Not recorded' });
  });

  it('every value of a set has its own colour', () => {
    for (const [set, palette] of [
      [CALL_SOURCE.values, CALL_SOURCE_COLORS],
      [DISPOSITION.values, DISPOSITION_COLORS],
    ] as const) {
      const colors = set.map((v) => (palette as Record<string, string>)[v]);
      expect(colors.every(Boolean)).toBe(true);
      expect(new Set(colors).size).toBe(set.length);
    }
  });
});
