/** Crisis services (with versioned weekly hours) and the 24/7 coverage report. */
import { CasewalkError } from '../../../shared/result';
import type { CoverageReport, HoursInterval, ScheduleVersion, Service } from '../../../shared/coverage/schemas';
import { CALL_SOURCE, DISPOSITION, toMask } from '../../../shared/incidents/values';
import type { ReadableDB } from '../store/db';
import { raw, sql, where, type Sql } from '../store/sql';
import type { Workbench } from '../store/workbench';
import { coverageGrid, scheduleFor } from './schedule';
import { addMonths, ym } from '../period';
import { ARREST_RECORDED, DETENTION_RECORDED, percent } from './recorded';

interface ServiceRow {
  id: number;
  name: string;
  sector: string;
  areas: string | null;
}

export function listServices(db: ReadableDB): Service[] {
  const rows = db.prepare('SELECT id, name, sector, areas FROM services ORDER BY name').all() as unknown as ServiceRow[];
  return rows.map((r) => serviceOf(db, r));
}

function serviceOf(db: ReadableDB, r: ServiceRow): Service {
  const hours = db.prepare('SELECT effective_from, weekday, start, end FROM service_hours WHERE service_id = ? ORDER BY effective_from, weekday, start').all([r.id]) as {
    effective_from: string;
    weekday: number;
    start: string;
    end: string;
  }[];
  const versions = new Map<string, HoursInterval[]>();
  for (const h of hours) versions.set(h.effective_from, [...(versions.get(h.effective_from) ?? []), { weekday: h.weekday, start: h.start, end: h.end }]);
  return {
    id: r.id,
    name: r.name,
    sector: r.sector as Service['sector'],
    areas: r.areas ? (JSON.parse(r.areas) as string[]) : null,
    schedules: [...versions.entries()].map(([effectiveFrom, intervals]) => ({ effectiveFrom, intervals })),
  };
}

function serviceById(db: ReadableDB, id: number): Service {
  const r = db.prepare('SELECT id, name, sector, areas FROM services WHERE id = ?').get([id]) as unknown as ServiceRow | undefined;
  if (!r) throw new CasewalkError('not_found', 'That service does not exist.');
  return serviceOf(db, r);
}

/** Saves the service and one schedule version (replacing a version with the same effective date). */
export function saveService(wb: Workbench, input: { id?: number | undefined; name: string; sector: string; areas: string[] | null; schedule: ScheduleVersion }): Service {
  return wb.write(
    (s: Service) => ({ event: input.id ? 'update' : 'create', entity: `service:${s.id}`, detail: `schedule from ${input.schedule.effectiveFrom}` }),
    (db) => {
      const clash = db.prepare('SELECT id FROM services WHERE lower(name) = lower(?)').get([input.name]) as { id: number } | undefined;
      if (clash && clash.id !== input.id) throw new CasewalkError('conflict', `A service called "${input.name}" already exists.`);
      let id = input.id;
      const areas = input.areas?.length ? JSON.stringify(input.areas) : null;
      if (id) {
        serviceById(db, id);
        db.prepare('UPDATE services SET name = ?, sector = ?, areas = ? WHERE id = ?').run([input.name, input.sector, areas, id]);
      } else {
        id = Number(db.prepare('INSERT INTO services (name, sector, areas, created_at) VALUES (?, ?, ?, ?)').run([input.name, input.sector, areas, new Date().toISOString()]).lastInsertRowid);
      }
      db.prepare('DELETE FROM service_hours WHERE service_id = ? AND effective_from = ?').run([id, input.schedule.effectiveFrom]);
      const ins = db.prepare('INSERT INTO service_hours (service_id, effective_from, weekday, start, end) VALUES (?, ?, ?, ?, ?)');
      for (const iv of input.schedule.intervals) ins.run([id, input.schedule.effectiveFrom, iv.weekday, iv.start, iv.end]);
      return serviceById(db, id);
    },
  );
}

export function removeService(wb: Workbench, id: number): void {
  wb.write({ event: 'delete', entity: `service:${id}` }, (db) => {
    serviceById(db, id);
    db.prepare('DELETE FROM services WHERE id = ?').run([id]);
  });
}

const ED = toMask(['emergency_detention'], DISPOSITION.values);
const ARREST = toMask(['arrest', 'jail_booking'], DISPOSITION.values);
/** The incidents where detention (arrest) was recorded either way: the rates' denominators. */


export function coverageReport(
  db: ReadableDB,
  q: { serviceId?: number | undefined; area?: string | undefined; from?: string | undefined; to?: string | undefined; callSource?: string | undefined; disposition?: string | undefined },
): CoverageReport {
  const last = (db.prepare('SELECT max(occurred) AS m FROM incidents').get() as { m: number | null }).m ?? 202601;
  const to = q.to ? Number(q.to.replace('-', '')) : last;
  const from = q.from ? Number(q.from.replace('-', '')) : addMonths(to, -11);
  const svc = q.serviceId ? serviceById(db, q.serviceId) : null;
  // A row-value range over (year, month) lets the covering index incidents_facets serve the
  // whole query (an index is never covering for a query that uses the generated `occurred`; migration 0009).
  const filters: Sql[] = [];
  if (q.area) filters.push(sql`area = ${q.area}`);
  if (q.callSource) {
    if (!CALL_SOURCE.values.includes(q.callSource as never)) throw new CasewalkError('invalid_input', 'Unknown call source.');
    filters.push(sql`call_source = ${q.callSource}`);
  }
  if (q.disposition) filters.push(sql`(dispositions & ${toMask([q.disposition], DISPOSITION.values)}) != 0`);
  // Split the period where the service's schedule changes (versions start on a date; a version
  // applies from the month it is in effect at the start of), then one GROUP BY per segment:
  // at most 7 × 24 × areas rows each, whatever the number of incidents.
  const segments: { from: number; to: number; month: number }[] = [];
  {
    const starts = new Set<number>([from]);
    for (const v of svc?.schedules ?? []) {
      const [y, m, d] = v.effectiveFrom.split('-').map(Number) as [number, number, number];
      const first = d === 1 ? y * 100 + m : addMonths(y * 100 + m, 1);
      if (first > from && first <= to) starts.add(first);
    }
    const sorted = [...starts].sort((a, b) => a - b);
    sorted.forEach((st, i) => segments.push({ from: st, to: i + 1 < sorted.length ? addMonths(sorted[i + 1]!, -1) : to, month: st }));
  }
  const groupSql = (seg: { from: number; to: number }) => sql`SELECT weekday, hour_of_day AS hour, coalesce(area, '') AS area, count(*) AS n,
      sum(${DETENTION_RECORDED} AND (dispositions & ${raw(String(ED))}) != 0) AS det, sum(${ARREST_RECORDED} AND (dispositions & ${raw(String(ARREST))}) != 0) AS arr,
      sum(${DETENTION_RECORDED}) AS det_rec, sum(${ARREST_RECORDED}) AS arr_rec
    FROM incidents INDEXED BY incidents_facets
    ${where([sql`(occurred_year, occurred_month) BETWEEN (${Math.floor(seg.from / 100)}, ${seg.from % 100}) AND (${Math.floor(seg.to / 100)}, ${seg.to % 100})`, ...filters])}
    GROUP BY weekday, hour_of_day, area`;
  const byHourWeekday = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  const inside = { incidents: 0, detentionsRecorded: 0, detentions: 0, arrestsRecorded: 0, arrests: 0 };
  const outside = { ...inside };
  let incidents = 0;
  let placed = 0;
  const areasSeen = new Set<string>();
  for (const seg of segments) {
    const v = svc ? scheduleFor(svc.schedules, seg.month) : null;
    const grid = v ? coverageGrid(v.intervals) : null;
    const query = groupSql(seg);
    const groups = db.prepare(query.text).all(query.params) as { weekday: number | null; hour: number | null; area: string; n: number; det: number; arr: number; det_rec: number; arr_rec: number }[];
    for (const g of groups) {
      incidents += g.n;
      if (g.area) areasSeen.add(g.area);
      if (g.weekday === null || g.hour === null) continue;
      placed += g.n;
      byHourWeekday[g.weekday - 1]![g.hour]! += g.n;
      if (!svc) continue;
      const servesArea = !svc.areas || svc.areas.includes(g.area);
      const covered = servesArea && grid !== null && grid[g.weekday - 1]![g.hour]!;
      const bucket = covered ? inside : outside;
      bucket.incidents += g.n;
      bucket.detentions += g.det;
      bucket.arrests += g.arr;
      bucket.detentionsRecorded += g.det_rec;
      bucket.arrestsRecorded += g.arr_rec;
    }
  }
  const withRates = (b: typeof inside) => ({ ...b, detentionRate: percent(b.detentions, b.detentionsRecorded), arrestRate: percent(b.arrests, b.arrestsRecorded) });
  const latest = svc ? scheduleFor(svc.schedules, to) : null;
  return {
    service: svc ? { id: svc.id, name: svc.name } : null,
    from: ym(from),
    to: ym(to),
    incidents,
    placed,
    outsideHours: outside.incidents,
    outsideShare: svc && placed ? Math.round((outside.incidents / placed) * 1000) / 1000 : null,
    byHourWeekday,
    available: latest ? coverageGrid(latest.intervals) : svc ? Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => false)) : null,
    rates: { inside: withRates(inside), outside: withRates(outside) },
    areas: [...areasSeen].sort(),
  };
}
