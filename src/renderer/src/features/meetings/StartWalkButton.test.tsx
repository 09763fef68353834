import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { MeetingDetail } from '../../../../shared/meetings/schemas';
import { theme } from '../../theme';
import { StartWalkButton } from './StartWalkButton';

const meeting = (date: string, status: MeetingDetail['meeting']['status']) =>
  ({ id: 1, date, time: '14:00', lengthMinutes: 90, place: '', virtual: true, status }) as MeetingDetail['meeting'];
const mount = (m: MeetingDetail['meeting'], onWalk: () => void) =>
  render(
    <MantineProvider theme={theme}>
      <StartWalkButton meeting={m} today="2026-12-02" onWalk={onWalk} />
    </MantineProvider>,
  );

describe('starting the walk-through', () => {
  it('on or after the meeting day, starts at once', () => {
    const onWalk = vi.fn();
    mount(meeting('2026-12-02', 'planned'), onWalk);
    fireEvent.click(screen.getByRole('button', { name: 'Start walk-through' }));
    expect(onWalk).toHaveBeenCalledTimes(1);
  });
  it('before the meeting day, asks first; "Not yet" starts nothing', async () => {
    const onWalk = vi.fn();
    mount(meeting('2026-12-09', 'planned'), onWalk);
    fireEvent.click(screen.getByRole('button', { name: 'Start walk-through' }));
    const dialog = await screen.findByRole('dialog', { name: 'Start the meeting early?' });
    expect(dialog.textContent).toContain('cannot be set back to planned');
    fireEvent.click(screen.getByRole('button', { name: 'Not yet' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(onWalk).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Start walk-through' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Start the meeting now' }));
    await waitFor(() => expect(onWalk).toHaveBeenCalledTimes(1));
  });
  it('a meeting in progress resumes without asking', () => {
    const onWalk = vi.fn();
    mount(meeting('2026-12-09', 'in_progress'), onWalk);
    fireEvent.click(screen.getByRole('button', { name: 'Resume walk-through' }));
    expect(onWalk).toHaveBeenCalledTimes(1);
  });
});
