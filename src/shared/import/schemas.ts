/** CSV import: mapping presets, dry-run reports and results. */
import { z } from 'zod';
import { method } from '../method';
import { emptyInput } from '../zod-helpers';

/** Incident fields a CSV column can fill. */
export const IMPORTABLE_FIELDS = [
  'occurredYear',
  'occurredMonth',
  'weekday',
  'hourOfDay',
  'area',
  'callSource',
  'initialCallType',
  'finalCallType',
  'responders',
  'citRequested',
  'citDispatched',
  'citArrived',
  'weapon',
  'threats',
  'injuries',
  'force',
  'restraint',
  'handcuffs',
  'behaviours',
  'dispositions',
  'referrals',
  'followUp7',
  'veteran',
  'priorContacts',
  'intercepts',
  'tags',
  'narrative',
] as const;
export type ImportableField = (typeof IMPORTABLE_FIELDS)[number];
export const IMPORTABLE_LABELS: Record<ImportableField | 'occurredDate', string> = {
  occurredDate: 'Date (keeps year, month, weekday only)',
  occurredYear: 'Year',
  occurredMonth: 'Month',
  weekday: 'Weekday',
  hourOfDay: 'Hour of day',
  area: 'Area',
  callSource: 'Call source',
  initialCallType: 'Initial call type',
  finalCallType: 'Final call type',
  responders: 'Responders',
  citRequested: 'CIT officer requested',
  citDispatched: 'CIT officer dispatched',
  citArrived: 'CIT officer arrived',
  weapon: 'Weapon',
  threats: 'Threats of violence',
  injuries: 'Injuries',
  force: 'Highest use of force',
  restraint: 'Restraint',
  handcuffs: 'Handcuffs',
  behaviours: 'Behaviours',
  dispositions: 'Dispositions',
  referrals: 'Referrals',
  followUp7: 'Follow-up within 7 days',
  veteran: 'Veteran',
  priorContacts: 'Prior contacts (12 months)',
  intercepts: 'SIM intercepts',
  tags: 'Tags',
  narrative: 'Narrative',
};
/** Fields that can also be derived from a full date column (year, month, weekday — never the day). */
export const DATE_FIELD = 'occurredDate';

const columnName = z.string().min(1).max(200);
const field = z.enum([...IMPORTABLE_FIELDS, DATE_FIELD]);

export const mappingPreset = z
  .object({
    name: z.string().trim().min(1, 'A mapping needs a name.').max(120),
    description: z.string().max(1000).optional(),
    /** Incident field → CSV column (or several columns joined with " / "). */
    columns: z.partialRecord(field, z.union([columnName, z.array(columnName).min(1).max(5)])),
    /** Field → CSV value → our value (null: "no value"). Case-insensitive on the CSV side. */
    values: z.partialRecord(field, z.record(z.string().max(200), z.string().max(200).nullable())).default({}),
    /** Rows with the same values in these columns are one incident. */
    dedupeBy: z.array(columnName).max(5).default([]),
    /** How repeated rows combine: "union" for multi-valued fields; others keep the first row. */
    merge: z.partialRecord(field, z.literal('union')).default({}),
    /** Columns never imported, listed in the dry run with the reason. */
    drop: z.array(columnName).max(100).default([]),
    dropReason: z.string().max(200).optional(),
  })
  .strict();
export type MappingPreset = z.infer<typeof mappingPreset>;
export type MappingPresetInput = z.input<typeof mappingPreset>;

export const IMPORT_ERROR_CODES = ['unmapped_value', 'out_of_range', 'missing_required', 'malformed_row', 'encoding'] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];
export const importError = z.object({
  row: z.number(),
  code: z.enum(IMPORT_ERROR_CODES),
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportError = z.infer<typeof importError>;

/** What to do with records an earlier import already brought in: refuse the whole file, or leave them out. */
export const REPEAT_ACTIONS = ['refuse', 'skip'] as const;
export type RepeatAction = (typeof REPEAT_ACTIONS)[number];
/** The value an explicit choice gives to every still-unknown value of a field: one of the field's values, or none. */
export const NO_VALUE_CHOICE = 'none';

export const importOptions = {
  skipInvalid: z.boolean().default(false),
  /** Field → the value every still-unknown CSV value of that field becomes (`none`: no value). */
  unmapped: z.partialRecord(field, z.string().max(64)).default({}),
  repeats: z.enum(REPEAT_ACTIONS).default('refuse'),
};

/**
 * The import wizard's form: the mapping (a preset as chosen, or one's own), the preset it came
 * from, and what to do with invalid rows and with records imported before.
 */
export const importWizardForm = z
  .object({
    presetId: z.string().nullable(),
    mapping: mappingPreset,
    skipInvalid: z.boolean(),
    repeats: z.enum(REPEAT_ACTIONS),
  })
  .superRefine((v, ctx) => {
    const c = v.mapping.columns;
    if (!c.occurredDate && !(c.occurredYear && c.occurredMonth))
      ctx.addIssue({
        code: 'custom',
        path: ['mapping', 'columns', c.occurredYear ? 'occurredMonth' : 'occurredYear'],
        message: 'Choose the columns with the year and the month of each incident, or a date column.',
      });
  });
export type ImportWizardValues = z.output<typeof importWizardForm>;

export const importBatch = z.object({
  id: z.number(),
  fileName: z.string(),
  fileSha256: z.string(),
  source: z.string(),
  rows: z.number(),
  incidents: z.number(),
  /** Incidents of the batch still in the workbench (undone: 0). */
  remaining: z.number(),
  skippedRepeats: z.number(),
  importedAt: z.string(),
  undoneAt: z.string().nullable(),
});
export type ImportBatch = z.infer<typeof importBatch>;

export const importReport = z.object({
  /** Rows read (data rows, header excluded). */
  rows: z.number(),
  /** Incidents that were (or, in a dry run, would be) created. */
  imported: z.number(),
  /** Rows folded into an earlier row by dedupeBy. */
  merged: z.number(),
  /** Invalid rows left out (only with skipInvalid). */
  skipped: z.number(),
  /** Invalid rows in all (one entry per row: its first error). */
  invalidRows: z.number(),
  errors: z.array(importError),
  /** Field → CSV values with no mapping, with counts. */
  unmapped: z.record(z.string(), z.record(z.string(), z.number())),
  /** Incidents that will be drafts with identifier findings attached. */
  withIdentifiers: z.number(),
  ignoredColumns: z.array(z.string()),
  droppedColumns: z.array(z.string()),
  dryRun: z.boolean(),
  attribution: z.string().nullable(),
  /** Field → CSV values with no mapping that an explicit "unknown values become …" choice mapped, with counts. */
  mappedByChoice: z.record(z.string(), z.record(z.string(), z.number())).default({}),
  /** Field → the CLI flag that would map its unknown values (`--unmapped dispositions=<value>`) and the values it takes. */
  unmappedChoices: z.record(z.string(), z.object({ flag: z.string(), values: z.array(z.string()) })).default({}),
  /** SHA-256 of the file's bytes. */
  fileSha256: z.string().default(''),
  /** Earlier imports of the same content or of the same source records (by the source's own record id). */
  repeat: z
    .object({
      /** An earlier, not undone import of the very same file (same bytes). */
      file: z.object({ batchId: z.number(), fileName: z.string(), importedAt: z.string(), incidents: z.number() }).nullable(),
      /** Incidents of this file whose source record id (e.g. Seattle's Template ID) an earlier import already holds. */
      records: z.number(),
      /** What happens to them: refused (nothing written) or skipped (the rest is imported). */
      action: z.enum(REPEAT_ACTIONS),
    })
    .default({ file: null, records: 0, action: 'refuse' }),
  /** The import batch written (a real run only). */
  batchId: z.number().nullable().default(null),
});
export type ImportReport = z.infer<typeof importReport>;

const presetRef = z.union([z.object({ preset: z.string().max(64) }).strict(), z.object({ mapping: mappingPreset }).strict()]);

export const importMethods = {
  'import.presets': method(emptyInput, z.object({ presets: z.array(z.object({ id: z.string(), preset: mappingPreset })) })),
  'import.open': method(
    z.object({ handle: z.string().regex(/^fh_[A-Za-z0-9_-]{8,64}$/, 'Not a file handle: choose the file again.') }).strict(),
    z.object({
      stagingId: z.string(),
      fileName: z.string(),
      headers: z.array(z.string()),
      sample: z.array(z.array(z.string())),
      rows: z.number(),
      suggestedPreset: z.string().nullable(),
    }),
  ),
  'import.preview': method(z.object({ stagingId: z.string().max(64), source: presetRef, ...importOptions }).strict(), importReport),
  'import.run': method(z.object({ stagingId: z.string().max(64), source: presetRef, ...importOptions }).strict(), importReport),
  'import.batches': method(emptyInput, z.object({ batches: z.array(importBatch) })),
  /** Removes every incident of a batch (audited, all or nothing); refused while any of them is on an agenda. */
  'import.undo': method(z.object({ batchId: z.number().int().min(1) }).strict(), z.object({ batch: importBatch, removed: z.number() })),
  'import.saveMapping': method(
    z
      .object({ handle: z.string().regex(/^fh_[A-Za-z0-9_-]{8,64}$/, 'Not a file handle: choose the file again.'), mapping: mappingPreset })
      .strict(),
    z.object({ displayName: z.string() }),
  ),
  'import.loadMapping': method(
    z.object({ handle: z.string().regex(/^fh_[A-Za-z0-9_-]{8,64}$/, 'Not a file handle: choose the file again.') }).strict(),
    z.object({ mapping: mappingPreset }),
  ),
  'import.discard': method(z.object({ stagingId: z.string().max(64) }).strict(), z.object({ discarded: z.boolean() })),
} as const;
