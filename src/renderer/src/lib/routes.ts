/**
 * The route table: every address of the app, the only place that spells one out. Addresses
 * live in the hash (`#/incidents/12`), so they work under app:// and the test host alike, and
 * a list's filters, sort and a report's period sit in a query string inside the hash
 * (`#/incidents?status=draft&sort=code&dir=asc`), so back, forward and coming back restore them.
 *
 * Only coded values go into an address: the browser keeps addresses on disk in the clear
 * (history, session files), so free text (the incident search, a tag) stays in memory
 * (`useRememberedText`), forgotten on lock.
 *
 * wouter matches the paths (`<Switch>`, `<Route>`); the two location hooks below feed it the
 * hash's path and the hash's query string.
 */
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useLocation, useSearch } from 'wouter';
import { z } from 'zod';
import { SORTABLE } from '../../../shared/incidents/schemas';
import { CALL_SOURCE, DISPOSITION, INCIDENT_STATUS, INTERCEPT, RESPONDER } from '../../../shared/incidents/values';
import { REC_STATUS, STRENGTH } from '../../../shared/meetings/values';
import { isSettingsTab, type SettingsTab } from '../features/settings/tabs';

/** Path patterns, as wouter matches them (`:id` is a positive whole number; see `idParam`). */
export const ROUTES = {
  home: '/home',
  incidents: '/incidents',
  importIncidents: '/incidents/import',
  incident: '/incidents/:id',
  meetings: '/meetings',
  meeting: '/meetings/:id',
  walk: '/meetings/:id/walk',
  recommendations: '/recommendations',
  recommendation: '/recommendations/:id',
  reports: '/reports',
  settings: '/settings/:tab?',
  projector: '/projector',
} as const;

/** The sections of the main navigation (the first part of a path). */
export const SECTIONS = ['home', 'incidents', 'meetings', 'recommendations', 'reports', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

// ---- Query strings: one typed schema per page that keeps its filters in the address ----

const csv = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .transform((s) => s.split(',').filter((v): v is T => (values as readonly string[]).includes(v)))
    .transform((a) => (a.length ? a : undefined))
    .optional()
    .catch(undefined);
const one = <T extends string>(values: readonly [T, ...T[]]) => z.enum(values).optional().catch(undefined);
const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .optional()
  .catch(undefined);
const flag = z
  .literal('1')
  .transform(() => true as const)
  .optional()
  .catch(undefined);

export const incidentsSearch = z.object({
  status: csv(INCIDENT_STATUS.values),
  callSource: csv(CALL_SOURCE.values),
  disposition: csv(DISPOSITION.values),
  intercept: csv(INTERCEPT.values),
  responder: csv(RESPONDER.values),
  from: month,
  to: month,
  unresolved: flag,
  /** One import batch ("this import"): its id. */
  batch: z
    .string()
    .regex(/^[1-9]\d{0,9}$/)
    .transform(Number)
    .optional()
    .catch(undefined),
  sort: one(SORTABLE),
  dir: one(['asc', 'desc']),
  /** The list's row density (comfortable unless "compact"). */
  density: one(['compact']),
});
export type IncidentsSearch = z.output<typeof incidentsSearch>;

export const recommendationsSearch = z.object({
  status: one(REC_STATUS.values),
  owner: z
    .string()
    .regex(/^[mo]:\d+$/)
    .optional()
    .catch(undefined),
  strength: one(STRENGTH.values),
  overdue: flag,
  /** Issue 20: responses overdue, effect checks due; words to search for. */
  responseOverdue: flag,
  effectCheckDue: flag,
  q: z.string().max(200).optional().catch(undefined),
});
export type RecommendationsSearch = z.output<typeof recommendationsSearch>;

export const reportsSearch = z.object({ from: month, to: month });
export type ReportsSearch = z.output<typeof reportsSearch>;

type SearchValue = string | number | readonly string[] | boolean | undefined;

function searchString(search: Record<string, SearchValue> | undefined): string {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(search ?? {})) {
    if (v === undefined || v === false || v === '' || (Array.isArray(v) && !v.length)) continue;
    out.set(k, v === true ? '1' : Array.isArray(v) ? v.join(',') : String(v));
  }
  const s = out.toString().replace(/%2C/g, ',');
  return s ? `?${s}` : '';
}

function parseSearch<S extends z.ZodType>(schema: S, search: string): z.output<S> {
  const r = schema.safeParse(Object.fromEntries(new URLSearchParams(search)));
  return (r.success ? r.data : {}) as z.output<S>;
}

// ---- Building addresses ----

/** Paths of every page, with typed parameters. */
export const paths = {
  home: () => ROUTES.home,
  incidents: (search?: IncidentsSearch) => `${ROUTES.incidents}${searchString(search)}`,
  importIncidents: () => ROUTES.importIncidents,
  incident: (id: number) => `/incidents/${id}`,
  meetings: () => ROUTES.meetings,
  meeting: (id: number) => `/meetings/${id}`,
  walk: (meetingId: number) => `/meetings/${meetingId}/walk`,
  recommendations: (search?: RecommendationsSearch) => `${ROUTES.recommendations}${searchString(search)}`,
  recommendation: (id: number) => `/recommendations/${id}`,
  reports: (search?: ReportsSearch) => `${ROUTES.reports}${searchString(search)}`,
  settings: (tab?: SettingsTab) => (tab ? `/settings/${tab}` : '/settings'),
  projector: () => ROUTES.projector,
};

/** The `href` of a path: the same address as a hash (for links, `window.open`, tests). */
export function href(path: string): string {
  return `#${path}`;
}

/** A route's `:id`, or null when it is not a positive whole number (the route then shows its list). */
export function idParam(raw: string | undefined): number | null {
  return raw && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;
}

export function settingsTabParam(raw: string | undefined): SettingsTab {
  return raw && isSettingsTab(raw) ? raw : 'roster';
}

// ---- The hash as wouter's location ----

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};
const hashPath = () => {
  const h = window.location.hash.replace(/^#\/?/, '/');
  const q = h.indexOf('?');
  return q < 0 ? h : h.slice(0, q);
};
const hashSearch = () => {
  const q = window.location.hash.indexOf('?');
  return q < 0 ? '' : window.location.hash.slice(q + 1);
};

/**
 * Goes to a path (with its query string). A new history entry, unless `replace` (filters and
 * sort: back then leaves the page instead of stepping through every filter change).
 */
export function navigate(path: string, opts: { replace?: boolean } = {}): void {
  const target = href(path);
  if (window.location.hash === target) return;
  if (!opts.replace) {
    window.location.hash = target;
    return;
  }
  const oldURL = window.location.href;
  window.history.replaceState(window.history.state, '', target);
  window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: window.location.href }));
}

export const useHashPath = (): [string, (to: string, opts?: { replace?: boolean }) => void] => [
  useSyncExternalStore(subscribe, hashPath),
  navigate,
];
export const useHashSearch = (): string => useSyncExternalStore(subscribe, hashSearch);
export const hashHref = (to: string): string => href(to);

/** Where each section of the navigation starts. */
export const SECTION_PATH: Record<Section, string> = {
  home: paths.home(),
  incidents: paths.incidents(),
  meetings: paths.meetings(),
  recommendations: paths.recommendations(),
  reports: paths.reports(),
  settings: paths.settings(),
};

/** The section of the navigation the current path is in. */
export function useSection(): Section {
  const [path] = useLocation();
  const first = path.split('/')[1] ?? '';
  return (SECTIONS as readonly string[]).includes(first) ? (first as Section) : 'home';
}

// ---- A page's filters in the address ----

/**
 * The last query string of each page that keeps filters in the address, so the navigation and
 * "← All incidents" links come back to the list as it was left. Forgotten on lock.
 */
const remembered = new Map<string, string>();

/** Free text a page keeps while the workbench is open (never in the address). */
const texts = new Map<string, string>();

export function forgetSearches(): void {
  remembered.clear();
  texts.clear();
}

/** A page's free-text filter, kept in memory (not the address) so coming back restores it. */
export function useRememberedText(key: string): [string, (v: string) => void] {
  const [value, setValue] = useState(() => texts.get(key) ?? '');
  const set = useCallback(
    (v: string) => {
      texts.set(key, v);
      setValue(v);
    },
    [key],
  );
  return [value, set];
}

/** The path of a list page with the filters it was left with. */
export function withRememberedSearch(path: string): string {
  return `${path}${remembered.get(path) ?? ''}`;
}

/**
 * A page's typed query string and the function that changes it (the address is replaced: the
 * filters are part of this page, not a step of its own in history).
 */
export function useRouteSearch<S extends z.ZodObject>(schema: S): [z.output<S>, (patch: Partial<z.output<S>>) => void] {
  const [path] = useLocation();
  const raw = useSearch();
  const value = useMemo(() => parseSearch(schema, raw), [schema, raw]);
  useEffect(() => {
    remembered.set(path, raw ? `?${raw}` : '');
  }, [path, raw]);
  const set = useCallback(
    (patch: Partial<z.output<S>>) => {
      // A late change (a debounced field) after leaving the page does not bring it back.
      if (hashPath() !== path) return;
      const next = searchString({ ...parseSearch(schema, hashSearch()), ...patch } as Record<string, SearchValue>);
      navigate(`${path}${next}`, { replace: true });
    },
    [schema, path],
  );
  return [value, set];
}
