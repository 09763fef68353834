/**
 * The shape of `window.casewalk`, derived from the contract, and the one function both
 * preloads (Electron IPC and the browser test host) use to build it. Each contract method
 * "ns.fn" becomes the named function `casewalk.ns.fn(input)`.
 */
import type { Result } from './result';
import { methodNames, type EventName, type EventPayload, type MethodInput, type MethodName, type MethodOutput } from './contract';
import { PROJECTOR_METHODS, projectorMayHear } from './projector';

type NamespaceOf<M> = M extends `${infer N}.${string}` ? N : never;
type NoRequiredKeys<T> = [keyof T] extends [never] ? true : string extends keyof T ? true : Partial<T> extends T ? true : false;
type Call<M extends MethodName> =
  NoRequiredKeys<MethodInput<M>> extends true
    ? (input?: MethodInput<M>) => Promise<Result<MethodOutput<M>>>
    : (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;

export type CasewalkApi = {
  [N in NamespaceOf<MethodName>]: {
    [M in MethodName as M extends `${N}.${infer F}` ? F : never]: Call<M>;
  };
} & {
  /** Listen to a contract event; returns the function that stops listening. */
  subscribe<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export type Invoke = (method: MethodName, input: unknown) => Promise<Result<unknown>>;
export type Subscribe = (name: EventName, listener: (payload: unknown) => void) => () => void;

export function buildCasewalkApi(invoke: Invoke, subscribe: Subscribe): CasewalkApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of methodNames) {
    const [ns, fn] = name.split('.') as [string, string];
    api[ns] ??= {};
    api[ns][fn] = (input?: unknown) => invoke(name, input ?? {});
  }
  return { ...api, subscribe } as unknown as CasewalkApi;
}

/**
 * The projector window's `window.casewalk`: only the methods and events the projector may
 * use (src/shared/projector.ts). The core refuses anything else from it anyway; this keeps the
 * rest out of the page's reach as well.
 */
export function buildProjectorApi(invoke: Invoke, subscribe: Subscribe): CasewalkApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of PROJECTOR_METHODS) {
    const [ns, fn] = name.split('.') as [string, string];
    api[ns] ??= {};
    api[ns][fn] = (input?: unknown) => invoke(name, input ?? {});
  }
  const projectorSubscribe: Subscribe = (name, listener) => {
    if (!projectorMayHear(name)) throw new Error(`The projector window does not receive ${String(name)}.`);
    return subscribe(name, listener);
  };
  return { ...api, subscribe: projectorSubscribe } as unknown as CasewalkApi;
}
