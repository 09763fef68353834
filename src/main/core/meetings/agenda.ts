/** Editing a meeting's agenda (add, change, move, remove, start, complete items) and its attendance. */
import { CasewalkError } from '../../../shared/result';
import type { MeetingDetail } from '../../../shared/meetings/schemas';
import { AGENDA_KIND, ATTENDANCE, type AgendaKind } from '../../../shared/meetings/values';
import { now, type ReadableDB, type WritableDB } from '../store/db';
import type { Workbench } from '../store/workbench';
import { editable, getMeeting } from './meetings';

function itemsOf(db: ReadableDB, meetingId: number): number[] {
  return (db.prepare('SELECT id FROM agenda_items WHERE meeting_id = ? ORDER BY position, id').all([meetingId]) as { id: number }[]).map(
    (r) => r.id,
  );
}
function renumber(db: WritableDB, ids: number[]) {
  const up = db.prepare('UPDATE agenda_items SET position = ? WHERE id = ?');
  ids.forEach((id, i) => up.run([i, id]));
}
function itemRow(
  db: ReadableDB,
  id: number,
): { id: number; meeting_id: number; kind: string; incident_id: number | null; completed: number } {
  const r = db.prepare('SELECT id, meeting_id, kind, incident_id, completed FROM agenda_items WHERE id = ?').get([id]) as
    { id: number; meeting_id: number; kind: string; incident_id: number | null; completed: number } | undefined;
  if (!r) throw new CasewalkError('not_found', 'That agenda item does not exist.');
  return r;
}

export function addAgendaItem(
  wb: Workbench,
  input: { meetingId: number; kind: AgendaKind; title?: string | undefined; minutes: number; incidentId?: number | undefined },
): MeetingDetail {
  return wb.write({ event: 'update', entity: `meeting:${input.meetingId}`, detail: `agenda: ${input.kind} added` }, (db) => {
    editable(db, input.meetingId);
    let title = input.title?.trim() || AGENDA_KIND.label(input.kind);
    if (input.kind === 'case_review') {
      if (!input.incidentId) throw new CasewalkError('invalid_input', 'A case review needs an incident.');
      const inc = db.prepare('SELECT code, status FROM incidents WHERE id = ?').get([input.incidentId]) as
        { code: string; status: string } | undefined;
      if (!inc) throw new CasewalkError('not_found', 'That incident no longer exists.');
      if (inc.status !== 'ready_for_review' && inc.status !== 'reviewed') {
        throw new CasewalkError(
          'forbidden',
          `Incident ${inc.code} is not ready for review yet: resolve its identifiers and mark it ready first.`,
        );
      }
      const dup = db
        .prepare('SELECT 1 FROM agenda_items WHERE meeting_id = ? AND incident_id = ?')
        .get([input.meetingId, input.incidentId]);
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
    const lastKind = ids.length
      ? (db.prepare('SELECT kind FROM agenda_items WHERE id = ?').get([ids.at(-1)!]) as { kind: string }).kind
      : null;
    if (lastKind === 'other_business' && input.kind !== 'other_business') ids.splice(ids.length - 1, 0, Number(r.lastInsertRowid));
    else ids.push(Number(r.lastInsertRowid));
    renumber(db, ids);
    return getMeeting(db, input.meetingId);
  });
}

export function updateAgendaItem(
  wb: Workbench,
  id: number,
  patch: Partial<{ title: string; minutes: number; notes: string }>,
): MeetingDetail {
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
    () => ({
      event: 'update',
      entity: `agenda:${id}`,
      detail: `${completed ? 'completed' : 'reopened'}${reviewed ? `; incident ${reviewed} reviewed` : ''}`,
    }),
    (db) => {
      const it = itemRow(db, id);
      editable(db, it.meeting_id);
      db.prepare('UPDATE agenda_items SET completed = ? WHERE id = ?').run([completed ? 1 : 0, id]);
      if (completed && it.kind === 'case_review' && it.incident_id !== null) {
        const inc = db.prepare('SELECT code, status FROM incidents WHERE id = ?').get([it.incident_id]) as
          { code: string; status: string } | undefined;
        if (inc?.status === 'ready_for_review') {
          db.prepare("UPDATE incidents SET status = 'reviewed', version = version + 1, updated_at = ? WHERE id = ?").run([
            now(),
            it.incident_id,
          ]);
          reviewed = inc.code;
        }
      }
      return getMeeting(db, it.meeting_id);
    },
  );
}

export function setAttendance(
  wb: Workbench,
  input: { meetingId: number; memberId: number; status: string | null; attested?: boolean | undefined },
): MeetingDetail {
  return wb.write(
    // Who and how, in words: "attendance: Kim Lowe — present, attested".
    (m: MeetingDetail) => {
      const who = m.attendance.find((a) => a.memberId === input.memberId)?.name ?? `member ${input.memberId}`;
      const how = input.status ? ATTENDANCE.label(input.status).toLowerCase() : 'cleared';
      return {
        event: 'update',
        entity: `meeting:${input.meetingId}`,
        detail: `attendance: ${who} — ${how}${input.attested ? ', attested' : ''}`,
      };
    },
    (db) => {
      editable(db, input.meetingId);
      const member = db.prepare('SELECT id FROM members WHERE id = ?').get([input.memberId]);
      if (!member) throw new CasewalkError('not_found', 'That committee member does not exist.');
      if (input.status === null) {
        db.prepare('DELETE FROM attendance WHERE meeting_id = ? AND member_id = ?').run([input.meetingId, input.memberId]);
        return getMeeting(db, input.meetingId);
      }
      if (!ATTENDANCE.values.includes(input.status as never)) throw new CasewalkError('invalid_input', 'Unknown attendance status.');
      if (input.attested && input.status === 'absent')
        throw new CasewalkError('invalid_input', 'Only someone in the room can sign the confidentiality statement.');
      const prev = db
        .prepare('SELECT attested_at FROM attendance WHERE meeting_id = ? AND member_id = ?')
        .get([input.meetingId, input.memberId]) as { attested_at: string | null } | undefined;
      const attestedAt =
        input.attested === undefined
          ? input.status === 'absent'
            ? null
            : (prev?.attested_at ?? null)
          : input.attested
            ? (prev?.attested_at ?? now())
            : null;
      db.prepare(
        'INSERT INTO attendance (meeting_id, member_id, status, attested_at) VALUES (?, ?, ?, ?) ON CONFLICT (meeting_id, member_id) DO UPDATE SET status = excluded.status, attested_at = excluded.attested_at',
      ).run([input.meetingId, input.memberId, input.status, attestedAt]);
      return getMeeting(db, input.meetingId);
    },
  );
}
