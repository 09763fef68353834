/**
 * Meetings: the list and one meeting's detail (agenda with carry-forward of recommendations,
 * attendance, quorum by sector), creating a meeting and its status. Editing the agenda and
 * attendance is in agenda.ts.
 */
import { addDays } from '../../../shared/dates';
import { CasewalkError } from '../../../shared/result';
import type { AgendaItem, MeetingDetail, MeetingRow } from '../../../shared/meetings/schemas';
import { AGENDA_KIND, MEETING_STATUS, type AgendaKind } from '../../../shared/meetings/values';
import { now, type ReadableDB } from '../store/db';
import type { Workbench } from '../store/workbench';
import { getDetail } from '../incidents/detail';
import { redactedField } from '../incidents/redact';
import { followUpsFor } from '../recommendations/carry';
import { quorumOf, quorumWarnings } from './quorum';
import { carryUnreviewed, nextPlanned } from './carry';

interface MeetingDbRow {
  id: number;
  date: string;
  time: string;
  length_minutes: number;
  place: string;
  virtual: number;
  status: string;
  notes: string;
  started_at: string | null;
  ended_at: string | null;
}

function meetingRow(db: ReadableDB, id: number): MeetingDbRow {
  const r = db.prepare('SELECT * FROM meetings WHERE id = ?').get([id]) as unknown as MeetingDbRow | undefined;
  if (!r) throw new CasewalkError('not_found', 'That meeting does not exist.');
  return r;
}

export function listMeetings(db: ReadableDB): MeetingRow[] {
  const rows = db
    .prepare(
      `SELECT m.*, (SELECT count(*) FROM agenda_items a WHERE a.meeting_id = m.id AND a.kind = 'case_review') AS case_count,
              (SELECT count(*) FROM attendance t WHERE t.meeting_id = m.id AND t.status IN ('present', 'guest')) AS present
       FROM meetings m ORDER BY date DESC, time DESC`,
    )
    .all() as unknown as (MeetingDbRow & { case_count: number; present: number })[];
  return rows.map((r) => toRow(r, r.case_count, r.present));
}

function toRow(r: MeetingDbRow, caseCount: number, present: number): MeetingRow {
  return {
    id: r.id,
    date: r.date,
    time: r.time,
    lengthMinutes: r.length_minutes,
    place: r.place,
    virtual: r.virtual === 1,
    status: r.status as MeetingRow['status'],
    caseCount,
    present,
  };
}

/** The date the follow-up item looks ahead to: the next meeting after this one, or a month on. */
function horizon(db: ReadableDB, m: MeetingDbRow): string {
  const next = db.prepare('SELECT min(date) AS d FROM meetings WHERE date > ?').get([m.date]) as { d: string | null };
  if (next.d) return next.d;
  return addDays(m.date, 31);
}

/** Open recommendations due before the next meeting (or already overdue at this one), overdue responses and effect checks due. */
export function carriedForward(db: ReadableDB, meetingId: number): AgendaItem['carried'] {
  const m = meetingRow(db, meetingId);
  return followUpsFor(db, m.date, horizon(db, m));
}

interface ItemRow {
  id: number;
  position: number;
  kind: string;
  title: string;
  minutes: number;
  incident_id: number | null;
  completed: number;
  started_at: string | null;
  notes: string;
  code: string | null;
  inc_status: string | null;
  narrative: string | null;
}

/**
 * A meeting with its agenda, attendance and quorum. `summaries: false` leaves out each case's
 * summary and the cases that could be added: the projector and the walk's checks, on every step of
 * the walk, need the items, not a guarded summary of up to 200 cases (each one scans the incident's
 * texts for identifiers: about 220 ms a step on a 5,000-incident workbench).
 */
export function getMeeting(db: ReadableDB, id: number, opts: { summaries?: boolean } = {}): MeetingDetail {
  const m = meetingRow(db, id);
  const rows = db
    .prepare(
      `SELECT a.*, i.code AS code, i.status AS inc_status, i.narrative AS narrative FROM agenda_items a
       LEFT JOIN incidents i ON i.id = a.incident_id WHERE a.meeting_id = ? ORDER BY a.position, a.id`,
    )
    .all([id]) as unknown as ItemRow[];
  const carried = carriedForward(db, id);
  const items: AgendaItem[] = rows.map((r) => ({
    id: r.id,
    position: r.position,
    kind: r.kind as AgendaKind,
    title: r.title,
    minutes: r.minutes,
    incident:
      r.incident_id !== null && r.code !== null
        ? {
            id: r.incident_id,
            code: r.code,
            status: r.inc_status as NonNullable<AgendaItem['incident']>['status'],
            summary: opts.summaries === false ? '' : summaryOf(db, r.incident_id),
          }
        : null,
    completed: r.completed === 1,
    startedAt: r.started_at,
    notes: r.notes,
    carried: r.kind === 'follow_up' ? carried : [],
  }));
  const attendance = (
    db
      .prepare(
        `SELECT mb.id AS member_id, mb.name, mb.sector, mb.role, t.status, t.attested_at FROM members mb
         LEFT JOIN attendance t ON t.member_id = mb.id AND t.meeting_id = ?
         WHERE mb.active = 1 OR t.status IS NOT NULL ORDER BY mb.name`,
      )
      .all([id]) as { member_id: number; name: string; sector: string; role: string; status: string | null; attested_at: string | null }[]
  ).map((r) => ({
    memberId: r.member_id,
    name: r.name,
    sector: r.sector as MeetingDetail['attendance'][number]['sector'],
    role: r.role as MeetingDetail['attendance'][number]['role'],
    status: r.status as MeetingDetail['attendance'][number]['status'],
    attestedAt: r.attested_at,
  }));
  const inRoom = attendance.filter((a) => a.status === 'present' || a.status === 'guest');
  const quorum = quorumOf(attendance);
  const scheduled = new Set(items.map((i) => i.incident?.id).filter(Boolean));
  // The cases that could be added, each with its guarded summary: only for the meeting page.
  const readyIncidents =
    opts.summaries === false
      ? []
      : (
          db.prepare("SELECT id, code FROM incidents WHERE status = 'ready_for_review' ORDER BY occurred, code LIMIT 200").all() as {
            id: number;
            code: string;
          }[]
        )
          .filter((r) => !scheduled.has(r.id))
          .map((r) => ({ id: r.id, code: r.code, summary: summaryOf(db, r.id) }));
  return {
    meeting: {
      ...toRow(m, items.filter((i) => i.kind === 'case_review').length, inRoom.length),
      notes: m.notes,
      startedAt: m.started_at,
      endedAt: m.ended_at,
    },
    items,
    attendance,
    quorumWarnings: quorumWarnings(attendance, quorum),
    quorum,
    allottedMinutes: items.reduce((s, i) => s + i.minutes, 0),
    readyIncidents,
    nextPlanned: m.status === 'ended' ? null : nextPlanned(db, m.date),
  };
}

/** The de-identified summary: the narrative with unresolved identifiers redacted, shortened. */
export function summaryOf(db: ReadableDB, incidentId: number, max = 280): string {
  const d = getDetail(db, incidentId);
  const text = redactedField(d, 'narrative', d.incident.narrative).replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const STANDING: { kind: AgendaKind; minutes: number }[] = [
  { kind: 'welcome', minutes: 5 },
  { kind: 'approve_minutes', minutes: 5 },
  { kind: 'follow_up', minutes: 15 },
  { kind: 'other_business', minutes: 5 },
];

export function createMeeting(
  wb: Workbench,
  input: { date: string; time: string; lengthMinutes: number; place: string; virtual: boolean },
): MeetingDetail {
  return wb.write(
    (d: MeetingDetail) => ({ event: 'create', entity: `meeting:${d.meeting.id}`, detail: `meeting on ${input.date}` }),
    (db) => {
      const at = now();
      const id = Number(
        db
          .prepare('INSERT INTO meetings (date, time, length_minutes, place, virtual, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run([input.date, input.time, input.lengthMinutes, input.place, input.virtual ? 1 : 0, at, at]).lastInsertRowid,
      );
      const ins = db.prepare('INSERT INTO agenda_items (meeting_id, position, kind, title, minutes) VALUES (?, ?, ?, ?, ?)');
      STANDING.forEach((s, i) => ins.run([id, i, s.kind, AGENDA_KIND.label(s.kind), s.minutes]));
      return getMeeting(db, id);
    },
  );
}

/** A meeting whose agenda and attendance may still change (not ended). */
export function editable(db: ReadableDB, meetingId: number): { id: number; status: string } {
  const m = meetingRow(db, meetingId);
  if (m.status === 'ended')
    throw new CasewalkError('forbidden', 'This meeting has ended; its agenda and attendance are part of the record.');
  return m;
}

export function updateMeeting(
  wb: Workbench,
  id: number,
  patch: Partial<{ date: string; time: string; lengthMinutes: number; place: string; virtual: boolean; notes: string }>,
): MeetingDetail {
  const cols: Record<string, string> = {
    date: 'date',
    time: 'time',
    lengthMinutes: 'length_minutes',
    place: 'place',
    virtual: 'virtual',
    notes: 'notes',
  };
  return wb.write({ event: 'update', entity: `meeting:${id}`, detail: `fields: ${Object.keys(patch).join(', ')}` }, (db) => {
    if (Object.keys(patch).some((k) => k !== 'notes')) editable(db, id);
    else meetingRow(db, id);
    for (const [k, v] of Object.entries(patch)) {
      db.prepare(`UPDATE meetings SET ${cols[k]} = ?, updated_at = ? WHERE id = ?`).run([
        typeof v === 'boolean' ? (v ? 1 : 0) : (v as string | number),
        now(),
        id,
      ]);
    }
    return getMeeting(db, id);
  });
}

const MEETING_MOVES: Record<string, string[]> = { planned: ['in_progress'], in_progress: ['ended'], ended: [] };

export function setMeetingStatus(wb: Workbench, id: number, status: string, carry = false): MeetingDetail {
  // In words, as the audit log shows it: "status → In progress".
  const detail = `status → ${MEETING_STATUS.label(status)}${carry ? ' (unreviewed cases carried to the next meeting)' : ''}`;
  return wb.write({ event: 'update', entity: `meeting:${id}`, detail }, (db) => {
    const m = meetingRow(db, id);
    if (m.status === status) return getMeeting(db, id);
    if (!MEETING_MOVES[m.status]!.includes(status)) {
      throw new CasewalkError(
        'forbidden',
        `A meeting cannot go from "${MEETING_STATUS.label(m.status)}" to "${MEETING_STATUS.label(status)}".`,
      );
    }
    if (carry && status === 'ended') carryUnreviewed(db, m);
    const col = status === 'in_progress' ? 'started_at' : 'ended_at';
    db.prepare(`UPDATE meetings SET status = ?, ${col} = ?, updated_at = ? WHERE id = ?`).run([status, now(), now(), id]);
    return getMeeting(db, id);
  });
}
