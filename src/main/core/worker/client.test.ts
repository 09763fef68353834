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
