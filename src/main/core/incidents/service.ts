/**
 * Incident services: every change runs in one Workbench.write() transaction together with its
 * audit row, the full-text index and the identifier-guard count. Audit rows carry the incident
 * code (committee-assigned, de-identified) and field names, never case text.
 */
import { createHash } from 'node:crypto';
import { CasewalkError } from '../../../shared/result';
import {
  DISPOSITION,
  INCIDENT_STATUS,
  INTERCEPT,
  RESPONDER,
  STATUS_MOVES,
  toMask,
  type IncidentStatus,
} from '../../../shared/incidents/values';
import {
  GUARDED_FIELDS,
  INCIDENT_DEFAULTS,
  incidentFields,
  incidentQuery,
  type IdentifierFindingView,
  type IncidentDetail,
  type IncidentFields,
  type IncidentQuery,
  type IncidentRow,
  type TimelineEvent,
  type TimelineEventInput,
} from '../../../shared/incidents/schemas';
import { computeIntervals, timelineSeconds } from '../../../shared/incidents/timeline';
import { type IdentifierKind } from '../../../shared/deid/kinds';
import { applyRedactions } from '../../../shared/deid/redact';
import { describeZodError } from '../../../shared/zod-helpers';
import { scan } from '../deid/scanner';
import { ATTRIBUTIONS } from '../import/presets';
import { onlyWeakerActions } from '../meetings/recommendations';
import type { ReadableDB, WritableDB } from '../store/db';
import type { Workbench } from '../store/workbench';
import { FIELD_COLUMNS, fieldValues, incidentFieldsOf, toIncident, toRow, type IncidentDbRow } from './rows';

const now = () => new Date().toISOString();

// ---------------------------------------------------------------- reading

function getRow(db: ReadableDB, id: number): IncidentDbRow {
  const r = db.prepare('SELECT * FROM incidents WHERE id = ?').get([id]) as unknown as IncidentDbRow | undefined;
  if (!r) throw new CasewalkError('not_found', 'That incident no longer exists.');
  return r;
}

function tagsOf(db: ReadableDB, id: number): string[] {
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
    .prepare('SELECT id, position, time, actor, kind, description, decision_point FROM timeline_events WHERE incident_id = ? ORDER BY position, id')
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

function findingsOf(db: ReadableDB, incidentId: number, fields: IncidentFields, timeline: readonly TimelineEvent[]): IdentifierFindingView[] {
  const dismissals = db
    .prepare('SELECT field, type, value_hash, reason, member, at FROM identifier_dismissals WHERE incident_id = ?')
    .all([incidentId]) as unknown as DismissalRow[];
  const out: IdentifierFindingView[] = [];
  const texts = [...guardedTexts(fields, timeline)];
  // A name found in one text of the incident is looked for in all of them ("Rosa" in a timeline step
  // after "Rosa Villanueva" in the narrative), unless a person marked it "not an identifier".
  const names = texts.flatMap(([field, text]) =>
    scan(text)
      .filter((f) => f.type === 'NAME')
      .map((f) => text.slice(f.start, f.end))
      .filter((v) => !dismissals.some((x) => x.field === field && x.type === 'NAME' && x.value_hash === valueHash('NAME', v))),
  );
  for (const [field, text] of texts) {
    for (const f of scan(text, { knownNames: names })) {
      const value = text.slice(f.start, f.end);
      const h = valueHash(f.type, value);
      const d = dismissals.find((x) => x.field === field && x.type === f.type && x.value_hash === h);
      out.push({ field, ...f, text: value, dismissed: d ? { reason: d.reason, by: d.member, at: d.at } : null });
    }
  }
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

// ---------------------------------------------------------------- list and search

/** User words → an FTS5 query of quoted prefixes (no FTS syntax reaches the engine). */
export function ftsQuery(search: string): string | null {
  const words = search
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 12);
  return words.length ? words.map((w) => `"${w}"*`).join(' ') : null;
}

const SORT_SQL: Record<string, string> = {
  code: 'code',
  occurred: 'occurred',
  status: "CASE status WHEN 'draft' THEN 0 WHEN 'ready_for_review' THEN 1 WHEN 'reviewed' THEN 2 ELSE 3 END",
  updated: 'updated_at',
  callSource: 'call_source',
  area: 'area',
};

export function listIncidents(db: ReadableDB, raw: IncidentQuery): { rows: IncidentRow[]; total: number } {
  const q = incidentQuery.parse(raw);
  const where: string[] = [];
  const args: (string | number)[] = [];
  const inList = (col: string, values: readonly string[]) => {
    where.push(`${col} IN (${values.map(() => '?').join(', ')})`);
    args.push(...values);
  };
  if (q.status?.length) inList('status', q.status);
  if (q.callSource?.length) inList('call_source', q.callSource);
  // The period twice: `occurred` for the page (it walks incidents_occurred in order), and a
  // row value over (year, month) for the count, which the covering index incidents_facets
  // answers alone (no index is covering for a query on the generated column; migration 0009).
  const period: { page: string; count: string; args: number[] }[] = [];
  if (q.from) {
    const [y, m] = q.from.split('-').map(Number) as [number, number];
    period.push({ page: 'occurred >= ?', count: '(occurred_year, occurred_month) >= (?, ?)', args: [y * 100 + m, y, m] });
  }
  if (q.to) {
    const [y, m] = q.to.split('-').map(Number) as [number, number];
    period.push({ page: 'occurred <= ?', count: '(occurred_year, occurred_month) <= (?, ?)', args: [y * 100 + m, y, m] });
  }
  const anyOf = (col: string, values: readonly string[] | undefined, all: readonly string[]) => {
    if (!values?.length) return;
    where.push(`(${col} & ?) != 0`);
    args.push(toMask(values, all));
  };
  anyOf('dispositions', q.disposition, DISPOSITION.values);
  anyOf('intercepts', q.intercept, INTERCEPT.values);
  anyOf('responders', q.responder, RESPONDER.values);
  if (q.tag) {
    where.push('id IN (SELECT incident_id FROM incident_tags WHERE tag = ?)');
    args.push(q.tag);
  }
  if (q.unresolvedIdentifiers) where.push('open_identifiers > 0');
  const fts = q.search ? ftsQuery(q.search) : null;
  if (q.search && !fts) return { rows: [], total: 0 };
  const filterCount = where.length;
  if (fts) {
    // "+id" keeps the planner from looking up every match by rowid and sorting them all:
    // it walks an index in order and tests membership, so a page of a common word is quick.
    where.push('+id IN (SELECT rowid FROM incidents_fts WHERE incidents_fts MATCH ?)');
    args.push(fts);
  }
  const clause = (parts: string[]) => (parts.length ? `WHERE ${parts.join(' AND ')}` : '');
  const whereSql = clause([...period.map((p) => p.page), ...where]);
  const pageArgs = [...period.map((p) => p.args[0]!), ...args];
  const dir = q.dir === 'asc' ? 'ASC' : 'DESC';
  const order = `${SORT_SQL[q.sort]} ${dir}${q.sort === 'code' ? '' : `, code ${dir}`}`;
  const indexed = fts && q.sort === 'occurred' ? 'INDEXED BY incidents_occurred' : '';
  const rows = db
    .prepare(
      `SELECT id, code, occurred_year, occurred_month, status, call_source, final_call_type, area, dispositions, responders,
              open_identifiers, substr(narrative, 1, 200) AS narrative, updated_at
       FROM incidents ${indexed} ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
    .all([...pageArgs, q.limit, q.offset]) as unknown as IncidentDbRow[];
  const total =
    fts && filterCount + period.length === 0
      ? (db.prepare('SELECT count(*) AS n FROM incidents_fts WHERE incidents_fts MATCH ?').get([fts]) as { n: number }).n
      : (db.prepare(`SELECT count(*) AS n FROM incidents ${clause([...period.map((p) => p.count), ...where])}`).get([...period.flatMap((p) => p.args.slice(1)), ...args]) as { n: number }).n;
  return { rows: rows.map(toRow), total };
}

export function facets(db: ReadableDB) {
  const col = (sql: string) => (db.prepare(sql).all() as { v: string | number }[]).map((r) => r.v);
  return {
    callTypes: col(
      'SELECT v FROM (SELECT initial_call_type AS v FROM incidents WHERE v IS NOT NULL UNION SELECT final_call_type FROM incidents WHERE final_call_type IS NOT NULL) ORDER BY v LIMIT 500',
    ) as string[],
    areas: col('SELECT DISTINCT area AS v FROM incidents WHERE area IS NOT NULL ORDER BY v LIMIT 500') as string[],
    tags: col('SELECT DISTINCT tag AS v FROM incident_tags ORDER BY v LIMIT 500') as string[],
    years: col('SELECT DISTINCT occurred_year AS v FROM incidents ORDER BY v DESC') as number[],
    total: (db.prepare('SELECT count(*) AS n FROM incidents').get() as { n: number }).n,
    attributions: (col("SELECT DISTINCT source AS v FROM incidents WHERE source LIKE 'import:%'") as string[])
      .map((s) => ATTRIBUTIONS[s.slice('import:'.length)])
      .filter((a): a is string => Boolean(a)),
  };
}

// ---------------------------------------------------------------- writing

export function nextCode(db: ReadableDB, year: number): string {
  const r = db
    .prepare("SELECT max(CAST(substr(code, 6) AS INTEGER)) AS n FROM incidents WHERE code LIKE ? || '-%'")
    .get([String(year)]) as { n: number | null };
  return `${year}-${String((r.n ?? 0) + 1).padStart(3, '0')}`;
}

/** Re-indexes one incident for search and recounts its unresolved identifiers. */
export function refreshDerived(db: WritableDB, id: number): number {
  const detail = getDetail(db, id);
  const i = detail.incident;
  const open = detail.findings.filter((f) => !f.dismissed).length;
  db.prepare('UPDATE incidents SET open_identifiers = ? WHERE id = ?').run([open, id]);
  db.prepare('DELETE FROM incidents_fts WHERE rowid = ?').run([id]);
  db.prepare('INSERT INTO incidents_fts (rowid, code, call_types, area, narrative, timeline, tags) VALUES (?, ?, ?, ?, ?, ?, ?)').run([
    id,
    i.code,
    [i.initialCallType, i.finalCallType].filter(Boolean).join(' '),
    i.area ?? '',
    i.narrative,
    detail.timeline.map((e) => e.description).join('\n'),
    i.tags.join(' '),
  ]);
  return open;
}

function validFields(f: unknown): IncidentFields {
  const r = incidentFields.safeParse(f);
  if (!r.success) throw new CasewalkError('invalid_input', describeZodError(r.error));
  return r.data;
}

function writeTags(db: WritableDB, id: number, tags: readonly string[]) {
  db.prepare('DELETE FROM incident_tags WHERE incident_id = ?').run([id]);
  const ins = db.prepare('INSERT OR IGNORE INTO incident_tags (incident_id, tag) VALUES (?, ?)');
  for (const t of tags) ins.run([id, t.trim().toLowerCase()]);
}

function assertCodeFree(db: ReadableDB, code: string, exceptId?: number) {
  const r = db.prepare('SELECT id FROM incidents WHERE code = ?').get([code]) as { id: number } | undefined;
  if (r && r.id !== exceptId) throw new CasewalkError('conflict', `Incident code ${code} is already used; choose another.`);
}

const INSERT_SQL = `INSERT INTO incidents (${FIELD_COLUMNS.join(', ')}, status, source, created_at, updated_at)
  VALUES (${FIELD_COLUMNS.map(() => '?').join(', ')}, ?, ?, ?, ?)`;

export function insertIncident(db: WritableDB, fields: IncidentFields, source: string, at = now()): number {
  const r = db.prepare(INSERT_SQL).run(fieldValues(fields, fields.code, 'draft', source, at, at));
  return Number(r.lastInsertRowid);
}

export function createIncident(wb: Workbench, input: Partial<IncidentFields> & { occurredYear: number; occurredMonth: number }): IncidentDetail {
  return wb.write(
    (d: IncidentDetail) => ({ event: 'create', entity: `incident:${d.incident.code}` }),
    (db) => {
      const code = input.code ?? nextCode(db, input.occurredYear);
      const fields = validFields({ ...INCIDENT_DEFAULTS, ...input, code });
      assertCodeFree(db, fields.code);
      const id = insertIncident(db, fields, 'manual');
      writeTags(db, id, fields.tags);
      refreshDerived(db, id);
      return getDetail(db, id);
    },
  );
}

export function updateIncident(wb: Workbench, input: { id: number; version: number; patch: Partial<IncidentFields> }): IncidentDetail {
  const changed = Object.keys(input.patch);
  let demoted = false;
  return wb.write(
    (d: IncidentDetail) => ({
      event: 'update',
      entity: `incident:${d.incident.code}`,
      detail: `fields: ${changed.join(', ') || 'none'}${demoted ? '; back to draft (unresolved identifiers)' : ''}`,
    }),
    (db) => {
      const row = getRow(db, input.id);
      if (row.version !== input.version) {
        throw new CasewalkError('conflict', 'This incident was changed since you opened it. Reload it to see the latest version; your edit was not saved.');
      }
      if (row.status === 'closed') throw new CasewalkError('forbidden', 'A closed incident is read-only. Reopen it (set it back to reviewed) to edit.');
      const current = toIncident(row, tagsOf(db, input.id));
      const fields = validFields({ ...incidentFieldsOf(current), ...input.patch });
      assertCodeFree(db, fields.code, input.id);
      db.prepare(`UPDATE incidents SET ${FIELD_COLUMNS.map((c) => `${c} = ?`).join(', ')}, version = version + 1, updated_at = ? WHERE id = ?`).run(fieldValues(fields, fields.code, now(), input.id));
      if (input.patch.tags) writeTags(db, input.id, fields.tags);
      demoted = demoteIfGuarded(db, input.id);
      return getDetail(db, input.id);
    },
  );
}

/** An incident waiting for review that gains an unresolved identifier goes back to draft. */
function demoteIfGuarded(db: WritableDB, id: number): boolean {
  const open = refreshDerived(db, id);
  const status = (db.prepare('SELECT status FROM incidents WHERE id = ?').get([id]) as { status: string }).status;
  if (open > 0 && status === 'ready_for_review') {
    db.prepare("UPDATE incidents SET status = 'draft' WHERE id = ?").run([id]);
    return true;
  }
  return false;
}

export function setStatus(wb: Workbench, id: number, status: IncidentStatus, opts: { confirmWeakOnly?: boolean; today?: string } = {}): IncidentDetail {
  let from = '';
  return wb.write(
    (d: IncidentDetail) => ({ event: 'update', entity: `incident:${d.incident.code}`, detail: `status: ${from} → ${status}` }),
    (db) => {
      const row = getRow(db, id);
      from = row.status;
      if (row.status === status) return getDetail(db, id);
      if (!STATUS_MOVES[row.status as IncidentStatus].includes(status)) {
        throw new CasewalkError(
          'forbidden',
          `An incident cannot go from "${INCIDENT_STATUS.label(row.status)}" to "${INCIDENT_STATUS.label(status)}".`,
        );
      }
      if (status === 'ready_for_review') {
        const open = refreshDerived(db, id);
        if (open > 0) {
          throw new CasewalkError(
            'guard_blocked',
            `${open} possible identifier${open === 1 ? ' is' : 's are'} unresolved. Redact ${open === 1 ? 'it' : 'them'} or mark ${open === 1 ? 'it' : 'them'} "not an identifier" before review.`,
            { open },
          );
        }
      }
      if (status === 'closed' && !opts.confirmWeakOnly && onlyWeakerActions(db, id, opts.today ?? now().slice(0, 10))) {
        throw new CasewalkError(
          'conflict',
          `Every recommendation for ${row.code} is a weaker action (training, a new policy or memo, a warning, more study). Stronger actions change the system itself. Close it anyway?`,
          { confirm: 'weak_actions' },
        );
      }
      db.prepare('UPDATE incidents SET status = ?, version = version + 1, updated_at = ? WHERE id = ?').run([status, now(), id]);
      return getDetail(db, id);
    },
  );
}

export function deleteIncident(wb: Workbench, id: number): void {
  wb.write(
    (code: string) => ({ event: 'delete', entity: `incident:${code}` }),
    (db) => {
      const row = getRow(db, id);
      if (row.status === 'reviewed' || row.status === 'closed') {
        throw new CasewalkError('forbidden', 'A reviewed or closed incident is part of the committee record and cannot be deleted.');
      }
      db.prepare('DELETE FROM incidents_fts WHERE rowid = ?').run([id]);
      db.prepare('DELETE FROM incidents WHERE id = ?').run([id]);
      return row.code;
    },
  );
}

// ---------------------------------------------------------------- timeline

function touch(db: WritableDB, id: number) {
  const row = getRow(db, id);
  if (row.status === 'closed') throw new CasewalkError('forbidden', 'A closed incident is read-only. Reopen it (set it back to reviewed) to edit.');
  db.prepare('UPDATE incidents SET version = version + 1, updated_at = ? WHERE id = ?').run([now(), id]);
}

function renumber(db: WritableDB, incidentId: number, order: number[]) {
  const up = db.prepare('UPDATE timeline_events SET position = ? WHERE id = ?');
  order.forEach((eventId, i) => up.run([i, eventId]));
}

function eventIds(db: ReadableDB, incidentId: number): number[] {
  return (db.prepare('SELECT id FROM timeline_events WHERE incident_id = ? ORDER BY position, id').all([incidentId]) as { id: number }[]).map((r) => r.id);
}

function eventIncident(db: ReadableDB, eventId: number): number {
  const r = db.prepare('SELECT incident_id FROM timeline_events WHERE id = ?').get([eventId]) as { incident_id: number } | undefined;
  if (!r) throw new CasewalkError('not_found', 'That timeline step no longer exists.');
  return r.incident_id;
}

function timelineWrite(wb: Workbench, what: string, incidentOf: (db: ReadableDB) => number, fn: (db: WritableDB, incidentId: number) => void): IncidentDetail {
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
  return timelineWrite(wb, 'step added', () => incidentId, (db) => {
    const ids = eventIds(db, incidentId);
    if (ids.length >= 500) throw new CasewalkError('invalid_input', 'A timeline has at most 500 steps.');
    const r = db
      .prepare('INSERT INTO timeline_events (incident_id, position, time, actor, kind, description, decision_point) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run([incidentId, ids.length, e.time, e.actor, e.kind, e.description, e.decisionPoint ? 1 : 0]);
    const at = Math.min(position ?? ids.length, ids.length);
    ids.splice(at, 0, Number(r.lastInsertRowid));
    renumber(db, incidentId, ids);
  });
}

export function updateTimelineEvent(wb: Workbench, eventId: number, patch: Partial<TimelineEventInput>): IncidentDetail {
  return timelineWrite(wb, `step changed (${Object.keys(patch).join(', ')})`, (db) => eventIncident(db, eventId), (db) => {
    const map: Record<string, string> = { time: 'time', actor: 'actor', kind: 'kind', description: 'description', decisionPoint: 'decision_point' };
    for (const [k, v] of Object.entries(patch)) {
      db.prepare(`UPDATE timeline_events SET ${map[k]} = ? WHERE id = ?`).run([typeof v === 'boolean' ? (v ? 1 : 0) : (v as string), eventId]);
    }
    // A changed description invalidates any "not an identifier" decision made for the old text.
  });
}

export function moveTimelineEvent(wb: Workbench, eventId: number, position: number): IncidentDetail {
  return timelineWrite(wb, 'step moved', (db) => eventIncident(db, eventId), (db, incidentId) => {
    const ids = eventIds(db, incidentId).filter((x) => x !== eventId);
    ids.splice(Math.min(position, ids.length), 0, eventId);
    renumber(db, incidentId, ids);
  });
}

export function removeTimelineEvent(wb: Workbench, eventId: number): IncidentDetail {
  return timelineWrite(wb, 'step removed', (db) => eventIncident(db, eventId), (db, incidentId) => {
    db.prepare('DELETE FROM timeline_events WHERE id = ?').run([eventId]);
    db.prepare('DELETE FROM identifier_dismissals WHERE incident_id = ? AND field = ?').run([incidentId, `timeline:${eventId}`]);
    renumber(db, incidentId, eventIds(db, incidentId));
  });
}

// ---------------------------------------------------------------- identifier guard

function locate(detail: IncidentDetail, field: string, start: number, end: number, type: IdentifierKind): IdentifierFindingView {
  const f = detail.findings.find((x) => x.field === field && x.start === start && x.end === end && x.type === type);
  if (!f) throw new CasewalkError('conflict', 'That finding is no longer in the text (it was edited). Look at the highlighted findings again.');
  return f;
}

export function redactFinding(wb: Workbench, input: { incidentId: number; field: string; start: number; end: number; type: IdentifierKind }): IncidentDetail {
  return wb.write(
    (d: IncidentDetail) => ({ event: 'update', entity: `incident:${d.incident.code}`, detail: `redacted ${input.type} in ${input.field}` }),
    (db) => {
      const before = getDetail(db, input.incidentId);
      if (before.incident.status === 'closed') throw new CasewalkError('forbidden', 'A closed incident is read-only.');
      const found = locate(before, input.field, input.start, input.end, input.type);
      // Replaced only if the text at the offsets is still the flagged text (the shared redaction checks it).
      const replace = (text: string) => {
        const r = applyRedactions(text, [{ start: input.start, end: input.end, type: input.type, text: found.text }]);
        if (r.skipped.length) throw new CasewalkError('conflict', 'That finding is no longer in the text (it was edited). Look at the highlighted findings again.');
        return r.text;
      };
      if (input.field.startsWith('timeline:')) {
        const eventId = Number(input.field.slice('timeline:'.length));
        const ev = before.timeline.find((e) => e.id === eventId)!;
        db.prepare('UPDATE timeline_events SET description = ? WHERE id = ?').run([replace(ev.description), eventId]);
      } else {
        const field = input.field as (typeof GUARDED_FIELDS)[number];
        const column = { narrative: 'narrative', referrals: 'referrals', initialCallType: 'initial_call_type', finalCallType: 'final_call_type', area: 'area' }[field];
        db.prepare(`UPDATE incidents SET ${column} = ? WHERE id = ?`).run([replace(before.incident[field] ?? ''), input.incidentId]);
      }
      db.prepare('UPDATE incidents SET version = version + 1, updated_at = ? WHERE id = ?').run([now(), input.incidentId]);
      refreshDerived(db, input.incidentId);
      return getDetail(db, input.incidentId);
    },
  );
}

export function dismissFinding(
  wb: Workbench,
  input: { incidentId: number; field: string; start: number; end: number; type: IdentifierKind; reason: string },
): IncidentDetail {
  return wb.write(
    // The reason stays in the (encrypted) dismissals table: it may quote the text it is about.
    (d: IncidentDetail) => ({ event: 'identifier_dismissed', entity: `incident:${d.incident.code}`, detail: `${input.type} in ${input.field}` }),
    (db) => {
      const before = getDetail(db, input.incidentId);
      const f = locate(before, input.field, input.start, input.end, input.type);
      db.prepare(
        'INSERT OR REPLACE INTO identifier_dismissals (incident_id, field, type, value_hash, reason, member, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run([input.incidentId, input.field, input.type, valueHash(f.type, f.text), input.reason.trim(), wb.actor, now()]);
      refreshDerived(db, input.incidentId);
      return getDetail(db, input.incidentId);
    },
  );
}

