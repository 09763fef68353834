import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/contract';
import { AppLayout } from './features/layout/AppLayout';
import { PageFrame, PlaceholderPage } from './features/pages';
import { EmptyState } from './features/layout/EmptyState';
import { api, unwrap } from './lib/api';
import { useRoute } from './lib/route';
import { theme } from './theme';

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <Workbench />
    </MantineProvider>
  );
}

function Workbench() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [page, navigate] = useRoute();

  const refresh = useCallback(() => {
    unwrap(api().app.info())
      .then(setInfo)
      .catch((e: Error) => setError(e.message));
  }, []);
  useEffect(refresh, [refresh]);

  if (error) return <EmptyState title="Casewalk could not start">{error}</EmptyState>;
  if (!info) return null;

  return (
    <AppLayout page={page} onNavigate={navigate} locked={info.locked} committee={info.committee}>
      {page === 'home' ? (
        <PageFrame title="Home">
          <EmptyState title="Welcome to Casewalk">
            Casewalk keeps your committee’s de-identified case reviews in an encrypted workbench on this computer.
          </EmptyState>
        </PageFrame>
      ) : page === 'settings' ? (
        <PageFrame title="Settings">
          <EmptyState title="Data folder">{info.dataDir}</EmptyState>
        </PageFrame>
      ) : (
        <PlaceholderPage page={page} />
      )}
    </AppLayout>
  );
}
