/**
 * The Casewalk core: plain Node, no Electron. One instance per workbench file. It owns the
 * unlocked workbench (if any), the handlers for every contract method, the auto-lock timer
 * and the event emitter the transports forward to the renderer.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { EventName, EventPayload, MethodName } from '../../shared/contract';
import { events } from '../../shared/contract';
import { CasewalkError } from '../../shared/result';
import { dateIn, machineTimeZone } from '../../shared/time-zone';
import type { FileRequest, SessionContext } from './context';
import type { DispatchTarget, Handlers } from './dispatch';
import { FileHandles } from './files';
import { Workbench } from './store/workbench';
import { APP_VERSION } from './version';
import { workbenchHandlers } from './workbench/handlers';
import { incidentHandlers } from './incidents/handlers';
import { importHandlers, type StagedImport } from './import/handlers';
import { meetingHandlers } from './meetings/handlers';
import { recommendationHandlers } from './recommendations/handlers';
import { minutesHandlers } from './minutes/handlers';
import { coverageHandlers } from './coverage/handlers';
import { reportHandlers } from './reports/handlers';
import type { WalkState } from '../../shared/meetings/schemas';
import { DEFAULT_NOTICE } from './store/keyslots';
import { autoLockMinutes, timeZone } from './store/settings';

/** Shows a native save/open dialog (shell) or picks inside the test folder (test host). */
export type FilePicker = (req: FileRequest) => Promise<string | null>;

export interface CoreOptions {
  /** Folder that holds the workbench, its keyslot file and lockout state. */
  dataDir: string;
  /** The workbench file; defaults to `<dataDir>/workbench.db`. */
  dbFile?: string;
  picker?: FilePicker;
  now?: () => number;
}

/**
 * Implements the handlers' context interfaces (`./context`): each feature's handlers see only
 * the part they declare, never this class.
 */
export class Core implements DispatchTarget, SessionContext {
  readonly dataDir: string;
  readonly dbFile: string;
  readonly handlers: Handlers;
  readonly files = new FileHandles();
  /** Parsed import files awaiting a run: memory only, cleared on lock. */
  readonly staging = new Map<string, StagedImport>();
  /** The shared walk-mode state (presenter → projector); memory only, cleared on lock. */
  walk: WalkState | null = null;
  private readonly nowFn: () => number;
  picker: FilePicker | null;
  private readonly emitter = new EventEmitter();
  private wb: Workbench | null = null;
  private autoLockMs = 15 * 60 * 1000;
  private autoLockTimer: NodeJS.Timeout | null = null;
  autoLockAt = 0;
  /** The committee's time zone: the workbench's setting while unlocked, else the machine's. */
  private zone = machineTimeZone();

  constructor(opts: CoreOptions) {
    this.dataDir = path.resolve(opts.dataDir);
    this.dbFile = path.resolve(opts.dbFile ?? path.join(this.dataDir, 'workbench.db'));
    this.picker = opts.picker ?? null;
    this.nowFn = opts.now ?? Date.now;
    fs.mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    this.handlers = {
      'app.info': () => {
        const exists = this.workbenchExists();
        let committee: string | null = null;
        let notice = DEFAULT_NOTICE;
        if (exists) {
          try {
            const k = Workbench.keyholdersOf(this.dbFile);
            committee = k.committee;
            notice = k.notice;
          } catch {
            /* reported when unlocking */
          }
        }
        return {
          name: 'Casewalk',
          version: APP_VERSION,
          dataDir: this.dataDir,
          workbenchExists: exists,
          locked: this.wb === null,
          committee,
          member: this.wb?.actor ?? null,
          systemUseNotice: notice,
        };
      },
      ...workbenchHandlers(this),
      ...incidentHandlers(this),
      ...importHandlers(this),
      ...meetingHandlers(this),
      ...recommendationHandlers(this),
      ...minutesHandlers(this),
      ...coverageHandlers(this),
      ...reportHandlers(this),
    };
  }

  /** Today's date (YYYY-MM-DD) in the committee's time zone, for due dates, overdue checks and minutes. */
  today(): string {
    return dateIn(this.zone, this.nowFn());
  }

  setTimeZone(name: string): void {
    this.zone = name;
  }

  workbenchExists(): boolean {
    return fs.existsSync(this.dbFile);
  }

  isLocked(): boolean {
    return this.wb === null;
  }

  /** The unlocked workbench, or a `locked` error. */
  get workbench(): Workbench {
    if (!this.wb) throw new CasewalkError('locked', 'The workbench is locked. Unlock it to continue.');
    return this.wb;
  }

  setWorkbench(wb: Workbench, reason: 'unlock' | 'create' | 'restore'): void {
    this.wb?.close();
    this.wb = wb;
    this.autoLockMs = wb.read(autoLockMinutes) * 60 * 1000;
    this.zone = wb.read(timeZone);
    this.touch();
    this.emit('workbench.lockChanged', { locked: false, reason });
  }

  setAutoLockMinutes(minutes: number): void {
    this.autoLockMs = minutes * 60 * 1000;
    this.touch();
  }

  /** Locks: closes the connection, zero-fills the key, tells every window. */
  lock(reason: 'manual' | 'inactivity'): void {
    if (this.autoLockTimer) clearTimeout(this.autoLockTimer);
    this.autoLockTimer = null;
    if (!this.wb) return;
    try {
      this.wb.write({ event: 'lock', entity: 'workbench', detail: reason }, () => {});
    } catch {
      /* lock anyway */
    }
    this.wb.close();
    this.wb = null;
    this.staging.clear();
    this.walk = null;
    this.zone = machineTimeZone();
    this.emit('workbench.lockChanged', { locked: true, reason });
  }

  /** Every accepted call while unlocked restarts the inactivity timer. */
  touch(_method?: MethodName): void {
    if (!this.wb) return;
    if (this.autoLockTimer) clearTimeout(this.autoLockTimer);
    this.autoLockAt = Date.now() + this.autoLockMs;
    this.autoLockTimer = setTimeout(() => this.lock('inactivity'), this.autoLockMs);
    this.autoLockTimer.unref?.();
  }

  writeCount(): number {
    return this.wb?.writeCount ?? 0;
  }

  /** After a call that wrote: every window marks stale what it read from that part of the workbench. */
  changed(method: MethodName): void {
    this.emit('data.changed', { method });
  }

  async pickFile(req: FileRequest): Promise<{ handle: string; displayName: string } | null> {
    if (!this.picker) throw new CasewalkError('forbidden', 'Choosing files is not available here.');
    const p = await this.picker(req);
    if (!p) return null;
    return { handle: this.files.register(p, req.mode), displayName: path.basename(p) };
  }

  /** Emits a contract event after validating its payload, so no transport sends a bad one. */
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const parsed = events[name].parse(payload);
    this.emitter.emit('event', name, parsed);
  }

  onEvent(listener: (name: EventName, payload: unknown) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  close(): void {
    if (this.autoLockTimer) clearTimeout(this.autoLockTimer);
    this.wb?.close();
    this.wb = null;
    this.staging.clear();
    this.emitter.removeAllListeners();
  }
}
