import type { Result } from '../../../shared/result';

export interface WorkerData {
  dataDir: string;
}
export type ToWorker = { type: 'call'; id: number; method: string; input: unknown } | { type: 'close'; id: number };
export type FromWorker =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; name: string; payload: unknown }
  | { type: 'closed'; id: number };
