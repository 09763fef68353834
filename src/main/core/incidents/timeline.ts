/** Timeline steps: add, change, move and remove, each in one audited write that re-runs the guard. */
import { CasewalkError } from '../../../shared/result';
import type { IncidentDetail, TimelineEventInput } from '../../../shared/incidents/schemas';
import { now, type ReadableDB, type WritableDB } from '../store/db';
import type { Workbench } from '../store/workbench';
import { demoteIfGuarded } from './derived';
import { getDetail, getRow } from './detail';

function touch(db: WritableDB, id: number) {
  const row = getRow(db, id);
  if (row.status === 'closed')
    throw new CasewalkError('forbidden', 'A closed incident is read-only. Reopen it (set it back to reviewed) to edit.');
  db.prepare('UPDATE incidents SET version = version + 1, updated_at = ? WHERE id = ?').run([now(), id]);
}

function renumber(db: WritableDB, incidentId: number, order: number[]) {
  const up = db.prepare('UPDATE timeline_events SET position = ? WHERE id = ?');
  order.forEach((eventId, i) => up.run([i, eventId]));
}

function eventIds(db: ReadableDB, incidentId: number): number[] {
  return (
    db.prepare('SELECT id FROM timeline_events WHERE incident_id = ? ORDER BY position, id').all([incidentId]) as { id: number }[]
  ).map((r) => r.id);
}

function eventIncident(db: ReadableDB, eventId: number): number {
  const r = db.prepare('SELECT incident_id FROM timeline_events WHERE id = ?').get([eventId]) as { incident_id: number } | undefined;
  if (!r) throw new CasewalkError('not_found', 'That timeline step no longer exists.');
  return r.incident_id;
}

function timelineWrite(
  wb: Workbench,
  what: string,
  incidentOf: (db: ReadableDB) => number,
  fn: (db: WritableDB, incidentId: number) => void,
): IncidentDetail {
  return wb.write(
    (d: IncidentDetail) => ({ event: 'update', entity: `incident:${d.incident.code}`, detail: `timeline: ${what}` }),
    (db) => {
      const incidentId = incidentOf(db);
      touch(db, incidentId);
      fn(db, incidentId);
      demoteIfGuarded(db, incidentId);
      return getDetail(db, incidentId);
    },
  );
}

export function addTimelineEvent(wb: Workbench, incidentId: number, e: Required<TimelineEventInput>, position?: number): IncidentDetail {
  return timelineWrite(
    wb,
    'step added',
    () => incidentId,
    (db) => {
      const ids = eventIds(db, incidentId);
      if (ids.length >= 500) throw new CasewalkError('invalid_input', 'A timeline has at most 500 steps.');
      const r = db
        .prepare(
          'INSERT INTO timeline_events (incident_id, position, time, actor, kind, description, decision_point) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run([incidentId, ids.length, e.time, e.actor, e.kind, e.description, e.decisionPoint ? 1 : 0]);
      const at = Math.min(position ?? ids.length, ids.length);
      ids.splice(at, 0, Number(r.lastInsertRowid));
      renumber(db, incidentId, ids);
    },
  );
}

export function updateTimelineEvent(wb: Workbench, eventId: number, patch: Partial<TimelineEventInput>): IncidentDetail {
  return timelineWrite(
    wb,
    `step changed (${Object.keys(patch).join(', ')})`,
    (db) => eventIncident(db, eventId),
    (db) => {
      const map: Record<string, string> = {
        time: 'time',
        actor: 'actor',
        kind: 'kind',
        description: 'description',
        decisionPoint: 'decision_point',
      };
      for (const [k, v] of Object.entries(patch)) {
        db.prepare(`UPDATE timeline_events SET ${map[k]} = ? WHERE id = ?`).run([
          typeof v === 'boolean' ? (v ? 1 : 0) : (v as string),
          eventId,
        ]);
      }
      // A changed description invalidates any "not an identifier" decision made for the old text.
    },
  );
}

export function moveTimelineEvent(wb: Workbench, eventId: number, position: number): IncidentDetail {
  return timelineWrite(
    wb,
    'step moved',
    (db) => eventIncident(db, eventId),
    (db, incidentId) => {
      const ids = eventIds(db, incidentId).filter((x) => x !== eventId);
      ids.splice(Math.min(position, ids.length), 0, eventId);
      renumber(db, incidentId, ids);
    },
  );
}

export function removeTimelineEvent(wb: Workbench, eventId: number): IncidentDetail {
  return timelineWrite(
    wb,
    'step removed',
    (db) => eventIncident(db, eventId),
    (db, incidentId) => {
      db.prepare('DELETE FROM timeline_events WHERE id = ?').run([eventId]);
      db.prepare('DELETE FROM identifier_dismissals WHERE incident_id = ? AND field = ?').run([incidentId, `timeline:${eventId}`]);
      renumber(db, incidentId, eventIds(db, incidentId));
    },
  );
}
