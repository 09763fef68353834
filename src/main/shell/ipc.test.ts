import { beforeEach, describe, expect, it, vi } from 'vitest';
import { handled, ipcMain } from '../../../tests/stubs/electron';
import { methodNames } from '../../shared/contract';
import { methodChannel } from '../../shared/channels';
import { isTrustedSender, registerIpc } from './ipc';

const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } }) as never;

describe('IPC registration', () => {
  beforeEach(() => handled.clear());

  it('registers exactly one handler per contract method', () => {
    registerIpc(ipcMain, vi.fn());
    expect([...handled.keys()].sort()).toEqual(methodNames.map(methodChannel).sort());
  });

  it('refuses calls from frames that are not our own top-level page', async () => {
    const call = vi.fn(async () => ({ ok: true as const, value: 1 }));
    registerIpc(ipcMain, call);
    const h = handled.get(methodChannel('app.info'))!;
    for (const bad of [frame('https://evil.example/'), frame('app://casewalk/index.html', {}), frame('file:///x.html'), { senderFrame: null }]) {
      await expect(h(bad, {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(call).not.toHaveBeenCalled();
    await expect(h(frame('app://casewalk/index.html'), { a: 1 })).resolves.toEqual({ ok: true, value: 1 });
    expect(call).toHaveBeenCalledWith('app.info', { a: 1 });
  });

  it('isTrustedSender needs a frame', () => {
    expect(isTrustedSender({ senderFrame: null })).toBe(false);
  });
});
