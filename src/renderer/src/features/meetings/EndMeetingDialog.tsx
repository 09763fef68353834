/**
 * Ending a meeting cannot be undone: first a summary of what is still open (case reviews not
 * marked reviewed, members with no attendance), and the offer to carry the unreviewed cases
 * to the next planned meeting's agenda (the core does it in the same transaction).
 */
import { Checkbox, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { MeetingDetail } from '../../../../shared/meetings/schemas';
import { formatLongDate } from '../../lib/format';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

export function EndMeetingDialog(p: {
  d: MeetingDetail;
  opened: boolean;
  onClose(): void;
  onEnd(carryUnreviewed: boolean): Promise<unknown>;
}) {
  const { d } = p;
  // The reviews the core carries (those about an incident), to the meeting the core chose.
  const unreviewed = d.items.filter((i) => i.kind === 'case_review' && !i.completed && i.incident);
  const blank = d.attendance.filter((a) => a.status === null);
  const next = d.nextPlanned;
  const [carry, setCarry] = useState(true);
  return (
    <ConfirmDialog
      opened={p.opened}
      onClose={p.onClose}
      title="End the meeting?"
      cancelLabel="Keep the meeting open"
      confirmLabel="End meeting"
      confirmColor="red.9"
      onConfirm={() => p.onEnd(unreviewed.length > 0 && !!next && carry)}
    >
      <Text>Ending cannot be undone: the agenda and attendance become part of the record, and later changes are amendments.</Text>
      {unreviewed.length > 0 ? (
        <Stack gap={4}>
          <Text fw={700}>
            {unreviewed.length} of {d.items.filter((i) => i.kind === 'case_review').length} case reviews not marked reviewed:
          </Text>
          <List>
            {unreviewed.map((i) => (
              <List.Item key={i.id}>{i.title}</List.Item>
            ))}
          </List>
          {next ? (
            <Checkbox
              size="md"
              checked={carry}
              onChange={(e) => setCarry(e.currentTarget.checked)}
              label={`Carry them to the agenda of the next meeting (${formatLongDate(next.date)})`}
            />
          ) : (
            <Text c="dimmed">No later meeting is planned, so they cannot be carried yet; plan it first to carry them.</Text>
          )}
        </Stack>
      ) : (
        <Text>Every case review is marked reviewed.</Text>
      )}
      {blank.length > 0 ? (
        <Text fw={700}>
          Attendance is blank for {blank.length} of {d.attendance.length}: {blank.map((a) => a.name).join(', ')}.
        </Text>
      ) : (
        <Text>Attendance is taken for everyone.</Text>
      )}
    </ConfirmDialog>
  );
}
