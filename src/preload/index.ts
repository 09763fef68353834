/**
 * Electron preload (sandboxed, CommonJS, dependencies bundled). Exposes exactly one global,
 * `window.casewalk`, with one named function per contract method and `subscribe()`.
 * No ipcRenderer, no process, no generic send.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildCasewalkApi, type CasewalkApi } from '../shared/api';
import { eventNames, type EventName } from '../shared/contract';
import type { Result } from '../shared/result';
import { eventChannel, methodChannel } from '../shared/channels';

const api: CasewalkApi = buildCasewalkApi(
  (method, input) => ipcRenderer.invoke(methodChannel(method), input) as Promise<Result<unknown>>,
  (name: EventName, listener) => {
    if (!eventNames.includes(name)) throw new Error(`Unknown event ${String(name)}`);
    const handler = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(eventChannel(name), handler);
    return () => {
      ipcRenderer.off(eventChannel(name), handler);
    };
  },
);

contextBridge.exposeInMainWorld('casewalk', api);
