/**
 * The loopback test host: serves the built renderer and implements the contract over HTTP,
 * so the real renderer runs in Chromium against the real core and a real encrypted file.
 * Binds 127.0.0.1 only; every request needs the per-run token (set as a cookie on entry).
 * The projector window gets its own origin (a second port) and its own token: the presenter's
 * preload sends `#/projector` there, and that origin's server makes every call a projector
 * call (issue 16, item 15).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import { CoreWorkerClient } from '../../src/main/core/worker/client';
import type { EventName } from '../../src/shared/contract';
import { projectorMayHear, type Caller } from '../../src/shared/projector';

/**
 * The two surfaces, each on its own loopback origin with its own token: the presenter (the
 * app) and the projector (walk mode's shared screen). Requests to the projector's origin are
 * projector calls whatever they carry, so `dispatch` refuses all but `projector.view`.
 */
type Surface = Caller;

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');

export interface TestHostOptions {
  dataDir: string;
  rendererDir?: string;
  host?: string;
  port?: number;
  /** The per-run folder the test host's "file dialogs" pick from and save into. */
  filesDir?: string;
}
export interface TestHost {
  url: string;
  origin: string;
  token: string;
  /** The projector's own origin, token and entry URL (the presenter's preload opens it for `#/projector`). */
  projectorOrigin: string;
  projectorToken: string;
  projectorUrl: string;
  filesDir: string;
  /** The next open-file dialog will pick this file name from filesDir (tests only). */
  queueOpen(name: string): void;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};
const MAX_BODY = 4 * 1024 * 1024;
/** The largest file the preview's file chooser hands over (the importer's own limit). */
const MAX_UPLOAD = 512 * 1024 * 1024;

/** A name for a chosen file inside filesDir: its own base name, made safe, never overwriting another. */
export function uploadName(filesDir: string, raw: string): string {
  const base =
    path
      .basename(raw)
      .replace(/[^\w.\- ]+/g, '_')
      .replace(/^\.+/, '')
      .slice(0, 120) || 'chosen-file';
  const ext = path.extname(base);
  let name = base;
  for (let i = 2; fs.existsSync(path.join(filesDir, name)); i++) name = `${base.slice(0, base.length - ext.length)} (${i})${ext}`;
  return name;
}

/** One build per surface: the presenter's knows where the projector enters; the projector's exposes only its own calls. */
async function buildBrowserPreload(surface: Surface, projectorEntry: string | null): Promise<string> {
  const r = await esbuild.build({
    entryPoints: [path.join(here, 'browser-preload.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
    define: { __CASEWALK_SURFACE__: JSON.stringify(surface), __CASEWALK_PROJECTOR_ENTRY__: JSON.stringify(projectorEntry) },
  });
  return r.outputFiles[0]!.text;
}

/** A response writer with the host's security headers. */
function sender(res: http.ServerResponse) {
  return (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}) => {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
      ...extra,
    });
    res.end(body);
  };
}

/** A request body of at most MAX_BODY bytes as JSON (an empty body is `{}`); undefined when it is not JSON. */
function readJson(req: http.IncomingMessage, done: (input: unknown) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (c: Buffer) => {
    size += c.length;
    if (size > MAX_BODY) req.destroy();
    else chunks.push(c);
  });
  req.on('end', () => {
    try {
      done(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
    } catch {
      done(undefined);
    }
  });
}

/** Streams a chosen file into filesDir under a safe, new name; answers 200 {name}, or 413/500 {error} with nothing left behind. */
function receiveUpload(req: http.IncomingMessage, filesDir: string, rawName: string, reply: (status: number, body: unknown) => void): void {
  const name = uploadName(filesDir, rawName);
  const target = path.join(filesDir, name);
  const out = fs.createWriteStream(target, { flags: 'wx' });
  let size = 0;
  let refused = false;
  req.on('data', (c: Buffer) => {
    size += c.length;
    if (size > MAX_UPLOAD && !refused) {
      refused = true;
      req.unpipe(out);
      out.destroy();
      fs.rmSync(target, { force: true });
      reply(413, { error: `The file is larger than ${MAX_UPLOAD / 1024 / 1024} MB.` });
    }
  });
  req.pipe(out);
  out.on('finish', () => !refused && reply(200, { name }));
  out.on('error', () => !refused && reply(500, { error: 'The file could not be saved.' }));
}

/** GET of the built renderer, the injected preload and index.html; nothing outside rendererDir. */
function serveStatic(
  send: ReturnType<typeof sender>,
  pathname: string,
  rendererDir: string,
  pages: { indexHtml: string; preload: string },
): void {
  if (pathname === '/__casewalk/preload.js') return send(200, pages.preload, MIME['.js']);
  if (pathname === '/' || pathname === '/index.html') return send(200, pages.indexHtml, MIME['.html']);
  const file = path.resolve(rendererDir, `.${path.posix.normalize(decodeURIComponent(pathname))}`);
  if (!file.startsWith(rendererDir + path.sep)) return send(404, 'Not found');
  fs.readFile(file, (err, body) => {
    if (err) return send(404, 'Not found');
    send(200, body, MIME[path.extname(file)] ?? 'application/octet-stream');
  });
}

/** The built renderer's index.html with the browser preload injected first. */
function indexWithPreload(rendererDir: string): string {
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`No built renderer at ${rendererDir}. Run "npm run build" first.`);
  }
  return fs
    .readFileSync(path.join(rendererDir, 'index.html'), 'utf8')
    .replace('<head>', '<head>\n    <script src="/__casewalk/preload.js"></script>');
}

async function listen(server: http.Server, host: string, port: number): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('test host has no address');
  return `http://${host.includes(':') ? `[${host}]` : host}:${addr.port}`;
}

export async function startTestHost(opts: TestHostOptions): Promise<TestHost> {
  const host = opts.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new Error(`The test host binds loopback only, not ${host}.`);
  const rendererDir = path.resolve(opts.rendererDir ?? path.join(ROOT, 'out/renderer'));
  const indexHtml = indexWithPreload(rendererDir);
  const token = crypto.randomBytes(24).toString('base64url');
  const projectorToken = crypto.randomBytes(24).toString('base64url');
  const entry = path.join(ROOT, 'src/main/core/worker/entry.ts');
  const core = new CoreWorkerClient(entry, { dataDir: opts.dataDir });
  // The test host's "dialog": files live in one per-run folder; the renderer only gets handles.
  const filesDir = opts.filesDir ?? path.join(opts.dataDir, 'files');
  fs.mkdirSync(filesDir, { recursive: true });
  core.picker = async (req) => {
    if (req.mode === 'write') return path.join(filesDir, path.basename(req.suggestedName ?? 'casewalk-file'));
    const chosen = pickQueue.shift();
    return chosen ? path.join(filesDir, path.basename(chosen)) : null;
  };
  const pickQueue: string[] = [];
  const sseClients = new Map<http.ServerResponse, Surface>();
  const unsubscribe = core.onEvent((name: EventName, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const [res, surface] of sseClients) if (surface === 'presenter' || projectorMayHear(name)) res.write(frame);
  });

  const origins: Record<Surface, string> = { presenter: '', projector: '' };
  const tokens: Record<Surface, string> = { presenter: token, projector: projectorToken };
  // Cookies ignore ports, so each surface has its own cookie name and reads only its own.
  const cookieName: Record<Surface, string> = { presenter: 'cw', projector: 'cwp' };
  const preloads: Record<Surface, string> = { presenter: '', projector: '' };
  const serve = (surface: Surface) => (req: http.IncomingMessage, res: http.ServerResponse) => {
    const origin = origins[surface];
    const send = sender(res);
    // DNS-rebinding guard: the Host header must be our own loopback address.
    if (req.headers.host !== new URL(origin).host) return send(421, 'Wrong host');
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/__casewalk/enter') {
      if (url.searchParams.get('token') !== tokens[surface]) return send(403, 'Wrong token');
      return send(302, '', 'text/plain', {
        'Set-Cookie': `${cookieName[surface]}=${tokens[surface]}; HttpOnly; SameSite=Strict; Path=/`,
        Location: `/${url.hash}`,
      });
    }
    // The projector's origin is same-site with the presenter's (ports do not count), so the
    // presenter's cookie would go along if the projector page navigated or posted here: the
    // browser says where a request came from (Fetch Metadata, which a page cannot set), and
    // the presenter answers only its own origin or the user's own address bar.
    if (surface === 'presenter' && /^(same-site|cross-site)$/.test(String(req.headers['sec-fetch-site'] ?? ''))) {
      return send(403, 'Requests from another page are refused.');
    }
    const cookie = new RegExp(`(?:^|;\\s*)${cookieName[surface]}=([^;]+)`).exec(req.headers.cookie ?? '')?.[1];
    if (cookie !== tokens[surface]) return send(403, 'Open the URL the test host printed.');

    if (req.method === 'POST' && url.pathname.startsWith('/rpc/')) {
      if (req.headers.origin !== origin) return send(403, 'Wrong origin');
      const method = decodeURIComponent(url.pathname.slice(5));
      // Who calls is the origin (and token) the request came in on, never anything in it.
      readJson(req, (input) =>
        input === undefined
          ? send(
              200,
              JSON.stringify({ ok: false, error: { code: 'invalid_input', message: 'The request body is not JSON.' } }),
              'application/json',
            )
          : void core.call(method, input, surface).then((r) => send(200, JSON.stringify(r), 'application/json')),
      );
      return;
    }
    // The preview's file chooser: the browser preload reads the chosen file and hands it over
    // here; it is saved in filesDir and becomes the next file the open-file "dialog" picks.
    if (surface === 'presenter' && url.pathname === '/__casewalk/pick-queue' && req.method === 'GET') {
      return send(200, JSON.stringify({ queued: pickQueue.length }), 'application/json');
    }
    if (surface === 'presenter' && url.pathname === '/__casewalk/upload' && req.method === 'POST') {
      if (req.headers.origin !== origin) return send(403, 'Wrong origin');
      receiveUpload(req, filesDir, url.searchParams.get('name') ?? '', (status, body) => {
        if (status === 200) pickQueue.push((body as { name: string }).name);
        send(status, JSON.stringify(body), 'application/json');
      });
      return;
    }
    if (req.method === 'GET' && url.pathname === '/events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      sseClients.set(res, surface);
      req.on('close', () => sseClients.delete(res));
      return;
    }
    if (req.method !== 'GET') return send(405, 'Method not allowed');
    serveStatic(send, url.pathname, rendererDir, { indexHtml, preload: preloads[surface] });
  };

  const server = http.createServer(serve('presenter'));
  const projectorServer = http.createServer(serve('projector'));
  origins.presenter = await listen(server, host, opts.port ?? 0);
  origins.projector = await listen(projectorServer, host, 0);
  const origin = origins.presenter;
  const projectorUrl = `${origins.projector}/__casewalk/enter?token=${projectorToken}#/projector`;
  preloads.presenter = await buildBrowserPreload('presenter', projectorUrl);
  preloads.projector = await buildBrowserPreload('projector', null);
  return {
    origin,
    token,
    url: `${origin}/__casewalk/enter?token=${token}`,
    projectorOrigin: origins.projector,
    projectorToken,
    projectorUrl,
    filesDir,
    queueOpen: (name) => pickQueue.push(name),
    async close() {
      unsubscribe();
      for (const res of sseClients.keys()) res.end();
      for (const srv of [server, projectorServer]) {
        await new Promise<void>((resolve) => srv.close(() => resolve()));
        srv.closeAllConnections();
      }
      await core.close();
    },
  };
}
