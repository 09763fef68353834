/**
 * The main-process side of the core worker: `call()` has the same signature as `dispatch()`,
 * so the Electron IPC layer and the test host forward to it without knowing about threads.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EventName } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import type { FilePicker } from '../core';
import type { Caller } from '../../../shared/projector';
import type { FromWorker, ToWorker, WorkerData } from './protocol';

export class CoreWorkerClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, (r: Result<unknown>) => void>();
  private readonly listeners = new Set<(name: EventName, payload: unknown) => void>();
  private dead: string | null = null;
  /** Answers the core's file-dialog requests (native dialog, or the test folder). */
  picker: FilePicker | null = null;

  constructor(entry: string | URL, data: WorkerData) {
    const file = typeof entry === 'string' ? entry : fileURLToPath(entry);
    // Under tsx (tests, CLI, test host) the entry is TypeScript: the loader hooks only apply
    // to modules imported after the worker starts, so a one-line bootstrap imports it.
    this.worker = file.endsWith('.ts')
      ? new Worker(tsBootstrap(file), { eval: true, workerData: data })
      : new Worker(file, { workerData: data });
    this.worker.on('message', (msg: FromWorker) => {
      if (msg.type === 'pick') {
        const answer = (p: string | null) => this.worker.postMessage({ type: 'picked', id: msg.id, path: p } satisfies ToWorker);
        if (!this.picker) answer(null);
        else this.picker(msg.request).then(answer, () => answer(null));
        return;
      }
      if (msg.type === 'event') {
        for (const l of this.listeners) l(msg.name as EventName, msg.payload);
        return;
      }
      const resolve = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      resolve?.(msg.type === 'result' ? msg.result : { ok: true, value: null });
    });
    const die = (why: string) => {
      this.dead = why;
      for (const resolve of this.pending.values()) {
        resolve({ ok: false, error: { code: 'internal', message: 'The Casewalk core stopped unexpectedly. Restart Casewalk.' } });
      }
      this.pending.clear();
    };
    this.worker.on('error', (err) => die(err.name));
    this.worker.on('exit', (code) => die(`exit ${code}`));
  }

  /** `caller`: the transport's word for who is calling (the projector window may call only projector.view). */
  call(method: string, input: unknown, caller: Caller = 'presenter'): Promise<Result<unknown>> {
    if (this.dead) {
      return Promise.resolve({ ok: false, error: { code: 'internal', message: 'The Casewalk core is not running. Restart Casewalk.' } });
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ type: 'call', id, method, input, caller } satisfies ToWorker);
    });
  }

  onEvent(listener: (name: EventName, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    if (!this.dead) {
      const id = this.nextId++;
      await new Promise<void>((resolve) => {
        this.pending.set(id, () => resolve());
        this.worker.postMessage({ type: 'close', id } satisfies ToWorker);
      });
    }
    await this.worker.terminate();
  }
}

/** Development only (tsx is a dev dependency): load a TypeScript worker entry through tsx. */
function tsBootstrap(file: string): string {
  const api = import.meta.resolve('tsx/esm/api');
  const href = pathToFileURL(file).href;
  return `import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(href)}, ${JSON.stringify(href)}));`;
}
