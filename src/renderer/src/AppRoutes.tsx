/** The unlocked app: the walk-through full screen, every other page inside the app shell. */
import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';

import type { AppInfo } from '../../shared/contract';
import { AppLayout } from './features/layout/AppLayout';
import { HomePage } from './features/home/HomePage';
import { DisplaySettings } from './features/settings';
import { idParam, navigate, paths, ROUTES, SECTION_PATH, settingsTabParam, useSection, withRememberedSearch } from './lib/routes';

// Code-split: every page but Home loads when first opened (the first screen stays small).
const ReportsPage = lazy(() => import('./features/reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const WalkPage = lazy(() => import('./features/meetings/WalkPage').then((m) => ({ default: m.WalkPage })));
const SettingsPage = lazy(() => import('./features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const IncidentsPage = lazy(() => import('./features/incidents/IncidentsPage').then((m) => ({ default: m.IncidentsPage })));
const IncidentDetailPage = lazy(() => import('./features/incidents/IncidentDetailPage').then((m) => ({ default: m.IncidentDetailPage })));
const MeetingsPage = lazy(() => import('./features/meetings/MeetingsPage').then((m) => ({ default: m.MeetingsPage })));
const MeetingPage = lazy(() => import('./features/meetings/MeetingPage').then((m) => ({ default: m.MeetingPage })));
const RecommendationPage = lazy(() =>
  import('./features/recommendations/RecommendationPage').then((m) => ({ default: m.RecommendationPage })),
);
const RecommendationsPage = lazy(() =>
  import('./features/recommendations/RecommendationsPage').then((m) => ({ default: m.RecommendationsPage })),
);
const ImportWizard = lazy(() => import('./features/incidents/ImportWizard').then((m) => ({ default: m.ImportWizard })));

const toIncidents = () => navigate(withRememberedSearch(paths.incidents()));
const toIncident = (id: number) => navigate(paths.incident(id));
const toMeeting = (id: number) => navigate(paths.meeting(id));

export function UnlockedApp({ session, info, onLock }: { session: number; info: AppInfo; onLock(): void }) {
  return (
    <DisplaySettings>
      <UnlockedRoutes session={session} info={info} onLock={onLock} />
    </DisplaySettings>
  );
}

function UnlockedRoutes({ session, info, onLock }: { session: number; info: AppInfo; onLock(): void }) {
  return (
    <Switch>
      {/* Full-screen view: the presenter's walk-through (the projector is App's ProjectorScreen). */}
      <Route path={ROUTES.walk}>
        {({ id }) => {
          const meetingId = idParam(id);
          return (
            <Suspense fallback={null}>
              {meetingId ? (
                <WalkPage key={`${session}-${meetingId}`} meetingId={meetingId} onLeave={() => toMeeting(meetingId)} />
              ) : (
                <Pages info={info} onLock={onLock} />
              )}
            </Suspense>
          );
        }}
      </Route>
      <Route>
        <Pages info={info} onLock={onLock} />
      </Route>
    </Switch>
  );
}

function Pages({ info, onLock }: { info: AppInfo; onLock(): void }) {
  const section = useSection();
  return (
    <AppLayout
      page={section}
      onNavigate={(s) => navigate(withRememberedSearch(SECTION_PATH[s]))}
      locked={info.locked}
      committee={info.committee}
      onLock={onLock}
    >
      <Suspense fallback={null}>
        <Switch>
          <Route path={ROUTES.importIncidents}>
            <ImportWizard onDone={toIncidents} onCancel={toIncidents} />
          </Route>
          <Route path={ROUTES.incident}>
            {({ id }) => {
              const incidentId = idParam(id);
              return incidentId ? (
                <IncidentDetailPage key={incidentId} id={incidentId} onBack={toIncidents} onDeleted={toIncidents} />
              ) : (
                <IncidentsPage onOpen={toIncident} onImport={() => navigate(paths.importIncidents())} />
              );
            }}
          </Route>
          <Route path={ROUTES.incidents}>
            <IncidentsPage onOpen={toIncident} onImport={() => navigate(paths.importIncidents())} />
          </Route>
          <Route path={ROUTES.meeting}>
            {({ id }) => {
              const meetingId = idParam(id);
              return meetingId ? (
                <MeetingPage
                  key={meetingId}
                  id={meetingId}
                  onBack={() => navigate(paths.meetings())}
                  onWalk={() => navigate(paths.walk(meetingId))}
                  onOpenIncident={toIncident}
                />
              ) : (
                <MeetingsPage onOpen={toMeeting} />
              );
            }}
          </Route>
          <Route path={ROUTES.meetings}>
            <MeetingsPage onOpen={toMeeting} />
          </Route>
          <Route path={ROUTES.recommendation}>
            {({ id }) => {
              const recId = idParam(id);
              return recId ? <RecommendationPage key={recId} id={recId} /> : <RecommendationsPage />;
            }}
          </Route>
          <Route path={ROUTES.recommendations}>
            <RecommendationsPage />
          </Route>
          <Route path={ROUTES.reports}>
            <ReportsPage />
          </Route>
          <Route path={ROUTES.settings}>
            {({ tab }) => <SettingsPage tab={settingsTabParam(tab)} onTab={(t) => navigate(paths.settings(t))} />}
          </Route>
          <Route>
            <HomePage member={info.member} />
          </Route>
        </Switch>
      </Suspense>
    </AppLayout>
  );
}
