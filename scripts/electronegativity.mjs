#!/usr/bin/env node
// Electronegativity (Doyensec's Electron security linter) over src/: fails on any HIGH or
// MEDIUM finding that is not in scripts/electronegativity-reviewed.json, and on a reviewed
// entry that no longer matches anything (so the list cannot go stale). Offline: the Electron
// version is passed in, so the tool does not try to look it up.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electron = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const reviewed = JSON.parse(fs.readFileSync(path.join(root, 'scripts/electronegativity-reviewed.json'), 'utf8'));
const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cw-en-')), 'findings.csv');
const bin = path.join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');
const r = spawnSync(process.execPath, [bin, '-i', path.join(root, 'src'), '-o', out, '-r', '-v', 'false', '-e', electron], { encoding: 'utf8', timeout: 300_000 });
if (!fs.existsSync(out)) {
  process.stderr.write(`Electronegativity did not produce a report (exit ${r.status}).\n${r.stderr}\n`);
  process.exit(1);
}

// The report is CSV; a sample may span lines, so parse it as a whole.
const findings = parse(fs.readFileSync(out, 'utf8'), { from_line: 2, trim: true, relax_column_count: true, skip_empty_lines: true }).map(
  ([check, severity, confidence, file, location, sample]) => ({ check, severity, confidence, file, location, sample: sample ?? '' }),
);
fs.rmSync(path.dirname(out), { recursive: true, force: true });

const matches = (f, rv) => f.check === rv.check && f.file === rv.file && f.sample.includes(rv.sample);
const serious = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
const open = serious.filter((f) => !reviewed.some((rv) => matches(f, rv)));
const stale = reviewed.filter((rv) => !findings.some((f) => matches(f, rv)));
for (const f of findings) {
  const mark = open.includes(f) ? 'FAIL' : serious.includes(f) ? 'reviewed' : 'note';
  process.stdout.write(`  ${mark.padEnd(8)} ${f.severity.padEnd(6)} ${f.confidence.padEnd(9)} ${f.check} ${f.file}:${f.location}\n`);
}
for (const rv of stale) process.stdout.write(`  STALE    reviewed entry ${rv.check} ${rv.file} no longer matches a finding: remove it.\n`);
process.stdout.write(`Electronegativity ${electron}: ${findings.length} finding(s), ${serious.length} high/medium, ${open.length} not reviewed, ${stale.length} stale.\n`);
process.exit(open.length || stale.length ? 1 : 0);
