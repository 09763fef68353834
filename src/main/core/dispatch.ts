/**
 * One dispatch for every transport (Electron IPC, the loopback test host, the CLI, the
 * worker): validate the input against the contract, check the lock, run the handler, and map
 * every error to the `{ok:false, error:{code, message}}` envelope. Unexpected errors never
 * leak their message (it could contain case text); they are reported as `internal`.
 */
import type { z } from 'zod';
import { methods, type MethodName, type MethodInput, type MethodOutput } from '../../shared/contract';
import { CasewalkError, type Result } from '../../shared/result';
import { describeZodError } from '../../shared/zod-helpers';
import { projectorMayCall, type Caller } from '../../shared/projector';

export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};
/** What a handler receives: the input after zod parsing (defaults applied, strings trimmed). */
export type ParsedInput<M extends MethodName> = z.infer<(typeof methods)[M]['input']>;

export interface DispatchTarget {
  handlers: Handlers;
  isLocked(): boolean;
  /** Called on every accepted call: resets the inactivity timer. */
  touch?(method: MethodName): void;
  /** Committed writes so far; a call after which it moved changed the workbench. */
  writeCount?(): number;
  /** Called after a call that changed the workbench succeeded (emits `data.changed`). */
  changed?(method: MethodName): void;
}

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

/**
 * `caller` is who the transport says is calling: the projector window may call only
 * `projector.view` (src/shared/projector.ts); the CLI and in-process callers are the presenter.
 */
export async function dispatch(
  target: DispatchTarget,
  name: unknown,
  rawInput: unknown,
  caller: Caller = 'presenter',
): Promise<Result<unknown>> {
  if (caller !== 'presenter' && !projectorMayCall(name)) {
    return { ok: false, error: { code: 'forbidden', message: 'The projector window shows the shared screen only; it may not call this.' } };
  }
  if (!isMethodName(name)) {
    return { ok: false, error: { code: 'unknown_method', message: `There is no method called "${String(name).slice(0, 80)}".` } };
  }
  const spec = methods[name];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid_input', message: describeZodError(parsed.error) } };
  }
  if (!('whenLocked' in spec && spec.whenLocked) && target.isLocked()) {
    return { ok: false, error: { code: 'locked', message: 'The workbench is locked. Unlock it to continue.' } };
  }
  try {
    target.touch?.(name);
    const handler = target.handlers[name] as (input: unknown) => unknown;
    const writesBefore = target.writeCount?.();
    const value = await handler(parsed.data);
    if (writesBefore !== undefined && target.writeCount?.() !== writesBefore) target.changed?.(name);
    return { ok: true, value };
  } catch (err) {
    if (err instanceof CasewalkError) return { ok: false, error: err.toShape() };
    reportInternal(name, err);
    return { ok: false, error: { code: 'internal', message: `Something went wrong in ${name}. Nothing was changed.` } };
  }
}

export type TypedCall = <M extends MethodName>(name: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

/** For in-process callers (CLI, tests): unwraps the envelope, throwing CasewalkError on failure. */
export function typedCaller(target: DispatchTarget): TypedCall {
  return async (name, input) => {
    const r = await dispatch(target, name, input);
    if (!r.ok) throw new CasewalkError(r.error.code, r.error.message, r.error.detail, r.error.blocked);
    return r.value as never;
  };
}

function reportInternal(name: string, err: unknown): void {
  // Only the error class and the method: messages can carry SQL values or case text.
  const kind = err instanceof Error ? err.name : typeof err;
  process.stderr.write(`casewalk: internal error in ${name} (${kind})\n`);
  if (process.env.CASEWALK_DEBUG === '1' && err instanceof Error) process.stderr.write(`${err.stack ?? ''}\n`);
}
