/**
 * What a write makes stale. After every successful call that can change the workbench, the core
 * emits `data.changed` with the method's name (never any data). Each window then marks stale the
 * answers of the methods that read what that method writes: the presenter's other pages, a
 * second window, or a change made by the CLI all show the new state without each screen listing
 * what to reload.
 */

/** Verbs that only read (or only pick a file): no `data.changed` after them. */
const READ_VERBS = new Set([
  'info',
  'keyholders',
  'activity',
  'verify',
  'lock',
  'unlock',
  'list',
  'get',
  'nextCode',
  'facets',
  'presets',
  'batches',
  'open',
  'preview',
  'loadMapping',
  'discard',
  'summary',
  'state',
  'view',
  'scan',
  'checkLanguage',
  'editState',
  'dashboard',
  'coverage',
  'chooseSave',
  'chooseOpen',
]);

/** `incidents.list` → `incidents`. */
export const prefixOf = (method: string): string => method.split('.')[0] ?? method;

/** True for methods that cannot change what any other method returns (exports do: they write the audit log). */
export function isReadMethod(method: string): boolean {
  const verb = method.split('.')[1] ?? '';
  return READ_VERBS.has(verb) || /^(list|get|report)[A-Z]/.test(verb);
}

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
