/**
 * The projector window (the shared screen): follows the presenter through the core and shows
 * only the redacted room view. It calls `projector.view` and hears the walk and lock events,
 * nothing else. Locked (by the presenter, by inactivity, or already when it opened: the core
 * answers `locked`), it shows a neutral "Paused" screen with no input of any kind: the
 * passphrase is only ever asked for on the presenter's screen.
 */
import { Center, Text } from '@mantine/core';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { EventPayload } from '../../../../shared/contract';
import type { ProjectorView } from '../../../../shared/meetings/schemas';
import { ApiError } from '../../lib/api';
import { useServerEvents } from '../../lib/query';
import { useRoomView } from './queries';
import { RoomView } from './RoomView';
import classes from './RoomView.module.css';

export function ProjectorScreen() {
  const [locked, setLocked] = useState(false);
  // Bumped on every lock change: remounts the view, which drops what it held and reloads.
  const [session, setSession] = useState(0);
  const onLockChanged = useCallback((e: EventPayload<'workbench.lockChanged'>) => {
    setLocked(e.locked);
    setSession((s) => s + 1);
  }, []);
  useServerEvents({ projector: true, onLockChanged });
  useEffect(() => {
    document.title = 'Casewalk — projector';
  }, []);
  return locked ? <Paused /> : <ProjectorPage key={session} />;
}

function Paused() {
  return (
    <main className={classes.paused} aria-label="Shared screen">
      <h1>Paused</h1>
      <p>The review continues in a moment.</p>
    </main>
  );
}

function ProjectorPage() {
  // `walk.changed` makes the view stale (lib/query's event table): the newest state is read again.
  const { data: view, error } = useRoomView(true);
  if (error instanceof ApiError && error.code === 'locked') return <Paused />;
  if (error) {
    return (
      <Center mih="100vh" component="main" aria-label="Shared screen">
        <Text fz="max(27px, 3vh)">{error.message}</Text>
      </Center>
    );
  }
  if (!view) {
    return (
      <Center mih="100vh" component="main" aria-label="Shared screen">
        <Text fz="max(27px, 3vh)" fw={600}>
          Casewalk · waiting for the presenter to start the walk-through…
        </Text>
      </Center>
    );
  }
  return <FittedRoom view={view} />;
}

/** The smallest fit: at 0.8 the labels are still 20 px at 1080p. Longer items page or clamp instead. */
const MIN_FIT = 0.8;

/** Scales the room's type down (never below MIN_FIT) while the item is taller than the window. */
function FittedRoom({ view }: { view: ProjectorView }) {
  const ref = useRef<HTMLElement>(null);
  const [size, setSize] = useState(() => `${window.innerWidth}x${window.innerHeight}`);
  useEffect(() => {
    const onResize = () => setSize(`${window.innerWidth}x${window.innerHeight}`);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let fit = 1;
    el.style.setProperty('--fit', '1');
    while (el.scrollHeight > window.innerHeight && fit > MIN_FIT) {
      fit = Math.max(MIN_FIT, fit - 0.05);
      el.style.setProperty('--fit', String(fit));
    }
  }, [view, size]);
  return (
    <main ref={ref} style={{ minHeight: '100vh' }} aria-label="Shared screen">
      <RoomView view={view} />
    </main>
  );
}
