import { z } from 'zod';
import type { MethodSpec } from '../contract';

export const workbenchMethods = {} satisfies Record<string, MethodSpec>;

export const lockChanged = z.object({ locked: z.boolean(), reason: z.enum(['manual', 'inactivity', 'unlock', 'create', 'restore']) }).strict();
export const workbenchEvents = {
  'workbench.lockChanged': lockChanged,
} as const;
