import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../shared/meetings/schemas';
import { QueryProvider } from '../../lib/query';
import { theme } from '../../theme';
import { RecommendationModal } from './RecommendationModal';

// Mantine's autosize textarea listens for font loading, which jsdom does not implement.
if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', { configurable: true, value: { addEventListener() {}, removeEventListener() {} } });

const finding = { id: 3, category: 'services', description: 'No mobile crisis team after 22:00' } as Finding;

function mount() {
  const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
  const sent: unknown[] = [];
  (window as unknown as { casewalk: unknown }).casewalk = {
    roster: { list: () => ok({ members: [], organisations: [{ id: 5, name: 'County Behavioral Health', sector: 'mental_health' }] }) },
    settings: { get: () => ok({ autoLockMinutes: 10, systemUseNotice: '', minutesNames: false, timeZone: 'UTC' }) },
    identifiers: { scan: () => ok({ findings: [] }) },
    recommendations: { create: (input: unknown) => (sent.push(input), ok({ id: 1 })) },
  };
  render(
    <MantineProvider theme={theme}>
      <QueryProvider>
        <RecommendationModal opened findings={[finding]} meetingId={null} onClose={() => {}} onCreated={() => {}} />
      </QueryProvider>
    </MantineProvider>,
  );
  return sent;
}

describe('the recommendation dialog', () => {
  it('shows what is missing under each field, in words, and sends nothing', async () => {
    const sent = mount();
    fireEvent.click(await screen.findByRole('button', { name: 'Save recommendation' }));
    await screen.findByText('Say what should change (at least 3 characters).');
    expect(screen.getByText('Choose who owns the recommendation.')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/action:|owner:|dueDate/);
    expect(sent).toHaveLength(0);
  });

  it('takes the due date as one ISO text box, 90 days ahead by default', async () => {
    mount();
    const due = (await screen.findByRole('textbox', { name: 'Due date' })) as HTMLInputElement;
    expect(due.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    fireEvent.change(due, { target: { value: '2027-03-31' } });
    fireEvent.blur(due);
    await waitFor(() => expect(due.value).toBe('2027-03-31'));
  });
});

describe('closing the recommendation dialog', () => {
  function mountClosable() {
    const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
    const closed: number[] = [];
    (window as unknown as { casewalk: unknown }).casewalk = {
      roster: { list: () => ok({ members: [], organisations: [{ id: 5, name: 'County Behavioral Health', sector: 'mental_health' }] }) },
      settings: { get: () => ok({ autoLockMinutes: 10, systemUseNotice: '', minutesNames: false, timeZone: 'UTC' }) },
      identifiers: { scan: () => ok({ findings: [] }) },
      recommendations: { create: () => ok({ id: 1 }) },
    };
    render(
      <MantineProvider theme={theme}>
        <QueryProvider>
          <RecommendationModal opened findings={[finding]} meetingId={null} onClose={() => closed.push(1)} onCreated={() => {}} />
        </QueryProvider>
      </MantineProvider>,
    );
    return closed;
  }

  it('closes at once when nothing was typed', async () => {
    const closed = mountClosable();
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(closed).toHaveLength(1);
  });

  it('asks before discarding a typed draft, and can keep it', async () => {
    const closed = mountClosable();
    const action = await screen.findByRole('textbox', { name: 'Action' });
    fireEvent.change(action, { target: { value: 'Extend mobile crisis coverage' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await screen.findByText('Discard this recommendation?');
    expect(closed).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Keep editing' }));
    await waitFor(() => expect(screen.queryByText('Discard this recommendation?')).toBeNull());
    expect((screen.getByRole('textbox', { name: 'Action' }) as HTMLTextAreaElement).value).toBe('Extend mobile crisis coverage');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Discard' }));
    expect(closed).toHaveLength(1);
  });
});
