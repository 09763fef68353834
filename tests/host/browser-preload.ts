/**
 * The browser "preload" the test host injects before the renderer: the same
 * `window.casewalk` as the Electron preloads, over HTTP (calls) and server-sent events.
 *
 * The host builds it once per surface. The presenter's copy carries the projector's entry URL
 * (with the projector token the host issued) and sends any load of, or move to, `#/projector`
 * there: the projector runs on its own origin, whose server answers only what a projector may
 * call, so the projector tab never holds the presenter's token. The projector's copy exposes
 * only the projector's methods and events (src/shared/projector.ts).
 */
import { buildCasewalkApi, buildProjectorApi, type CasewalkApi, type Invoke, type Subscribe } from '../../src/shared/api';
import { eventNames, type EventName } from '../../src/shared/contract';
import type { Result } from '../../src/shared/result';
import { chooseOpenInBrowser } from './file-chooser';

declare const __CASEWALK_SURFACE__: 'presenter' | 'projector';
declare const __CASEWALK_PROJECTOR_ENTRY__: string | null;

const isProjectorHash = () => /^#\/?projector(?:[/?]|$)/.test(window.location.hash);
if (__CASEWALK_SURFACE__ === 'presenter' && __CASEWALK_PROJECTOR_ENTRY__) {
  const entry = __CASEWALK_PROJECTOR_ENTRY__;
  if (isProjectorHash()) window.location.replace(entry);
  // Registered before the renderer's router, so the presenter page never renders the projector.
  window.addEventListener('hashchange', (e) => {
    if (!isProjectorHash()) return;
    e.stopImmediatePropagation();
    window.location.replace(entry);
  });
}

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

const invoke: Invoke = async (method, input) => {
  // No native dialog in a browser: the page's own file chooser, handed to the host first.
  if (method === 'files.chooseOpen' && __CASEWALK_SURFACE__ === 'presenter') {
    const answer = await chooseOpenInBrowser(input);
    if (answer) return answer;
  }
  const res = await fetch(`/rpc/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input ?? {}),
  });
  return (await res.json()) as Result<unknown>;
};
const subscribe: Subscribe = (name: EventName, listener) => {
  if (!eventNames.includes(name)) throw new Error(`Unknown event ${String(name)}`);
  ensureSource();
  let set = listeners.get(name);
  if (!set) listeners.set(name, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
};

const api: CasewalkApi = __CASEWALK_SURFACE__ === 'projector' ? buildProjectorApi(invoke, subscribe) : buildCasewalkApi(invoke, subscribe);

Object.defineProperty(window, 'casewalk', { value: Object.freeze(api), writable: false, configurable: false });
