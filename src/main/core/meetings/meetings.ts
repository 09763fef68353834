/**
 * Meetings: agenda (standing items, case reviews, carry-forward of recommendations),
 * attendance with the confidentiality attestation, quorum by sector, and the agenda export.
 */
import { CasewalkError } from '../../../shared/result';
import type { AgendaItem, MeetingDetail, MeetingRow } from '../../../shared/meetings/schemas';
import { AGENDA_KIND, ATTENDANCE, MEETING_STATUS, OPEN_REC_STATUSES, QUORUM_SECTORS, SECTOR, VOICE_SECTORS, type AgendaKind } from '../../../shared/meetings/values';
import type { ReadableDB, WritableDB } from '../store/db';
import type { Workbench } from '../store/workbench';
import { getDetail } from '../incidents/detail';
import { redactedField } from '../incidents/redact';
import { listRecommendations } from './recommendations';

const now = () => new Date().toISOString();

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
  const d = new Date(`${m.date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 31);
  return d.toISOString().slice(0, 10);
}

/** Open recommendations due before the next meeting (or already overdue at this one). */
export function carriedForward(db: ReadableDB, meetingId: number): AgendaItem['carried'] {
  const m = meetingRow(db, meetingId);
  const until = horizon(db, m);
  return listRecommendations(db, { status: [...OPEN_REC_STATUSES] }, m.date)
    .filter((r) => r.dueDate < until)
    .map((r) => ({ id: r.id, code: r.code, action: r.action, owner: r.owner.name, dueDate: r.dueDate, status: r.status, overdue: r.dueDate < m.date }));
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

export function quorumWarnings(present: readonly { sector: string }[], taken: boolean): string[] {
  if (!taken) return ['Attendance has not been taken yet.'];
  const have = new Set(present.map((p) => p.sector));
  const out = QUORUM_SECTORS.filter((s) => !have.has(s)).map((s) => `No one from ${SECTOR.label(s).toLowerCase()} is present.`);
  if (!VOICE_SECTORS.some((s) => have.has(s))) {
    out.push('No one with lived experience and no family member is present: they have the greatest stake in these reviews.');
  }
  return out;
}

export function getMeeting(db: ReadableDB, id: number): MeetingDetail {
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
        ? { id: r.incident_id, code: r.code, status: r.inc_status as NonNullable<AgendaItem['incident']>['status'], summary: summaryOf(db, r.incident_id) }
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
  const scheduled = new Set(items.map((i) => i.incident?.id).filter(Boolean));
  const readyIncidents = (
    db.prepare("SELECT id, code FROM incidents WHERE status = 'ready_for_review' ORDER BY occurred, code LIMIT 200").all() as { id: number; code: string }[]
  )
    .filter((r) => !scheduled.has(r.id))
    .map((r) => ({ id: r.id, code: r.code, summary: summaryOf(db, r.id) }));
  return {
    meeting: { ...toRow(m, items.filter((i) => i.kind === 'case_review').length, inRoom.length), notes: m.notes, startedAt: m.started_at, endedAt: m.ended_at },
    items,
    attendance,
    quorumWarnings: quorumWarnings(inRoom, attendance.some((a) => a.status !== null)),
    allottedMinutes: items.reduce((s, i) => s + i.minutes, 0),
    readyIncidents,
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

export function createMeeting(wb: Workbench, input: { date: string; time: string; lengthMinutes: number; place: string; virtual: boolean }): MeetingDetail {
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

function editable(db: ReadableDB, meetingId: number): MeetingDbRow {
  const m = meetingRow(db, meetingId);
  if (m.status === 'ended') throw new CasewalkError('forbidden', 'This meeting has ended; its agenda and attendance are part of the record.');
  return m;
}

export function updateMeeting(wb: Workbench, id: number, patch: Partial<{ date: string; time: string; lengthMinutes: number; place: string; virtual: boolean; notes: string }>): MeetingDetail {
  const cols: Record<string, string> = { date: 'date', time: 'time', lengthMinutes: 'length_minutes', place: 'place', virtual: 'virtual', notes: 'notes' };
  return wb.write({ event: 'update', entity: `meeting:${id}`, detail: `fields: ${Object.keys(patch).join(', ')}` }, (db) => {
    if (Object.keys(patch).some((k) => k !== 'notes')) editable(db, id);
    else meetingRow(db, id);
    for (const [k, v] of Object.entries(patch)) {
      db.prepare(`UPDATE meetings SET ${cols[k]} = ?, updated_at = ? WHERE id = ?`).run([typeof v === 'boolean' ? (v ? 1 : 0) : (v as string | number), now(), id]);
    }
    return getMeeting(db, id);
  });
}

const MEETING_MOVES: Record<string, string[]> = { planned: ['in_progress'], in_progress: ['ended'], ended: [] };

export function setMeetingStatus(wb: Workbench, id: number, status: string): MeetingDetail {
  return wb.write({ event: 'update', entity: `meeting:${id}`, detail: `status → ${status}` }, (db) => {
    const m = meetingRow(db, id);
    if (m.status === status) return getMeeting(db, id);
    if (!MEETING_MOVES[m.status]!.includes(status)) {
      throw new CasewalkError('forbidden', `A meeting cannot go from "${MEETING_STATUS.label(m.status)}" to "${MEETING_STATUS.label(status)}".`);
    }
    const col = status === 'in_progress' ? 'started_at' : 'ended_at';
    db.prepare(`UPDATE meetings SET status = ?, ${col} = ?, updated_at = ? WHERE id = ?`).run([status, now(), now(), id]);
    return getMeeting(db, id);
  });
}

function itemsOf(db: ReadableDB, meetingId: number): number[] {
  return (db.prepare('SELECT id FROM agenda_items WHERE meeting_id = ? ORDER BY position, id').all([meetingId]) as { id: number }[]).map((r) => r.id);
}
function renumber(db: WritableDB, ids: number[]) {
  const up = db.prepare('UPDATE agenda_items SET position = ? WHERE id = ?');
  ids.forEach((id, i) => up.run([i, id]));
}
function itemRow(db: ReadableDB, id: number): { id: number; meeting_id: number; kind: string; incident_id: number | null; completed: number } {
  const r = db.prepare('SELECT id, meeting_id, kind, incident_id, completed FROM agenda_items WHERE id = ?').get([id]) as
    | { id: number; meeting_id: number; kind: string; incident_id: number | null; completed: number }
    | undefined;
  if (!r) throw new CasewalkError('not_found', 'That agenda item does not exist.');
  return r;
}

export function addAgendaItem(wb: Workbench, input: { meetingId: number; kind: AgendaKind; title?: string | undefined; minutes: number; incidentId?: number | undefined }): MeetingDetail {
  return wb.write({ event: 'update', entity: `meeting:${input.meetingId}`, detail: `agenda: ${input.kind} added` }, (db) => {
    editable(db, input.meetingId);
    let title = input.title?.trim() || AGENDA_KIND.label(input.kind);
    if (input.kind === 'case_review') {
      if (!input.incidentId) throw new CasewalkError('invalid_input', 'A case review needs an incident.');
      const inc = db.prepare('SELECT code, status FROM incidents WHERE id = ?').get([input.incidentId]) as { code: string; status: string } | undefined;
      if (!inc) throw new CasewalkError('not_found', 'That incident no longer exists.');
      if (inc.status !== 'ready_for_review' && inc.status !== 'reviewed') {
        throw new CasewalkError('forbidden', `Incident ${inc.code} is not ready for review yet: resolve its identifiers and mark it ready first.`);
      }
      const dup = db.prepare("SELECT 1 FROM agenda_items WHERE meeting_id = ? AND incident_id = ?").get([input.meetingId, input.incidentId]);
      if (dup) throw new CasewalkError('conflict', `Incident ${inc.code} is already on this agenda.`);
      title = input.title?.trim() || `Case review: ${inc.code}`;
    } else if (input.incidentId) {
      throw new CasewalkError('invalid_input', 'Only a case review links to an incident.');
    }
    const ids = itemsOf(db, input.meetingId);
    const r = db
      .prepare('INSERT INTO agenda_items (meeting_id, position, kind, title, minutes, incident_id) VALUES (?, ?, ?, ?, ?, ?)')
      .run([input.meetingId, ids.length, input.kind, title, input.minutes, input.incidentId ?? null]);
    // New case reviews go before "other business", if it is last.
    const lastKind = ids.length ? (db.prepare('SELECT kind FROM agenda_items WHERE id = ?').get([ids.at(-1)!]) as { kind: string }).kind : null;
    if (lastKind === 'other_business' && input.kind !== 'other_business') ids.splice(ids.length - 1, 0, Number(r.lastInsertRowid));
    else ids.push(Number(r.lastInsertRowid));
    renumber(db, ids);
    return getMeeting(db, input.meetingId);
  });
}

export function updateAgendaItem(wb: Workbench, id: number, patch: Partial<{ title: string; minutes: number; notes: string }>): MeetingDetail {
  return wb.write({ event: 'update', entity: `agenda:${id}`, detail: `fields: ${Object.keys(patch).join(', ')}` }, (db) => {
    const it = itemRow(db, id);
    if (patch.title !== undefined || patch.minutes !== undefined) editable(db, it.meeting_id);
    if (patch.title !== undefined) db.prepare('UPDATE agenda_items SET title = ? WHERE id = ?').run([patch.title, id]);
    if (patch.minutes !== undefined) db.prepare('UPDATE agenda_items SET minutes = ? WHERE id = ?').run([patch.minutes, id]);
    if (patch.notes !== undefined) db.prepare('UPDATE agenda_items SET notes = ? WHERE id = ?').run([patch.notes, id]);
    return getMeeting(db, it.meeting_id);
  });
}

export function moveAgendaItem(wb: Workbench, id: number, position: number): MeetingDetail {
  return wb.write({ event: 'update', entity: `agenda:${id}`, detail: 'moved' }, (db) => {
    const it = itemRow(db, id);
    editable(db, it.meeting_id);
    const ids = itemsOf(db, it.meeting_id).filter((x) => x !== id);
    ids.splice(Math.min(position, ids.length), 0, id);
    renumber(db, ids);
    return getMeeting(db, it.meeting_id);
  });
}

export function removeAgendaItem(wb: Workbench, id: number): MeetingDetail {
  return wb.write({ event: 'update', entity: `agenda:${id}`, detail: 'removed' }, (db) => {
    const it = itemRow(db, id);
    editable(db, it.meeting_id);
    db.prepare('DELETE FROM agenda_items WHERE id = ?').run([id]);
    renumber(db, itemsOf(db, it.meeting_id));
    return getMeeting(db, it.meeting_id);
  });
}

export function startAgendaItem(wb: Workbench, id: number): MeetingDetail {
  return wb.write({ event: 'update', entity: `agenda:${id}`, detail: 'item started' }, (db) => {
    const it = itemRow(db, id);
    const m = editable(db, it.meeting_id);
    if (m.status === 'planned') db.prepare("UPDATE meetings SET status = 'in_progress', started_at = ? WHERE id = ?").run([now(), m.id]);
    db.prepare('UPDATE agenda_items SET started_at = coalesce(started_at, ?) WHERE id = ?').run([now(), id]);
    return getMeeting(db, it.meeting_id);
  });
}

/** Completing a case review marks its incident reviewed (issue #3 §18). */
export function completeAgendaItem(wb: Workbench, id: number, completed: boolean): MeetingDetail {
  let reviewed: string | null = null;
  return wb.write(
    () => ({ event: 'update', entity: `agenda:${id}`, detail: `${completed ? 'completed' : 'reopened'}${reviewed ? `; incident ${reviewed} reviewed` : ''}` }),
    (db) => {
      const it = itemRow(db, id);
      editable(db, it.meeting_id);
      db.prepare('UPDATE agenda_items SET completed = ? WHERE id = ?').run([completed ? 1 : 0, id]);
      if (completed && it.kind === 'case_review' && it.incident_id !== null) {
        const inc = db.prepare('SELECT code, status FROM incidents WHERE id = ?').get([it.incident_id]) as { code: string; status: string } | undefined;
        if (inc?.status === 'ready_for_review') {
          db.prepare("UPDATE incidents SET status = 'reviewed', version = version + 1, updated_at = ? WHERE id = ?").run([now(), it.incident_id]);
          reviewed = inc.code;
        }
      }
      return getMeeting(db, it.meeting_id);
    },
  );
}

export function setAttendance(wb: Workbench, input: { meetingId: number; memberId: number; status: string | null; attested?: boolean | undefined }): MeetingDetail {
  return wb.write(
    { event: 'update', entity: `meeting:${input.meetingId}`, detail: `attendance: member ${input.memberId} ${input.status ?? 'cleared'}${input.attested ? ', attested' : ''}` },
    (db) => {
      editable(db, input.meetingId);
      const member = db.prepare('SELECT id FROM members WHERE id = ?').get([input.memberId]);
      if (!member) throw new CasewalkError('not_found', 'That committee member does not exist.');
      if (input.status === null) {
        db.prepare('DELETE FROM attendance WHERE meeting_id = ? AND member_id = ?').run([input.meetingId, input.memberId]);
        return getMeeting(db, input.meetingId);
      }
      if (!ATTENDANCE.values.includes(input.status as never)) throw new CasewalkError('invalid_input', 'Unknown attendance status.');
      if (input.attested && input.status === 'absent') throw new CasewalkError('invalid_input', 'Only someone in the room can sign the confidentiality statement.');
      const prev = db.prepare('SELECT attested_at FROM attendance WHERE meeting_id = ? AND member_id = ?').get([input.meetingId, input.memberId]) as
        | { attested_at: string | null }
        | undefined;
      const attestedAt = input.attested === undefined ? (input.status === 'absent' ? null : (prev?.attested_at ?? null)) : input.attested ? (prev?.attested_at ?? now()) : null;
      db.prepare(
        'INSERT INTO attendance (meeting_id, member_id, status, attested_at) VALUES (?, ?, ?, ?) ON CONFLICT (meeting_id, member_id) DO UPDATE SET status = excluded.status, attested_at = excluded.attested_at',
      ).run([input.meetingId, input.memberId, input.status, attestedAt]);
      return getMeeting(db, input.meetingId);
    },
  );
}
