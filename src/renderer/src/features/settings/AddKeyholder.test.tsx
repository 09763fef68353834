import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { QueryProvider } from '../../lib/query';
import { theme } from '../../theme';
import { MembersPanel } from './MembersPanel';

function mount() {
  const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
  const sent: unknown[] = [];
  (window as unknown as { casewalk: unknown }).casewalk = {
    workbench: { keyholders: () => ok({ exists: true, committee: 'Riverside', keyholders: [{ id: 'k1', name: 'Dana' }] }) },
    keyholders: { add: (input: { name: string }) => (sent.push(input), ok({ id: 'k2', name: input.name })) },
  };
  render(
    <MantineProvider theme={theme}>
      <QueryProvider>
        <MembersPanel />
      </QueryProvider>
    </MantineProvider>,
  );
  return sent;
}

describe('adding a keyholder', () => {
  it('asks for the name and the passphrase under their fields', async () => {
    const sent = mount();
    fireEvent.click(screen.getByRole('button', { name: 'Add keyholder' }));
    await screen.findByText('Name is required.');
    expect(screen.getByText('Type their passphrase.')).toBeTruthy();
    expect(sent).toHaveLength(0);
  });

  it('adds one and empties the form', async () => {
    const sent = mount();
    const name = screen.getByRole('textbox', { name: 'Name' }) as HTMLInputElement;
    fireEvent.change(name, { target: { value: 'Sam' } });
    fireEvent.change(screen.getByLabelText('Their passphrase', { exact: false }), { target: { value: 'meadow copper violin 77' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add keyholder' }));
    await waitFor(() => expect(sent).toEqual([{ name: 'Sam', passphrase: 'meadow copper violin 77' }]));
    await screen.findByText('Sam can now unlock the workbench.');
    expect(name.value).toBe('');
  });
});
