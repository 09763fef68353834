/** Runs every *.e2e.ts file in this folder and prints the plain "N passed, N failed" line. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runAll } from './harness';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.e2e.ts') && (!only || f.includes(only)))
  .sort();
for (const f of files) await import(pathToFileURL(path.join(here, f)).href);
console.log(`E2E: ${files.length} files`);
const { passed, failed } = await runAll();
const out = process.env.CASEWALK_RESULTS;
if (out) fs.writeFileSync(out, JSON.stringify({ passed, failed }));
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
