/** Reading one incident: its fields, timeline, intervals and identifier-guard findings. */
import { createHash } from 'node:crypto';
import { CasewalkError } from '../../../shared/result';
import {
  GUARDED_FIELDS,
  type IdentifierFindingView,
  type IncidentDetail,
  type IncidentFields,
  type TimelineEvent,
} from '../../../shared/incidents/schemas';
import { computeIntervals, timelineSeconds } from '../../../shared/incidents/timeline';
import { scanAll } from '../deid/scanner';
import type { ReadableDB } from '../store/db';
import { incidentFieldsOf, toIncident, type IncidentDbRow } from './rows';

export function getRow(db: ReadableDB, id: number): IncidentDbRow {
  const r = db.prepare('SELECT * FROM incidents WHERE id = ?').get([id]) as unknown as IncidentDbRow | undefined;
  if (!r) throw new CasewalkError('not_found', 'That incident no longer exists.');
  return r;
}

export function tagsOf(db: ReadableDB, id: number): string[] {
  return (db.prepare('SELECT tag FROM incident_tags WHERE incident_id = ? ORDER BY tag').all([id]) as { tag: string }[]).map((r) => r.tag);
}

interface TimelineDbRow {
  id: number;
  position: number;
  time: string;
  actor: string;
  kind: string;
  description: string;
  decision_point: number;
}

function timelineOf(db: ReadableDB, incidentId: number): TimelineEvent[] {
  const rows = db
    .prepare(
      'SELECT id, position, time, actor, kind, description, decision_point FROM timeline_events WHERE incident_id = ? ORDER BY position, id',
    )
    .all([incidentId]) as unknown as TimelineDbRow[];
  const seconds = timelineSeconds(rows);
  return rows.map((r, i) => ({
    id: r.id,
    position: r.position,
    time: r.time,
    seconds: seconds[i] ?? null,
    actor: r.actor as TimelineEvent['actor'],
    kind: r.kind as TimelineEvent['kind'],
    description: r.description,
    decisionPoint: r.decision_point === 1,
  }));
}

/** Every guarded text of an incident, keyed by location ("narrative", "timeline:12"). */
function guardedTexts(fields: IncidentFields, timeline: readonly TimelineEvent[]): [string, string][] {
  const out: [string, string][] = [];
  for (const f of GUARDED_FIELDS) {
    const v = fields[f];
    if (v) out.push([f, v]);
  }
  for (const e of timeline) if (e.description) out.push([`timeline:${e.id}`, e.description]);
  return out;
}

export function valueHash(type: string, value: string): string {
  return createHash('sha256').update(`${type}\u0000${value.trim().toLowerCase()}`).digest('hex');
}

interface DismissalRow {
  field: string;
  type: string;
  value_hash: string;
  reason: string;
  member: string | null;
  at: string;
}

function findingsOf(
  db: ReadableDB,
  incidentId: number,
  fields: IncidentFields,
  timeline: readonly TimelineEvent[],
): IdentifierFindingView[] {
  const dismissals = db
    .prepare('SELECT field, type, value_hash, reason, member, at FROM identifier_dismissals WHERE incident_id = ?')
    .all([incidentId]) as unknown as DismissalRow[];
  const out: IdentifierFindingView[] = [];
  const texts = [...guardedTexts(fields, timeline)];
  const dismissed = (field: string, type: string, value: string) =>
    dismissals.find((x) => x.field === field && x.type === type && x.value_hash === valueHash(type, value));
  // A name found in one text of the incident is looked for in all of them, unless marked "not an identifier" there.
  const found = scanAll(
    texts.map(([, text]) => text),
    (name, i) => !dismissed(texts[i]![0], 'NAME', name),
  );
  texts.forEach(([field, text], i) => {
    for (const f of found[i]!) {
      const value = text.slice(f.start, f.end);
      const d = dismissed(field, f.type, value);
      out.push({ field, ...f, text: value, dismissed: d ? { reason: d.reason, by: d.member, at: d.at } : null });
    }
  });
  return out;
}

export function getDetail(db: ReadableDB, id: number): IncidentDetail {
  const incident = toIncident(getRow(db, id), tagsOf(db, id));
  const timeline = timelineOf(db, id);
  return {
    incident,
    timeline,
    intervals: computeIntervals(timeline),
    findings: findingsOf(db, id, incidentFieldsOf(incident), timeline),
  };
}
