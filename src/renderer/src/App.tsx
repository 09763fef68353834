import { Center, MantineProvider } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Route, Router, Switch } from 'wouter';

import type { EventPayload } from '../../shared/contract';
import { EmptyState } from './ui/EmptyState';
import { SetupScreen } from './features/workbench/SetupScreen';
import { UnlockScreen } from './features/workbench/UnlockScreen';
import { RecoveryKeyPanel } from './features/workbench/RecoveryKeyPanel';
import { useAppInfo, useLock } from './features/workbench/queries';
import { api, unwrap } from './lib/api';
import { QueryProvider, useServerEvents } from './lib/query';
import { forgetSearches, hashHref, ROUTES, useHashPath, useHashSearch } from './lib/routes';
import { UnlockedApp } from './AppRoutes';
import { cssVariablesResolver, theme } from './theme';

const ProjectorScreen = lazy(() => import('./features/meetings/ProjectorPage').then((m) => ({ default: m.ProjectorScreen })));

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="top-right" />
      <QueryProvider>
        <Router hook={useHashPath} searchHook={useHashSearch} hrefs={hashHref}>
          {/* The projector window may call projector.view only (the core refuses the rest from it), so
              it never asks for app.info and never shows the unlock or setup screens. */}
          <Switch>
            <Route path={ROUTES.projector}>
              {/* The shared screen: the room view, a neutral "Paused" screen while the workbench is locked. */}
              <Suspense fallback={null}>
                <ProjectorScreen />
              </Suspense>
            </Route>
            <Route>
              <PresenterWorkbench />
            </Route>
          </Switch>
        </Router>
      </QueryProvider>
    </MantineProvider>
  );
}

function PresenterWorkbench() {
  // Bumped on every lock: remounts the unlocked tree so no case data stays in memory.
  const [session, setSession] = useState(0);
  const [newRecoveryKey, setNewRecoveryKey] = useState<string | null>(null);
  const onLockChanged = useCallback((e: EventPayload<'workbench.lockChanged'>) => {
    if (!e.locked) return;
    forgetSearches();
    setSession((s) => s + 1);
    if (e.reason === 'inactivity')
      notifications.show({ title: 'Locked', message: 'Casewalk locked itself after a period without activity.' });
  }, []);
  useServerEvents({ onLockChanged });
  const { data: info, error, refetch } = useAppInfo();
  const lock = useLock();
  useLockKeys(info?.locked === false, lock);

  if (error) return <EmptyState title="Casewalk could not start">{error.message}</EmptyState>;
  if (!info) return null;
  if (newRecoveryKey) {
    return (
      <Center mih="100vh" p="xl">
        <RecoveryKeyPanel
          recoveryKey={newRecoveryKey}
          onStored={() => void unwrap(api().workbench.confirmRecoveryKey()).finally(() => setNewRecoveryKey(null))}
        />
      </Center>
    );
  }
  if (!info.workbenchExists) return <SetupScreen onCreated={setNewRecoveryKey} />;
  if (info.locked)
    return <UnlockScreen key={session} notice={info.systemUseNotice} committee={info.committee} onUnlocked={() => void refetch()} />;
  return <UnlockedApp key={session} session={session} info={info} onLock={lock} />;
}

/** Ctrl/Cmd+L locks; activity keeps the inactivity timer in the core alive (at most every 30 s). */
function useLockKeys(unlocked: boolean, lock: () => void): void {
  const lastPing = useRef(0);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        lock();
      }
    };
    const onActivity = () => {
      if (!unlocked || Date.now() - lastPing.current < 30_000) return;
      lastPing.current = Date.now();
      void api().workbench.activity();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onActivity);
    window.addEventListener('keydown', onActivity);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onActivity);
      window.removeEventListener('keydown', onActivity);
    };
  }, [unlocked, lock]);
}
