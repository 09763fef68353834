import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { theme } from '../theme';
import { MoveButtons } from './MoveButtons';

describe('move buttons', () => {
  it('name the row they move, move by one, and cannot move the first row up or the last row down', () => {
    const onMove = vi.fn();
    const { rerender } = render(
      <MantineProvider theme={theme}>
        <MoveButtons what="step 1" index={0} count={3} onMove={onMove} />
      </MantineProvider>,
    );
    expect((screen.getByRole('button', { name: 'Move step 1 up' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Move step 1 down' }));
    expect(onMove).toHaveBeenCalledWith(1);
    rerender(
      <MantineProvider theme={theme}>
        <MoveButtons what="step 3" index={2} count={3} onMove={onMove} />
      </MantineProvider>,
    );
    expect((screen.getByRole('button', { name: 'Move step 3 down' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Move step 3 up' }));
    expect(onMove).toHaveBeenLastCalledWith(-1);
  });
});
