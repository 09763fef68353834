import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../../shared/csp';
import {
  RESPONSE_HEADERS,
  hardenSession,
  hardenWebContents,
  projectorWindowOptions,
  isAllowedRequest,
  isOwnUrl,
  mainWindowOptions,
  resolveAppFile,
  setPackaged,
} from './security';

describe('main window options', () => {
  it('turns on every renderer isolation setting', () => {
    setPackaged(true);
    const o = mainWindowOptions('/app/preload/index.cjs', { width: 1200, height: 800 });
    expect(o.webPreferences).toMatchObject({
      preload: '/app/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });
  it('allows DevTools only when not packaged', () => {
    setPackaged(false);
    expect(mainWindowOptions('/p', { width: 1000, height: 700 }).webPreferences?.devTools).toBe(true);
    setPackaged(true);
  });
});

describe('content security policy', () => {
  it('is the one shared constant, self only', () => {
    expect(RESPONSE_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|unsafe-eval|script-src[^;]*unsafe-inline/);
  });
  it('index.html carries the same policy as a meta tag (without frame-ancestors, which a meta tag cannot set)', () => {
    const html = fs.readFileSync(path.resolve(__dirname, '../../renderer/index.html'), 'utf8');
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)].map((m) => m[1]);
    expect(metas).toEqual([CONTENT_SECURITY_POLICY_META]);
    expect(CONTENT_SECURITY_POLICY_META).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });
  it('the main window is built with the isolation flags stated where Electronegativity can read them', () => {
    const main = fs.readFileSync(path.resolve(__dirname, 'main.ts'), 'utf8');
    const built = /new BrowserWindow\(\{[\s\S]*?\}\);/.exec(main)?.[0] ?? '';
    for (const flag of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', "disableBlinkFeatures: 'Auxclick'"])
      expect(built).toContain(flag);
    expect(main.match(/new BrowserWindow\(/g)).toHaveLength(1);
  });
  it('the shell never starts the crash reporter (dumps can hold case text) and never opens anything outside the app', () => {
    for (const f of fs.readdirSync(__dirname).filter((x) => x.endsWith('.ts') && !x.endsWith('.test.ts'))) {
      expect(fs.readFileSync(path.join(__dirname, f), 'utf8'), f).not.toMatch(
        /crashReporter|@electron\/remote|openExternal|openPath|showItemInFolder/,
      );
    }
  });
});

describe('urls', () => {
  it('recognises only our own origin', () => {
    expect(isOwnUrl('app://casewalk/index.html')).toBe(true);
    expect(isOwnUrl('app://evil/index.html')).toBe(false);
    expect(isOwnUrl('https://casewalk/index.html')).toBe(false);
    expect(isOwnUrl('file:///etc/passwd')).toBe(false);
    expect(isOwnUrl('not a url')).toBe(false);
  });
  it('blocks every request that is not app:// in packaged builds', () => {
    setPackaged(true);
    expect(isAllowedRequest('app://casewalk/assets/x.js')).toBe(true);
    expect(isAllowedRequest('https://example.org/')).toBe(false);
    expect(isAllowedRequest('devtools://devtools/bundled')).toBe(false);
    expect(isAllowedRequest('file:///etc/passwd')).toBe(false);
  });
});

describe('app:// protocol path check', () => {
  const root = path.resolve('/srv/casewalk/renderer');
  it('serves files inside the renderer folder', () => {
    expect(resolveAppFile(root, 'app://casewalk/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://casewalk/assets/a.js')).toBe(path.join(root, 'assets/a.js'));
  });
  it.each([
    'app://casewalk/../../etc/passwd',
    'app://casewalk/%2e%2e/%2e%2e/etc/passwd',
    'app://casewalk/assets/..%2f..%2f..%2fetc/passwd',
    'app://casewalk/a%5c..%5c..%5cwin.ini',
    'app://casewalk/x%00.js',
    'app://other/index.html',
    'app://casewalk/%E0%A4%A',
  ])('refuses %s', (u) => {
    const r = resolveAppFile(root, u);
    expect(r === null || r.startsWith(root + path.sep)).toBe(true);
    if (u.includes('passwd') || u.includes('win.ini') || u.includes('other') || u.includes('%00') || u.endsWith('%A')) {
      expect(r).toBeNull();
    }
  });
});

describe('session hardening', () => {
  it('denies every permission and cancels foreign requests', () => {
    let request: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    let before: ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
    const spell = vi.fn();
    const fake = {
      setPermissionRequestHandler: (fn: typeof request) => (request = fn),
      setPermissionCheckHandler: (fn: typeof check) => (check = fn),
      setSpellCheckerEnabled: spell,
      webRequest: { onBeforeRequest: (fn: typeof before) => (before = fn) },
    } as unknown as Session;
    setPackaged(true);
    hardenSession(fake);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const cb = vi.fn();
      request!(null, p, cb);
      expect(cb).toHaveBeenCalledWith(false);
    }
    expect(check!()).toBe(false);
    expect(spell).toHaveBeenCalledWith(false);
    const res = vi.fn();
    before!({ url: 'https://tracker.example/' }, res);
    expect(res).toHaveBeenCalledWith({ cancel: true });
    before!({ url: 'app://casewalk/index.html' }, res);
    expect(res).toHaveBeenLastCalledWith({ cancel: false });
  });
});

describe('web contents hardening', () => {
  function fakeContents() {
    const em = new EventEmitter();
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    const wc = Object.assign(em, { setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn) });
    return { wc: wc as unknown as WebContents, em, open: (url: string) => openHandler!({ url }) };
  }
  const ev = () => ({ preventDefault: vi.fn() });

  it('blocks navigation and redirects away from the app', () => {
    const { wc, em } = fakeContents();
    hardenWebContents(wc, vi.fn());
    const e1 = ev();
    em.emit('will-navigate', e1, 'https://example.org/');
    expect(e1.preventDefault).toHaveBeenCalled();
    const e2 = ev();
    em.emit('will-redirect', e2, 'file:///etc/passwd');
    expect(e2.preventDefault).toHaveBeenCalled();
    const e3 = ev();
    em.emit('will-navigate', e3, 'app://casewalk/index.html#/incidents');
    expect(e3.preventDefault).not.toHaveBeenCalled();
    const e4 = ev();
    em.emit('will-attach-webview', e4);
    expect(e4.preventDefault).toHaveBeenCalled();
  });
  it('denies every new window, https links included: nothing opens outside Casewalk', () => {
    const { wc, open } = fakeContents();
    hardenWebContents(wc);
    for (const url of [
      'https://www.samhsa.gov/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'app://casewalk/index.html',
      'app://casewalk/index.html#/projector',
    ]) {
      expect(open(url), url).toEqual({ action: 'deny' });
    }
  });
  it('allows exactly the projector window, with hardened options from the shell', () => {
    const { wc, open } = fakeContents();
    const options = projectorWindowOptions('/app/preload.cjs', { x: 1920, y: 0, width: 1280, height: 720 }, true);
    hardenWebContents(wc, () => options);
    expect(open('app://casewalk/index.html#/projector')).toEqual({ action: 'allow', overrideBrowserWindowOptions: options });
    expect(open('app://casewalk/index.html#/projector/../settings')).toEqual({ action: 'deny' });
    expect(open('https://evil.example/#/projector')).toEqual({ action: 'deny' });
    expect(options).toMatchObject({
      x: 1920,
      fullscreen: true,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, preload: '/app/preload.cjs' },
    });
  });
  it('hands every window the page opened to the shell as a projector (issue 16, item 15)', () => {
    const { wc, em } = fakeContents();
    const onProjector = vi.fn();
    hardenWebContents(wc, vi.fn(), onProjector);
    const child = { webContents: { id: 7 } };
    em.emit('did-create-window', child, { url: 'app://casewalk/index.html#/projector' });
    expect(onProjector).toHaveBeenCalledWith(child);
  });
  it('the shell gives the projector window its own preload, marks the main window the presenter and routes calls and events by window (issue 16, item 15)', () => {
    const main = fs.readFileSync(path.resolve(__dirname, 'main.ts'), 'utf8');
    expect(main).toContain("const projectorPreloadPath = path.join(here, '../preload/projector.cjs');");
    expect(main).toMatch(/projectorWindowOptions\(\s*projectorPreloadPath,/);
    expect(main).toContain('hardenWebContents(contents, projector, (w) => roles.addProjector(w.webContents))');
    expect(main).toContain('registerIpc(ipcMain, call, roles);');
    expect(main).toContain('forwardEvent(BrowserWindow.getAllWindows(), roles, name, payload)');
    expect(main).not.toContain('webContents.send(');
    // The presenter is registered right after the one `new BrowserWindow` and before it loads.
    const built = main.indexOf('new BrowserWindow(');
    const registered = main.indexOf('roles.addPresenter(win.webContents);');
    expect(registered).toBeGreaterThan(built);
    expect(registered).toBeLessThan(main.indexOf('win.loadURL('));
    const config = fs.readFileSync(path.resolve(__dirname, '../../../electron.vite.config.ts'), 'utf8');
    expect(config).toContain("projector: resolve(import.meta.dirname, 'src/preload/projector.ts')");
    // The projector's preload exposes only the projector's calls and events.
    const preload = fs.readFileSync(path.resolve(__dirname, '../../preload/projector.ts'), 'utf8');
    expect(preload).toContain('buildProjectorApi(');
    expect(preload).not.toContain('buildCasewalkApi');
  });
});
