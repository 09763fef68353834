/** The mapping presets Casewalk ships (JSON files in ./presets, the same format users save). */
import { CasewalkError } from '../../../shared/result';
import { mappingPreset, type MappingPreset } from '../../../shared/import/schemas';
import toronto from './presets/toronto-pic.json';
import seattle from './presets/seattle-crisis.json';

export const PRESETS: Record<string, MappingPreset> = {
  'toronto-pic': mappingPreset.parse(toronto),
  'seattle-crisis': mappingPreset.parse(seattle),
};

export function presetById(id: string): MappingPreset {
  const p = PRESETS[id];
  if (!p) throw new CasewalkError('not_found', `No mapping preset "${id}". Known presets: ${Object.keys(PRESETS).join(', ')}.`);
  return p;
}

/** The preset whose columns all appear in these headers (best match first), if any. */
export function suggestPreset(headers: readonly string[]): string | null {
  const have = new Set(headers.map((h) => h.toLowerCase()));
  for (const [id, p] of Object.entries(PRESETS)) {
    const cols = Object.values(p.columns).flatMap((c) => (Array.isArray(c) ? c : [c!]));
    if (cols.every((c) => have.has(c.toLowerCase()))) return id;
  }
  return null;
}
