/**
 * One ipcMain.handle per contract method. Each checks that the sender is our own top frame,
 * then hands the raw input to the shared dispatch (in the core worker), which validates it
 * with the method's zod schema. Errors come back as {ok:false, error:{code, message}}.
 *
 * Who calls is decided here from the sender's webContents, never from anything the page
 * sends: only the main window the shell built is the presenter; the projector window (and any
 * other webContents) is a projector caller, which `dispatch` lets call `projector.view` only
 * (issue 16, item 15). Events go the same way: a projector window hears only the walk and
 * lock events.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { methodNames, type EventName, type MethodName } from '../../shared/contract';
import { eventChannel, methodChannel } from '../../shared/channels';
import { projectorMayHear, type Caller } from '../../shared/projector';
import type { Result } from '../../shared/result';
import { isOwnUrl } from './security';

export type CallCore = (method: MethodName, input: unknown, caller?: Caller) => Promise<Result<unknown>>;

/** The webContents the shell built, by id. Only a registered presenter is one; anything else is a projector (fail closed). */
export class WindowRoles {
  private readonly presenters = new Set<number>();
  private readonly projectors = new Set<number>();

  /** The main window, right after the shell creates it (before it loads anything). */
  addPresenter(contents: { id: number; once(event: 'destroyed', fn: () => void): unknown }): void {
    this.presenters.add(contents.id);
    contents.once('destroyed', () => this.presenters.delete(contents.id));
  }
  /** A window the app opened (only ever the projector: the window-open handler denies the rest). */
  addProjector(contents: { id: number; once(event: 'destroyed', fn: () => void): unknown }): void {
    this.projectors.add(contents.id);
    contents.once('destroyed', () => this.projectors.delete(contents.id));
  }
  callerOf(webContentsId: number | undefined): Caller {
    if (webContentsId === undefined) return 'projector';
    return this.presenters.has(webContentsId) && !this.projectors.has(webContentsId) ? 'presenter' : 'projector';
  }
  mayReceive(webContentsId: number, event: EventName): boolean {
    return this.callerOf(webContentsId) === 'presenter' || projectorMayHear(event);
  }
}

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent) return false; // sub-frames never talk to the core
  return isOwnUrl(frame.url);
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, call: CallCore, roles: WindowRoles): MethodName[] {
  for (const method of methodNames) {
    ipcMain.handle(methodChannel(method), (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) {
        return Promise.resolve({ ok: false, error: { code: 'forbidden', message: 'This page may not call Casewalk.' } });
      }
      return call(method, input, roles.callerOf(event.sender?.id));
    });
  }
  return methodNames;
}

/** Sends a core event to every window that may hear it. */
export function forwardEvent(
  windows: readonly { webContents: { id: number; send(channel: string, payload: unknown): void } }[],
  roles: WindowRoles,
  name: EventName,
  payload: unknown,
): void {
  for (const w of windows) if (roles.mayReceive(w.webContents.id, name)) w.webContents.send(eventChannel(name), payload);
}
