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
      fetch(`${host.origin}/rpc/app.info`, {
        method: 'POST',
        headers: { cookie: c, origin, 'content-type': 'application/json' },
        body: '{}',
      });
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

describe("test host: the preview's file chooser (issue 19)", () => {
  const upload = (c: string, name: string, body: string, origin = host.origin) =>
    fetch(`${host.origin}/__casewalk/upload?name=${encodeURIComponent(name)}`, { method: 'POST', headers: { cookie: c, origin }, body });
  const queued = async (c: string) =>
    ((await (await fetch(`${host.origin}/__casewalk/pick-queue`, { headers: { cookie: c } })).json()) as { queued: number }).queued;

  it('a chosen file is saved in the files folder under its own (safe) name, never over another, and picked next', async () => {
    const c = await cookie();
    expect(await queued(c)).toBe(0);
    const a = await upload(c, '../../outside.csv', 'y,m\n2025,5\n');
    expect(await a.json()).toEqual({ name: 'outside.csv' });
    expect(fs.readFileSync(path.join(host.filesDir, 'outside.csv'), 'utf8')).toBe('y,m\n2025,5\n');
    expect(fs.existsSync(path.join(host.filesDir, '..', '..', 'outside.csv'))).toBe(false);
    const b = await upload(c, 'outside.csv', 'second');
    expect(await b.json()).toEqual({ name: 'outside (2).csv' });
    expect(fs.readFileSync(path.join(host.filesDir, 'outside.csv'), 'utf8')).toBe('y,m\n2025,5\n');
    expect(await queued(c)).toBe(2);
    // The ordinary open-file call now picks them, in order.
    const pick = async () =>
      (await (
        await fetch(`${host.origin}/rpc/files.chooseOpen`, {
          method: 'POST',
          headers: { cookie: c, origin: host.origin, 'content-type': 'application/json' },
          body: JSON.stringify({ purpose: 'import' }),
        })
      ).json()) as { ok: boolean; value: { displayName: string } | null };
    expect((await pick()).value?.displayName).toBe('outside.csv');
    expect((await pick()).value?.displayName).toBe('outside (2).csv');
    expect(await queued(c)).toBe(0);
  });

  it('refuses a hand-over from another origin or without the token', async () => {
    const c = await cookie();
    expect((await upload(c, 'x.csv', 'a', 'http://evil.example')).status).toBe(403);
    expect((await upload('cw=wrong', 'x.csv', 'a')).status).toBe(403);
    expect(fs.existsSync(path.join(host.filesDir, 'x.csv'))).toBe(false);
  });
});

describe('test host: the projector surface (issue 16, item 15)', () => {
  const TEST_PASSPHRASE = 'harbour lantern quietly 42';
  async function projectorCookie(): Promise<string> {
    const r = await fetch(host.projectorUrl, { redirect: 'manual' });
    expect(r.status).toBe(302);
    return r.headers.get('set-cookie')!.split(';')[0]!;
  }
  const rpc = (origin: string, cookieHeader: string, method: string, body: unknown = {}, headers: Record<string, string> = {}) =>
    fetch(`${origin}/rpc/${method}`, {
      method: 'POST',
      headers: { cookie: cookieHeader, origin, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('has its own origin and token, issued by the host', async () => {
    expect(host.projectorOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.projectorOrigin).not.toBe(host.origin);
    expect(host.projectorToken).not.toBe(host.token);
    expect(host.projectorUrl).toBe(`${host.projectorOrigin}/__casewalk/enter?token=${host.projectorToken}#/projector`);
    // The presenter's token does not open the projector's origin, and the projector's does not open the presenter's.
    expect((await fetch(`${host.projectorOrigin}/__casewalk/enter?token=${host.token}`, { redirect: 'manual' })).status).toBe(403);
    expect((await fetch(`${host.origin}/__casewalk/enter?token=${host.projectorToken}`, { redirect: 'manual' })).status).toBe(403);
    const pc = await projectorCookie();
    expect(pc).toBe(`cwp=${host.projectorToken}`);
    const page = await fetch(`${host.projectorOrigin}/`, { headers: { cookie: pc } });
    expect(page.status).toBe(200);
    // The projector's page gets the projector's preload: no presenter entry, only its own calls.
    const preload = await (await fetch(`${host.projectorOrigin}/__casewalk/preload.js`, { headers: { cookie: pc } })).text();
    expect(preload).not.toContain(host.token);
    const presenterPreload = await (await fetch(`${host.origin}/__casewalk/preload.js`, { headers: { cookie: await cookie() } })).text();
    expect(presenterPreload).toContain(host.projectorUrl);
  });

  it('a request with the projector token may call projector.view only; the presenter token still reaches everything', async () => {
    const c = await cookie();
    const pc = await projectorCookie();
    const created = await (
      await rpc(host.origin, c, 'workbench.create', { committee: 'Riverside CIT', keyholder: 'Dana', passphrase: TEST_PASSPHRASE })
    ).json();
    expect(created).toMatchObject({ ok: true });
    const inc = (await (
      await rpc(host.origin, c, 'incidents.create', {
        occurredYear: 2026,
        occurredMonth: 4,
        narrative: 'Caller Fatima Okafor said her son was at the bus shelter.',
      })
    ).json()) as { ok: true; value: { incident: { id: number } } };
    const id = inc.value.incident.id;

    const refused = await (await rpc(host.projectorOrigin, pc, 'incidents.get', { id })).json();
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(JSON.stringify(refused)).not.toContain('Okafor');
    for (const m of ['app.info', 'incidents.list', 'walk.set', 'workbench.lock', 'workbench.backup']) {
      expect(await (await rpc(host.projectorOrigin, pc, m)).json(), m).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await (await rpc(host.projectorOrigin, pc, 'projector.view')).json()).toEqual({ ok: true, value: null });
    // Carrying the presenter's cookie as well changes nothing on the projector's origin.
    expect(await (await rpc(host.projectorOrigin, `${pc}; ${c}`, 'incidents.get', { id })).json()).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // Without the projector's token its origin answers nothing, even with the presenter's.
    expect((await rpc(host.projectorOrigin, c, 'projector.view')).status).toBe(403);

    const got = await (await rpc(host.origin, c, 'incidents.get', { id })).json();
    expect(got).toMatchObject({ ok: true });
    expect(JSON.stringify(got)).toContain('Okafor');
    expect(await (await rpc(host.origin, c, 'projector.view')).json()).toEqual({ ok: true, value: null });
  });

  it('the presenter refuses what the projector page could send it (another origin, or a same-site page)', async () => {
    const c = await cookie();
    // A fetch from the projector's page carries its own Origin …
    expect((await rpc(host.origin, c, 'app.info', {}, { origin: host.projectorOrigin })).status).toBe(403);
    // … and a navigation or form post from it is same-site (ports do not count), which the browser says.
    expect((await fetch(`${host.origin}/`, { headers: { cookie: c, 'sec-fetch-site': 'same-site' } })).status).toBe(403);
    expect((await rpc(host.origin, c, 'app.info', {}, { 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await fetch(`${host.origin}/`, { headers: { cookie: c, 'sec-fetch-site': 'same-origin' } })).status).toBe(200);
    expect((await fetch(`${host.origin}/`, { headers: { cookie: c, 'sec-fetch-site': 'none' } })).status).toBe(200);
  });

  it('the projector hears the walk and lock events only', async () => {
    const c = await cookie();
    const pc = await projectorCookie();
    const read = async (origin: string, cookieHeader: string) => {
      const ctrl = new AbortController();
      const res = await fetch(`${origin}/events`, { headers: { cookie: cookieHeader }, signal: ctrl.signal });
      const reader = res.body!.getReader();
      let text = '';
      const pump = (async () => {
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            text += new TextDecoder().decode(value);
          }
        } catch {
          /* aborted */
        }
      })();
      return { stop: async () => (ctrl.abort(), await pump, text) };
    };
    const presenter = await read(host.origin, c);
    const projector = await read(host.projectorOrigin, pc);
    // Locking emits lockChanged to both; every event the projector's stream carries is one it may hear.
    await rpc(host.origin, c, 'workbench.lock');
    await new Promise((r) => setTimeout(r, 300));
    const [p, q] = [await presenter.stop(), await projector.stop()];
    expect(p).toContain('event: workbench.lockChanged');
    expect(q).toContain('event: workbench.lockChanged');
    for (const line of q.split('\n').filter((l) => l.startsWith('event: ')))
      expect(['event: walk.changed', 'event: workbench.lockChanged']).toContain(line);
  });
});
