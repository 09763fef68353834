/** Crisis services, their weekly hours, and the 24/7 coverage report. */
import { z } from 'zod';
import { method } from '../method';
import { emptyInput } from '../zod-helpers';
import { CALL_SOURCE, DISPOSITION } from '../incidents/values';

const rowId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'A time is HH:MM (24-hour); 24:00 ends a day.');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date is YYYY-MM-DD.');

export const SERVICE_SECTORS = ['mobile_crisis', 'co_responder', 'crisis_line_followup', 'stabilisation', 'peer_respite', 'cit_patrol', 'other'] as const;
export const SERVICE_SECTOR_LABELS: Record<(typeof SERVICE_SECTORS)[number], string> = {
  mobile_crisis: 'Mobile crisis team',
  co_responder: 'Co-responder clinician',
  crisis_line_followup: 'Crisis line / 988 follow-up',
  stabilisation: 'Crisis stabilisation / receiving centre',
  peer_respite: 'Peer respite',
  cit_patrol: 'CIT-trained patrol coverage',
  other: 'Other',
};

/** One interval on one weekday; end ≤ start means it runs past midnight into the next day. */
export const hoursInterval = z.object({ weekday: z.number().int().min(1).max(7), start: clock, end: clock }).strict();
export type HoursInterval = z.infer<typeof hoursInterval>;
export const scheduleVersion = z.object({ effectiveFrom: isoDate, intervals: z.array(hoursInterval).max(200) }).strict();
export type ScheduleVersion = z.infer<typeof scheduleVersion>;

export const service = z.object({
  id: z.number(),
  name: z.string(),
  sector: z.enum(SERVICE_SECTORS),
  areas: z.array(z.string()).nullable(),
  schedules: z.array(scheduleVersion),
});
export type Service = z.infer<typeof service>;

/** Each rate is of the incidents where its outcome was recorded either way (`…Recorded`), not of every incident. */
export const rates = z.object({
  incidents: z.number(),
  detentionsRecorded: z.number(),
  detentions: z.number(),
  arrestsRecorded: z.number(),
  arrests: z.number(),
  detentionRate: z.number().nullable(),
  arrestRate: z.number().nullable(),
});
export const coverageReport = z.object({
  service: z.object({ id: z.number(), name: z.string() }).nullable(),
  from: z.string(),
  to: z.string(),
  incidents: z.number(),
  /** Incidents with a weekday and an hour: only these can be placed against the schedule. */
  placed: z.number(),
  outsideHours: z.number(),
  outsideShare: z.number().nullable(),
  /** [weekday 0 = Monday … 6 = Sunday][hour 0–23] incident counts. */
  byHourWeekday: z.array(z.array(z.number())),
  /** Same shape: true where the service was available (in the latest schedule of the period). */
  available: z.array(z.array(z.boolean())).nullable(),
  rates: z.object({ inside: rates, outside: rates }),
  areas: z.array(z.string()),
});
export type CoverageReport = z.infer<typeof coverageReport>;

export const coverageMethods = {
  'services.list': method(emptyInput, z.object({ services: z.array(service) })),
  'services.save': method(
    z
      .object({
        id: rowId.optional(),
        name: z.string().trim().min(1, 'A service needs a name.').max(120),
        sector: z.enum(SERVICE_SECTORS),
        areas: z.array(z.string().trim().min(1).max(80)).max(100).nullable(),
        schedule: scheduleVersion,
      })
      .strict(),
    service,
  ),
  'services.remove': method(z.object({ id: rowId }).strict(), z.object({ removed: z.literal(true) })),
  'reports.coverage': method(
    z
      .object({
        serviceId: rowId.optional(),
        area: z.string().max(80).optional(),
        from: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
        to: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
        callSource: z.enum(CALL_SOURCE.values).optional(),
        disposition: z.enum(DISPOSITION.values).optional(),
      })
      .strict(),
    coverageReport,
  ),
} as const;
