import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { cycles, importGraph } from '../scripts/check-cycles.mjs';

const eslint = new ESLint({ cwd: path.resolve(__dirname, '..') });
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: path.resolve(__dirname, '..', file) });
  return (r?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

describe('electron import boundary (lint)', () => {
  const forms = [
    "import { app } from 'electron';\nexport const a = app;\n",
    "import { ipcRenderer } from 'electron/renderer';\nexport const a = ipcRenderer;\n",
    "export const a = await import('electron');\n",
    "// eslint-disable-next-line @typescript-eslint/no-require-imports\nexport const a = require('electron');\n",
  ];
  it.each(['src/main/core/x.ts', 'src/shared/x.ts', 'src/main/cli/x.ts', 'src/renderer/src/x.ts', 'tests/host/x.ts'])(
    'fails in %s for static, subpath, dynamic and require forms',
    async (file) => {
      for (const code of forms) expect(await boundaryErrors(file, code)).not.toEqual([]);
    },
  );
  it('allows electron in the shell and the preload', async () => {
    expect(await boundaryErrors('src/main/shell/x.ts', forms[0]!)).toEqual([]);
    expect(await boundaryErrors('src/preload/x.ts', forms[0]!)).toEqual([]);
  });
  it('forbids @electron/remote everywhere outside the shell too', async () => {
    expect(await boundaryErrors('src/main/core/x.ts', "import r from '@electron/remote';\nexport const a = r;\n")).not.toEqual([]);
  });
  it('ignores look-alike names', async () => {
    expect(await boundaryErrors('src/main/core/x.ts', "import v from 'electron-vite';\nexport const a = v;\n")).toEqual([]);
  });
});

const ROOT = path.resolve(__dirname, '..');
async function ruleErrors(file: string, code: string, rule: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: path.resolve(ROOT, file) });
  return (r?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.message);
}
const layerErrors = (file: string, code: string) => ruleErrors(file, code, 'import-x/no-restricted-paths');
/** Some existing source file under `dir` (the rule resolves imports to real files). */
function someFile(dir: string): string {
  const found = fs
    .readdirSync(path.resolve(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .find((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'));
  if (!found) throw new Error(`no source file in ${dir}`);
  return path.join(dir, found).replace(/\.tsx?$/, '');
}
/** `import type` from `target` as written in `file`. */
function importFrom(file: string, target: string): string {
  let rel = path
    .relative(path.dirname(path.resolve(ROOT, file)), path.resolve(ROOT, target))
    .split(path.sep)
    .join('/');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return `import type * as m from '${rel}';\nexport type T = typeof m;\n`;
}

describe('layer boundaries (lint)', () => {
  const shell = 'src/main/shell/ipc';
  const cli = 'src/main/cli/run';
  const preload = 'src/preload/index';
  const core = 'src/main/core/core';
  it.each([
    ['src/main/core/x.ts', shell],
    ['src/main/core/incidents/x.ts', cli],
    ['src/main/core/x.ts', preload],
    ['src/main/core/x.ts', 'renderer'],
    ['src/shared/x.ts', core],
    ['src/shared/incidents/x.ts', shell],
    ['src/shared/x.ts', preload],
    ['src/shared/x.ts', 'renderer'],
    ['src/preload/x.ts', core],
    ['src/renderer/src/x.ts', core],
    ['src/renderer/src/features/x.tsx', preload],
  ])('%s may not import %s (a type-only import too)', async (file, target) => {
    const t = target === 'renderer' ? someFile('src/renderer/src') : target;
    expect(await layerErrors(file, importFrom(file, t))).not.toEqual([]);
  });
  it('allows the layers below', async () => {
    expect(await layerErrors('src/main/core/x.ts', importFrom('src/main/core/x.ts', 'src/shared/contract'))).toEqual([]);
    expect(await layerErrors('src/main/shell/x.ts', importFrom('src/main/shell/x.ts', core))).toEqual([]);
    expect(await layerErrors('src/main/cli/x.ts', importFrom('src/main/cli/x.ts', core))).toEqual([]);
    expect(await layerErrors('src/renderer/src/x.ts', importFrom('src/renderer/src/x.ts', 'src/shared/contract'))).toEqual([]);
    expect(await layerErrors('src/preload/x.ts', importFrom('src/preload/x.ts', 'src/shared/api'))).toEqual([]);
  });
});

describe('renderer features reach each other only through an index (lint)', () => {
  const features = path.resolve(ROOT, 'src/renderer/src/features');
  const names = fs
    .readdirSync(features, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  it('fails on a file inside another feature', async () => {
    const [a, b] = names as [string, string];
    const inside = fs.readdirSync(path.join(features, b)).find((f) => /\.tsx?$/.test(f) && !/^index\.tsx?$/.test(f))!;
    const file = `src/renderer/src/features/${a}/x.tsx`;
    expect(await layerErrors(file, importFrom(file, `src/renderer/src/features/${b}/${inside.replace(/\.tsx?$/, '')}`))).not.toEqual([]);
  });
  it('allows files of the same feature, and a shared kit outside features/', async () => {
    const [a] = names as [string];
    const own = fs.readdirSync(path.join(features, a)).find((f) => /\.tsx?$/.test(f))!;
    const file = `src/renderer/src/features/${a}/x.tsx`;
    expect(await layerErrors(file, importFrom(file, `src/renderer/src/features/${a}/${own.replace(/\.tsx?$/, '')}`))).toEqual([]);
    expect(await layerErrors(file, importFrom(file, someFile('src/renderer/src/lib')))).toEqual([]);
  });
  it("allows another feature's index where it has one", async () => {
    const withIndex = names.find((n) => fs.readdirSync(path.join(features, n)).some((f) => /^index\.tsx?$/.test(f)));
    const other = names.find((n) => n !== withIndex);
    if (!withIndex || !other) return; // no feature index yet
    const file = `src/renderer/src/features/${other}/x.tsx`;
    expect(await layerErrors(file, importFrom(file, `src/renderer/src/features/${withIndex}/index`))).toEqual([]);
  });
});

describe('file and function size (lint)', () => {
  const lines = (n: number) => Array.from({ length: n }, (_, i) => `export const v${i} = ${i};`).join('\n');
  const longFunction = (n: number) =>
    `export function f(): number {\n  let x = 0;\n${Array.from({ length: n }, () => '  x += 1;').join('\n')}\n  return x;\n}\n`;
  it('a React component over 120 lines, or a renderer file over 400, fails too', async () => {
    const longComponent = `export function Page() {\n  return (\n    <div>\n${Array.from({ length: 130 }, (_, i) => `      <p>${i}</p>`).join('\n')}\n    </div>\n  );\n}\n`;
    expect(await ruleErrors('src/renderer/src/features/x/Page.tsx', longComponent, 'max-lines-per-function')).not.toEqual([]);
    expect(await ruleErrors('src/renderer/src/lib/x.ts', lines(401), 'max-lines')).not.toEqual([]);
    expect(await ruleErrors('src/renderer/src/features/x/Page.test.tsx', longComponent, 'max-lines-per-function')).toEqual([]);
  });
  it('a source file over 400 lines, or a function over 120, fails in src/main and src/shared', async () => {
    expect(await ruleErrors('src/main/core/x.ts', lines(401), 'max-lines')).not.toEqual([]);
    expect(await ruleErrors('src/shared/x.ts', lines(401), 'max-lines')).not.toEqual([]);
    expect(await ruleErrors('src/main/cli/x.ts', longFunction(130), 'max-lines-per-function')).not.toEqual([]);
    expect(await ruleErrors('src/main/core/x.ts', lines(400), 'max-lines')).toEqual([]);
  });
  it('tests and migrations are exempt', async () => {
    expect(await ruleErrors('src/main/core/x.test.ts', lines(401), 'max-lines')).toEqual([]);
    expect(await ruleErrors('src/main/core/store/migrations/0099-x.ts', lines(401), 'max-lines')).toEqual([]);
  });
});

describe('import cycles (scripts/check-cycles.mjs, type imports included)', () => {
  it('finds a type-only cycle and names its modules', () => {
    const graph = importGraph(['tests/lint-fixtures/cycle'], ROOT);
    const found = cycles(graph).map((c) => c.map((f) => path.basename(f)));
    expect(found).toEqual([['a.ts', 'b.ts']]);
  });
  it('src has none', () => {
    expect(cycles(importGraph(['src'], ROOT)).map((c) => c.map((f) => path.relative(ROOT, f)))).toEqual([]);
  });
});
