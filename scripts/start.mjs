#!/usr/bin/env node
// `npm start`: the desktop app. Electron 42+ downloads its binary lazily; where it is missing we
// try `install-electron` once, and if that cannot work here we say so in one sentence.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules/electron');

function binaryPresent() {
  try {
    const rel = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
    return fs.existsSync(path.join(electronDir, 'dist', rel));
  } catch {
    return false;
  }
}

if (!binaryPresent()) {
  process.stdout.write('Casewalk: the Electron binary is not installed yet; downloading it (install-electron)…\n');
  const r = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 180_000 });
  if (r.status !== 0 || !binaryPresent()) {
    process.stderr.write(
      'Casewalk: the Electron binary could not be downloaded on this machine, so the desktop app cannot start here; run "npm run dev:web" to use Casewalk in your browser instead.\n',
    );
    process.exit(1);
  }
}
const bin = path.join(root, 'node_modules/.bin/electron-vite');
const r = spawnSync(bin, ['preview'], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
