import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './run';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-cli-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

export async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), env });
  return { code, out, err };
}

describe('cli', () => {
  it('info --json prints one JSON object', async () => {
    const dir = tmp();
    const r = await cli(['info', '--json'], { CASEWALK_DATA_DIR: dir });
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const v = JSON.parse(r.out) as { name: string; dataDir: string; workbenchExists: boolean };
    expect(v).toMatchObject({ name: 'Casewalk', dataDir: dir, workbenchExists: false });
  });
  it('unknown commands and options are usage errors with one line', async () => {
    const a = await cli(['frobnicate', '--json']);
    expect(a.code).toBe(2);
    expect(a.out).toBe('');
    expect(a.err).toBe('casewalk: Unknown command "frobnicate". Try "help".\n');
    const b = await cli(['info', '--passphrase', 'x']);
    expect(b.code).toBe(2);
    expect(b.err).toBe('casewalk: Unknown option --passphrase.\n');
  });
  it('runs as a real process via npm run cli with no build step', () => {
    const dir = tmp();
    const r = spawnSync('npm', ['run', '--silent', 'cli', '--', 'info', '--json'], {
      cwd: path.resolve(__dirname, '../../..'),
      env: { ...process.env, CASEWALK_DATA_DIR: dir },
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ dataDir: dir });
  });
});
