/**
 * The audit log as a coordinator reads it: each row's entity ("minutes:36") in words
 * ("Minutes of the 2026-12-08 meeting", in the committee's date style) and, where the entity has a page, where to open it.
 * Entities that no longer exist keep their words without a link ("Incident 2026-0042 (deleted)").
 */
import type { AuditEntityLink, AuditRowView } from '../../../shared/workbench/schemas';
import type { ReadableDB } from '../store/db';
import { dateStyle } from '../store/settings';
import { writeDate } from '../../../shared/dates';

type Described = Pick<AuditRowView, 'entityLabel' | 'entityLink'>;
type Row<T> = T | undefined;

const FIXED: Record<string, Described> = {
  workbench: { entityLabel: 'Workbench', entityLink: null },
  keyslots: { entityLabel: 'Key file (keyholders)', entityLink: { page: 'settings', tab: 'members' } },
  reports: { entityLabel: 'Reports', entityLink: { page: 'reports' } },
  audit: { entityLabel: 'Audit log', entityLink: { page: 'settings', tab: 'audit' } },
  settings: { entityLabel: 'Settings', entityLink: null },
};

/** Looks up each kind of entity once per listing (a page of up to 500 rows names few entities). */
function describer(db: ReadableDB): (entity: string | null) => Described {
  const one = <T>(sql: string, key: string | number): Row<T> => db.prepare(sql).get([key]) as Row<T>;
  // A meeting's day as every screen writes it (the committee's date style): "2026-12-08", "12/08/2026".
  const style = dateStyle(db);
  const meetingDay = (iso: string) => writeDate(iso, style);
  const meeting = (id: number) => one<{ id: number; date: string }>('SELECT id, date FROM meetings WHERE id = ?', id);
  const describeMeeting = (id: number, words: (day: string) => string, missing: string): Described => {
    const m = meeting(id);
    return m ? { entityLabel: words(meetingDay(m.date)), entityLink: { page: 'meeting', id: m.id } } : gone(missing);
  };
  const keyholder = (ref: string) =>
    named(one<{ name: string }>('SELECT name FROM members WHERE keyholder_id = ?', ref), 'Keyholder', ref, 'members');
  const byKind: Record<string, (ref: string) => Described> = {
    incident: (code) => {
      const i = one<{ id: number }>('SELECT id FROM incidents WHERE code = ?', code);
      return i ? { entityLabel: `Incident ${code}`, entityLink: { page: 'incident', id: i.id } } : gone(`Incident ${code}`);
    },
    meeting: (ref) => describeMeeting(Number(ref), (day) => `Meeting of ${day}`, `Meeting ${ref}`),
    minutes: (ref) => describeMeeting(Number(ref), (day) => `Minutes of the ${day} meeting`, `Minutes of meeting ${ref}`),
    agenda: (ref) => {
      const a = one<{ meeting_id: number; position: number; code: string | null }>(
        'SELECT a.meeting_id, a.position, i.code FROM agenda_items a LEFT JOIN incidents i ON i.id = a.incident_id WHERE a.id = ?',
        Number(ref),
      );
      if (!a) return gone(`Agenda item ${ref}`);
      const what = a.code ? `Case review of incident ${a.code}` : `Agenda item ${a.position + 1}`;
      return describeMeeting(a.meeting_id, (day) => `${what} (${day} meeting)`, what);
    },
    finding: (ref) => {
      const f = one<{ code: string | null; incident_id: number | null; meeting_id: number | null }>(
        'SELECT i.code, f.incident_id, f.meeting_id FROM findings f LEFT JOIN incidents i ON i.id = f.incident_id WHERE f.id = ?',
        Number(ref),
      );
      if (!f) return gone(`Finding ${ref}`);
      if (f.incident_id && f.code)
        return { entityLabel: `Finding on incident ${f.code}`, entityLink: { page: 'incident', id: f.incident_id } };
      if (f.meeting_id) return describeMeeting(f.meeting_id, (day) => `Coverage finding (${day} meeting)`, 'Coverage finding');
      return { entityLabel: 'Coverage finding', entityLink: { page: 'reports' } };
    },
    recommendation: (ref) => {
      const r = /^\d+$/.test(ref)
        ? one<{ code: string }>('SELECT code FROM recommendations WHERE id = ?', Number(ref))
        : one<{ code: string }>('SELECT code FROM recommendations WHERE code = ?', ref);
      return r ? { entityLabel: `Recommendation ${r.code}`, entityLink: { page: 'recommendations' } } : gone(`Recommendation ${ref}`);
    },
    member: (ref) => named(one<{ name: string }>('SELECT name FROM members WHERE id = ?', Number(ref)), 'Roster member', ref, 'roster'),
    organisation: (ref) =>
      named(one<{ name: string }>('SELECT name FROM organisations WHERE id = ?', Number(ref)), 'Organisation', ref, 'roster'),
    service: (ref) =>
      named(one<{ name: string }>('SELECT name FROM services WHERE id = ?', Number(ref)), 'Crisis service', ref, 'services'),
    keyholder,
    keyslot: keyholder, // a slot removed for damage is named by the same id
    import_batch: (ref) => {
      const b = one<{ id: number; file_name: string; undone_at: string | null }>(
        'SELECT id, file_name, undone_at FROM import_batches WHERE id = ?',
        Number(ref),
      );
      if (!b) return gone(`Import ${ref}`);
      return b.undone_at
        ? { entityLabel: `Import of ${b.file_name} (undone)`, entityLink: null }
        : { entityLabel: `Import of ${b.file_name}`, entityLink: { page: 'incidents', batch: b.id } };
    },
    import: (ref) => ({
      entityLabel: ref === 'seed' ? 'Demo data (seed)' : `Import (${ref.replace(/^mapping:/, 'mapping ')})`,
      entityLink: { page: 'incidents' },
    }),
  };
  const cache = new Map<string, Described>();
  return (entity) => {
    if (entity === null) return { entityLabel: null, entityLink: null };
    const known = FIXED[entity] ?? cache.get(entity);
    if (known) return known;
    const colon = entity.indexOf(':');
    const describe = colon > 0 ? byKind[entity.slice(0, colon)] : undefined;
    const d = describe ? describe(entity.slice(colon + 1)) : { entityLabel: entity, entityLink: null };
    cache.set(entity, d);
    return d;
  };
}

function gone(words: string): Described {
  return { entityLabel: `${words} (deleted)`, entityLink: null };
}

function named(row: Row<{ name: string }>, kind: string, ref: string, tab: 'roster' | 'services' | 'members'): Described {
  const link: AuditEntityLink = { page: 'settings', tab };
  return row ? { entityLabel: `${kind} ${row.name}`, entityLink: link } : gone(`${kind} ${ref}`);
}

/** The listing's rows with their entities in words and links. */
export function describeAudit<R extends { entity: string | null }>(db: ReadableDB, rows: R[]): (R & Described)[] {
  const describe = describer(db);
  return rows.map((r) => ({ ...r, ...describe(r.entity) }));
}
