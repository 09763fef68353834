/**
 * The demo's data folder (CASEWALK_DATA_DIR, the same variable the CLI uses): the demo only
 * ever works in a folder that is missing, empty, or one it made itself (marked by
 * `.casewalk-demo`), and deletes only the demo workbench's own files there.
 */
import fs from 'node:fs';
import path from 'node:path';

export const DEMO_MARKER = '.casewalk-demo';
const DEMO_FILES = ['workbench.db', 'workbench.db-wal', 'workbench.db-shm', 'workbench.keys.json', 'workbench.lockout.json'];

/** Null when the demo may use `dir`; otherwise the one sentence to print. */
export function demoFolderProblem(dir: string): string | null {
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return `npm run demo: ${dir} cannot be read as a folder; set CASEWALK_DATA_DIR to an empty folder or a new path.`;
  }
  if (entries.length === 0 || entries.includes(DEMO_MARKER)) return null;
  return `npm run demo: ${dir} is not empty and was not made by the demo, so nothing was built or deleted; set CASEWALK_DATA_DIR to an empty folder or a new path.`;
}

/** Creates (or clears the demo files of) a demo folder; throws if the folder is not the demo's. */
export function prepareDemoFolder(dir: string): void {
  const problem = demoFolderProblem(dir);
  if (problem) throw new Error(problem);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(dir, DEMO_MARKER), 'This folder was made by `npm run demo`; its workbench holds synthetic data only.\n');
  for (const f of DEMO_FILES) fs.rmSync(path.join(dir, f), { force: true });
}
