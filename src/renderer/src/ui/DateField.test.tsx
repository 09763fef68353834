import { MantineProvider, Modal } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { theme } from '../theme';
import { DateField } from './DateField';

describe('the date field in a dialog', () => {
  it('Esc with the calendar open closes the calendar, not the dialog; the next Esc closes the dialog', async () => {
    const onClose = vi.fn();
    render(
      <MantineProvider theme={theme}>
        <Modal opened onClose={onClose} title="New recommendation" transitionProps={{ duration: 0 }}>
          <DateField label="Due date" popoverProps={{ transitionProps: { duration: 0 } }} />
        </Modal>
      </MantineProvider>,
    );
    const input = await screen.findByRole('textbox', { name: 'Due date' });
    fireEvent.click(input);
    await waitFor(() => expect(input.getAttribute('data-mantine-stop-propagation')).toBe('true'));
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(onClose).not.toHaveBeenCalled();
    await waitFor(() => expect(input.getAttribute('data-mantine-stop-propagation')).toBeNull());
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
