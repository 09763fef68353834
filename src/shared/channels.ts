import type { EventName, MethodName } from './contract';

export const methodChannel = (m: MethodName) => `casewalk:${m}`;
export const eventChannel = (e: EventName) => `casewalk-event:${e}`;
