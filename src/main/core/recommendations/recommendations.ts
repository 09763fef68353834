import { CasewalkError } from '../../../shared/result';
import type { NotIdentifier } from '../../../shared/meetings/schemas';
import type { Recommendation, RecommendationEditState } from '../../../shared/recommendations/schemas';
import { ACTION_STRENGTH, ACTION_TYPE, STRENGTH, type ActionType } from '../../../shared/meetings/values';
import { isClosed, OPEN_REC_STATUSES, REC_STATUS, type RecStatus } from '../../../shared/recommendations/values';
import type { ReadableDB, WritableDB } from '../store/db';
import { list, raw, sql, where, type Sql } from '../store/sql';
import type { Workbench } from '../store/workbench';
import { addAmendment, amendmentsOf, recordHash } from '../meetings/amendments';
import { identifiersIn, recordNotIdentifiers, roomText } from '../meetings/record-text';
import { AWAITING_RESPONSE } from '../../../shared/recommendations/values';
import { FOLLOW_COLUMNS, followThroughOf, type FollowRow } from './follow';

interface RecRow extends FollowRow {
  id: number;
  code: string;
  action: string;
  owner_member_id: number | null;
  owner_organisation_id: number | null;
  owner_name: string;
  owner_sector: string;
  due_date: string;
  status: string;
  status_at: string;
  measure: string;
  action_type: string;
  strength: string;
  meeting_id: number | null;
  finding_ids: string | null;
  codes: string | null;
  incident_refs: string | null;
  meeting_date: string | null;
  systemic: number;
}

const SELECT = `SELECT r.*, coalesce(m.name, o.name) AS owner_name, coalesce(m.sector, o.sector) AS owner_sector,
    (SELECT group_concat(finding_id) FROM recommendation_findings rf WHERE rf.recommendation_id = r.id) AS finding_ids,
    (SELECT group_concat(DISTINCT i.code) FROM recommendation_findings rf JOIN findings f ON f.id = rf.finding_id JOIN incidents i ON i.id = f.incident_id WHERE rf.recommendation_id = r.id) AS codes,
    (SELECT group_concat(DISTINCT i.id || ':' || i.code) FROM recommendation_findings rf JOIN findings f ON f.id = rf.finding_id JOIN incidents i ON i.id = f.incident_id WHERE rf.recommendation_id = r.id) AS incident_refs,
    (SELECT md.date FROM meetings md WHERE md.id = r.meeting_id) AS meeting_date,
    EXISTS (SELECT 1 FROM recommendation_findings rf JOIN findings f ON f.id = rf.finding_id WHERE rf.recommendation_id = r.id AND f.source != 'case') AS systemic,
    ${FOLLOW_COLUMNS}
  FROM recommendations r LEFT JOIN members m ON m.id = r.owner_member_id LEFT JOIN organisations o ON o.id = r.owner_organisation_id`;

function toRec(db: ReadableDB, r: RecRow, today: string, withHistory: boolean): Recommendation {
  return {
    id: r.id,
    code: r.code,
    action: r.action,
    owner: {
      kind: r.owner_member_id !== null ? 'member' : 'organisation',
      id: (r.owner_member_id ?? r.owner_organisation_id)!,
      name: r.owner_name,
      sector: r.owner_sector as Recommendation['owner']['sector'],
    },
    dueDate: r.due_date,
    status: r.status as RecStatus,
    statusAt: r.status_at,
    measure: r.measure,
    actionType: r.action_type as ActionType,
    strength: r.strength as Recommendation['strength'],
    overdue: OPEN_REC_STATUSES.includes(r.status as RecStatus) && r.due_date < today,
    findingIds: r.finding_ids
      ? r.finding_ids
          .split(',')
          .map(Number)
          .sort((a, b) => a - b)
      : [],
    incidentCodes: r.codes ? r.codes.split(',').sort() : [],
    fromCoverageGap: r.systemic === 1,
    meetingId: r.meeting_id,
    meetingDate: r.meeting_date,
    incidents: r.incident_refs
      ? r.incident_refs
          .split(',')
          .map((x) => ({ id: Number(x.slice(0, x.indexOf(':'))), code: x.slice(x.indexOf(':') + 1) }))
          .sort((a, b) => a.code.localeCompare(b.code))
      : [],
    history: withHistory
      ? (db
          .prepare('SELECT status, note, at, member AS by, was FROM recommendation_history WHERE recommendation_id = ? ORDER BY id')
          .all([r.id]) as unknown as Recommendation['history'])
      : [],
    ...followThroughOf(db, r, today),
  };
}

export interface RecQuery {
  status?: RecStatus[] | undefined;
  ownerMemberId?: number | undefined;
  ownerOrganisationId?: number | undefined;
  overdue?: boolean | undefined;
  strength?: string | undefined;
  incidentId?: number | undefined;
  meetingId?: number | undefined;
  search?: string | undefined;
  responseOverdue?: boolean | undefined;
  effectCheckDue?: boolean | undefined;
}

/** Words in the code, action, measure of success, owner or an incident code; each word must match (LIKE, escaped). */
function searchCondition(search: string): Sql[] {
  return search
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8)
    .map((w) => {
      const like = `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return sql`(r.code LIKE ${like} ESCAPE '\\' OR r.action LIKE ${like} ESCAPE '\\' OR coalesce(r.measure, '') LIKE ${like} ESCAPE '\\' OR coalesce(m.name, o.name) LIKE ${like} ESCAPE '\\'
        OR r.id IN (SELECT rf.recommendation_id FROM recommendation_findings rf JOIN findings f ON f.id = rf.finding_id JOIN incidents i ON i.id = f.incident_id WHERE i.code LIKE ${like} ESCAPE '\\'))`;
    });
}

export function listRecommendations(db: ReadableDB, q: RecQuery, today: string): Recommendation[] {
  const conditions: Sql[] = [];
  if (q.status?.length) conditions.push(sql`r.status IN ${list(q.status)}`);
  if (q.ownerMemberId) conditions.push(sql`r.owner_member_id = ${q.ownerMemberId}`);
  if (q.ownerOrganisationId) conditions.push(sql`r.owner_organisation_id = ${q.ownerOrganisationId}`);
  if (q.strength) conditions.push(sql`r.strength = ${q.strength}`);
  if (q.overdue) conditions.push(sql`r.status IN ${list([...OPEN_REC_STATUSES])} AND r.due_date < ${today}`);
  if (q.responseOverdue) conditions.push(sql`r.status IN ${list([...AWAITING_RESPONSE])} AND r.response_due < ${today}`);
  if (q.effectCheckDue)
    conditions.push(
      sql`r.id IN (SELECT c.recommendation_id FROM recommendation_effect_checks c WHERE c.result IS NULL AND c.due_date <= ${today})`,
    );
  if (q.search) conditions.push(...searchCondition(q.search));
  if (q.incidentId) {
    conditions.push(
      sql`r.id IN (SELECT rf.recommendation_id FROM recommendation_findings rf JOIN findings f ON f.id = rf.finding_id WHERE f.incident_id = ${q.incidentId})`,
    );
  }
  if (q.meetingId) conditions.push(sql`r.meeting_id = ${q.meetingId}`);
  const query = sql`${raw(SELECT)} ${where(conditions)} ORDER BY r.due_date, r.id`;
  const rows = db.prepare(query.text).all(query.params) as unknown as RecRow[];
  return rows.map((r) => toRec(db, r, today, false));
}

export function recommendationById(db: ReadableDB, id: number, today: string): Recommendation {
  const r = db.prepare(`${SELECT} WHERE r.id = ?`).get([id]) as unknown as RecRow | undefined;
  if (!r) throw new CasewalkError('not_found', 'That recommendation does not exist.');
  return toRec(db, r, today, true);
}

type Owner = { memberId: number } | { organisationId: number };

function ownerColumns(db: ReadableDB, owner: Owner): [number | null, number | null] {
  if ('memberId' in owner) {
    if (!db.prepare('SELECT 1 FROM members WHERE id = ?').get([owner.memberId]))
      throw new CasewalkError('not_found', 'The owner is not on the roster.');
    return [owner.memberId, null];
  }
  if (!db.prepare('SELECT 1 FROM organisations WHERE id = ?').get([owner.organisationId]))
    throw new CasewalkError('not_found', 'That partner organisation does not exist.');
  return [null, owner.organisationId];
}

export function createRecommendation(
  wb: Workbench,
  input: {
    findingIds: number[];
    meetingId: number | null;
    action: string;
    owner: Owner;
    dueDate: string;
    measure: string;
    actionType: ActionType;
  },
  today: string,
  notIdentifiers: readonly NotIdentifier[] = [],
): Recommendation {
  return wb.write(
    (r: Recommendation) => ({
      event: 'create',
      entity: `recommendation:${r.code}`,
      detail: `from finding${r.findingIds.length === 1 ? '' : 's'} ${r.findingIds.join(', ')}; ${STRENGTH.label(r.strength).toLowerCase()} action (${ACTION_TYPE.label(r.actionType)})`,
    }),
    (db) => {
      for (const f of input.findingIds)
        if (!db.prepare('SELECT 1 FROM findings WHERE id = ?').get([f]))
          throw new CasewalkError('not_found', `Finding ${f} does not exist.`);
      const [memberId, orgId] = ownerColumns(db, input.owner);
      const n = (db.prepare('SELECT count(*) AS n FROM recommendations').get() as { n: number }).n + 1;
      const code = `R-${String(n).padStart(3, '0')}`;
      const at = new Date().toISOString();
      const id = Number(
        db
          .prepare(
            'INSERT INTO recommendations (code, action, owner_member_id, owner_organisation_id, due_date, status, status_at, measure, action_type, strength, meeting_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          )
          .run([
            code,
            input.action,
            memberId,
            orgId,
            input.dueDate,
            'proposed',
            at,
            input.measure,
            input.actionType,
            ACTION_STRENGTH[input.actionType],
            input.meetingId,
            at,
          ]).lastInsertRowid,
      );
      const link = db.prepare('INSERT OR IGNORE INTO recommendation_findings (recommendation_id, finding_id) VALUES (?, ?)');
      for (const f of input.findingIds) link.run([id, f]);
      db.prepare('INSERT INTO recommendation_history (recommendation_id, status, note, at, member) VALUES (?, ?, ?, ?, ?)').run([
        id,
        'proposed',
        '',
        at,
        wb.actor,
      ]);
      recordNotIdentifiers(db, wb.actor, { recommendationId: id }, { action: input.action, measure: input.measure }, notIdentifiers);
      return recommendationById(db, id, today);
    },
  );
}

type RecPatch = Partial<{ action: string; owner: Owner; dueDate: string; measure: string; actionType: ActionType }>;

/**
 * Null while the recommendation is edited freely. Completed and declined recommendations are
 * part of the record; so are the action and measure once the meeting that made it has ended.
 */
/** Closed, or reported implemented: the follow-through is part of the record. */
export const isSettled = (s: RecStatus): boolean => isClosed(s) || s === 'reported_implemented';

export function recommendationLock(db: ReadableDB, r: Recommendation): string | null {
  if (isSettled(r.status))
    return `${r.code} is ${REC_STATUS.label(r.status).toLowerCase()}, so it is part of the record: a change is a numbered amendment with a reason.`;
  if (r.meetingId === null) return null;
  const m = db.prepare('SELECT status, date FROM meetings WHERE id = ?').get([r.meetingId]) as { status: string; date: string } | undefined;
  return m?.status === 'ended'
    ? `The meeting of ${m.date} has ended, so ${r.code} is part of its record: a change is a numbered amendment with a reason.`
    : null;
}

function applyPatch(db: WritableDB, id: number, patch: RecPatch): void {
  if (patch.action !== undefined) db.prepare('UPDATE recommendations SET action = ? WHERE id = ?').run([patch.action, id]);
  if (patch.dueDate !== undefined) db.prepare('UPDATE recommendations SET due_date = ? WHERE id = ?').run([patch.dueDate, id]);
  if (patch.measure !== undefined) db.prepare('UPDATE recommendations SET measure = ? WHERE id = ?').run([patch.measure, id]);
  if (patch.actionType !== undefined)
    db.prepare('UPDATE recommendations SET action_type = ?, strength = ? WHERE id = ?').run([
      patch.actionType,
      ACTION_STRENGTH[patch.actionType],
      id,
    ]);
  if (patch.owner) {
    const [m, o] = ownerColumns(db, patch.owner);
    db.prepare('UPDATE recommendations SET owner_member_id = ?, owner_organisation_id = ? WHERE id = ?').run([m, o, id]);
  }
}

/**
 * Free edits while the recommendation is open; its action and measure only until its meeting
 * ends. The new text goes through the guard as on creation.
 */
export function updateRecommendation(
  wb: Workbench,
  id: number,
  patch: RecPatch,
  today: string,
  notIdentifiers: readonly NotIdentifier[] = [],
): Recommendation {
  return wb.write(
    (r: Recommendation) => ({ event: 'update', entity: `recommendation:${r.code}`, detail: `fields: ${Object.keys(patch).join(', ')}` }),
    (db) => {
      const cur = recommendationById(db, id, today);
      if (isSettled(cur.status))
        throw new CasewalkError(
          'forbidden',
          `${cur.code} is ${REC_STATUS.label(cur.status).toLowerCase()}; it is part of the record. Record an amendment with a reason to change it.`,
        );
      const textChange =
        (patch.action !== undefined && patch.action !== cur.action) ||
        (patch.measure !== undefined && patch.measure !== cur.measure) ||
        notIdentifiers.length > 0;
      if (textChange && recommendationLock(db, cur))
        throw new CasewalkError(
          'forbidden',
          `The meeting that made ${cur.code} has ended; record an amendment with a reason to change its action or measure.`,
        );
      applyPatch(db, id, patch);
      const after = recommendationById(db, id, today);
      recordNotIdentifiers(db, wb.actor, { recommendationId: id }, { action: after.action, measure: after.measure }, notIdentifiers);
      return after;
    },
  );
}

export function recommendationEditState(db: ReadableDB, id: number, today: string): RecommendationEditState {
  const recommendation = recommendationById(db, id, today);
  const ref = { recommendationId: id };
  return {
    recommendation,
    locked: recommendationLock(db, recommendation),
    amendments: amendmentsOf(db, ref),
    identifiers: [...identifiersIn(db, ref, 'action', recommendation.action), ...identifiersIn(db, ref, 'measure', recommendation.measure)],
    room: { action: roomText(db, ref, 'action', recommendation.action), measure: roomText(db, ref, 'measure', recommendation.measure) },
  };
}

/** A numbered amendment with a reason, once the meeting has ended or the recommendation is completed or declined. */
export function amendRecommendation(
  wb: Workbench,
  id: number,
  patch: RecPatch,
  reason: string,
  today: string,
  notIdentifiers: readonly NotIdentifier[] = [],
): RecommendationEditState {
  let n = 0;
  let hash = '';
  let code = '';
  return wb.write(
    () => ({ event: 'update', entity: `recommendation:${code}`, detail: `amendment ${n}; sha256:${hash}` }),
    (db) => {
      const before = recommendationById(db, id, today);
      code = before.code;
      if (!recommendationLock(db, before))
        throw new CasewalkError(
          'invalid_input',
          `${before.code} is edited directly while it is open and its meeting is on; amendments are for the record.`,
        );
      applyPatch(db, id, patch);
      const after = recommendationById(db, id, today);
      recordNotIdentifiers(db, wb.actor, { recommendationId: id }, { action: after.action, measure: after.measure }, notIdentifiers);
      ({ number: n, hash } = addAmendment(
        db,
        wb.actor,
        { recommendationId: id },
        {
          changes: [
            { label: 'Action', before: before.action, after: after.action },
            { label: 'Measure of success', before: before.measure, after: after.measure },
            { label: 'Owner', before: before.owner.name, after: after.owner.name },
            { label: 'Due date', before: before.dueDate, after: after.dueDate },
            { label: 'Kind of action', before: ACTION_TYPE.label(before.actionType), after: ACTION_TYPE.label(after.actionType) },
          ],
          notes: notIdentifiers.map((x) => `${x.field ?? 'action'}: ${x.type} “${x.text}”: ${x.reason.trim()}`),
          reason,
          hash: recordHash([after.action, after.measure, after.owner.kind, after.owner.id, after.dueDate, after.actionType]),
        },
      ));
      return recommendationEditState(db, id, today);
    },
  );
}
