import { Center, MantineProvider, Text } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';

import type { AppInfo } from '../../shared/contract';
import { AppLayout } from './features/layout/AppLayout';
import { EmptyState } from './features/layout/EmptyState';
import { isSettingsTab } from './features/settings/tabs';
import { HomePage } from './features/home/HomePage';
import { SetupScreen } from './features/workbench/SetupScreen';
import { UnlockScreen } from './features/workbench/UnlockScreen';
import { RecoveryKeyPanel } from './features/workbench/RecoveryKeyPanel';
import { api, unwrap } from './lib/api';
import { useRoute } from './lib/route';
import { cssVariablesResolver, theme } from './theme';

// Code-split: every page but Home loads when first opened (the first screen stays small).
const ReportsPage = lazy(() => import('./features/reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const WalkPage = lazy(() => import('./features/meetings/WalkPage').then((m) => ({ default: m.WalkPage })));
const ProjectorPage = lazy(() => import('./features/meetings/ProjectorPage').then((m) => ({ default: m.ProjectorPage })));
const SettingsPage = lazy(() => import('./features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const IncidentsPage = lazy(() => import('./features/incidents/IncidentsPage').then((m) => ({ default: m.IncidentsPage })));
const IncidentDetailPage = lazy(() => import('./features/incidents/IncidentDetailPage').then((m) => ({ default: m.IncidentDetailPage })));
const MeetingsPage = lazy(() => import('./features/meetings/MeetingsPage').then((m) => ({ default: m.MeetingsPage })));
const MeetingPage = lazy(() => import('./features/meetings/MeetingPage').then((m) => ({ default: m.MeetingPage })));
const RecommendationsPage = lazy(() => import('./features/recommendations/RecommendationsPage').then((m) => ({ default: m.RecommendationsPage })));
const ImportWizard = lazy(() => import('./features/incidents/ImportWizard').then((m) => ({ default: m.ImportWizard })));

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="top-right" />
      <Workbench />
    </MantineProvider>
  );
}

function Workbench() {
  const { page } = useRoute();
  // The projector window may call projector.view only (the core refuses the rest from it), so
  // it never asks for app.info and never shows the unlock or setup screens.
  return page === 'projector' ? <ProjectorScreen /> : <PresenterWorkbench />;
}

/** The shared screen: the room view, blank while the workbench is locked. */
function ProjectorScreen() {
  const [locked, setLocked] = useState(false);
  // Bumped on every lock change: remounts the view, which drops what it held and reloads.
  const [session, setSession] = useState(0);
  useEffect(
    () =>
      api().subscribe('workbench.lockChanged', (e) => {
        setLocked(e.locked);
        setSession((s) => s + 1);
      }),
    [],
  );
  if (locked) {
    return (
      <Center mih="100vh">
        <Text size="xl" fw={600}>
          Casewalk is locked.
        </Text>
      </Center>
    );
  }
  return (
    <Suspense fallback={null}>
      <ProjectorPage key={session} />
    </Suspense>
  );
}

function PresenterWorkbench() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped on every lock: remounts the unlocked tree so no case data stays in memory.
  const [session, setSession] = useState(0);
  const [newRecoveryKey, setNewRecoveryKey] = useState<string | null>(null);
  const { page, sub, rest, navigate } = useRoute();

  const refresh = useCallback(() => {
    unwrap(api().app.info())
      .then(setInfo)
      .catch((e: Error) => setError(e.message));
  }, []);
  useEffect(refresh, [refresh]);
  useEffect(
    () =>
      api().subscribe('workbench.lockChanged', (e) => {
        if (e.locked) {
          setSession((s) => s + 1);
          if (e.reason === 'inactivity') notifications.show({ title: 'Locked', message: 'Casewalk locked itself after a period without activity.' });
        }
        refresh();
      }),
    [refresh],
  );
  const lock = useCallback(() => void unwrap(api().workbench.lock()).then(refresh), [refresh]);

  // Ctrl/Cmd+L locks; activity keeps the inactivity timer in the core alive (at most every 30 s).
  const lastPing = useRef(0);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        lock();
      }
    };
    const onActivity = () => {
      if (!info || info.locked || Date.now() - lastPing.current < 30_000) return;
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
  }, [info, lock]);

  if (error) return <EmptyState title="Casewalk could not start">{error}</EmptyState>;
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
  if (info.locked) return <UnlockScreen key={session} notice={info.systemUseNotice} committee={info.committee} onUnlocked={refresh} />;

  // Full-screen view: the presenter's walk-through (the projector is ProjectorScreen, above).
  if (page === 'meetings' && /^\d+$/.test(sub) && rest[0] === 'walk') {
    return (
      <Suspense fallback={null}>
        <WalkPage key={`${session}-${sub}`} meetingId={Number(sub)} onLeave={() => navigate('meetings', sub)} />
      </Suspense>
    );
  }

  return (
    <AppLayout key={session} page={page} onNavigate={(p) => navigate(p)} locked={info.locked} committee={info.committee} onLock={lock}>
      <Suspense fallback={null}>
      {page === 'home' ? (
        <HomePage member={info.member} go={(hash) => (window.location.hash = hash)} />
      ) : page === 'incidents' ? (
        sub === 'import' ? (
          <ImportWizard onDone={() => navigate('incidents')} onCancel={() => navigate('incidents')} />
        ) : /^\d+$/.test(sub) ? (
          <IncidentDetailPage key={sub} id={Number(sub)} onBack={() => navigate('incidents')} onDeleted={() => navigate('incidents')} />
        ) : (
          <IncidentsPage onOpen={(id) => navigate('incidents', String(id))} onImport={() => navigate('incidents', 'import')} />
        )
      ) : page === 'meetings' ? (
        /^\d+$/.test(sub) ? (
          <MeetingPage
            key={sub}
            id={Number(sub)}
            onBack={() => navigate('meetings')}
            onWalk={() => (window.location.hash = `#/meetings/${sub}/walk`)}
            onOpenIncident={(id) => navigate('incidents', String(id))}
          />
        ) : (
          <MeetingsPage onOpen={(id) => navigate('meetings', String(id))} />
        )
      ) : page === 'recommendations' ? (
        <RecommendationsPage />
      ) : page === 'reports' ? (
        <ReportsPage />
      ) : (
        <SettingsPage tab={isSettingsTab(sub) ? sub : 'roster'} onTab={(t) => navigate('settings', t)} />
      )}
      </Suspense>
    </AppLayout>
  );
}
