/**
 * Incident services: every change runs in one Workbench.write() transaction together with its
 * audit row, the full-text index and the identifier-guard count. Audit rows carry the incident
 * code (committee-assigned, de-identified) and field names, never case text.
 */
import { CasewalkError } from '../../../shared/result';
import { INCIDENT_STATUS, STATUS_MOVES, type IncidentStatus } from '../../../shared/incidents/values';
import { NOT_CARRIED_OUT_STATUSES } from '../../../shared/recommendations/values';
import { list, sql } from '../store/sql';
import {
  futureMonthProblem,
  INCIDENT_DEFAULTS,
  incidentFields,
  type IncidentDetail,
  type IncidentFields,
} from '../../../shared/incidents/schemas';
import { describeZodError } from '../../../shared/zod-helpers';
import { now, type ReadableDB, type WritableDB } from '../store/db';
import type { Workbench } from '../store/workbench';
import { demoteIfGuarded, refreshDerived } from './derived';
import { getDetail, getRow, tagsOf } from './detail';
import { FIELD_COLUMNS, fieldValues, incidentFieldsOf, toIncident } from './rows';

export function nextCode(db: ReadableDB, year: number): string {
  const r = db
    .prepare("SELECT max(CAST(substr(code, 6) AS INTEGER)) AS n FROM incidents WHERE code LIKE ? || '-%'")
    .get([String(year)]) as { n: number | null };
  return `${year}-${String((r.n ?? 0) + 1).padStart(3, '0')}`;
}

/** The fields, checked; an error says which field (`detail.field`) so a form can show it there. */
function validFields(f: unknown): IncidentFields {
  const r = incidentFields.safeParse(f);
  if (!r.success) {
    const field = r.error.issues[0]?.path[0];
    throw new CasewalkError('invalid_input', describeZodError(r.error), typeof field === 'string' ? { field } : undefined);
  }
  return r.data;
}

/** An incident has happened: never in a month after today's (in the committee's time zone). */
function assertNotFuture(fields: IncidentFields, today: string): void {
  const problem = futureMonthProblem(fields.occurredYear, fields.occurredMonth, today);
  if (problem) throw new CasewalkError('invalid_input', problem.message, { field: problem.field });
}

function writeTags(db: WritableDB, id: number, tags: readonly string[]) {
  db.prepare('DELETE FROM incident_tags WHERE incident_id = ?').run([id]);
  const ins = db.prepare('INSERT OR IGNORE INTO incident_tags (incident_id, tag) VALUES (?, ?)');
  for (const t of tags) ins.run([id, t.trim().toLowerCase()]);
}

function assertCodeFree(db: ReadableDB, code: string, exceptId?: number) {
  const r = db.prepare('SELECT id FROM incidents WHERE code = ?').get([code]) as { id: number } | undefined;
  if (r && r.id !== exceptId) {
    throw new CasewalkError('conflict', `Incident code ${code} is already used; choose another.`, { field: 'code' });
  }
}

const INSERT_SQL = `INSERT INTO incidents (${FIELD_COLUMNS.join(', ')}, status, source, created_at, updated_at)
  VALUES (${FIELD_COLUMNS.map(() => '?').join(', ')}, ?, ?, ?, ?)`;

export function insertIncident(db: WritableDB, fields: IncidentFields, source: string, at = now()): number {
  const r = db.prepare(INSERT_SQL).run(fieldValues(fields, fields.code, 'draft', source, at, at));
  return Number(r.lastInsertRowid);
}

export function createIncident(
  wb: Workbench,
  input: Partial<IncidentFields> & { occurredYear: number; occurredMonth: number },
  today: string,
): IncidentDetail {
  return wb.write(
    (d: IncidentDetail) => ({ event: 'create', entity: `incident:${d.incident.code}` }),
    (db) => {
      const code = input.code ?? nextCode(db, input.occurredYear);
      const fields = validFields({ ...INCIDENT_DEFAULTS, ...input, code });
      assertNotFuture(fields, today);
      assertCodeFree(db, fields.code);
      const id = insertIncident(db, fields, 'manual');
      writeTags(db, id, fields.tags);
      refreshDerived(db, id);
      return getDetail(db, id);
    },
  );
}

export function updateIncident(
  wb: Workbench,
  input: { id: number; version: number; patch: Partial<IncidentFields> },
  today: string,
): IncidentDetail {
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
        throw new CasewalkError(
          'conflict',
          'This incident was changed since you opened it. Reload it to see the latest version; your edit was not saved.',
        );
      }
      if (row.status === 'closed')
        throw new CasewalkError('forbidden', 'A closed incident is read-only. Reopen it (set it back to reviewed) to edit.');
      const current = toIncident(row, tagsOf(db, input.id));
      const fields = validFields({ ...incidentFieldsOf(current), ...input.patch });
      // A month already stored stays editable around (an older import); a changed one is checked.
      if (fields.occurredYear !== current.occurredYear || fields.occurredMonth !== current.occurredMonth) assertNotFuture(fields, today);
      assertCodeFree(db, fields.code, input.id);
      db.prepare(
        `UPDATE incidents SET ${FIELD_COLUMNS.map((c) => `${c} = ?`).join(', ')}, version = version + 1, updated_at = ? WHERE id = ?`,
      ).run(fieldValues(fields, fields.code, now(), input.id));
      if (input.patch.tags) writeTags(db, input.id, fields.tags);
      demoted = demoteIfGuarded(db, input.id);
      return getDetail(db, input.id);
    },
  );
}

export function setStatus(wb: Workbench, id: number, status: IncidentStatus, opts: { confirmWeakOnly?: boolean } = {}): IncidentDetail {
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
      if (status === 'closed' && !opts.confirmWeakOnly && onlyWeakerActions(db, id)) {
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

/** For closing an incident: its recommendations (declined ones aside) are all "weaker" actions (RCA²). */
function onlyWeakerActions(db: ReadableDB, incidentId: number): boolean {
  const q = sql`SELECT count(*) AS n, coalesce(sum(r.strength = 'weaker'), 0) AS weaker FROM recommendations r
       WHERE r.status NOT IN ${list(NOT_CARRIED_OUT_STATUSES)} AND r.id IN (SELECT rf.recommendation_id FROM recommendation_findings rf JOIN findings f ON f.id = rf.finding_id WHERE f.incident_id = ${incidentId})`;
  const r = db.prepare(q.text).get(q.params) as { n: number; weaker: number };
  return r.n > 0 && r.weaker === r.n;
}
