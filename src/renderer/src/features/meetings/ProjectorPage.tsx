/** The projector window: follows the presenter through the core; shows only the redacted room view. */
import { Center, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useRoomView } from './queries';
import { RoomView } from './RoomView';

export function ProjectorPage() {
  // `walk.changed` makes the view stale (lib/query's event table): the newest state is read again.
  const { data: view, error } = useRoomView(true);
  useEffect(() => {
    document.title = 'Casewalk — projector';
  }, []);
  if (error) {
    return (
      <Center mih="100vh">
        <Text size="xl">{error.message}</Text>
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
