/**
 * `npm run test:crash`: SIGKILL a writer at random moments CRASH_RUNS times (default 200).
 * After each kill the workbench must open with the same passphrase, pass verify (cipher
 * integrity, integrity check, audit chain), and contain every write the child reported as
 * committed; imports are all or nothing (a multiple of 100 rows).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Core } from '../../src/main/core/core';
import { dispatch, typedCaller } from '../../src/main/core/dispatch';
import { rng } from '../../src/main/core/seed/seed';

const RUNS = Number(process.env.CRASH_RUNS ?? 200);
const PASS = 'harbour lantern quietly 42';
const here = path.dirname(fileURLToPath(import.meta.url));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-crash-'));
const r = rng(Number(process.env.CRASH_SEED ?? Date.now() % 100000));

async function runOnce(i: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'child.ts'), dataDir, PASS, String(i * 400)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const committed: string[] = [];
  let buf = '';
  let ready: () => void;
  const isReady = new Promise<void>((res) => (ready = res));
  child.stdout.on('data', (d: Buffer) => {
    buf += d.toString();
    const lines = buf.split('\n');
    buf = lines.pop()!;
    for (const l of lines) {
      if (l === 'ready') ready();
      else if (l.startsWith('ok ')) committed.push(l.slice(3));
    }
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  await Promise.race([isReady, exited]);
  await new Promise((res) => setTimeout(res, r.int(20, 700)));
  child.kill('SIGKILL');
  const code = await exited;
  if (code !== null) throw new Error(`run ${i}: the writer stopped by itself (exit ${code}): ${stderr.slice(0, 500)}`);
  return committed;
}

const core0 = new Core({ dataDir });
const made = await dispatch(core0, 'workbench.create', { committee: 'Crash CIT', keyholder: 'Dana', passphrase: PASS });
if (!made.ok) throw new Error(made.error.message);
core0.close();

let passed = 0;
let failed = 0;
let writes = 0;
const allCommitted: string[] = [];
for (let i = 1; i <= RUNS; i++) {
  try {
    const committed = await runOnce(i);
    allCommitted.push(...committed);
    writes += committed.length;
    const core = new Core({ dataDir });
    const call = typedCaller(core);
    await call('workbench.unlock', { passphrase: PASS });
    const v = await call('workbench.verify', {});
    if (!v.ok) throw new Error(`run ${i}: verify failed ${JSON.stringify(v)}`);
    const missing = core.workbench.read((db) =>
      allCommitted.filter((c) => {
        const [kind, ...rest] = c.split(' ');
        const key = rest.join(' ');
        if (kind === 'incident') return !db.prepare('SELECT 1 FROM incidents WHERE code = ?').get([key]);
        if (kind === 'step') return !db.prepare('SELECT 1 FROM timeline_events WHERE description = ?').get([key]);
        if (kind === 'finding') return !db.prepare('SELECT 1 FROM findings WHERE description = ?').get([key]);
        return false;
      }),
    );
    if (missing.length) throw new Error(`run ${i}: committed but missing: ${missing.slice(0, 5).join(', ')}`);
    const imported = core.workbench.read(
      (db) => (db.prepare("SELECT count(*) AS n FROM incidents WHERE source LIKE 'import:%'").get() as { n: number }).n,
    );
    const reportedImports = allCommitted.filter((c) => c.startsWith('import ')).length;
    if (imported % 100 !== 0 || imported < reportedImports * 100)
      throw new Error(`run ${i}: partial or lost import (${imported} imported rows, ${reportedImports} imports reported)`);
    core.close();
    passed++;
  } catch (e) {
    failed++;
    process.stdout.write(`  ✗ ${(e as Error).message}\n`);
  }
}
fs.rmSync(dataDir, { recursive: true, force: true });
process.stdout.write(`crash consistency: ${RUNS} kills, ${writes} committed writes checked\n`);
const out = process.env.CASEWALK_RESULTS;
if (out) fs.writeFileSync(out, JSON.stringify({ passed, failed }));
process.stdout.write(`crash: ${passed} passed, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
