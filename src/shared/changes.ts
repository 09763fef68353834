/**
 * What a write makes stale. After every successful call that committed a write to the workbench
 * (`dispatch()` counts the workbench's write transactions, so a method that only reads can never
 * set it off), the core emits `data.changed` with the method's name (never any data). Each window then marks stale the
 * answers of the methods that read what that method writes: the presenter's other pages, a
 * second window, or a change made by the CLI all show the new state without each screen listing
 * what to reload.
 */

/** `incidents.list` → `incidents`. */
export const prefixOf = (method: string): string => method.split('.')[0] ?? method;

const CASE = ['incidents', 'timeline', 'identifiers', 'home', 'reports', 'meetings', 'agenda', 'findings', 'walk', 'projector', 'audit'];
const MEETING = [
  'meetings',
  'agenda',
  'attendance',
  'walk',
  'projector',
  'findings',
  'recommendations',
  'minutes',
  'home',
  'reports',
  'audit',
];

/**
 * For the prefix of a method that wrote: the prefixes of the methods whose answers it can change.
 * A prefix missing here (a new feature) makes every answer stale, which is always safe.
 */
export const STALE_AFTER: Readonly<Record<string, readonly string[]>> = {
  incidents: [...CASE, 'import'],
  timeline: CASE,
  identifiers: CASE,
  import: [...CASE, 'import'],
  meetings: [...MEETING, 'incidents'],
  agenda: [...MEETING, 'incidents'],
  attendance: MEETING,
  walk: MEETING,
  findings: [...MEETING, 'incidents'],
  recommendations: MEETING,
  minutes: MEETING,
  roster: ['roster', ...MEETING],
  services: ['services', 'reports', 'audit'],
  reports: ['audit'],
  keyholders: ['workbench', 'keyholders', 'copies', 'roster', 'audit'],
  copies: ['copies', 'audit'],
  backup: ['workbench', 'copies', 'audit'],
  workbench: ['workbench', 'app', 'audit'],
};

/** Whether an answer of `readMethod` may have changed after `writeMethod` succeeded. */
export function staleAfter(writeMethod: string, readMethod: string): boolean {
  const stale = STALE_AFTER[prefixOf(writeMethod)];
  return stale ? stale.includes(prefixOf(readMethod)) : prefixOf(readMethod) !== 'app';
}
