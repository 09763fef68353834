/**
 * What the projector surface (walk mode's shared screen) may reach: one method and the events
 * it needs to follow the presenter. `dispatch()` refuses every other method from a projector
 * caller, whatever the transport; the transports decide who is a projector from something
 * the page cannot set (Electron: the window's webContents; the test host: the token it issued
 * to the projector window).
 */
import type { EventName, MethodName } from './contract';

/** Who is calling: the presenter's own window (everything), or a projector window. */
export type Caller = 'presenter' | 'projector';

export const PROJECTOR_METHODS: readonly MethodName[] = ['projector.view'];
/**
 * `walk.changed` to follow the presenter; `workbench.lockChanged` (no case data: `{locked,
 * reason}`) so the shared screen blanks itself when the workbench locks.
 */
export const PROJECTOR_EVENTS: readonly EventName[] = ['walk.changed', 'workbench.lockChanged'];

export function projectorMayCall(method: unknown): boolean {
  return typeof method === 'string' && (PROJECTOR_METHODS as readonly string[]).includes(method);
}
export function projectorMayHear(event: unknown): boolean {
  return typeof event === 'string' && (PROJECTOR_EVENTS as readonly string[]).includes(event);
}
