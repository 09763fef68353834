/**
 * "Start walk-through" (or "Resume"): starting marks the meeting in progress, which cannot be set
 * back to planned. Before the meeting's day it asks first, so rehearsing the agenda a week early
 * does not start the meeting by accident.
 */
import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import type { MeetingDetail } from '../../../../shared/meetings/schemas';
import { formatLongDate } from '../../lib/format';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

export function StartWalkButton(p: { meeting: MeetingDetail['meeting']; today: string; onWalk(): void }) {
  const [asking, setAsking] = useState(false);
  const planned = p.meeting.status === 'planned';
  const early = planned && p.meeting.date > p.today;
  return (
    <>
      <Button onClick={() => (early ? setAsking(true) : p.onWalk())}>{planned ? 'Start walk-through' : 'Resume walk-through'}</Button>
      <ConfirmDialog
        opened={asking}
        title="Start the meeting early?"
        cancelLabel="Not yet"
        confirmLabel="Start the meeting now"
        onConfirm={async () => p.onWalk()}
        onClose={() => setAsking(false)}
      >
        <Text>
          This meeting is planned for {formatLongDate(p.meeting.date)}. Starting the walk-through marks it in progress and records when each
          item starts; it cannot be set back to planned.
        </Text>
      </ConfirmDialog>
    </>
  );
}
