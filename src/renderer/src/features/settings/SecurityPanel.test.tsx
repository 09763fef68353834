import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { QueryProvider } from '../../lib/query';
import { theme } from '../../theme';
import { SecurityPanel } from './SecurityPanel';

// Mantine's autosize textarea listens for font loading, which jsdom does not implement.
if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', { configurable: true, value: { addEventListener() {}, removeEventListener() {} } });

describe('lock and notice settings', () => {
  it('says under the notice that it cannot be empty, without the field name, and sends nothing', async () => {
    const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
    const sent: unknown[] = [];
    (window as unknown as { casewalk: unknown }).casewalk = {
      settings: {
        get: () => ok({ autoLockMinutes: 15, systemUseNotice: 'Committee use only.', minutesNames: false, timeZone: 'UTC' }),
        update: (input: unknown) => (sent.push(input), ok({})),
      },
    };
    render(
      <MantineProvider theme={theme}>
        <QueryProvider>
          <SecurityPanel />
        </QueryProvider>
      </MantineProvider>,
    );
    const notice = await screen.findByRole('textbox', { name: 'System use notice shown before unlocking' });
    expect((notice as HTMLTextAreaElement).value).toBe('Committee use only.');
    fireEvent.change(notice, { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('The system use notice cannot be empty.');
    expect(document.body.textContent).not.toContain('systemUseNotice');
    expect(sent).toHaveLength(0);
  });
});
