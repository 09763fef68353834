import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { QueryProvider } from '../../lib/query';
import { theme } from '../../theme';
import { CoverageFindingModal } from './CoverageFindingModal';

// Mantine's autosize textarea listens for font loading, which jsdom does not implement.
if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', { configurable: true, value: { addEventListener() {}, removeEventListener() {} } });

const draft = {
  category: 'services' as const,
  intercept: '0' as const,
  goals: [],
  description: 'Overnight gap: nobody from Harlan Voss answered',
};

const meeting = (id: number, date: string, status: string) => ({
  id,
  date,
  time: '14:00',
  status,
  lengthMinutes: 90,
  place: '',
  virtual: true,
  caseCount: 0,
});

function mount(opts: { description?: string; next?: ReturnType<typeof meeting> | null } = {}) {
  const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
  const sent: unknown[] = [];
  (window as unknown as { casewalk: unknown }).casewalk = {
    // Two meetings ahead: the core's summary, not the dialog, says which is next.
    meetings: { list: () => ok({ meetings: [meeting(4, '2026-12-08', 'planned'), meeting(3, '2026-11-10', 'planned')] }) },
    home: { summary: () => ok({ nextMeeting: opts.next === undefined ? null : opts.next }) },
    findings: {
      checkLanguage: () => ok({ hints: [] }),
      createSystemic: (input: unknown) => (sent.push(input), ok({ id: 7 })),
    },
    // The core's scanner, as the editors see it: offsets into the text sent.
    identifiers: {
      scan: ({ text }: { text: string }) => {
        const at = text.indexOf('Harlan Voss');
        return ok({ findings: at < 0 ? [] : [{ start: at, end: at + 'Harlan Voss'.length, type: 'NAME', score: 0.85 }] });
      },
    },
  };
  render(
    <MantineProvider theme={theme}>
      <QueryProvider>
        <CoverageFindingModal
          draft={{ ...draft, description: opts.description ?? draft.description }}
          onClose={() => {}}
          onCreated={() => {}}
        />
      </QueryProvider>
    </MantineProvider>,
  );
  return sent;
}

describe('the coverage-finding dialog guards its text as it is typed', () => {
  it('highlights a flagged word, says what the room will see, and sends "not an identifier" with the text', async () => {
    const sent = mount();
    await screen.findByText('1 possible identifier: redact or mark as not an identifier.', {}, { timeout: 3000 });
    expect(screen.getByRole('status').textContent).toBe('The room will see: Overnight gap: nobody from [NAME] answered');
    fireEvent.click(screen.getByRole('button', { name: 'Not an identifier… “Harlan Voss”' }));
    fireEvent.change(await screen.findByRole('textbox', { name: 'Reason' }), { target: { value: 'Name of the warm-line provider' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mark as not an identifier' }));
    await screen.findByText('All possible identifiers here are resolved.');
    fireEvent.click(screen.getByRole('button', { name: 'Save finding' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      description: draft.description,
      notIdentifiers: [{ type: 'NAME', text: 'Harlan Voss', reason: 'Name of the warm-line provider' }],
    });
  });

  it('one click redacts the word in the text that is saved', async () => {
    const sent = mount();
    fireEvent.click(await screen.findByRole('button', { name: 'Redact to [NAME]: “Harlan Voss”' }, { timeout: 3000 }));
    expect((screen.getByRole('textbox', { name: 'Finding' }) as HTMLTextAreaElement).value).toBe(
      'Overnight gap: nobody from [NAME] answered',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save finding' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ description: 'Overnight gap: nobody from [NAME] answered', notIdentifiers: [] });
  });

  it('says under the field what is wrong with the text, and sends nothing', async () => {
    const sent = mount({ description: '' });
    fireEvent.click(await screen.findByRole('button', { name: 'Save finding' }));
    const box = await screen.findByRole('textbox', { name: 'Finding' });
    await waitFor(() => expect(box.getAttribute('aria-invalid')).toBe('true'));
    expect(await screen.findByText('Describe the finding (at least 3 characters).')).toBeTruthy();
    expect(sent).toHaveLength(0);
  });

  it('starts on the next meeting as the core defines it', async () => {
    const sent = mount({ next: meeting(4, '2026-12-08', 'planned') });
    await waitFor(() =>
      expect((screen.getAllByLabelText(/Discuss at meeting/).find((el) => el.tagName === 'INPUT') as HTMLInputElement).value).toBe(
        '2026-12-08 14:00',
      ),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Redact to [NAME]: “Harlan Voss”' }, { timeout: 3000 }));
    fireEvent.click(screen.getByRole('button', { name: 'Save finding' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ meetingId: 4 });
  });
});
