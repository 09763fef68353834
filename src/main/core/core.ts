/**
 * The Casewalk core: plain Node, no Electron. One instance per data folder. It owns the open
 * workbench (if any), the handlers for every contract method, and the event emitter the
 * transports forward to the renderer.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { EventName, EventPayload } from '../../shared/contract';
import { events } from '../../shared/contract';
import type { DispatchTarget, Handlers } from './dispatch';
import { APP_VERSION } from './version';

export interface CoreOptions {
  /** Folder that holds the workbench, its keyslot file, settings and lockout state. */
  dataDir: string;
  /** The workbench file; defaults to `<dataDir>/workbench.db`. */
  dbFile?: string;
}

export class Core implements DispatchTarget {
  readonly dataDir: string;
  readonly dbFile: string;
  readonly handlers: Handlers;
  private readonly emitter = new EventEmitter();

  constructor(opts: CoreOptions) {
    this.dataDir = path.resolve(opts.dataDir);
    this.dbFile = path.resolve(opts.dbFile ?? path.join(this.dataDir, 'workbench.db'));
    fs.mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    this.handlers = {
      'app.info': () => ({
        name: 'Casewalk',
        version: APP_VERSION,
        dataDir: this.dataDir,
        workbenchExists: false,
        locked: true,
        committee: null,
        member: null,
        systemUseNotice: '',
      }),
    };
  }

  isLocked(): boolean {
    return true;
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
    this.emitter.removeAllListeners();
  }
}
