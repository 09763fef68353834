#!/usr/bin/env node
// Electronegativity (Doyensec's Electron security linter) over src/: fails on any HIGH or
// MEDIUM finding that is not in scripts/electronegativity-reviewed.json, on a reviewed entry
// that no longer matches anything (so the list cannot go stale), and on a file it could not
// parse (unchecked code). Uses the library's own API: its CSV writer races with itself and
// sometimes loses the start of a row. Offline: the Electron version is passed in.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const run = require('@doyensec/electronegativity');
const electron = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const reviewed = JSON.parse(fs.readFileSync(path.join(root, 'scripts/electronegativity-reviewed.json'), 'utf8'));

const result = await run(
  {
    input: path.join(root, 'src'),
    isRelative: true,
    electronVersionOverride: electron,
    parserPlugins: [],
    customScan: [],
    excludeFromScan: [],
  },
  false,
);
const findings = result.issues.map((i) => ({
  check: i.id,
  severity: i.severity.name,
  confidence: i.confidence.name,
  file: i.file,
  location: `${i.location.line}:${i.location.column}`,
  sample: String(i.sample ?? ''),
}));

const matches = (f, rv) => f.check === rv.check && f.file === rv.file && f.sample.includes(rv.sample);
const serious = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
const open = serious.filter((f) => !reviewed.some((rv) => matches(f, rv)));
const stale = reviewed.filter((rv) => !findings.some((f) => matches(f, rv)));
for (const f of findings) {
  const mark = open.includes(f) ? 'FAIL' : serious.includes(f) ? 'reviewed' : 'note';
  process.stdout.write(`  ${mark.padEnd(8)} ${f.severity.padEnd(6)} ${f.confidence.padEnd(9)} ${f.check} ${f.file}:${f.location}\n`);
}
for (const rv of stale) process.stdout.write(`  STALE    reviewed entry ${rv.check} ${rv.file} no longer matches a finding: remove it.\n`);
for (const e of result.errors) process.stdout.write(`  UNPARSED ${JSON.stringify(e).slice(0, 200)}\n`);
process.stdout.write(
  `Electronegativity ${electron}: ${result.atomicChecks} atomic and ${result.globalChecks} global checks; ${findings.length} finding(s), ${serious.length} high/medium, ${open.length} not reviewed, ${stale.length} stale, ${result.errors.length} unparsed file(s).\n`,
);
process.exit(open.length || stale.length || result.errors.length ? 1 : 0);
