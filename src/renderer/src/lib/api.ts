/** The renderer's only door to data: `window.casewalk`, with envelopes unwrapped. */
import type { CasewalkApi } from '../../../shared/api';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import type { CasewalkErrorShape, Result } from '../../../shared/result';

export function api(): CasewalkApi {
  return window.casewalk;
}

export class ApiError extends Error {
  readonly code: CasewalkErrorShape['code'];
  readonly detail: CasewalkErrorShape['detail'];
  /** guard_blocked: each flagged text and where to fix it. */
  readonly blocked: CasewalkErrorShape['blocked'];
  constructor(shape: CasewalkErrorShape) {
    super(shape.message);
    this.code = shape.code;
    this.detail = shape.detail;
    this.blocked = shape.blocked;
  }
}

export async function unwrap<T>(p: Promise<Result<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new ApiError(r.error);
  return r.value;
}

/** Calls one contract method by its name ('incidents.get'): what query keys and mutations use. */
export function call<M extends MethodName>(method: M, input?: MethodInput<M>): Promise<MethodOutput<M>> {
  const [ns, fn] = method.split('.') as [string, string];
  const door = (api() as unknown as Record<string, Record<string, (input?: unknown) => Promise<Result<MethodOutput<M>>>>>)[ns]?.[fn];
  if (!door) return Promise.reject(new Error(`${method} is not available here.`));
  return unwrap(door(input));
}
