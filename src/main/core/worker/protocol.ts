import type { Result } from '../../../shared/result';

export interface WorkerData {
  dataDir: string;
}
import type { FileRequest } from '../context';
import type { Caller } from '../../../shared/projector';

export type ToWorker =
  | { type: 'call'; id: number; method: string; input: unknown; caller: Caller }
  | { type: 'close'; id: number }
  | { type: 'picked'; id: number; path: string | null };
export type FromWorker =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; name: string; payload: unknown }
  | { type: 'closed'; id: number }
  | { type: 'pick'; id: number; request: FileRequest };
