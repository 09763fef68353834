import { useEffect, useState } from 'react';

export const PAGES = ['home', 'incidents', 'meetings', 'recommendations', 'reports', 'settings', 'projector'] as const;
export type Page = (typeof PAGES)[number];

function readHash(): Page {
  const h = window.location.hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  return (PAGES as readonly string[]).includes(h) ? (h as Page) : 'home';
}

function readSub(): string {
  return window.location.hash.replace(/^#\/?/, '').split('/')[1] ?? '';
}

function readRest(): string[] {
  return window.location.hash.replace(/^#\/?/, '').split('/').slice(2);
}

/** Hash routing (`#/settings/audit`): works under app:// and the test host alike. */
export function useRoute(): { page: Page; sub: string; rest: string[]; navigate(p: Page, sub?: string): void } {
  const [state, setState] = useState({ page: readHash(), sub: readSub(), rest: readRest() });
  useEffect(() => {
    const on = () => setState({ page: readHash(), sub: readSub(), rest: readRest() });
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return { ...state, navigate: (p, sub) => (window.location.hash = sub ? `#/${p}/${sub}` : `#/${p}`) };
}
