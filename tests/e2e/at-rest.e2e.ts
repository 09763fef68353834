/**
 * Data at rest beyond the data folder: canaries typed into the real UI must not appear in the
 * clear in the browser profile (Chromium's equivalent of Electron's userData folder: Local
 * Storage, IndexedDB, caches, session state), in the OS temp folder used by the host and the
 * browser, or in the data folder. The host runs as its own process with a private TMPDIR so
 * "the temp folder" is exactly what this run wrote. A control value put in localStorage must
 * be found, so the scan is shown to see browser storage at all.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT } from '../host/server';
import { assert, test } from './harness';
import { addTimelineStep, PASS, setUp, navTo } from './flows';

const CANARIES = {
  narrative: 'Canary-Narrative quartz heron lattice',
  timeline: 'Canary-Timeline amber falcon ledger',
  finding: 'Canary-Finding cobalt willow harbour',
  search: 'heronlattice',
};
const CONTROL = 'Canary-Control localStorage 5521';

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

function hits(files: string[], needle: string): string[] {
  const forms = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  return files.filter((f) => {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(f);
    } catch {
      return false;
    }
    return forms.some((b) => bytes.includes(b));
  });
}

test('data at rest: canaries typed in the UI reach neither the browser profile (userData) nor the temp folder nor the data folder in the clear', async () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-rest-'));
  const dirs = { data: path.join(base, 'data'), tmp: path.join(base, 'tmp'), profile: path.join(base, 'profile') };
  for (const d of Object.values(dirs)) fs.mkdirSync(d);
  const env = { ...process.env, TMPDIR: dirs.tmp, TMP: dirs.tmp, TEMP: dirs.tmp };
  const host = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/host/main.ts')], {
    env: { ...env, CASEWALK_DATA_DIR: dirs.data, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  // The passphrase and the recovery key are secrets too: neither may be stored anywhere.
  const secrets: string[] = [PASS];
  const closed = new Promise<void>((resolve) => host.once('exit', () => resolve()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`host did not start: ${log}`)), 30_000);
      const read = (b: Buffer) => {
        log += b.toString();
        const m = /Open: (http:\/\/\S+)/.exec(log);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      host.stdout.on('data', read);
      host.stderr.on('data', read);
    });
    const context = await chromium.launchPersistentContext(dirs.profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      env,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
      viewport: { width: 1440, height: 900 },
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(url);
      const recoveryKey = await setUp(page);
      assert(recoveryKey.length > 40, 'a recovery key was shown');
      secrets.push(recoveryKey, recoveryKey.replace(/-/g, ''));
      await page.getByLabel('I have stored the recovery key somewhere safe').check();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { name: 'Home', level: 2 }).waitFor();
      await navTo(page, 'Incidents');
      await page.getByRole('button', { name: 'New incident' }).click();
      await page.getByLabel('Committee code').fill('2026-077');
      await page.getByRole('button', { name: 'Create' }).click();
      await page.getByRole('heading', { name: 'Incident 2026-077' }).waitFor();
      await page.getByLabel('De-identified narrative').fill(`${CANARIES.narrative} ${CANARIES.search}.`);
      await page.getByRole('button', { name: 'Save (Ctrl+S)' }).click();
      await page.getByText('Saved').first().waitFor();
      await addTimelineStep(page, '23:50', CANARIES.timeline);
      const add = page.getByLabel(/^Add a finding/);
      await add.fill(CANARIES.finding);
      await add.press('Enter');
      await page.getByText(CANARIES.finding).first().waitFor(); // the presenter shows it twice: in the room preview and in the list
      // Search puts the query in the URL-less app state and through the contract.
      await navTo(page, 'Incidents');
      await page.getByRole('searchbox', { name: 'Search' }).fill(CANARIES.search);
      await page.getByRole('link', { name: '2026-077' }).or(page.getByText('2026-077')).first().waitFor();
      await page.evaluate((v) => localStorage.setItem('casewalk-scan-control', v), CONTROL);
      await page.getByRole('button', { name: 'Lock' }).click();
      await page.getByRole('button', { name: 'Unlock' }).waitFor();
    } finally {
      await context.close(); // flushes the profile to disk
    }
    host.kill('SIGTERM');
    await closed;

    const profileFiles = filesUnder(dirs.profile);
    const all = [...profileFiles, ...filesUnder(dirs.tmp), ...filesUnder(dirs.data)];
    assert(
      profileFiles.length > 20 && filesUnder(dirs.data).length > 0,
      `the scan covers a real profile (${profileFiles.length} files) and data folder`,
    );
    assert(
      hits(profileFiles, CONTROL).length > 0,
      'control: a value in localStorage is found in the profile, so the scan reads browser storage',
    );
    for (const [where, canary] of [...Object.entries(CANARIES), ...secrets.map((v, i) => [`secret ${i}`, v] as const)]) {
      const found = hits(all, canary).map((f) => path.relative(base, f));
      assert(found.length === 0, `${where} canary in the clear in: ${found.join(', ')}`);
    }
  } finally {
    if (host.exitCode === null) host.kill('SIGKILL');
    fs.rmSync(base, { recursive: true, force: true });
  }
});
