/**
 * The projector window's preload (sandboxed, CommonJS, dependencies bundled): the same single
 * global `window.casewalk`, but with only `projector.view` and the walk and lock events
 * (src/shared/projector.ts). The shell also treats this window as a projector caller by its
 * webContents id, so the core refuses anything else from it whatever the page sends.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildProjectorApi } from '../shared/api';
import type { EventName } from '../shared/contract';
import { projectorMayHear } from '../shared/projector';
import type { Result } from '../shared/result';
import { eventChannel, methodChannel } from '../shared/channels';

const api = buildProjectorApi(
  (method, input) => ipcRenderer.invoke(methodChannel(method), input) as Promise<Result<unknown>>,
  (name: EventName, listener) => {
    if (!projectorMayHear(name)) throw new Error(`The projector window does not receive ${String(name)}.`);
    const handler = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(eventChannel(name), handler);
    return () => {
      ipcRenderer.off(eventChannel(name), handler);
    };
  },
);

contextBridge.exposeInMainWorld('casewalk', api);
