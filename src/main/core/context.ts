/**
 * What a handler may reach: a small interface, not the `Core` class. `Core` implements these;
 * each feature's `handlers.ts` asks for the narrowest one it needs (plus, where it keeps state
 * between calls, its own field, e.g. import staging or the walk state), so no handler imports
 * the core and the core imports every handler one way only.
 */
import type { EventName, EventPayload } from '../../shared/contract';
import type { FileHandles, FileMode } from './files';
import type { Workbench } from './store/workbench';

export interface HandlerContext {
  /** The unlocked workbench, or a `locked` error. */
  readonly workbench: Workbench;
  /** Opaque file handles (`fh_…`) the renderer got from a dialog. */
  readonly files: FileHandles;
  /** Today's date (YYYY-MM-DD) in the committee's time zone: due dates, overdue flags, minutes dates. */
  today(): string;
  /** Emits a contract event (validated against the contract) to every window. */
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
}

export interface FileRequest {
  mode: FileMode;
  purpose: string;
  suggestedName?: string;
}

/** The workbench's life cycle, for the workbench, keyholder, settings, backup and file methods. */
export interface SessionContext extends HandlerContext {
  readonly dbFile: string;
  /** When the inactivity lock falls due (ms since the epoch). */
  readonly autoLockAt: number;
  workbenchExists(): boolean;
  isLocked(): boolean;
  setWorkbench(wb: Workbench, reason: 'unlock' | 'create' | 'restore'): void;
  lock(reason: 'manual' | 'inactivity'): void;
  setAutoLockMinutes(minutes: number): void;
  /** Applies a changed time-zone setting to `today()`. */
  setTimeZone(timeZone: string): void;
  pickFile(req: FileRequest): Promise<{ handle: string; displayName: string } | null>;
}
