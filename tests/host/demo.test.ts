/** Issue 16, item 6: `npm run demo` never touches a folder it did not make. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-demo-'));
  dirs.push(d);
  return d;
};
const check = (dataDir: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'tests/host/demo.ts', '--check'], {
    cwd: root,
    env: { ...process.env, CASEWALK_DATA_DIR: dataDir },
    encoding: 'utf8',
  });

describe('npm run demo', () => {
  it('checks the folder before it builds anything', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const demo = pkg.scripts.demo!;
    expect(demo.indexOf('tests/host/demo.ts --check')).toBeGreaterThanOrEqual(0);
    expect(demo.indexOf('tests/host/demo.ts --check')).toBeLessThan(demo.indexOf('electron-vite build'));
  });

  it('refuses a folder holding a workbench, with one sentence and a non-zero exit, and leaves it untouched', () => {
    const dir = tmp();
    const files = { 'workbench.db': 'real encrypted workbench', 'workbench.keys.json': '{}', 'notes.txt': 'mine' };
    for (const [f, v] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), v);
    const r = check(dir);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(dir);
    expect(fs.readdirSync(dir).sort()).toEqual(Object.keys(files).sort());
    for (const [f, v] of Object.entries(files)) expect(fs.readFileSync(path.join(dir, f), 'utf8')).toBe(v);
  });

  it('accepts a missing or empty folder, and one it made (marker file)', async () => {
    const { prepareDemoFolder } = await import('./demo-folder');
    const empty = tmp();
    expect(check(empty).status).toBe(0);
    expect(check(path.join(empty, 'new')).status).toBe(0);
    expect(fs.existsSync(path.join(empty, 'new'))).toBe(false); // --check creates nothing
    prepareDemoFolder(empty);
    fs.writeFileSync(path.join(empty, 'workbench.db'), 'old demo');
    fs.writeFileSync(path.join(empty, 'keep.txt'), 'not ours');
    expect(check(empty).status).toBe(0);
    prepareDemoFolder(empty); // clears only the demo's own files
    expect(fs.readdirSync(empty).sort()).toEqual(['.casewalk-demo', 'keep.txt']);
  });
});
