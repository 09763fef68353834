import { ActionIcon, AppShell, Badge, Button, Group, NavLink, Text, Title, Tooltip, useMantineColorScheme } from '@mantine/core';
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { useLocation } from 'wouter';
import { href, SECTION_PATH, withRememberedSearch, type Section } from '../../lib/routes';
import classes from './AppLayout.module.css';

export const NAV: { page: Section; label: string; hint: string }[] = [
  { page: 'home', label: 'Home', hint: 'What needs attention' },
  { page: 'incidents', label: 'Incidents', hint: 'De-identified crisis incidents' },
  { page: 'meetings', label: 'Meetings', hint: 'Agendas and case reviews' },
  { page: 'recommendations', label: 'Recommendations', hint: 'Register and follow-up' },
  { page: 'reports', label: 'Reports', hint: 'Charts and annual report' },
  { page: 'settings', label: 'Settings', hint: 'Members, backup, audit' },
];

export interface AppLayoutProps {
  page: Section;
  onNavigate(page: Section): void;
  locked: boolean;
  committee: string | null;
  onLock?: () => void;
  children: ReactNode;
}

export function AppLayout({ page, onNavigate, locked, committee, onLock, children }: AppLayoutProps) {
  const { colorScheme, toggleColorScheme } = useMantineColorScheme();
  const main = useRef<HTMLElement>(null);
  useHeadingFocusOnNavigation(main);
  return (
    <AppShell header={{ height: 68 }} navbar={{ width: 260, breakpoint: 0 }} padding="lg">
      <a
        className={classes.skip}
        href="#main-content"
        onClick={(e) => {
          e.preventDefault();
          focusPageStart(main.current);
        }}
      >
        Skip to main content
      </a>
      <AppShell.Header>
        <Group h="100%" px="lg" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Title order={1} size="h3">
              Casewalk
            </Title>
            {committee && (
              <Text c="dimmed" size="md" truncate>
                {committee}
              </Text>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Badge
              size="lg"
              variant="filled"
              className={classes.navItem}
              color={locked ? 'red.9' : 'casewalk.9'}
              role="status"
              aria-label={locked ? 'Workbench locked' : 'Workbench unlocked'}
            >
              {locked ? 'Locked' : 'Unlocked'}
            </Badge>
            {!locked && onLock && (
              <Tooltip label="Ctrl+L">
                <Button variant="default" onClick={onLock}>
                  Lock
                </Button>
              </Tooltip>
            )}
            <Tooltip label="Switch light/dark theme">
              <ActionIcon
                variant="default"
                size="lg"
                onClick={toggleColorScheme}
                aria-label={colorScheme === 'dark' ? 'Use light theme' : 'Use dark theme'}
              >
                <span aria-hidden>{colorScheme === 'dark' ? '☀' : '☾'}</span>
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        {NAV.map((n) => (
          <NavLink
            key={n.page}
            href={href(withRememberedSearch(SECTION_PATH[n.page]))}
            label={n.label}
            description={n.hint}
            active={page === n.page}
            variant="filled"
            className={classes.navItem}
            aria-current={page === n.page ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              onNavigate(n.page);
            }}
            styles={{
              label: { fontSize: 'var(--mantine-font-size-md)', fontWeight: 600 },
              // On the active (filled) item the hint is white like the label; elsewhere a grey that passes AA.
              description: {
                color:
                  page === n.page ? 'var(--mantine-color-white)' : 'light-dark(var(--mantine-color-gray-7), var(--mantine-color-dark-1))',
              },
            }}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main ref={main} id="main-content" tabIndex={-1} className={classes.main}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}

/** The page's heading (its first h2), or the main area itself, takes focus: a screen reader announces the new page. */
function focusPageStart(main: HTMLElement | null): boolean {
  if (!main) return false;
  const heading = visibleHeading(main);
  const target = heading ?? main;
  if (heading && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: false });
  return heading !== null && document.activeElement === heading;
}

/** The first h2 on screen (while a page loads, the previous one stays in the DOM, hidden). */
function visibleHeading(main: HTMLElement): HTMLElement | undefined {
  return [...main.querySelectorAll<HTMLElement>('h2')].find((h) => h.getClientRects().length > 0);
}

/**
 * After moving to another page (another section, or another record: not a settings tab or a
 * filter, which keep focus where the user is), focus goes to the new page's heading once it has
 * rendered (pages load lazily, so it waits for the heading, at most two seconds).
 */
function useHeadingFocusOnNavigation(main: RefObject<HTMLElement | null>): void {
  const [location] = useLocation();
  const parts = location.split('/').filter(Boolean);
  const pageKey = parts[0] === 'settings' ? 'settings' : parts.slice(0, 2).join('/');
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    let frame = 0;
    const until = Date.now() + 2000;
    const tryFocus = () => {
      const el = main.current;
      const active = document.activeElement;
      // A page that already put focus inside itself (a dialog, a field) keeps it.
      if (el && active && active !== document.body && active !== el && el.contains(active)) return;
      if (el && visibleHeading(el) && focusPageStart(el)) return;
      if (Date.now() > until) return void focusPageStart(el);
      frame = requestAnimationFrame(tryFocus);
    };
    frame = requestAnimationFrame(tryFocus);
    return () => cancelAnimationFrame(frame);
  }, [pageKey, main]);
}
