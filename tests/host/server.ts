/**
 * The loopback test host: serves the built renderer and implements the contract over HTTP,
 * so the real renderer runs in Chromium against the real core and a real encrypted file.
 * Binds 127.0.0.1 only; every request needs the per-run token (set as a cookie on entry).
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

async function buildBrowserPreload(): Promise<string> {
  const r = await esbuild.build({
    entryPoints: [path.join(here, 'browser-preload.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  return r.outputFiles[0]!.text;
}

export async function startTestHost(opts: TestHostOptions): Promise<TestHost> {
  const host = opts.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new Error(`The test host binds loopback only, not ${host}.`);
  const rendererDir = path.resolve(opts.rendererDir ?? path.join(ROOT, 'out/renderer'));
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`No built renderer at ${rendererDir}. Run "npm run build" first.`);
  }
  const token = crypto.randomBytes(24).toString('base64url');
  const preloadJs = await buildBrowserPreload();
  const indexHtml = fs
    .readFileSync(path.join(rendererDir, 'index.html'), 'utf8')
    .replace('<head>', '<head>\n    <script src="/__casewalk/preload.js"></script>');
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
  const sseClients = new Set<http.ServerResponse>();
  const unsubscribe = core.onEvent((name: EventName, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of sseClients) res.write(frame);
  });

  let origin = '';
  const server = http.createServer((req, res) => {
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}) => {
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
    // DNS-rebinding guard: the Host header must be our own loopback address.
    if (req.headers.host !== new URL(origin).host) return send(421, 'Wrong host');
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/__casewalk/enter') {
      if (url.searchParams.get('token') !== token) return send(403, 'Wrong token');
      return send(302, '', 'text/plain', {
        'Set-Cookie': `cw=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: `/${url.hash}`,
      });
    }
    const cookie = /(?:^|;\s*)cw=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    if (cookie !== token) return send(403, 'Open the URL the test host printed.');

    if (req.method === 'POST' && url.pathname.startsWith('/rpc/')) {
      if (req.headers.origin !== origin) return send(403, 'Wrong origin');
      const method = decodeURIComponent(url.pathname.slice(5));
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) req.destroy();
        else chunks.push(c);
      });
      req.on('end', () => {
        let input: unknown;
        try {
          input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        } catch {
          return send(200, JSON.stringify({ ok: false, error: { code: 'invalid_input', message: 'The request body is not JSON.' } }), 'application/json');
        }
        void core.call(method, input).then((r) => send(200, JSON.stringify(r), 'application/json'));
      });
      return;
    }
    if (req.method === 'GET' && url.pathname === '/events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
      return;
    }
    if (req.method !== 'GET') return send(405, 'Method not allowed');
    if (url.pathname === '/__casewalk/preload.js') return send(200, preloadJs, MIME['.js']);
    if (url.pathname === '/' || url.pathname === '/index.html') {
      return send(200, indexHtml, MIME['.html']);
    }
    const file = path.resolve(rendererDir, `.${path.posix.normalize(decodeURIComponent(url.pathname))}`);
    if (!file.startsWith(rendererDir + path.sep)) return send(404, 'Not found');
    fs.readFile(file, (err, body) => {
      if (err) return send(404, 'Not found');
      send(200, body, MIME[path.extname(file)] ?? 'application/octet-stream');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('test host has no address');
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${addr.port}`;
  return {
    origin,
    token,
    url: `${origin}/__casewalk/enter?token=${token}`,
    filesDir,
    queueOpen: (name) => pickQueue.push(name),
    async close() {
      unsubscribe();
      for (const res of sseClients) res.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await core.close();
    },
  };
}
