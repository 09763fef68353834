/** The projector window: follows the presenter through the core; shows only the redacted room view. */
import { Center, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { ProjectorView } from '../../../../shared/meetings/schemas';
import { api, unwrap } from '../../lib/api';
import { RoomView } from './RoomView';

export function ProjectorPage() {
  const [view, setView] = useState<ProjectorView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  useEffect(() => {
    const load = (version: number) =>
      unwrap(api().projector.view())
        .then((v) => {
          if (version >= latest.current) {
            latest.current = version;
            setView(v);
            setError(null);
          }
        })
        .catch((e: Error) => setError(e.message));
    void load(0);
    return api().subscribe('walk.changed', (s) => void load(s.version));
  }, []);
  useEffect(() => {
    document.title = 'Casewalk — projector';
  }, []);
  if (error) {
    return (
      <Center mih="100vh">
        <Text size="xl">{error}</Text>
      </Center>
    );
  }
  if (!view) {
    return (
      <Center mih="100vh">
        <Text size="xl" fw={600}>
          Casewalk · waiting for the presenter to start the walk-through…
        </Text>
      </Center>
    );
  }
  return (
    <main style={{ minHeight: '100vh' }} aria-label="Shared screen">
      <RoomView view={view} />
    </main>
  );
}
