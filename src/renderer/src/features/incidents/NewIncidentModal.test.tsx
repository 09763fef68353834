import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryProvider } from '../../lib/query';
import { theme } from '../../theme';
import { NewIncidentModal } from './NewIncidentModal';

afterEach(() => {
  vi.useRealTimers();
});

function mount(timeZone = 'UTC') {
  const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
  const sent: unknown[] = [];
  (window as unknown as { casewalk: unknown }).casewalk = {
    settings: { get: () => ok({ autoLockMinutes: 5, systemUseNotice: '', minutesNames: false, timeZone }) },
    incidents: {
      nextCode: ({ year }: { year: number }) => ok({ code: `${year}-001` }),
      create: (input: unknown) => (sent.push(input), ok({ incident: { id: 9 } })),
    },
  };
  render(
    <MantineProvider theme={theme}>
      <QueryProvider>
        <NewIncidentModal opened onClose={() => {}} onCreated={() => {}} />
      </QueryProvider>
    </MantineProvider>,
  );
  return sent;
}

describe('the new-incident dialog', () => {
  it('says under the field what a committee code looks like, and sends nothing', async () => {
    const sent = mount();
    const code = (await screen.findByRole('textbox', { name: 'Committee code' })) as HTMLInputElement;
    await waitFor(() => expect(code.value).toMatch(/^\d{4}-001$/));
    fireEvent.change(code, { target: { value: 'CAD 24-88812' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByText('Use the committee code form YYYY-NNN (for example 2026-014), never a CAD or report number.');
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(sent).toHaveLength(0);
  });

  it('creates with the offered code', async () => {
    const sent = mount();
    const code = (await screen.findByRole('textbox', { name: 'Committee code' })) as HTMLInputElement;
    await waitFor(() => expect(code.value).toMatch(/^\d{4}-001$/));
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ code: code.value });
  });

  it('requires the year and refuses a month after this one, under the field, sending nothing', async () => {
    const sent = mount();
    const year = (await screen.findByRole('textbox', { name: 'Year' })) as HTMLInputElement;
    fireEvent.change(year, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByText('Give the year of the incident (for example 2026).');
    expect(year.getAttribute('aria-invalid')).toBe('true');
    const next = new Date().getUTCFullYear() + 5;
    fireEvent.change(year, { target: { value: String(next) } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByText(/^The year of the incident cannot be after this year \(\d{4}\); an incident has already happened\.$/);
    expect(sent).toHaveLength(0);
  });

  it("starts at this month in the committee's time zone, not the machine's", async () => {
    // 05:30 UTC on 1 December 2026 is still 30 November in Los Angeles.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T05:30:00Z'));
    mount('America/Los_Angeles');
    const month = (await screen.findAllByLabelText(/^Month/))[0] as HTMLInputElement;
    await waitFor(() => expect(month.value).toBe('November'));
    expect((screen.getByRole('textbox', { name: 'Year' }) as HTMLInputElement).value).toBe('2026');
  });
});
