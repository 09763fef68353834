import { CasewalkError } from '../../../shared/result';
import type { Finding, FindingEditState, NotIdentifier } from '../../../shared/meetings/schemas';
import { CIT_GOAL, FINDING_CATEGORY, FINDING_KIND } from '../../../shared/meetings/values';
import { fromMask, INTERCEPT, toMask } from '../../../shared/incidents/values';
import type { ReadableDB, WritableDB } from '../store/db';
import { raw, sql, where, type Sql } from '../store/sql';
import type { Workbench } from '../store/workbench';
import { addAmendment, amendmentsOf, recordHash, type FieldChange } from './amendments';
import { identifiersIn, recordNotIdentifiers, roomText } from './record-text';

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
    recommendationIds: r.recs
      ? r.recs
          .split(',')
          .map(Number)
          .sort((a, b) => a - b)
      : [],
  };
}

export function listFindings(
  db: ReadableDB,
  q: { incidentId?: number | undefined; meetingId?: number | undefined; source?: Finding['source'] | undefined },
): Finding[] {
  const conditions: Sql[] = [];
  // Literal predicates, so the systemic side uses the partial index findings_source.
  if (q.source) conditions.push(q.source === 'case' ? sql`f.source = 'case'` : sql`f.source != 'case'`);
  if (q.incidentId) conditions.push(sql`f.incident_id = ${q.incidentId}`);
  if (q.meetingId) conditions.push(sql`f.meeting_id = ${q.meetingId}`);
  const query = sql`${raw(SELECT)} ${where(conditions)} ORDER BY f.id`;
  const rows = db.prepare(query.text).all(query.params) as unknown as FindingRow[];
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
    const e = db.prepare('SELECT incident_id FROM timeline_events WHERE id = ?').get([timelineEventId]) as
      { incident_id: number } | undefined;
    if (!e || e.incident_id !== incidentId)
      throw new CasewalkError('invalid_input', 'The linked timeline step belongs to another incident.');
  }
  if (meetingId !== null && !db.prepare('SELECT 1 FROM meetings WHERE id = ?').get([meetingId]))
    throw new CasewalkError('not_found', 'That meeting does not exist.');
}

export function createFinding(wb: Workbench, input: FindingInput, notIdentifiers: readonly NotIdentifier[] = []): Finding {
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
      const id = Number(r.lastInsertRowid);
      recordNotIdentifiers(db, wb.actor, { findingId: id }, { description: input.description }, notIdentifiers);
      return findingById(db, id);
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
export function createSystemicFinding(wb: Workbench, input: SystemicFindingInput, notIdentifiers: readonly NotIdentifier[] = []): Finding {
  return wb.write(
    (f: Finding) => ({ event: 'create', entity: `finding:${f.id}`, detail: `${f.source}: ${f.kind} / ${f.category}` }),
    (db) => {
      checkLinks(db, null, null, input.meetingId);
      const r = db
        .prepare(
          "INSERT INTO findings (incident_id, source, meeting_id, category, kind, intercept, goals, description, created_at, created_by) VALUES (NULL, ?, ?, ?, 'gap', ?, ?, ?, ?, ?)",
        )
        .run([
          input.source,
          input.meetingId,
          input.category,
          input.intercept,
          toMask(input.goals, CIT_GOAL.values),
          input.description,
          new Date().toISOString(),
          wb.actor,
        ]);
      const id = Number(r.lastInsertRowid);
      // "Not an identifier" decisions sent with the text, as for a case finding (checked against the saved text, audited).
      recordNotIdentifiers(db, wb.actor, { findingId: id }, { description: input.description }, notIdentifiers);
      return findingById(db, id);
    },
  );
}

type FindingPatch = Partial<Omit<FindingInput, 'incidentId' | 'meetingId'>>;

/** Null while the finding is edited freely; once its meeting has ended, why changes are amendments. */
export function findingLock(db: ReadableDB, f: Finding): string | null {
  if (f.meetingId === null) return null;
  const m = db.prepare('SELECT status, date FROM meetings WHERE id = ?').get([f.meetingId]) as { status: string; date: string } | undefined;
  return m?.status === 'ended'
    ? `The meeting of ${m.date} has ended, so this finding is part of its record: a change is a numbered amendment with a reason.`
    : null;
}

function applyPatch(db: WritableDB, f: Finding, patch: FindingPatch): void {
  if (f.source !== 'case' && patch.timelineEventId)
    throw new CasewalkError('invalid_input', 'A finding from a coverage gap has no incident, so it cannot link a timeline step.');
  if (patch.timelineEventId !== undefined) checkLinks(db, f.incidentId, patch.timelineEventId, null);
  const cols: Record<string, string> = {
    category: 'category',
    kind: 'kind',
    intercept: 'intercept',
    goals: 'goals',
    timelineEventId: 'timeline_event_id',
    description: 'description',
  };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    const value = k === 'goals' ? toMask(v as string[], CIT_GOAL.values) : (v as string | number | null);
    db.prepare(`UPDATE findings SET ${cols[k]} = ? WHERE id = ?`).run([value, f.id]);
  }
}

/** Free edits until the finding's meeting ends; the new text goes through the guard as on creation. */
export function updateFinding(wb: Workbench, id: number, patch: FindingPatch, notIdentifiers: readonly NotIdentifier[] = []): Finding {
  return wb.write({ event: 'update', entity: `finding:${id}`, detail: `fields: ${Object.keys(patch).join(', ')}` }, (db) => {
    const f = findingById(db, id);
    if (findingLock(db, f))
      throw new CasewalkError(
        'forbidden',
        'Its meeting has ended, so this finding is part of the record: record an amendment with a reason to change it.',
      );
    applyPatch(db, f, patch);
    const after = findingById(db, id);
    recordNotIdentifiers(db, wb.actor, { findingId: id }, { description: after.description }, notIdentifiers);
    return after;
  });
}

export function findingEditState(db: ReadableDB, id: number): FindingEditState {
  const finding = findingById(db, id);
  const ref = { findingId: id };
  return {
    finding,
    locked: findingLock(db, finding),
    amendments: amendmentsOf(db, ref),
    identifiers: identifiersIn(db, ref, 'description', finding.description),
    room: { description: roomText(db, ref, 'description', finding.description) },
  };
}

function changesOf(a: Finding, b: Finding): FieldChange[] {
  const intercept = (v: Finding['intercept']) => (v === null ? '—' : INTERCEPT.label(v));
  const goals = (g: readonly string[]) => (g.length ? g.map((x) => CIT_GOAL.label(x as (typeof CIT_GOAL.values)[number])).join('; ') : '—');
  return [
    { label: 'Description', before: a.description, after: b.description },
    { label: 'Category', before: FINDING_CATEGORY.label(a.category), after: FINDING_CATEGORY.label(b.category) },
    { label: 'Kind', before: FINDING_KIND.label(a.kind), after: FINDING_KIND.label(b.kind) },
    { label: 'Intercept', before: intercept(a.intercept), after: intercept(b.intercept) },
    { label: 'CIT goals', before: goals(a.goals), after: goals(b.goals) },
    { label: 'Timeline step', before: String(a.timelineEventId ?? '—'), after: String(b.timelineEventId ?? '—') },
  ];
}

/** A numbered amendment with a reason, for a finding whose meeting has ended. */
export function amendFinding(
  wb: Workbench,
  id: number,
  patch: FindingPatch,
  reason: string,
  notIdentifiers: readonly NotIdentifier[] = [],
): FindingEditState {
  let n = 0;
  let hash = '';
  return wb.write(
    () => ({ event: 'update', entity: `finding:${id}`, detail: `amendment ${n}; sha256:${hash}` }),
    (db) => {
      const before = findingById(db, id);
      if (!findingLock(db, before))
        throw new CasewalkError('invalid_input', 'This finding is edited directly until its meeting ends; amendments are for the record.');
      applyPatch(db, before, patch);
      const after = findingById(db, id);
      recordNotIdentifiers(db, wb.actor, { findingId: id }, { description: after.description }, notIdentifiers);
      ({ number: n, hash } = addAmendment(
        db,
        wb.actor,
        { findingId: id },
        {
          changes: changesOf(before, after),
          notes: notIdentifiers.map((x) => `${x.type} “${x.text}”: ${x.reason.trim()}`),
          reason,
          hash: recordHash([after.category, after.kind, after.intercept, after.goals, after.timelineEventId, after.description]),
        },
      ));
      return findingEditState(db, id);
    },
  );
}

export function removeFinding(wb: Workbench, id: number): void {
  wb.write({ event: 'delete', entity: `finding:${id}` }, (db) => {
    const f = findingById(db, id);
    if (findingLock(db, f))
      throw new CasewalkError('forbidden', 'Its meeting has ended, so this finding is part of the record and cannot be deleted.');
    if (f.recommendationIds.length)
      throw new CasewalkError('conflict', 'A recommendation is based on this finding; change the recommendation first.');
    db.prepare('DELETE FROM findings WHERE id = ?').run([id]);
  });
}
