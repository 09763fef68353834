import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Recommendation } from '../../../../shared/recommendations/schemas';
import { QueryProvider } from '../../lib/query';
import { theme } from '../../theme';
import { StatusDialog } from './StatusDialog';

// Mantine's autosize textarea listens for font loading, which jsdom does not implement.
if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', { configurable: true, value: { addEventListener() {}, removeEventListener() {} } });

const rec = { id: 7, code: 'R-007', status: 'reported_implemented', action: 'Fund an overnight clinician' } as Recommendation;

function mount() {
  const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
  const sent: unknown[] = [];
  (window as unknown as { casewalk: unknown }).casewalk = {
    settings: { get: () => ok({ autoLockMinutes: 10, systemUseNotice: '', minutesNames: false, timeZone: 'UTC', dateStyle: 'iso' }) },
    identifiers: { scan: () => ok({ findings: [] }) },
    recommendations: {
      list: () => ok({ recommendations: [] }),
      setStatus: (input: unknown) => (sent.push(input), ok({ ...rec, status: 'in_progress' })),
    },
  };
  render(
    <MantineProvider theme={theme}>
      <QueryProvider>
        <StatusDialog rec={rec} to="in_progress" onClose={() => {}} />
      </QueryProvider>
    </MantineProvider>,
  );
  return sent;
}

describe('a status change', () => {
  it('reopening a reported implementation asks why under the note, in the core’s words, and sends nothing until given', async () => {
    const sent = mount();
    expect(await screen.findByText('Why is it reopened? (required)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Record: In progress' }));
    await screen.findByText('Say why R-007 is reopened (what the check found).');
    expect(sent).toEqual([]);
    fireEvent.change(screen.getByRole('textbox', { name: /Why is it reopened/ }), { target: { value: 'The rota lapsed in March.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record: In progress' }));
    await waitFor(() => expect(sent).toEqual([{ id: 7, status: 'in_progress', note: 'The rota lapsed in March.' }]));
  });
});
