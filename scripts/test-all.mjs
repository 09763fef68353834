#!/usr/bin/env node
// `npm test`: lint, type-check, unit + component tests, end-to-end tests in Chromium, crash consistency.
// Ends with one plain line "N passed, N failed" summing the test suites.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-test-'));
let passed = 0;
let failed = 0;

function step(name, cmd, args, env = {}) {
  process.stdout.write(`\n── ${name} ──\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

// Lint and type-check are gates, not tests: a failure counts as a failed suite, a pass adds nothing.
if (!step('lint', 'npx', ['eslint', '--max-warnings=0', '.'])) failed++;
if (!step('format (Prettier)', 'npx', ['prettier', '--check', '.'])) failed++;
if (!step('type-check', 'npm', ['run', '--silent', 'typecheck'])) failed++;
// Import cycles in src, type-only imports included (scripts/check-cycles.mjs).
if (!step('import cycles', 'node', ['scripts/check-cycles.mjs', 'src'])) failed++;
// Electronegativity (Electron security linter): high or medium findings that nobody reviewed fail.
if (!step('Electron security lint (Electronegativity)', 'npm', ['run', '--silent', 'lint:electron'])) failed++;

const unitJson = path.join(tmp, 'unit.json');
const unitOk = step('unit and component tests (vitest)', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${unitJson}`,
]);
try {
  const j = JSON.parse(fs.readFileSync(unitJson, 'utf8'));
  passed += j.numPassedTests;
  failed += j.numFailedTests + (unitOk || j.numFailedTests ? 0 : 1);
} catch {
  failed++;
}

const e2eJson = path.join(tmp, 'e2e.json');
const e2eOk = step('end-to-end tests (Chromium)', 'npm', ['run', '--silent', 'test:e2e'], { CASEWALK_RESULTS: e2eJson });
try {
  const j = JSON.parse(fs.readFileSync(e2eJson, 'utf8'));
  passed += j.passed;
  failed += j.failed + (e2eOk || j.failed ? 0 : 1);
} catch {
  failed++;
}
// Crash consistency (SIGKILL at random moments): the fast version, CRASH_RUNS kills (default 25).
const crashJson = path.join(tmp, 'crash.json');
const crashOk = step('crash consistency', 'npm', ['run', '--silent', 'test:crash'], {
  CASEWALK_RESULTS: crashJson,
  CRASH_RUNS: process.env.CRASH_RUNS ?? '25',
});
try {
  const j = JSON.parse(fs.readFileSync(crashJson, 'utf8'));
  passed += j.passed;
  failed += j.failed + (crashOk || j.failed ? 0 : 1);
} catch {
  failed++;
}
fs.rmSync(tmp, { recursive: true, force: true });
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
