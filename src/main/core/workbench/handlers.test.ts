import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Core } from '../core';
import { dispatch } from '../dispatch';
import { machineTimeZone } from '../../../shared/time-zone';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
async function unlockedCore() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-h-'));
  dirs.push(dataDir);
  const core = new Core({ dataDir });
  const r = await dispatch(core, 'workbench.create', {
    committee: 'Riverside CIT',
    keyholder: 'Dana',
    passphrase: 'harbour lantern quietly 42',
  });
  expect(r.ok).toBe(true);
  return core;
}

describe('workbench handlers', () => {
  it('refuse everything but the unlock methods while locked', async () => {
    const core = await unlockedCore();
    await dispatch(core, 'workbench.lock', {});
    for (const m of ['audit.list', 'settings.get', 'workbench.verify', 'keyholders.add'] as const) {
      const r = await dispatch(core, m, m === 'keyholders.add' ? { name: 'Sam', passphrase: 'meadow copper violin 77' } : {});
      expect(r.ok ? 'ok' : r.error.code, m).toBe('locked');
    }
    expect((await dispatch(core, 'workbench.keyholders', {})).ok).toBe(true);
    core.close();
  });

  it('settings: clear messages for out-of-range values, and changes are audited', async () => {
    const core = await unlockedCore();
    expect(await dispatch(core, 'settings.update', { autoLockMinutes: 45 })).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'autoLockMinutes: Auto-lock can be at most 30 minutes (CJIS).' },
    });
    expect(await dispatch(core, 'settings.update', { systemUseNotice: '   ' })).toMatchObject({
      ok: false,
      error: { message: 'systemUseNotice: The system use notice cannot be empty.' },
    });
    expect(await dispatch(core, 'settings.update', { autoLockMinutes: 5, systemUseNotice: 'Committee use only.' })).toEqual({
      ok: true,
      value: {
        autoLockMinutes: 5,
        systemUseNotice: 'Committee use only.',
        minutesNames: false,
        timeZone: machineTimeZone(),
        dateStyle: 'iso',
      },
    });
    const audit = await dispatch(core, 'audit.list', { event: 'settings_changed' });
    expect(audit).toMatchObject({ ok: true, value: { total: 1, rows: [{ detail: 'autoLockMinutes,systemUseNotice' }] } });
    // The date style: one of the known styles, kept across a lock.
    expect(await dispatch(core, 'settings.update', { dateStyle: 'fr-FR' as never })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('Choose one of the date styles') },
    });
    expect(await dispatch(core, 'settings.update', { dateStyle: 'en-US' })).toMatchObject({ ok: true, value: { dateStyle: 'en-US' } });
    await dispatch(core, 'workbench.lock', {});
    expect(await dispatch(core, 'workbench.unlock', { passphrase: 'harbour lantern quietly 42' })).toMatchObject({ ok: true });
    expect(await dispatch(core, 'settings.get', {})).toMatchObject({ ok: true, value: { dateStyle: 'en-US' } });
    core.close();
  });

  it('file handles are single-use and mode-checked', async () => {
    const core = await unlockedCore();
    const dir = path.dirname(core.dbFile);
    const handle = core.files.register(path.join(dir, 'b.cwbackup'), 'read');
    expect(await dispatch(core, 'backup.create', { handle })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await dispatch(core, 'backup.create', { handle: 'fh_unknownhandle' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await dispatch(core, 'backup.create', { handle: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const w = core.files.register(path.join(dir, 'b.cwbackup'), 'write');
    expect((await dispatch(core, 'backup.create', { handle: w })).ok).toBe(true);
    expect(await dispatch(core, 'backup.create', { handle: w })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    core.close();
  });

  it('auto-locks after the configured inactivity', async () => {
    const core = await unlockedCore();
    const events: unknown[] = [];
    core.onEvent((name, payload) => events.push({ name, payload }));
    core.setAutoLockMinutes(1 / 600); // 100 ms
    await new Promise((r) => setTimeout(r, 300));
    expect(core.isLocked()).toBe(true);
    expect(events).toContainEqual({ name: 'workbench.lockChanged', payload: { locked: true, reason: 'inactivity' } });
    core.close();
  });
});
