import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from './server';

let host: TestHost;
let dataDir: string;
let rendererDir: string;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-host-'));
  rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  host = await startTestHost({ dataDir, rendererDir });
});
afterAll(async () => {
  await host.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

async function cookie(): Promise<string> {
  const r = await fetch(host.url, { redirect: 'manual' });
  expect(r.status).toBe(302);
  return r.headers.get('set-cookie')!.split(';')[0]!;
}

describe('test host', () => {
  it('refuses to bind anything but loopback', async () => {
    await expect(startTestHost({ dataDir, rendererDir, host: '0.0.0.0' })).rejects.toThrow(/loopback only/);
  });
  it('binds 127.0.0.1', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
  it('needs the per-run token', async () => {
    expect((await fetch(`${host.origin}/`)).status).toBe(403);
    expect((await fetch(`${host.origin}/__casewalk/enter?token=wrong`, { redirect: 'manual' })).status).toBe(403);
    const c = await cookie();
    const page = await fetch(`${host.origin}/`, { headers: { cookie: c } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<script src="/__casewalk/preload.js"></script>');
  });
  it('answers contract calls from its own origin only', async () => {
    const c = await cookie();
    const call = (origin: string) =>
      fetch(`${host.origin}/rpc/app.info`, { method: 'POST', headers: { cookie: c, origin, 'content-type': 'application/json' }, body: '{}' });
    expect((await call('http://evil.example')).status).toBe(403);
    const ok = await call(host.origin);
    expect(await ok.json()).toMatchObject({ ok: true, value: { dataDir } });
  });
  it('rejects a foreign Host header (DNS rebinding)', async () => {
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const u = new URL(host.origin);
      http.get({ host: u.hostname, port: u.port, path: '/', headers: { host: 'evil.example' } }, (res) => resolve(res.statusCode ?? 0));
    });
    expect(status).toBe(421);
  });
  it('does not serve files outside the renderer folder', async () => {
    const c = await cookie();
    const r = await fetch(`${host.origin}/%2e%2e/%2e%2e/etc/passwd`, { headers: { cookie: c } });
    expect(r.status).toBe(404);
  });
});
