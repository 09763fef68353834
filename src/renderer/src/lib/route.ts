import { useEffect, useState } from 'react';

export const PAGES = ['home', 'incidents', 'meetings', 'recommendations', 'reports', 'settings'] as const;
export type Page = (typeof PAGES)[number];

function readHash(): Page {
  const h = window.location.hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  return (PAGES as readonly string[]).includes(h) ? (h as Page) : 'home';
}

/** Hash routing (`#/incidents`): works under app:// and the test host alike. */
export function useRoute(): [Page, (p: Page) => void] {
  const [page, setPage] = useState<Page>(readHash);
  useEffect(() => {
    const on = () => setPage(readHash());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return [page, (p) => (window.location.hash = `#/${p}`)];
}
