import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { QueryProvider } from '../../lib/query';
import { theme } from '../../theme';
import { RosterPanel } from './RosterPanel';

function mount() {
  const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
  const sent: unknown[] = [];
  (window as unknown as { casewalk: unknown }).casewalk = {
    roster: { list: () => ok({ members: [], organisations: [] }), saveMember: (input: unknown) => (sent.push(input), ok({})) },
  };
  render(
    <MantineProvider theme={theme}>
      <QueryProvider>
        <RosterPanel />
      </QueryProvider>
    </MantineProvider>,
  );
  return sent;
}

describe('adding a committee member', () => {
  it('asks for the name and the sector under their fields, and sends nothing', async () => {
    const sent = mount();
    fireEvent.click(screen.getByRole('button', { name: 'Add member' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Save member' }));
    await screen.findByText('Choose the sector.');
    expect(screen.getByText('Name is required.')).toBeTruthy();
    expect(sent).toHaveLength(0);
  });
});
