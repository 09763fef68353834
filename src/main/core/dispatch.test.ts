import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appInfo, methodNames, methods } from '../../shared/contract';
import { Core } from './core';
import { dispatch } from './dispatch';
import { APP_VERSION } from './version';
import { unlockedCore } from './test-support';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-dispatch-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('dispatch', () => {
  it('answers app.info with a value that matches its schema', async () => {
    const core = new Core({ dataDir: tmp() });
    const r = await dispatch(core, 'app.info', {});
    expect(r.ok).toBe(true);
    if (r.ok) {
      const info = appInfo.parse(r.value);
      expect(info.version).toBe(APP_VERSION);
      expect(info.workbenchExists).toBe(false);
    }
  });
  it('an internal error reaches neither the caller nor the log with its message (it may carry case text)', async () => {
    const core = new Core({ dataDir: tmp() });
    const canary = 'Canary narrative: caller on the balcony at Elm Court';
    const target = {
      handlers: {
        ...core.handlers,
        'app.info': () => {
          throw new Error(`SQLITE_CONSTRAINT near "${canary}"`);
        },
      },
      isLocked: () => false,
    };
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    try {
      const r = await dispatch(target as never, 'app.info', {});
      expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(JSON.stringify(r)).not.toContain('Canary');
    } finally {
      spy.mockRestore();
    }
    expect(written.join('')).toBe('casewalk: internal error in app.info (Error)\n');
  });
  it('names an unknown method', async () => {
    const r = await dispatch(new Core({ dataDir: tmp() }), 'app.format', {});
    expect(r).toEqual({ ok: false, error: { code: 'unknown_method', message: 'There is no method called "app.format".' } });
  });
  it('refuses prototype keys as method names', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 42, null]) {
      const r = await dispatch(new Core({ dataDir: tmp() }), name, {});
      expect(r.ok ? 'ok' : r.error.code).toBe('unknown_method');
    }
  });
  it('rejects extra fields with a specific message', async () => {
    const r = await dispatch(new Core({ dataDir: tmp() }), 'app.info', { evil: 1 });
    expect(r).toEqual({ ok: false, error: { code: 'invalid_input', message: 'unexpected field "evil".' } });
  });
  it('rejects non-object input for every method', async () => {
    const core = new Core({ dataDir: tmp() });
    for (const m of methodNames) {
      for (const bad of ['x', 5, [1], true]) {
        const r = await dispatch(core, m, bad);
        expect(r.ok ? 'ok' : r.error.code, `${m} with ${JSON.stringify(bad)}`).toBe('invalid_input');
      }
    }
  });
  it('every method has strict object input', () => {
    for (const m of methodNames) {
      const r = methods[m].input.safeParse({ __unexpected__: 1 });
      expect(r.success, m).toBe(false);
    }
  });
});

describe('data.changed', () => {
  it('follows every successful write with its method name only, and never a read or a refused write', async () => {
    const t = await unlockedCore('cw-changed-');
    try {
      const seen: [string, unknown][] = [];
      t.core.onEvent((name, payload) => {
        if (name === 'data.changed') seen.push([name, payload]);
      });
      await t.call('incidents.list', {});
      await t.call('settings.get', {});
      await t.call('home.summary', {});
      await t.call('walk.state', {});
      expect(seen).toEqual([]);
      await t.call('roster.saveOrganisation', { name: 'County Behavioral Health', sector: 'mental_health' });
      expect(seen).toEqual([['data.changed', { method: 'roster.saveOrganisation' }]]);
      expect(await dispatch(t.core, 'incidents.create', { occurredYear: 2026, occurredMonth: 13, code: 'x', narrative: '' })).toMatchObject(
        {
          ok: false,
        },
      );
      expect(seen).toHaveLength(1);
    } finally {
      t.cleanup();
    }
  });
});

describe('version', () => {
  it('matches package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as { version: string };
    expect(APP_VERSION).toBe(pkg.version);
  });
});

describe('dispatch for a projector caller (issue 16, item 15)', () => {
  it('refuses every method but projector.view, before reading the input, and leaves the presenter untouched', async () => {
    const { core, call, cleanup } = await unlockedCore('cw-projector-');
    try {
      const created = await call('incidents.create', {
        occurredYear: 2026,
        occurredMonth: 4,
        narrative: 'Caller Fatima Okafor said her son was at the bus shelter.',
      });
      const id = created.incident.id;
      const refused = await dispatch(core, 'incidents.get', { id }, 'projector');
      expect(refused).toEqual({
        ok: false,
        error: { code: 'forbidden', message: 'The projector window shows the shared screen only; it may not call this.' },
      });
      expect(JSON.stringify(refused)).not.toContain('Okafor');
      for (const m of methodNames.filter((x) => x !== 'projector.view')) {
        const r = await dispatch(core, m, {}, 'projector');
        expect(r.ok ? 'ok' : r.error.code, m).toBe('forbidden');
      }
      // Unknown names and prototype keys are refused the same way.
      for (const name of ['app.format', '__proto__', 42])
        expect(await dispatch(core, name, {}, 'projector')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      // The one method the projector has still validates its input, and answers.
      expect(await dispatch(core, 'projector.view', { evil: 1 }, 'projector')).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
      expect(await dispatch(core, 'projector.view', {}, 'projector')).toEqual({ ok: true, value: null });
      // The presenter (the default caller) still reaches everything.
      const got = await dispatch(core, 'incidents.get', { id });
      expect(got.ok).toBe(true);
      expect(JSON.stringify(got)).toContain('Okafor');
      expect(await dispatch(core, 'projector.view', {}, 'presenter')).toEqual({ ok: true, value: null });
    } finally {
      cleanup();
    }
  });
});
