/**
 * The workbench's schema against what the migrations create. A trigger, view, table or index
 * that the migrations do not make (or one that differs from theirs) was planted by someone
 * holding the data key: `verify` fails naming it and `restore` refuses such a backup.
 * The reference is built once per process by running the migrations on an in-memory database.
 */
import Database from '@signalapp/sqlcipher';
import type { ReadableDB, WritableDB } from './db';
import { migrate } from './migrations';

interface SchemaObject {
  type: string;
  name: string;
  sql: string | null;
}

const norm = (sql: string | null) => (sql === null ? null : sql.replace(/\s+/g, ' ').trim());

/** SQLite's own bookkeeping tables, which appear as a side effect of ordinary use (ANALYZE, AUTOINCREMENT). */
const INTERNAL = /^sqlite_(stat\d|sequence)$/;

function objects(db: ReadableDB): SchemaObject[] {
  return db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all() as unknown as SchemaObject[];
}

let reference: Map<string, SchemaObject> | null = null;

/** What the migrations create, by name. */
export function referenceSchema(): Map<string, SchemaObject> {
  if (!reference) {
    const mem = new Database(':memory:');
    try {
      migrate(mem as WritableDB);
      reference = new Map(objects(mem as ReadableDB).map((o) => [o.name, o]));
    } finally {
      mem.close();
    }
  }
  return reference;
}

/** One sentence per object that the migrations did not create, or created differently. */
export function schemaProblems(db: ReadableDB): string[] {
  const ref = referenceSchema();
  const problems: string[] = [];
  for (const o of objects(db)) {
    if (INTERNAL.test(o.name)) continue;
    const want = ref.get(o.name);
    if (!want) problems.push(`unexpected ${o.type} "${o.name}"`);
    else if (want.type !== o.type || norm(want.sql) !== norm(o.sql))
      problems.push(`${o.type} "${o.name}" differs from the one Casewalk creates`);
  }
  return problems;
}
