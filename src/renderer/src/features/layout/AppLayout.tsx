import { ActionIcon, AppShell, Badge, Button, Group, NavLink, Text, Title, Tooltip, useMantineColorScheme } from '@mantine/core';
import type { ReactNode } from 'react';
import { href, SECTION_PATH, withRememberedSearch, type Section } from '../../lib/routes';

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
  return (
    <AppShell header={{ height: 68 }} navbar={{ width: 260, breakpoint: 0 }} padding="lg">
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
            aria-current={page === n.page ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              onNavigate(n.page);
            }}
            styles={{
              label: { fontSize: 'var(--mantine-font-size-md)', fontWeight: 600 },
              description: { color: 'light-dark(var(--mantine-color-gray-7), var(--mantine-color-dark-1))' },
            }}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
