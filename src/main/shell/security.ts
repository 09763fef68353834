/**
 * Every security setting of the shell, as functions a unit test can call with a stubbed
 * `electron` module (see tests/stubs/electron.ts), so none of them can regress silently.
 * Follows Electron's security checklist.
 */
import path from 'node:path';
import type { BrowserWindow, BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'casewalk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export function mainWindowOptions(
  preloadPath: string,
  bounds: { x?: number; y?: number; width: number; height: number },
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Casewalk',
    backgroundColor: '#1a1b1e',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // Middle-click must not open windows (Electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
      devTools: !isPackaged(),
    },
  };
}

let packaged = true;
/** The shell sets this from `app.isPackaged` at start; DevTools are off in packaged builds. */
export function setPackaged(value: boolean): void {
  packaged = value;
}
export function isPackaged(): boolean {
  return packaged;
}

/** True only for pages Casewalk itself serves. */
export function isOwnUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Maps an app:// request to a file inside `root`, or null. Rejects other hosts, encoded
 * traversal (`%2e%2e`), backslashes, NUL bytes and anything that resolves outside root.
 */
export function resolveAppFile(root: string, requestUrl: string): string | null {
  let u: URL;
  try {
    u = new URL(requestUrl);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0') || rel.includes('\\')) return null;
  // The URL parser already folds "..", so look at the raw request too: any traversal attempt
  // is refused outright rather than clamped.
  let raw: string;
  try {
    raw = decodeURIComponent(requestUrl);
  } catch {
    return null;
  }
  if (/(^|[/\\])\.\.([/\\]|$)/.test(raw)) return null;
  if (rel === '/' || rel === '') rel = '/index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, `.${path.posix.normalize(rel)}`);
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  return file;
}

export const RESPONSE_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
} as const;

/** Denies every permission, blocks every request that is not app:// (or devtools in dev). */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
  session.setSpellCheckerEnabled(false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url) });
  });
}

export function isAllowedRequest(url: string): boolean {
  if (isOwnUrl(url)) return true;
  if (!isPackaged() && url.startsWith('devtools://')) return true;
  return false;
}

/** The projector window (walk mode's second screen) is the one window the app may open itself. */
export const PROJECTOR_URL = `${APP_ENTRY}#/projector`;
export function isProjectorUrl(url: string): boolean {
  return url === PROJECTOR_URL;
}

/**
 * The projector: same hardened preferences, full screen on the given display, no menu, and its
 * own preload (`projector.cjs`: projector.view and the walk events only).
 */
export function projectorWindowOptions(
  preloadPath: string,
  bounds: { x: number; y: number; width: number; height: number },
  external: boolean,
): BrowserWindowConstructorOptions {
  const base = mainWindowOptions(preloadPath, bounds);
  return { ...base, title: 'Casewalk — projector', minWidth: 640, minHeight: 400, show: true, autoHideMenuBar: true, fullscreen: external };
}

/**
 * Navigation, redirects, webviews and new windows are refused, except the projector window,
 * whose options (preload, display) the shell supplies. Casewalk opens nothing outside itself:
 * the shell has no call that hands a URL or a file to another program (a test reads its
 * sources), so a link in case text can never start a browser or anything else.
 */
export function hardenWebContents(
  contents: WebContents,
  projector?: () => BrowserWindowConstructorOptions,
  /** Called with every window this page opened (only ever the projector): the shell marks it a projector caller. */
  onProjectorWindow?: (window: BrowserWindow) => void,
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (projector && isProjectorUrl(url)) return { action: 'allow', overrideBrowserWindowOptions: projector() };
    return { action: 'deny' };
  });
  contents.on('did-create-window', (window) => onProjectorWindow?.(window));
}
