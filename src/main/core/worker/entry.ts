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
const core = new Core(workerData as WorkerData);
const send = (m: FromWorker) => port.postMessage(m);
core.onEvent((name, payload) => send({ type: 'event', name, payload }));

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'close') {
    core.close();
    send({ type: 'closed', id: msg.id });
    return;
  }
  void dispatch(core, msg.method, msg.input).then((result) => send({ type: 'result', id: msg.id, result }));
});
