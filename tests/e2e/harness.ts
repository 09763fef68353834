/**
 * A small end-to-end harness: the built renderer in Debian Chromium (playwright-core) against
 * the loopback test host, a real core and a real encrypted workbench in a temp folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestHost, ROOT, type TestHost } from '../host/server';

export const SCREENSHOTS = path.join(ROOT, 'tests/e2e/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Env {
  host: TestHost;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  dataDir: string;
  /** Console errors and CSP violations seen so far. */
  problems: string[];
  newPage(): Promise<Page>;
}

export async function withEnv<T>(fn: (env: Env) => Promise<T>, prepare?: (dataDir: string) => Promise<void>): Promise<T> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium).`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-e2e-'));
  if (prepare) await prepare(dataDir);
  const host = await startTestHost({ dataDir });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const problems: string[] = [];
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  const watch = (p: Page) => {
    p.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    p.on('pageerror', (e) => problems.push(e.message));
  };
  const newPage = async () => {
    const p = await context.newPage();
    watch(p);
    await p.goto(host.url);
    return p;
  };
  const page = await newPage();
  try {
    return await fn({ host, browser, context, page, dataDir, problems, newPage });
  } finally {
    await browser.close();
    await host.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** axe-core on the current screen: zero serious or critical violations allowed. */
export async function axe(page: Page, screen: string): Promise<void> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
    };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) throw new Error(`axe on ${screen}: ${bad.map((v) => `${v.id} (${v.impact}) at ${v.targets.join(', ')}`).join('; ')}`);
}

/** Screenshot plus accessibility check: every screen we look at is also checked. */
export async function look(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0); // no hover state in the picture
  await page.waitForTimeout(250); // let transitions settle
  await screenshot(page, name);
  await axe(page, name);
}

type TestFn = () => Promise<void>;
const tests: { name: string; fn: TestFn }[] = [];
export function test(name: string, fn: TestFn): void {
  tests.push({ name, fn });
}

export async function runAll(): Promise<{ passed: number; failed: number }> {
  let passed = 0;
  let failed = 0;
  for (const t of tests) {
    const started = Date.now();
    try {
      await t.fn();
      passed++;
      console.log(`  ✓ ${t.name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      console.log(`  ✗ ${t.name}\n    ${e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 6).join('\n    ') : String(e)}`);
    }
  }
  return { passed, failed };
}

export function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}
