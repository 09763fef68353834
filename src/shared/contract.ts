/**
 * The contract: the only way the renderer (or the CLI, or the test host) reaches data.
 * One entry per method: a zod input schema (strict, bounded) and a zod output schema.
 * Add a method here, implement it in src/main/core/<prefix>/handlers.ts, and both preloads expose it.
 */
import { z } from 'zod';
import { emptyInput } from './zod-helpers';
import { method } from './method';
import { workbenchMethods, workbenchEvents } from './workbench/schemas';
import { incidentMethods } from './incidents/schemas';
import { importMethods } from './import/schemas';
import { meetingEvents, meetingMethods } from './meetings/schemas';
import { minutesMethods } from './minutes/schemas';
import { recommendationMethods } from './recommendations/schemas';
import { coverageMethods } from './coverage/schemas';

export const appInfo = z.object({
  name: z.literal('Casewalk'),
  version: z.string(),
  dataDir: z.string(),
  workbenchExists: z.boolean(),
  locked: z.boolean(),
  committee: z.string().nullable(),
  member: z.string().nullable(),
  systemUseNotice: z.string(),
});
export type AppInfo = z.infer<typeof appInfo>;

export { method, type MethodSpec } from './method';

export const methods = {
  'app.info': method(emptyInput, appInfo, { whenLocked: true }),
  ...workbenchMethods,
  ...incidentMethods,
  ...importMethods,
  ...meetingMethods,
  ...recommendationMethods,
  ...minutesMethods,
  ...coverageMethods,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.infer<Methods[M]['output']>;
export const methodNames = Object.keys(methods) as MethodName[];

export const events = {
  ...workbenchEvents,
  ...meetingEvents,
} as const;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;
export const eventNames = Object.keys(events) as EventName[];
