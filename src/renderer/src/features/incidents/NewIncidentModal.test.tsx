import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { QueryProvider } from '../../lib/query';
import { theme } from '../../theme';
import { NewIncidentModal } from './NewIncidentModal';

function mount() {
  const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
  const sent: unknown[] = [];
  (window as unknown as { casewalk: unknown }).casewalk = {
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
});
