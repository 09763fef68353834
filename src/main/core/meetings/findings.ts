import { CasewalkError } from '../../../shared/result';
import type { Finding } from '../../../shared/meetings/schemas';
import { CIT_GOAL } from '../../../shared/meetings/values';
import { fromMask, toMask } from '../../../shared/incidents/values';
import type { ReadableDB } from '../store/db';
import type { Workbench } from '../store/workbench';

interface FindingRow {
  id: number;
  incident_id: number | null;
  source: string;
  code: string | null;
  meeting_id: number | null;
  category: string;
  kind: string;
  intercept: string | null;
  goals: number;
  timeline_event_id: number | null;
  description: string;
  created_at: string;
  created_by: string | null;
  recs: string | null;
}

const SELECT = `SELECT f.*, i.code AS code, (SELECT group_concat(recommendation_id) FROM recommendation_findings rf WHERE rf.finding_id = f.id) AS recs
  FROM findings f LEFT JOIN incidents i ON i.id = f.incident_id`;

function toFinding(r: FindingRow): Finding {
  return {
    id: r.id,
    incidentId: r.incident_id,
    incidentCode: r.code,
    source: r.source as Finding['source'],
    meetingId: r.meeting_id,
    category: r.category as Finding['category'],
    kind: r.kind as Finding['kind'],
    intercept: r.intercept as Finding['intercept'],
    goals: fromMask(r.goals, CIT_GOAL.values),
    timelineEventId: r.timeline_event_id,
    description: r.description,
    createdAt: r.created_at,
    createdBy: r.created_by,
    recommendationIds: r.recs ? r.recs.split(',').map(Number).sort((a, b) => a - b) : [],
  };
}

export function listFindings(db: ReadableDB, q: { incidentId?: number | undefined; meetingId?: number | undefined; source?: Finding['source'] | undefined }): Finding[] {
  const where: string[] = [];
  const args: number[] = [];
  // Literal predicates, so the systemic side uses the partial index findings_source.
  if (q.source) where.push(q.source === 'case' ? "f.source = 'case'" : "f.source != 'case'");
  if (q.incidentId) {
    where.push('f.incident_id = ?');
    args.push(q.incidentId);
  }
  if (q.meetingId) {
    where.push('f.meeting_id = ?');
    args.push(q.meetingId);
  }
  const rows = db.prepare(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY f.id`).all(args) as unknown as FindingRow[];
  return rows.map(toFinding);
}

export function findingById(db: ReadableDB, id: number): Finding {
  const r = db.prepare(`${SELECT} WHERE f.id = ?`).get([id]) as unknown as FindingRow | undefined;
  if (!r) throw new CasewalkError('not_found', 'That finding no longer exists.');
  return toFinding(r);
}

interface FindingInput {
  incidentId: number;
  meetingId: number | null;
  category: string;
  kind: string;
  intercept: string | null;
  goals: string[];
  timelineEventId: number | null;
  description: string;
}

function checkLinks(db: ReadableDB, incidentId: number | null, timelineEventId: number | null, meetingId: number | null) {
  if (timelineEventId !== null) {
    const e = db.prepare('SELECT incident_id FROM timeline_events WHERE id = ?').get([timelineEventId]) as { incident_id: number } | undefined;
    if (!e || e.incident_id !== incidentId) throw new CasewalkError('invalid_input', 'The linked timeline step belongs to another incident.');
  }
  if (meetingId !== null && !db.prepare('SELECT 1 FROM meetings WHERE id = ?').get([meetingId])) throw new CasewalkError('not_found', 'That meeting does not exist.');
}

export function createFinding(wb: Workbench, input: FindingInput): Finding {
  return wb.write(
    (f: Finding) => ({ event: 'create', entity: `finding:${f.id}`, detail: `incident ${f.incidentCode}: ${f.kind} / ${f.category}` }),
    (db) => {
      const inc = db.prepare('SELECT status FROM incidents WHERE id = ?').get([input.incidentId]) as { status: string } | undefined;
      if (!inc) throw new CasewalkError('not_found', 'That incident no longer exists.');
      if (inc.status === 'closed') throw new CasewalkError('forbidden', 'The incident is closed; reopen it to add findings.');
      checkLinks(db, input.incidentId, input.timelineEventId, input.meetingId);
      const r = db
        .prepare(
          'INSERT INTO findings (incident_id, meeting_id, category, kind, intercept, goals, timeline_event_id, description, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run([
          input.incidentId,
          input.meetingId,
          input.category,
          input.kind,
          input.intercept,
          toMask(input.goals, CIT_GOAL.values),
          input.timelineEventId,
          input.description,
          new Date().toISOString(),
          wb.actor,
        ]);
      return findingById(db, Number(r.lastInsertRowid));
    },
  );
}

interface SystemicFindingInput {
  source: 'coverage';
  meetingId: number | null;
  category: string;
  intercept: string;
  goals: string[];
  description: string;
}

/** A gap in the system itself (a coverage gap), recorded without an incident. */
export function createSystemicFinding(wb: Workbench, input: SystemicFindingInput): Finding {
  return wb.write(
    (f: Finding) => ({ event: 'create', entity: `finding:${f.id}`, detail: `${f.source}: ${f.kind} / ${f.category}` }),
    (db) => {
      checkLinks(db, null, null, input.meetingId);
      const r = db
        .prepare(
          "INSERT INTO findings (incident_id, source, meeting_id, category, kind, intercept, goals, description, created_at, created_by) VALUES (NULL, ?, ?, ?, 'gap', ?, ?, ?, ?, ?)",
        )
        .run([input.source, input.meetingId, input.category, input.intercept, toMask(input.goals, CIT_GOAL.values), input.description, new Date().toISOString(), wb.actor]);
      return findingById(db, Number(r.lastInsertRowid));
    },
  );
}

export function updateFinding(wb: Workbench, id: number, patch: Partial<Omit<FindingInput, 'incidentId' | 'meetingId'>>): Finding {
  return wb.write({ event: 'update', entity: `finding:${id}`, detail: `fields: ${Object.keys(patch).join(', ')}` }, (db) => {
    const f = findingById(db, id);
    if (f.source !== 'case' && patch.timelineEventId) throw new CasewalkError('invalid_input', 'A finding from a coverage gap has no incident, so it cannot link a timeline step.');
    if (patch.timelineEventId !== undefined) checkLinks(db, f.incidentId, patch.timelineEventId, null);
    const cols: Record<string, string> = { category: 'category', kind: 'kind', intercept: 'intercept', goals: 'goals', timelineEventId: 'timeline_event_id', description: 'description' };
    for (const [k, v] of Object.entries(patch)) {
      const value = k === 'goals' ? toMask(v as string[], CIT_GOAL.values) : (v as string | number | null);
      db.prepare(`UPDATE findings SET ${cols[k]} = ? WHERE id = ?`).run([value, id]);
    }
    return findingById(db, id);
  });
}

export function removeFinding(wb: Workbench, id: number): void {
  wb.write({ event: 'delete', entity: `finding:${id}` }, (db) => {
    const f = findingById(db, id);
    if (f.recommendationIds.length) throw new CasewalkError('conflict', 'A recommendation is based on this finding; change the recommendation first.');
    db.prepare('DELETE FROM findings WHERE id = ?').run([id]);
  });
}
