import { CasewalkError } from '../../../shared/result';
import type { Member, Organisation } from '../../../shared/meetings/schemas';
import type { ReadableDB } from '../store/db';
import type { Workbench } from '../store/workbench';

interface MemberRow {
  id: number;
  name: string;
  organisation: string | null;
  sector: string;
  role: string;
  active: number;
  keyholder_id: string | null;
}

export function toMember(r: MemberRow): Member {
  return {
    id: r.id,
    name: r.name,
    organisation: r.organisation,
    sector: r.sector as Member['sector'],
    role: r.role as Member['role'],
    active: r.active === 1,
    keyholderId: r.keyholder_id,
  };
}

export function listRoster(db: ReadableDB): { members: Member[]; organisations: Organisation[] } {
  const members = (db.prepare('SELECT * FROM members ORDER BY active DESC, name').all() as unknown as MemberRow[]).map(toMember);
  const organisations = db.prepare('SELECT id, name, sector FROM organisations ORDER BY name').all() as unknown as Organisation[];
  return { members, organisations };
}

export function memberById(db: ReadableDB, id: number): Member {
  const r = db.prepare('SELECT * FROM members WHERE id = ?').get([id]) as unknown as MemberRow | undefined;
  if (!r) throw new CasewalkError('not_found', 'That committee member does not exist.');
  return toMember(r);
}

export function saveMember(
  wb: Workbench,
  input: { id?: number | undefined; name: string; organisation: string | null; sector: string; role: string; active: boolean },
): Member {
  return wb.write(
    (m: Member) => ({
      event: input.id ? 'update' : 'create',
      entity: `member:${m.id}`,
      detail: input.id ? 'roster entry changed' : 'roster entry added',
    }),
    (db) => {
      if (input.id) {
        memberById(db, input.id);
        db.prepare('UPDATE members SET name = ?, organisation = ?, sector = ?, role = ?, active = ? WHERE id = ?').run([
          input.name,
          input.organisation,
          input.sector,
          input.role,
          input.active ? 1 : 0,
          input.id,
        ]);
        return memberById(db, input.id);
      }
      // A keyholder with the same name becomes linked to this roster entry.
      const k = db.prepare('SELECT id FROM keyholders WHERE lower(name) = lower(?) AND removed_at IS NULL').get([input.name]) as
        { id: string } | undefined;
      const r = db
        .prepare('INSERT INTO members (name, organisation, sector, role, active, keyholder_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run([input.name, input.organisation, input.sector, input.role, input.active ? 1 : 0, k?.id ?? null, new Date().toISOString()]);
      return memberById(db, Number(r.lastInsertRowid));
    },
  );
}

export function saveOrganisation(wb: Workbench, input: { id?: number | undefined; name: string; sector: string }): Organisation {
  return wb.write(
    (o: Organisation) => ({ event: input.id ? 'update' : 'create', entity: `organisation:${o.id}` }),
    (db) => {
      const clash = db.prepare('SELECT id FROM organisations WHERE lower(name) = lower(?)').get([input.name]) as { id: number } | undefined;
      if (clash && clash.id !== input.id) throw new CasewalkError('conflict', `An organisation called "${input.name}" already exists.`);
      let id = input.id;
      if (id) {
        const r = db.prepare('UPDATE organisations SET name = ?, sector = ? WHERE id = ?').run([input.name, input.sector, id]);
        if (r.changes === 0) throw new CasewalkError('not_found', 'That organisation does not exist.');
      } else {
        id = Number(
          db
            .prepare('INSERT INTO organisations (name, sector, created_at) VALUES (?, ?, ?)')
            .run([input.name, input.sector, new Date().toISOString()]).lastInsertRowid,
        );
      }
      return db.prepare('SELECT id, name, sector FROM organisations WHERE id = ?').get([id]) as unknown as Organisation;
    },
  );
}

export function rosterNames(db: ReadableDB): string[] {
  return (db.prepare('SELECT name FROM members').all() as { name: string }[]).map((r) => r.name);
}
