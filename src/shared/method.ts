import type { z } from 'zod';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Methods that work while the workbench is locked. Everything else needs it unlocked. */
  whenLocked?: true;
}
export const method = <I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  opts: { whenLocked?: true } = {},
): MethodSpec<I, O> => ({ input, output, ...opts });
