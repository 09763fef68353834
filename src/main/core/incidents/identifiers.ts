/** The identifier guard on an incident: redact a finding, or mark it "not an identifier" with a reason. */
import { CasewalkError } from '../../../shared/result';
import { type GUARDED_FIELDS, type IdentifierFindingView, type IncidentDetail } from '../../../shared/incidents/schemas';
import { type IdentifierKind } from '../../../shared/deid/kinds';
import { applyRedactions } from '../../../shared/deid/redact';
import type { Workbench } from '../store/workbench';
import { refreshDerived } from './derived';
import { getDetail, valueHash } from './detail';
import { now } from '../store/db';

function locate(detail: IncidentDetail, field: string, start: number, end: number, type: IdentifierKind): IdentifierFindingView {
  const f = detail.findings.find((x) => x.field === field && x.start === start && x.end === end && x.type === type);
  if (!f)
    throw new CasewalkError('conflict', 'That finding is no longer in the text (it was edited). Look at the highlighted findings again.');
  return f;
}

export function redactFinding(
  wb: Workbench,
  input: { incidentId: number; field: string; start: number; end: number; type: IdentifierKind },
): IncidentDetail {
  return wb.write(
    (d: IncidentDetail) => ({ event: 'update', entity: `incident:${d.incident.code}`, detail: `redacted ${input.type} in ${input.field}` }),
    (db) => {
      const before = getDetail(db, input.incidentId);
      if (before.incident.status === 'closed') throw new CasewalkError('forbidden', 'A closed incident is read-only.');
      const found = locate(before, input.field, input.start, input.end, input.type);
      // Replaced only if the text at the offsets is still the flagged text (the shared redaction checks it).
      const replace = (text: string) => {
        const r = applyRedactions(text, [{ start: input.start, end: input.end, type: input.type, text: found.text }]);
        if (r.skipped.length)
          throw new CasewalkError(
            'conflict',
            'That finding is no longer in the text (it was edited). Look at the highlighted findings again.',
          );
        return r.text;
      };
      if (input.field.startsWith('timeline:')) {
        const eventId = Number(input.field.slice('timeline:'.length));
        const ev = before.timeline.find((e) => e.id === eventId)!;
        db.prepare('UPDATE timeline_events SET description = ? WHERE id = ?').run([replace(ev.description), eventId]);
      } else {
        const field = input.field as (typeof GUARDED_FIELDS)[number];
        const column = {
          narrative: 'narrative',
          referrals: 'referrals',
          initialCallType: 'initial_call_type',
          finalCallType: 'final_call_type',
          area: 'area',
        }[field];
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
    (d: IncidentDetail) => ({
      event: 'identifier_dismissed',
      entity: `incident:${d.incident.code}`,
      detail: `${input.type} in ${input.field}`,
    }),
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
