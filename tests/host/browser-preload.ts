/**
 * The browser "preload" the test host injects before the renderer: the same
 * `window.casewalk` as the Electron preload, over HTTP (calls) and server-sent events.
 */
import { buildCasewalkApi, type CasewalkApi } from '../../src/shared/api';
import { eventNames, type EventName } from '../../src/shared/contract';
import type { Result } from '../../src/shared/result';

const listeners = new Map<string, Set<(payload: unknown) => void>>();
let source: EventSource | null = null;

function ensureSource(): void {
  if (source) return;
  source = new EventSource('/events');
  for (const name of eventNames) {
    source.addEventListener(name, (ev) => {
      const payload: unknown = JSON.parse((ev as MessageEvent<string>).data);
      for (const l of listeners.get(name) ?? []) l(payload);
    });
  }
}

const api = buildCasewalkApi(
  async (method, input) => {
    const res = await fetch(`/rpc/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
    return (await res.json()) as Result<unknown>;
  },
  (name: EventName, listener) => {
    if (!eventNames.includes(name)) throw new Error(`Unknown event ${String(name)}`);
    ensureSource();
    let set = listeners.get(name);
    if (!set) listeners.set(name, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  },
) satisfies CasewalkApi;

Object.defineProperty(window, 'casewalk', { value: Object.freeze(api), writable: false, configurable: false });
