/**
 * One ipcMain.handle per contract method. Each checks that the sender is our own top frame,
 * then hands the raw input to the shared dispatch (in the core worker), which validates it
 * with the method's zod schema. Errors come back as {ok:false, error:{code, message}}.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { methodNames, type MethodName } from '../../shared/contract';
import { methodChannel } from '../../shared/channels';
import type { Result } from '../../shared/result';
import { isOwnUrl } from './security';

export type CallCore = (method: MethodName, input: unknown) => Promise<Result<unknown>>;

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent) return false; // sub-frames never talk to the core
  return isOwnUrl(frame.url);
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, call: CallCore): MethodName[] {
  for (const method of methodNames) {
    ipcMain.handle(methodChannel(method), (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) {
        return Promise.resolve({ ok: false, error: { code: 'forbidden', message: 'This page may not call Casewalk.' } });
      }
      return call(method, input);
    });
  }
  return methodNames;
}
