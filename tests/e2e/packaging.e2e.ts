/**
 * The installer configuration (electron-builder.json), checked without the network: the
 * schema validation electron-builder itself runs, then a real `electron-builder --dir` pack
 * of the built app against a stand-in Electron folder whose binary carries only a fuse wire
 * (set to the opposite of what we want), so the fuses, the ASAR contents and the unpacked
 * native addon are read back from what electron-builder actually produced. Installers
 * (NSIS, dmg, AppImage, deb) need Electron's real binaries and are not built here.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { assert, test } from './harness';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(path.join(root, 'package.json'));
const config = JSON.parse(fs.readFileSync(path.join(root, 'electron-builder.json'), 'utf8')) as Record<string, unknown>;
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Fuse wire V1 order (@electron/fuses FuseV1Options), and what the issue requires. */
const WANTED: [string, boolean][] = [
  ['runAsNode', false],
  ['enableCookieEncryption', true],
  ['enableNodeOptionsEnvironmentVariable', false],
  ['enableNodeCliInspectArguments', false],
  ['enableEmbeddedAsarIntegrityValidation', true],
  ['onlyLoadAppFromAsar', true],
];

test('packaging: electron-builder.json passes electron-builder’s own validation, and a misspelt fuse is refused', async () => {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
    validateConfiguration(c: unknown, l: unknown): Promise<void>;
  };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (on: boolean) => unknown };
  await validateConfiguration(config, new DebugLogger(false));
  let refused = '';
  await validateConfiguration({ ...config, electronFuses: { runAsNod: false } }, new DebugLogger(false)).catch(
    (e: Error) => (refused = e.message),
  );
  assert(/configuration\.electronFuses/.test(refused), `a typo in the fuses must fail validation: ${refused.slice(0, 200)}`);
  const targets = JSON.stringify([config['win'], config['mac'], config['linux']]);
  for (const t of ['nsis', 'dmg', 'AppImage', 'deb']) assert(targets.includes(`"target":"${t}"`), `installer target ${t}`);
  assert(config['npmRebuild'] === false, 'no native rebuild (it would fetch Electron headers); the addon is prebuilt N-API');
});

test('packaging: a --dir pack flips the fuses, keeps only the built app in the ASAR and unpacks the native addon', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-pack-'));
  try {
    // A stand-in Electron: a binary holding a V1 fuse wire with every fuse the wrong way round.
    const dist = path.join(tmp, 'electron');
    fs.mkdirSync(path.join(dist, 'resources'), { recursive: true });
    const wrong = WANTED.map(([, on]) => (on ? '0' : '1')).join('') + '01';
    fs.writeFileSync(
      path.join(dist, 'electron'),
      Buffer.concat([
        Buffer.from('#!/bin/sh\n'),
        Buffer.alloc(32),
        Buffer.from(SENTINEL),
        Buffer.from([1, 8]),
        Buffer.from(wrong),
        Buffer.alloc(32),
      ]),
      { mode: 0o755 },
    );
    for (const f of ['chrome-sandbox', 'LICENSE', 'version']) fs.writeFileSync(path.join(dist, f), '');
    const out = path.join(tmp, 'dist');
    const r = spawnSync(
      path.join(root, 'node_modules/.bin/electron-builder'),
      ['--dir', '--linux', '--x64', `-c.electronDist=${dist}`, `-c.directories.output=${out}`],
      {
        cwd: root,
        encoding: 'utf8',
        timeout: 180_000,
      },
    );
    assert(r.status === 0, `electron-builder --dir failed:\n${r.stdout}\n${r.stderr}`);
    const app = path.join(out, 'linux-unpacked');

    const { getCurrentFuseWire } = require('@electron/fuses') as {
      getCurrentFuseWire(p: string): Promise<Record<string, number | string>>;
    };
    const wire = await getCurrentFuseWire(path.join(app, 'casewalk'));
    WANTED.forEach(([name, on], i) =>
      assert(wire[i] === (on ? 49 : 48), `fuse ${name} should be ${on ? 'on' : 'off'}, is ${String.fromCharCode(Number(wire[i]))}`),
    );
    assert(wire[7] === 48, 'grantFileProtocolExtraPrivileges off (the app serves app://, never file://)');

    const asar = require('@electron/asar') as {
      listPackage(p: string, o: object): string[];
      statFile(p: string, f: string): { unpacked?: boolean };
    };
    const archive = path.join(app, 'resources/app.asar');
    const files = asar.listPackage(archive, {});
    for (const f of [
      '/out/main/index.js',
      '/out/main/core-worker.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      '/package.json',
      '/LICENSE',
    ])
      assert(files.includes(f), `app.asar lacks ${f}`);
    const leaked = files.filter(
      (f) =>
        /^\/(src|tests|docs|scripts|\.ci)\//.test(f) ||
        f.endsWith('.map') ||
        /^\/node_modules\/(react|react-dom|@mantine|electron|vitest|playwright-core|typescript)\//.test(f),
    );
    assert(leaked.length === 0, `sources, maps or development packages in the app: ${leaked.slice(0, 5).join(', ')}`);

    // The native addon lives outside the archive (a .node file cannot be loaded from inside it).
    const addon = 'node_modules/@signalapp/sqlcipher/prebuilds/linux-x64/@signalapp+sqlcipher.node';
    assert(fs.existsSync(path.join(app, 'resources/app.asar.unpacked', addon)), 'sqlcipher .node unpacked next to the archive');
    assert(asar.statFile(archive, addon).unpacked === true, 'the archive marks the addon as unpacked');

    // Every package the built main process imports is in the app, and nothing else is a dependency.
    const imported = new Set<string>();
    for (const dir of ['out/main', 'out/main/chunks'])
      for (const f of fs.readdirSync(path.join(root, dir)).filter((x) => x.endsWith('.js')))
        for (const m of fs.readFileSync(path.join(root, dir, f), 'utf8').matchAll(/(?:from |import\(|require\()\s*["']([^"'$]+)["']/g)) {
          const spec = m[1]!;
          if (spec.startsWith('.') || spec.startsWith('node:') || ['electron', 'module', 'worker_threads'].includes(spec)) continue;
          imported.add(
            spec
              .split('/')
              .slice(0, spec.startsWith('@') ? 2 : 1)
              .join('/'),
          );
        }
    for (const m of imported) assert(files.includes(`/node_modules/${m}/package.json`), `main imports ${m} but the app does not ship it`);
    const unused = Object.keys(pkg.dependencies).filter((d) => !imported.has(d));
    assert(
      unused.length === 0,
      `production dependencies the main process never imports (move them to devDependencies): ${unused.join(', ')}`,
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
