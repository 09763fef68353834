import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { theme } from '../theme';
import { ConfirmDialog } from './ConfirmDialog';

describe('a step that cannot be undone', () => {
  it('a refusal stays in the dialog in the core’s words; a success closes it; Cancel takes the focus first', async () => {
    const onClose = vi.fn();
    const onConfirm = vi.fn().mockRejectedValueOnce(new Error('There is no later planned meeting.')).mockResolvedValueOnce(undefined);
    render(
      <MantineProvider theme={theme}>
        <ConfirmDialog
          opened
          title="End the meeting?"
          cancelLabel="Keep the meeting open"
          confirmLabel="End meeting"
          onConfirm={onConfirm}
          onClose={onClose}
        >
          Ending cannot be undone.
        </ConfirmDialog>
      </MantineProvider>,
    );
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Keep the meeting open'));
    fireEvent.click(screen.getByRole('button', { name: 'End meeting' }));
    expect((await screen.findByRole('alert')).textContent).toBe('There is no later planned meeting.');
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'End meeting' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
  });
});
