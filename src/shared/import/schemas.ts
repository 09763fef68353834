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
  'import.preview': method(
    z.object({ stagingId: z.string().max(64), source: presetRef, skipInvalid: z.boolean().default(false) }).strict(),
    importReport,
  ),
  'import.run': method(
    z.object({ stagingId: z.string().max(64), source: presetRef, skipInvalid: z.boolean().default(false) }).strict(),
    importReport,
  ),
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
