/** Minutes, exports and reports. */
import { z } from 'zod';
import { method } from '../method';
import { IDENTIFIER_KINDS } from '../deid/kinds';

const rowId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const fileHandle = z.string().regex(/^fh_[A-Za-z0-9_-]{8,64}$/, 'Not a file handle: choose the file again.');
export const EXPORT_FORMATS = ['md', 'docx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const minutesSection = z
  .object({
    key: z.string().min(1).max(64),
    title: z.string().trim().min(1).max(200),
    body: z.string().max(20_000, 'A section is at most 20,000 characters.'),
  })
  .strict();
export type MinutesSection = z.infer<typeof minutesSection>;
const sections = z.array(minutesSection).min(1).max(100);

export const guardFinding = z.object({
  section: z.string(),
  title: z.string(),
  start: z.number(),
  end: z.number(),
  type: z.enum(IDENTIFIER_KINDS),
  text: z.string(),
});
export type GuardFinding = z.infer<typeof guardFinding>;

export const minutes = z.object({
  meetingId: z.number(),
  status: z.enum(['draft', 'approved']),
  sections: z.array(minutesSection),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedHash: z.string().nullable(),
  approvedAtMeetingId: z.number().nullable(),
  amendments: z.array(
    z.object({ number: z.number(), reason: z.string(), diff: z.string(), hash: z.string(), at: z.string(), by: z.string().nullable() }),
  ),
  /** Unresolved identifier findings in free-text sections: they block approval and export. */
  guard: z.array(guardFinding),
  updatedAt: z.string(),
});
export type Minutes = z.infer<typeof minutes>;

const scorecardItem = z.object({
  goal: z.string(),
  label: z.string(),
  definition: z.string(),
  value: z.number().nullable(),
  numerator: z.number(),
  /** The incidents where the measure was recorded (not every incident in the period). */
  denominator: z.number(),
  /** What the denominator is, in words: "with injuries recorded". */
  basis: z.string(),
  /** Incidents in the period without the data this measure needs. */
  noData: z.number(),
});
export const dashboard = z.object({
  from: z.string(),
  to: z.string(),
  incidents: z.number(),
  months: z.array(z.object({ month: z.string(), total: z.number(), bySource: z.record(z.string(), z.number()) })),
  dispositions: z.array(z.object({ month: z.string(), counts: z.record(z.string(), z.number()) })),
  findingsByCategory: z.array(z.object({ key: z.string(), label: z.string(), count: z.number() })),
  findingsByIntercept: z.array(z.object({ key: z.string(), label: z.string(), count: z.number() })),
  recommendationsByStatus: z.array(z.object({ key: z.string(), label: z.string(), count: z.number() })),
  overdue: z.number(),
  completionBySector: z.array(z.object({ sector: z.string(), label: z.string(), completed: z.number(), total: z.number() })),
  /** `recorded`: the area's incidents where detention was recorded either way (the rate's denominator). */
  detentionByArea: z.array(z.object({ area: z.string(), incidents: z.number(), recorded: z.number(), detentions: z.number() })),
  scorecard: z.array(scorecardItem),
  attributions: z.array(z.string()),
});
export type Dashboard = z.infer<typeof dashboard>;

const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A period bound is YYYY-MM.');

export const minutesMethods = {
  'minutes.get': method(z.object({ meetingId: rowId }).strict(), minutes.nullable()),
  'minutes.draft': method(z.object({ meetingId: rowId, replace: z.boolean().default(false) }).strict(), minutes),
  'minutes.update': method(z.object({ meetingId: rowId, sections }).strict(), minutes),
  'minutes.approve': method(z.object({ meetingId: rowId, atMeetingId: rowId.nullable().default(null) }).strict(), minutes),
  'minutes.amend': method(
    z
      .object({ meetingId: rowId, sections, reason: z.string().trim().min(3, 'Say why the approved minutes are amended.').max(500) })
      .strict(),
    minutes,
  ),
  'minutes.export': method(
    z.object({ meetingId: rowId, format: z.enum(EXPORT_FORMATS), handle: fileHandle }).strict(),
    z.object({ displayName: z.string(), bytes: z.number(), sha256: z.string() }),
  ),
  'meetings.exportPacket': method(
    z.object({ meetingId: rowId, format: z.enum(EXPORT_FORMATS), handle: fileHandle }).strict(),
    z.object({ displayName: z.string(), bytes: z.number(), sha256: z.string() }),
  ),
  'reports.dashboard': method(z.object({ from: period.optional(), to: period.optional() }).strict(), dashboard),
  'reports.exportAnnual': method(
    z.object({ year: z.number().int().min(1990).max(2100), format: z.enum(EXPORT_FORMATS), handle: fileHandle }).strict(),
    z.object({ displayName: z.string(), bytes: z.number(), sha256: z.string() }),
  ),
} as const;
