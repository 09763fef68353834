/**
 * The Electron shell: windows, IPC, menus, dialogs. The only code under src/main that imports
 * `electron`; everything it needs from Casewalk goes through the core worker.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session } from 'electron';
import { CoreWorkerClient } from '../core/worker/client';
import type { MethodName } from '../../shared/contract';
import type { Caller } from '../../shared/projector';
import { WindowRoles, forwardEvent, registerIpc } from './ipc';
import { buildMenu } from './menu';
import {
  APP_ENTRY,
  APP_SCHEME,
  RESPONSE_HEADERS,
  hardenSession,
  hardenWebContents,
  mainWindowOptions,
  projectorWindowOptions,
  resolveAppFile,
  setPackaged,
} from './security';
import { loadWindowState, saveWindowState } from './window-state';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererRoot = path.join(here, '../renderer');
const preloadPath = path.join(here, '../preload/index.cjs');
// The projector window's own preload: projector.view and the walk events only.
const projectorPreloadPath = path.join(here, '../preload/projector.cjs');

app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

async function start(): Promise<void> {
  setPackaged(app.isPackaged);
  await app.whenReady();
  const userData = app.getPath('userData');
  const core = new CoreWorkerClient(path.join(here, 'core-worker.js'), { dataDir: path.join(userData, 'workbench') });
  const call = (m: MethodName, input: unknown, caller: Caller = 'presenter') => core.call(m, input, caller);
  // Which webContents is the presenter (the main window) and which the projector: the IPC
  // layer decides who calls from the sender's id, never from the page.
  const roles = new WindowRoles();
  // Native dialogs: the chosen path goes to the core, the renderer only ever sees a handle.
  const DIALOG_FILTERS: Record<string, Electron.FileFilter[]> = {
    backup: [{ name: 'Casewalk backup', extensions: ['cwbackup'] }],
    restore: [{ name: 'Casewalk backup', extensions: ['cwbackup'] }],
    import: [{ name: 'CSV file', extensions: ['csv', 'txt'] }],
    mapping: [{ name: 'Casewalk import mapping', extensions: ['json'] }],
  };
  core.picker = async (req) => {
    const parent = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    const filters = DIALOG_FILTERS[req.purpose] ?? [];
    if (req.mode === 'write') {
      const r = parent
        ? await dialog.showSaveDialog(parent, { defaultPath: req.suggestedName, filters })
        : await dialog.showSaveDialog({ defaultPath: req.suggestedName, filters });
      return r.canceled || !r.filePath ? null : r.filePath;
    }
    const options = { properties: ['openFile' as const], filters };
    const r = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  };

  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererRoot, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await fs.promises.readFile(file);
      return new Response(body, {
        headers: { 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream', ...RESPONSE_HEADERS },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
  // Walk mode's projector goes full screen on a second display when there is one.
  const projector = () => {
    const primary = screen.getPrimaryDisplay();
    const other = screen.getAllDisplays().find((d) => d.id !== primary.id);
    const area = (other ?? primary).workArea;
    return projectorWindowOptions(
      projectorPreloadPath,
      { x: area.x, y: area.y, width: Math.min(area.width, 1600), height: Math.min(area.height, 900) },
      Boolean(other),
    );
  };
  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents, projector, (w) => roles.addProjector(w.webContents)));

  registerIpc(ipcMain, call, roles);
  core.onEvent((name, payload) => forwardEvent(BrowserWindow.getAllWindows(), roles, name, payload));

  const state = loadWindowState(userData);
  const options = mainWindowOptions(preloadPath, state);
  // The isolation flags are restated where the window is built, so a static checker
  // (Electronegativity, in CI) sees them; security.test.ts checks mainWindowOptions itself.
  const win = new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  roles.addPresenter(win.webContents);
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  const remember = () => {
    if (win.isDestroyed()) return;
    saveWindowState(userData, { ...win.getNormalBounds(), maximized: win.isMaximized() });
  };
  win.on('close', remember);

  Menu.setApplicationMenu(buildMenu({ call }, Menu));

  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => {
    void core.close().finally(() => app.quit());
  });
  await win.loadURL(APP_ENTRY);
}
