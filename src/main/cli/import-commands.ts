/** CLI import commands: import a CSV (with explicit choices for unknown values and repeats), list import batches, undo one. */
import path from 'node:path';
import { mappingPreset, REPEAT_ACTIONS, type ImportReport, type MappingPreset, type RepeatAction } from '../../shared/import/schemas';
import { describeZodError } from '../../shared/zod-helpers';
import { MULTI_VALUE_FIELDS, SINGLE_VALUE_FIELDS } from '../../shared/incidents/values';
import { choiceValues } from '../core/import/mapping';
import { idFlag, str, strs, UsageError, type ParsedArgs } from './args';
import { COMMON, ImportRefused, withUnlocked, type Command } from './command';
import { readTextFile } from './deid';
import { batchesText, importText } from './text';

function parseMappingFile(text: string): MappingPreset {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new UsageError('The --mapping file is not JSON.');
  }
  const r = mappingPreset.safeParse(raw);
  if (!r.success) throw new UsageError(`The --mapping file is not a mapping preset: ${describeZodError(r.error)}`);
  return r.data;
}

const CHOICE_FIELDS = [...Object.keys(SINGLE_VALUE_FIELDS), ...Object.keys(MULTI_VALUE_FIELDS)];

/** `--unmapped FIELD=VALUE` (repeatable): every still-unknown value of FIELD becomes VALUE (`none`: no value). */
function parseUnmapped(args: ParsedArgs): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of strs(args, 'unmapped')) {
    const m = /^([A-Za-z]+)=([A-Za-z0-9_]+)$/.exec(item.trim());
    if (!m) throw new UsageError(`--unmapped takes FIELD=VALUE (e.g. --unmapped dispositions=other), not "${item}".`);
    if (m[1]! in out) throw new UsageError(`--unmapped gives ${m[1]} twice.`);
    if (!choiceValues(m[1]!))
      throw new UsageError(`--unmapped ${m[1]}: not a field with a fixed set of values (one of: ${CHOICE_FIELDS.join(', ')}).`);
    out[m[1]!] = m[2]!;
  }
  return out;
}

function parseRepeats(args: ParsedArgs): RepeatAction {
  const v = str(args, 'repeats') ?? 'refuse';
  if (!(REPEAT_ACTIONS as readonly string[]).includes(v)) throw new UsageError('--repeats is refuse or skip.');
  return v as RepeatAction;
}

const batchId = (args: ParsedArgs): number => idFlag(args, 'batch', 'an import batch id (see "import batches")');

export const IMPORT_COMMANDS: Record<string, Command> = {
  'import csv': {
    summary:
      'Import a CSV (--db PATH (--preset toronto-pic|seattle-crisis | --mapping FILE.json) FILE.csv [--dry-run] [--skip-invalid] [--unmapped FIELD=VALUE]… [--repeats refuse|skip]).',
    flags: {
      ...COMMON,
      preset: 'string',
      mapping: 'string',
      'dry-run': 'boolean',
      'skip-invalid': 'boolean',
      unmapped: 'strings',
      repeats: 'string',
    },
    async run(args, io) {
      const csv = args.positional[0];
      if (!csv || args.positional.length > 1) throw new UsageError('Give exactly one CSV file.');
      const presetId = str(args, 'preset');
      const mappingFile = str(args, 'mapping');
      if (!presetId === !mappingFile) throw new UsageError('Give --preset NAME or --mapping FILE.json (one of them).');
      const unmapped = parseUnmapped(args);
      const repeats = parseRepeats(args);
      const source = presetId
        ? { preset: presetId }
        : { mapping: parseMappingFile(await readTextFile(path.resolve(mappingFile!), 'the --mapping file')) };
      const file = path.resolve(csv);
      const skipInvalid = args.flags['skip-invalid'] === true;
      const report = await withUnlocked(args, io, async (call, core) => {
        const opened = await call('import.open', { handle: core.files.register(file, 'read') });
        const method = args.flags['dry-run'] === true ? 'import.preview' : 'import.run';
        return call(method, { stagingId: opened.stagingId, source, skipInvalid, unmapped, repeats });
      });
      if (report.invalidRows > 0 && !skipInvalid) throw new ImportRefused(report);
      return report;
    },
    text: (v) => importText(v as ImportReport),
  },
  'import batches': {
    summary: 'List the imports (batches), newest first (--db PATH).',
    flags: COMMON,
    async run(args, io) {
      return withUnlocked(args, io, async (call) => (await call('import.batches', {})).batches);
    },
    text: (v) => batchesText(v as Parameters<typeof batchesText>[0]),
  },
  'import undo': {
    summary:
      'Undo a whole import: remove its incidents, audited, all or nothing; refused while any is on an agenda (--db PATH --batch ID).',
    flags: { ...COMMON, batch: 'string' },
    async run(args, io) {
      const id = batchId(args);
      return withUnlocked(args, io, async (call) => call('import.undo', { batchId: id }));
    },
    text: (v) => {
      const r = v as { batch: { id: number; fileName: string }; removed: number };
      return `Undid import #${r.batch.id} (${r.batch.fileName}): ${r.removed} incidents removed.\n`;
    },
  },
};
