import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CasewalkError } from '../../../shared/result';
import { mappingPreset, type importMethods, type MappingPreset } from '../../../shared/import/schemas';
import { describeZodError } from '../../../shared/zod-helpers';
import { writeFileAtomic } from '../store/keyslots';
import type { HandlerContext } from '../context';
import type { Handlers } from '../dispatch';
import { applyRepeats, planImport, repeatRefusal, writePlan } from './importer';
import { listBatches, undoBatch } from './batches';
import { readCsv, type CsvTable } from './parse';
import { ATTRIBUTIONS } from '../incidents/attributions';
import { PRESETS, presetById, suggestPreset } from './presets';

/** A parsed CSV held in memory between "open" and "run" (never written to disk; dropped on lock). */
export interface StagedImport {
  fileName: string;
  table: CsvTable;
}

function resolve(source: { preset: string } | { mapping: MappingPreset }): { preset: MappingPreset; id: string } {
  if ('preset' in source) return { preset: presetById(source.preset), id: source.preset };
  return {
    preset: source.mapping,
    id: `mapping:${source.mapping.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, 40)}`,
  };
}

/** Import keeps parsed files between calls in `staging` (memory only, cleared on lock). */
export interface ImportContext extends HandlerContext {
  readonly staging: Map<string, StagedImport>;
}

export function importHandlers(ctx: ImportContext): Pick<Handlers, keyof typeof importMethods> {
  const staged = (id: string): StagedImport => {
    const s = ctx.staging.get(id);
    if (!s)
      throw new CasewalkError(
        'not_found',
        'That import is no longer open (the workbench was locked or it finished). Choose the file again.',
      );
    return s;
  };
  return {
    'import.presets': () => ({ presets: Object.entries(PRESETS).map(([id, preset]) => ({ id, preset })) }),
    'import.open': async ({ handle }) => {
      const file = ctx.files.take(handle, 'read');
      const table = await readCsv(file, (done, total) => ctx.emit('task.progress', { task: 'import', done, total, stage: 'reading' }));
      const stagingId = `imp_${crypto.randomBytes(9).toString('base64url')}`;
      ctx.staging.clear();
      ctx.staging.set(stagingId, { fileName: path.basename(file), table });
      return {
        stagingId,
        fileName: path.basename(file),
        headers: table.headers,
        sample: table.rows.slice(0, 5),
        rows: table.rows.length,
        suggestedPreset: suggestPreset(table.headers),
      };
    },
    'import.preview': ({ stagingId, source, skipInvalid, unmapped, repeats }) => {
      const { preset, id } = resolve(source);
      const plan = planImport(staged(stagingId).table, preset, {
        skipInvalid,
        dryRun: true,
        attribution: ATTRIBUTIONS[id] ?? null,
        unmapped,
      });
      return ctx.workbench.read((db) => applyRepeats(db, plan, repeats)).report;
    },
    'import.run': ({ stagingId, source, skipInvalid, unmapped, repeats }) => {
      const { preset, id } = resolve(source);
      const s = staged(stagingId);
      const progress = (stage: string) => (done: number, total: number) =>
        ctx.emit('task.progress', { task: 'import', done, total, stage });
      const opts = { skipInvalid, dryRun: false, attribution: ATTRIBUTIONS[id] ?? null, unmapped };
      const planned = planImport(s.table, preset, opts, progress('checking'));
      if (planned.report.invalidRows > 0 && !skipInvalid) return planned.report;
      const plan = ctx.workbench.read((db) => applyRepeats(db, planned, repeats));
      const refusal = repeatRefusal(plan);
      if (refusal)
        throw new CasewalkError('conflict', refusal, {
          repeatedRecords: plan.report.repeat.records,
          repeatedFileBatch: plan.report.repeat.file?.batchId ?? null,
        });
      const batchId = writePlan(ctx.workbench, plan, id, s.fileName, progress('writing'));
      ctx.staging.delete(stagingId);
      return { ...plan.report, batchId };
    },
    'import.batches': () => ({ batches: ctx.workbench.read(listBatches) }),
    'import.undo': ({ batchId }) => undoBatch(ctx.workbench, batchId),
    'import.saveMapping': ({ handle, mapping }) => {
      const file = ctx.files.take(handle, 'write');
      writeFileAtomic(file, `${JSON.stringify(mapping, null, 2)}\n`);
      return { displayName: file };
    },
    'import.loadMapping': ({ handle }) => {
      const file = ctx.files.take(handle, 'read');
      let raw: unknown;
      try {
        raw = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch {
        throw new CasewalkError('invalid_input', `${path.basename(file)} is not a JSON mapping file.`);
      }
      const r = mappingPreset.safeParse(raw);
      if (!r.success)
        throw new CasewalkError('invalid_input', `${path.basename(file)} is not a mapping preset: ${describeZodError(r.error)}`);
      return { mapping: r.data };
    },
    'import.discard': ({ stagingId }) => ({ discarded: ctx.staging.delete(stagingId) }),
  };
}
