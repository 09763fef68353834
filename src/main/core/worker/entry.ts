/**
 * Worker-thread entry: the store and every service run here (as in Signal Desktop), so long
 * imports, VACUUM INTO, rekey and aggregates never block the window's main process.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Core } from '../core';
import { dispatch } from '../dispatch';
import type { FromWorker, ToWorker, WorkerData } from './protocol';

if (!parentPort) throw new Error('worker entry must run in a worker thread');
const port = parentPort;
const send = (m: FromWorker) => port.postMessage(m);
// File dialogs live in the main process: ask it, and wait for the chosen path.
let pickId = 0;
const picks = new Map<number, (p: string | null) => void>();
const core = new Core({
  ...(workerData as WorkerData),
  picker: (request) =>
    new Promise((resolve) => {
      const id = ++pickId;
      picks.set(id, resolve);
      send({ type: 'pick', id, request });
    }),
});
core.onEvent((name, payload) => send({ type: 'event', name, payload }));

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'picked') {
    picks.get(msg.id)?.(msg.path);
    picks.delete(msg.id);
    return;
  }
  if (msg.type === 'close') {
    core.close();
    send({ type: 'closed', id: msg.id });
    return;
  }
  // Anything but an explicit presenter is treated as the projector (fail closed).
  void dispatch(core, msg.method, msg.input, msg.caller === 'presenter' ? 'presenter' : 'projector').then((result) =>
    send({ type: 'result', id: msg.id, result }),
  );
});
