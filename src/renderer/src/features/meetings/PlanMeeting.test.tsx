import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { QueryProvider } from '../../lib/query';
import { theme } from '../../theme';
import { MeetingsPage } from './MeetingsPage';

describe('planning a meeting', () => {
  it('takes the date as one ISO text box, and says under the field what is wrong', async () => {
    const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
    const sent: unknown[] = [];
    (window as unknown as { casewalk: unknown }).casewalk = {
      meetings: { list: () => ok({ meetings: [] }), create: (input: unknown) => (sent.push(input), ok({ meeting: { id: 1 } })) },
      settings: { get: () => ok({ autoLockMinutes: 10, systemUseNotice: '', minutesNames: false, timeZone: 'UTC' }) },
    };
    render(
      <MantineProvider theme={theme}>
        <QueryProvider>
          <MeetingsPage onOpen={() => {}} />
        </QueryProvider>
      </MantineProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Plan a meeting' }));
    const date = (await screen.findByRole('textbox', { name: 'Date' })) as HTMLInputElement;
    expect(date.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    fireEvent.change(screen.getByRole('textbox', { name: 'Length (minutes)' }), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Plan meeting' }));
    await screen.findByText('A meeting is at least 15 minutes.');
    expect(sent).toHaveLength(0);
  });
});
