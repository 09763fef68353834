import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CoreWorkerClient } from './client';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('core worker', () => {
  it('runs the core in a worker thread with the same envelope as dispatch', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-worker-'));
    dirs.push(dataDir);
    const c = new CoreWorkerClient(path.join(__dirname, 'entry.ts'), { dataDir });
    try {
      await expect(c.call('app.info', {})).resolves.toMatchObject({ ok: true, value: { dataDir } });
      await expect(c.call('nope', {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    } finally {
      await c.close();
    }
    await expect(c.call('app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('core worker callers (issue 16, item 15)', () => {
  it("passes the transport's caller to dispatch: a projector may call projector.view only", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-worker-'));
    dirs.push(dataDir);
    const c = new CoreWorkerClient(path.join(__dirname, 'entry.ts'), { dataDir });
    try {
      await expect(c.call('app.info', {}, 'projector')).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
      await expect(c.call('projector.view', {}, 'projector')).resolves.toMatchObject({ ok: false, error: { code: 'locked' } });
      await expect(c.call('app.info', {}, 'presenter')).resolves.toMatchObject({ ok: true, value: { dataDir } });
    } finally {
      await c.close();
    }
  });
});
