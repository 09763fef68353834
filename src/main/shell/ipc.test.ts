import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { handled, ipcMain } from '../../../tests/stubs/electron';
import { methodNames, type EventName, type MethodName } from '../../shared/contract';
import { eventChannel, methodChannel } from '../../shared/channels';
import type { Caller } from '../../shared/projector';
import { dispatch } from '../core/dispatch';
import { unlockedCore } from '../core/test-support';
import { WindowRoles, forwardEvent, isTrustedSender, registerIpc } from './ipc';

const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } }) as never;
const from = (id: number, url = 'app://casewalk/index.html#/projector') =>
  ({ senderFrame: { url, parent: null }, sender: { id } }) as never;
/** A webContents stand-in: an id and the 'destroyed' event. */
const contents = (id: number) => Object.assign(new EventEmitter(), { id });

describe('IPC registration', () => {
  beforeEach(() => handled.clear());

  it('registers exactly one handler per contract method', () => {
    registerIpc(ipcMain, vi.fn(), new WindowRoles());
    expect([...handled.keys()].sort()).toEqual(methodNames.map(methodChannel).sort());
  });

  it('refuses calls from frames that are not our own top-level page', async () => {
    const call = vi.fn(async () => ({ ok: true as const, value: 1 }));
    const roles = new WindowRoles();
    roles.addPresenter(contents(1));
    registerIpc(ipcMain, call, roles);
    const h = handled.get(methodChannel('app.info'))!;
    for (const bad of [
      frame('https://evil.example/'),
      frame('app://casewalk/index.html', {}),
      frame('file:///x.html'),
      { senderFrame: null },
    ]) {
      await expect(h(bad, {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(call).not.toHaveBeenCalled();
    await expect(h(from(1, 'app://casewalk/index.html'), { a: 1 })).resolves.toEqual({ ok: true, value: 1 });
    expect(call).toHaveBeenCalledWith('app.info', { a: 1 }, 'presenter');
  });

  it('isTrustedSender needs a frame', () => {
    expect(isTrustedSender({ senderFrame: null })).toBe(false);
  });
});

describe('projector window over IPC (issue 16, item 15)', () => {
  beforeEach(() => handled.clear());

  it('the caller comes from the sender webContents: only the registered main window is the presenter', () => {
    const roles = new WindowRoles();
    const main = contents(1);
    const projector = contents(2);
    roles.addPresenter(main);
    roles.addProjector(projector);
    expect(roles.callerOf(1)).toBe('presenter');
    expect(roles.callerOf(2)).toBe('projector');
    // Unknown or missing senders are projectors (fail closed), whatever URL the page shows.
    expect(roles.callerOf(3)).toBe('projector');
    expect(roles.callerOf(undefined)).toBe('projector');
    // A closed main window's id is no longer the presenter.
    main.emit('destroyed');
    expect(roles.callerOf(1)).toBe('projector');
  });

  it('a call from the projector window to incidents.get is refused by dispatch; projector.view works; the main window still reaches everything', async () => {
    const { core, call, cleanup } = await unlockedCore('cw-ipc-');
    try {
      const created = await call('incidents.create', {
        occurredYear: 2026,
        occurredMonth: 4,
        narrative: 'Caller Fatima Okafor said her son was at the bus shelter.',
      });
      const roles = new WindowRoles();
      roles.addPresenter(contents(1));
      roles.addProjector(contents(2));
      const seen: Caller[] = [];
      registerIpc(
        ipcMain,
        (m: MethodName, input: unknown, caller?: Caller) => (seen.push(caller!), dispatch(core, m, input, caller)),
        roles,
      );
      const get = handled.get(methodChannel('incidents.get'))!;
      const view = handled.get(methodChannel('projector.view'))!;
      // The projector window's page is our own URL, at #/incidents or anywhere: still a projector.
      for (const url of ['app://casewalk/index.html#/projector', 'app://casewalk/index.html#/incidents/1']) {
        const r = await get(from(2, url), { id: created.incident.id });
        expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        expect(JSON.stringify(r)).not.toContain('Okafor');
      }
      await expect(handled.get(methodChannel('app.info'))!(from(2), {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      await expect(view(from(2), {})).resolves.toEqual({ ok: true, value: null });
      const mine = (await get(from(1, 'app://casewalk/index.html#/incidents/1'), { id: created.incident.id })) as { ok: boolean };
      expect(mine.ok).toBe(true);
      expect(JSON.stringify(mine)).toContain('Okafor');
      expect(seen).toEqual(['projector', 'projector', 'projector', 'projector', 'presenter']);
    } finally {
      cleanup();
    }
  });

  it('events reach the projector window only if it may hear them (walk and lock)', () => {
    const roles = new WindowRoles();
    roles.addPresenter(contents(1));
    roles.addProjector(contents(2));
    const sent = new Map<number, string[]>([
      [1, []],
      [2, []],
      [3, []],
    ]);
    const windows = [1, 2, 3].map((id) => ({ webContents: { id, send: (channel: string) => sent.get(id)!.push(channel) } }));
    for (const name of ['walk.changed', 'workbench.lockChanged', 'task.progress'] as EventName[]) forwardEvent(windows, roles, name, {});
    expect(sent.get(1)).toEqual(['walk.changed', 'workbench.lockChanged', 'task.progress'].map((n) => eventChannel(n as EventName)));
    expect(sent.get(2)).toEqual([eventChannel('walk.changed'), eventChannel('workbench.lockChanged')]);
    expect(sent.get(3)).toEqual([eventChannel('walk.changed'), eventChannel('workbench.lockChanged')]);
  });
});
