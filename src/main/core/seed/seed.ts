/**
 * Deterministic synthetic data for demos, end-to-end tests and the benchmark: incidents with
 * plausible CIT field distributions and 5–15 timeline steps each, a committee roster, monthly
 * meetings with agendas and attendance, findings (about one per two reviewed incidents) and
 * recommendations in every status. Entirely synthetic: narratives use role labels only, and
 * roster names are role descriptions, never people's names.
 */
import { INTERCEPT, toMask } from '../../../shared/incidents/values';
import { ACTION_STRENGTH, CIT_GOAL, FINDING_CATEGORY, SECTOR, type Sector } from '../../../shared/meetings/values';
import type { RecStatus } from '../../../shared/recommendations/values';

/** The statuses a seeded recommendation starts in (the follow-through seed moves some of them on). */
const SEED_REC_STATUSES: readonly RecStatus[] = ['proposed', 'adopted', 'in_progress', 'reported_implemented', 'declined'];
import type { WritableDB } from '../store/db';
import { insertTimeline, randomIncident } from './incident';
import { rng, type Rng } from './rng';

export { rng } from './rng';
import { FINDING_TEXT, recommendationFor } from './texts';
import { seedFollowThrough } from './follow-through';
import { seedNextMeeting } from './next-meeting';
import { seedLatestMeeting } from './latest-meeting';
import { seedMinutes } from './minutes';
import type { Workbench } from '../store/workbench';
import { FIELD_COLUMNS, fieldValues } from '../incidents/rows';
import { monthOf } from '../../../shared/incidents/fields';
import { dateIn, machineTimeZone } from '../../../shared/time-zone';
import { timeZone } from '../store/settings';

export interface SeedOptions {
  incidents: number;
  years: number;
  seed: number;
  /** Last year of data (default: the year of `today`; never after it). */
  endYear?: number;
  /**
   * The anchor date (YYYY-MM-DD): no incident falls in a month after it, and meetings before it
   * have ended. Default: today in the committee's time zone (`seed`) or the machine's (`seedInto`).
   */
  today?: string;
  onProgress?: (done: number, total: number) => void;
  /** Add findings (on random incidents) until there are this many. */
  findings?: number;
}

export interface SeedResult {
  incidents: number;
  timelineEvents: number;
  members: number;
  organisations: number;
  meetings: number;
  agendaItems: number;
  findings: number;
  recommendations: number;
}

function sectorName(s: Sector, n: number): string {
  return `${SECTOR.label(s)} member ${n}`;
}

export function seed(wb: Workbench, opts: SeedOptions): SeedResult {
  const today = opts.today ?? dateIn(wb.read(timeZone), Date.now());
  let result: SeedResult | null = null;
  wb.write(
    () => ({
      event: 'import',
      entity: 'import:seed',
      detail: `synthetic data: ${result!.incidents} incidents, ${result!.meetings} meetings (seed ${opts.seed})`,
    }),
    (db: WritableDB) => {
      result = seedInto(db, { ...opts, today });
    },
  );
  seedMinutes(wb, today);
  return result!;
}

/** The generator itself, on any writable connection (the benchmark also runs it unencrypted). */
export function seedInto(db: WritableDB, opts: SeedOptions): SeedResult {
  const r = rng(opts.seed);
  const today = opts.today ?? dateIn(machineTimeZone(), Date.now());
  const anchor = monthOf(today);
  const endYear = Math.min(opts.endYear ?? anchor.year, anchor.year);
  const years: Years = { start: endYear - opts.years + 1, end: endYear, today, lastMonth: endYear === anchor.year ? anchor.month : 12 };
  const result: SeedResult = {
    incidents: 0,
    timelineEvents: 0,
    members: 0,
    organisations: 0,
    meetings: 0,
    agendaItems: 0,
    findings: 0,
    recommendations: 0,
  };
  const at = new Date().toISOString();
  const roster = seedRoster(db, at, result);
  const reviewedByMonth = seedIncidents(db, r, opts, years, at, result);
  seedMeetings(db, r, years, at, reviewedByMonth, roster, result);
  seedExtraFindings(db, r, opts, at, result);
  seedLatestMeeting(db, opts.seed, today, at, roster.orgIds);
  seedFollowThrough(db, opts.seed, today, roster.orgIds);
  seedNextMeeting(db, today, at);
  opts.onProgress?.(opts.incidents, opts.incidents);
  return result;
}

interface Years {
  start: number;
  end: number;
  /** The anchor date (YYYY-MM-DD) and the last month with incidents in the last year. */
  today: string;
  lastMonth: number;
}
interface Roster {
  memberIds: { id: number; sector: Sector }[];
  orgIds: number[];
}

/** Roster and organisations (role descriptions, never people's names). */
function seedRoster(db: WritableDB, at: string, result: SeedResult): Roster {
  const rosterSectors: Sector[] = [
    'law_enforcement',
    'law_enforcement',
    'mental_health',
    'mental_health',
    'advocacy',
    'lived_experience',
    'family_member',
    'dispatch_911',
    'crisis_line_988',
    'ems_fire',
    'hospital_ed',
    'housing_social',
  ];
  const insMember = db.prepare('INSERT INTO members (name, organisation, sector, role, active, created_at) VALUES (?, ?, ?, ?, 1, ?)');
  const memberIds: { id: number; sector: Sector }[] = [];
  const counts = new Map<Sector, number>();
  rosterSectors.forEach((s, i) => {
    counts.set(s, (counts.get(s) ?? 0) + 1);
    const id = Number(
      insMember.run([
        sectorName(s, counts.get(s)!),
        `${SECTOR.label(s)} partner`,
        s,
        i === 0 ? 'chair' : i === 2 ? 'coordinator' : 'member',
        at,
      ]).lastInsertRowid,
    );
    memberIds.push({ id, sector: s });
  });
  result.members = memberIds.length;
  const insOrg = db.prepare('INSERT OR IGNORE INTO organisations (name, sector, created_at) VALUES (?, ?, ?)');
  const orgIds: number[] = [];
  for (const [name, sector] of [
    ['County Behavioral Health', 'mental_health'],
    ['Police Department', 'law_enforcement'],
    ['Emergency Communications', 'dispatch_911'],
    ['Regional Crisis Line', 'crisis_line_988'],
    ['General Hospital ED', 'hospital_ed'],
    ['Housing Services', 'housing_social'],
  ] as const) {
    const res = insOrg.run([`${name} (synthetic)`, sector, at]);
    if (res.changes) orgIds.push(Number(res.lastInsertRowid));
  }
  result.organisations = orgIds.length;

  return { memberIds, orgIds };
}

/** Incidents with timelines; returns the reviewed or closed incidents by month (YYYY-MM), for the meetings. */
function seedIncidents(db: WritableDB, r: Rng, opts: SeedOptions, years: Years, at: string, result: SeedResult): Map<string, number[]> {
  const { start: startYear, end: endYear } = years;
  const ins = db.prepare(
    `INSERT INTO incidents (${FIELD_COLUMNS.join(', ')}, status, source, open_identifiers, created_at, updated_at) VALUES (${FIELD_COLUMNS.map(() => '?').join(', ')}, ?, 'seed', 0, ?, ?)`,
  );
  const insEvent = db.prepare(
    'INSERT INTO timeline_events (incident_id, position, time, actor, kind, description, decision_point) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const fts = db.prepare(
    'INSERT INTO incidents_fts (rowid, code, call_types, area, narrative, timeline, tags) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const perYear = new Map<number, number>();
  const reviewedByMonth = new Map<string, number[]>();
  const nowYm = endYear * 100 + years.lastMonth;
  for (let n = 0; n < opts.incidents; n++) {
    const year = startYear + Math.floor((n / opts.incidents) * opts.years);
    // Never a month after the anchor: the anchor's year stops at its month.
    const month = r.int(1, year === endYear ? years.lastMonth : 12);
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    const { fields, status, callSource } = randomIncident(r, year, month, seq, nowYm);
    const id = Number(ins.run(fieldValues(fields, fields.code, status, at, at)).lastInsertRowid);
    const { steps, descriptions } = insertTimeline(r, insEvent, id, fields.hourOfDay!, callSource);
    result.timelineEvents += steps;
    fts.run([
      id,
      fields.code,
      `${fields.initialCallType} ${fields.finalCallType}`,
      fields.area,
      fields.narrative,
      descriptions.join('\n'),
      '',
    ]);
    if (status === 'reviewed' || status === 'closed') {
      const key = `${year}-${String(month).padStart(2, '0')}`;
      const list = reviewedByMonth.get(key) ?? [];
      list.push(id);
      reviewedByMonth.set(key, list);
    }
    result.incidents++;
    if (opts.onProgress && n % 10_000 === 0) opts.onProgress(n, opts.incidents);
  }
  return reviewedByMonth;
}

/** Monthly meetings with agendas, attendance, findings and recommendations. */
function seedMeetings(
  db: WritableDB,
  r: Rng,
  years: Years,
  at: string,
  reviewedByMonth: Map<string, number[]>,
  roster: Roster,
  result: SeedResult,
): void {
  const { start: startYear, end: endYear } = years;
  const { memberIds, orgIds } = roster;
  const insMeeting = db.prepare(
    "INSERT INTO meetings (date, time, length_minutes, place, virtual, status, started_at, ended_at, created_at, updated_at) VALUES (?, '14:00', 90, 'County building', 0, ?, ?, ?, ?, ?)",
  );
  const insItem = db.prepare(
    'INSERT INTO agenda_items (meeting_id, position, kind, title, minutes, incident_id, completed) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insAtt = db.prepare('INSERT INTO attendance (meeting_id, member_id, status, attested_at) VALUES (?, ?, ?, ?)');
  const insFinding = db.prepare(
    'INSERT INTO findings (incident_id, meeting_id, category, kind, intercept, goals, timeline_event_id, description, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)',
  );
  const insRec = db.prepare(
    'INSERT INTO recommendations (code, action, owner_member_id, owner_organisation_id, due_date, status, status_at, measure, action_type, strength, meeting_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insRecF = db.prepare('INSERT INTO recommendation_findings (recommendation_id, finding_id) VALUES (?, ?)');
  const insHist = db.prepare('INSERT INTO recommendation_history (recommendation_id, status, note, at, member) VALUES (?, ?, ?, ?, ?)');
  const { today } = years;
  let recN = (db.prepare('SELECT count(*) AS n FROM recommendations').get() as { n: number }).n;
  let pendingFinding: number | null = null;
  for (let y = startYear; y <= endYear; y++) {
    for (let m = 1; m <= 12; m++) {
      const date = `${y}-${String(m).padStart(2, '0')}-${String(r.int(8, 14)).padStart(2, '0')}`;
      const past = date < today;
      const meetingId = Number(
        insMeeting.run([date, past ? 'ended' : 'planned', past ? `${date}T14:00:00Z` : null, past ? `${date}T15:30:00Z` : null, at, at])
          .lastInsertRowid,
      );
      result.meetings++;
      const cases = (reviewedByMonth.get(`${y}-${String(m).padStart(2, '0')}`) ?? []).slice(0, r.int(3, 6));
      const items: [string, string, number, number | null][] = [
        ['welcome', 'Welcome and confidentiality statement', 5, null],
        ['approve_minutes', 'Approval of previous minutes', 5, null],
        ['follow_up', 'Recommendation follow-up', 15, null],
        ...cases.map(
          (c) =>
            [
              'case_review',
              `Case review: ${(db.prepare('SELECT code FROM incidents WHERE id = ?').get([c]) as { code: string }).code}`,
              15,
              c,
            ] as [string, string, number, number],
        ),
        ['other_business', 'Other business', 5, null],
      ];
      items.forEach(([kind, title, minutes, inc], i) => insItem.run([meetingId, i, kind, title, minutes, inc, past ? 1 : 0]));
      result.agendaItems += items.length;
      if (past)
        for (const mb of memberIds)
          if (r.chance(0.8)) insAtt.run([meetingId, mb.id, r.chance(0.95) ? 'present' : 'guest', `${date}T14:02:00Z`]);
      for (const c of cases) {
        if (!r.chance(0.5)) continue;
        const category = r.pick(FINDING_CATEGORY.values);
        const kind = r.chance(0.8) ? 'gap' : 'worked';
        const intercept = r.pick(INTERCEPT.values.slice(0, 2));
        const goals = toMask([r.pick(CIT_GOAL.values)], CIT_GOAL.values);
        const text = r.pick(FINDING_TEXT[category]!);
        const fid = Number(insFinding.run([c, meetingId, category, kind, intercept, goals, text, at, 'seed']).lastInsertRowid);
        result.findings++;
        if (pendingFinding === null) {
          pendingFinding = fid;
          continue;
        }
        const status = r.pick(SEED_REC_STATUSES);
        // Owned by a partner organisation, never a member (a member may be the contact, not the owner).
        const owner = orgIds.length ? [null, r.pick(orgIds)] : [r.pick(memberIds).id, null];
        const due = `${y + (m > 9 ? 1 : 0)}-${String(((m + 2) % 12) + 1).padStart(2, '0')}-28`;
        recN++;
        // The recommendation answers the finding just made (and the one before it, linked too).
        const rec = recommendationFor(text);
        const actionType = rec.actionType;
        const rid = Number(
          insRec.run([
            `R-${String(recN).padStart(3, '0')}`,
            rec.action,
            owner[0]!,
            owner[1]!,
            due,
            status,
            at,
            rec.measure,
            actionType,
            ACTION_STRENGTH[actionType],
            meetingId,
            at,
          ]).lastInsertRowid,
        );
        insRecF.run([rid, pendingFinding]);
        insRecF.run([rid, fid]);
        insHist.run([rid, 'proposed', '', at, 'seed']);
        if (status !== 'proposed') insHist.run([rid, status, status === 'declined' ? 'Outside the committee’s remit' : '', at, 'seed']);
        result.recommendations++;
        pendingFinding = null;
      }
    }
  }
}

/** Extra findings up to a target (the benchmark's ~50,000), spread over incidents. */
function seedExtraFindings(db: WritableDB, r: Rng, opts: SeedOptions, at: string, result: SeedResult): void {
  const insFinding = db.prepare(
    'INSERT INTO findings (incident_id, meeting_id, category, kind, intercept, goals, timeline_event_id, description, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)',
  );
  if (opts.findings && result.findings < opts.findings) {
    const maxId = (db.prepare('SELECT max(id) AS n FROM incidents').get() as { n: number }).n;
    const minId = maxId - result.incidents + 1;
    while (result.findings < opts.findings) {
      const category = r.pick(FINDING_CATEGORY.values);
      insFinding.run([
        r.int(minId, maxId),
        null,
        category,
        r.chance(0.8) ? 'gap' : 'worked',
        r.pick(INTERCEPT.values),
        toMask([r.pick(CIT_GOAL.values)], CIT_GOAL.values),
        r.pick(FINDING_TEXT[category]!),
        at,
        'seed',
      ]);
      result.findings++;
    }
  }
}
