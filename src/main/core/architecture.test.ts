/**
 * The core's shape, checked: every contract method prefix ("reports", "recommendations") has
 * one home folder; handlers take a context interface, never the Core class; no SQL in handler
 * files (it belongs in the folder's services).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/contract';
import type { SessionContext } from './context';
import { coverageHandlers } from './coverage/handlers';
import { importHandlers } from './import/handlers';
import { incidentHandlers } from './incidents/handlers';
import { meetingHandlers } from './meetings/handlers';
import { recommendationHandlers } from './recommendations/handlers';
import { minutesHandlers } from './minutes/handlers';
import { reportHandlers } from './reports/handlers';
import { workbenchHandlers } from './workbench/handlers';

// Building the handler tables touches nothing: a context that throws proves it.
const untouchable = new Proxy(
  {},
  {
    get: () => {
      throw new Error('a handler factory used its context');
    },
  },
) as SessionContext & { staging: never; walk: null };

const HOMES: Record<string, object> = {
  workbench: workbenchHandlers(untouchable),
  incidents: incidentHandlers(untouchable),
  import: importHandlers(untouchable),
  meetings: meetingHandlers(untouchable),
  recommendations: recommendationHandlers(untouchable),
  minutes: minutesHandlers(untouchable),
  coverage: coverageHandlers(untouchable),
  reports: reportHandlers(untouchable),
};

describe('core architecture', () => {
  it('each method prefix lives in one folder, and every method has a handler there', () => {
    const folderOf = new Map<string, string[]>();
    for (const [folder, handlers] of Object.entries(HOMES)) {
      for (const method of Object.keys(handlers)) {
        const prefix = method.split('.')[0]!;
        folderOf.set(prefix, [...new Set([...(folderOf.get(prefix) ?? []), folder])]);
      }
    }
    const split = [...folderOf].filter(([, folders]) => folders.length > 1);
    expect(split).toEqual([]);
    const handled = new Set(Object.values(HOMES).flatMap((h) => Object.keys(h)));
    expect(methodNames.filter((m) => m !== 'app.info' && !handled.has(m))).toEqual([]);
    // Where a prefix names a folder, that folder is its home.
    for (const [prefix, [folder]] of folderOf) if (prefix in HOMES) expect([prefix, folder]).toEqual([prefix, prefix]);
  });

  const handlerFiles = fs
    .readdirSync(__dirname, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(__dirname, d.name, 'handlers.ts')))
    .map((d) => path.join(d.name, 'handlers.ts'));

  it.each(handlerFiles)('%s: no SQL and no Core class', (file) => {
    const src = fs.readFileSync(path.join(__dirname, file), 'utf8');
    expect(src).not.toMatch(/\.prepare\(|\b(?:SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b/);
    expect(src).not.toMatch(/from '\.\.\/core'/);
  });
});
