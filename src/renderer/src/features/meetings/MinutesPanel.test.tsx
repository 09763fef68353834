import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Minutes } from '../../../../shared/minutes/schemas';
import { QueryProvider } from '../../lib/query';
import { href, paths } from '../../lib/routes';
import { theme } from '../../theme';
import { MinutesPanel } from './MinutesPanel';

// Mantine's autosize textarea listens for font loading, which jsdom does not implement.
if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', { configurable: true, value: { addEventListener() {}, removeEventListener() {} } });

const body = 'Ask Rosa Villanueva to call her on 555-201-4433 today; Rosa said yes.';
const at = (text: string, from = 0) => ({ start: body.indexOf(text, from), end: body.indexOf(text, from) + text.length, text });

function minutes(): Minutes {
  return {
    meetingId: 1,
    status: 'draft',
    sections: [
      { key: 'meeting', title: 'Meeting', body: 'Riverside CIT' },
      { key: 'other_business', title: 'Other business', body },
    ],
    approvedAt: null,
    approvedBy: null,
    approvedHash: null,
    approvedAtMeetingId: null,
    amendments: [],
    guard: [
      { section: 'other_business', title: 'Other business', type: 'NAME', ...at('Rosa Villanueva') },
      { section: 'other_business', title: 'Other business', type: 'PHONE', ...at('555-201-4433') },
      { section: 'other_business', title: 'Other business', type: 'NAME', ...at('Rosa', 20) },
    ],
    updatedAt: '2026-05-12T10:00:00Z',
  };
}

function mount() {
  const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
  (window as unknown as { casewalk: unknown }).casewalk = {
    meetings: { list: () => ok({ meetings: [] }) },
    minutes: {
      get: () => ok(minutes()),
      export: () =>
        Promise.resolve({
          ok: false,
          error: {
            code: 'guard_blocked',
            message:
              'The export was stopped: 1 possible identifier (NAME) still in the text. Minutes of 2026-05-12, Other business: “Rosa Villanueva” (NAME). Redact it where it was typed, then export again.',
            detail: { open: 1 },
            blocked: [
              {
                item: 'Minutes of 2026-05-12, Other business',
                text: 'Rosa Villanueva',
                type: 'NAME',
                where: { kind: 'minutes', meetingId: 1, section: 'other_business' },
              },
            ],
          },
        }),
    },
    files: { chooseSave: () => ok({ handle: 'h1', displayName: 'minutes.pdf' }) },
  };
  render(
    <MantineProvider theme={theme}>
      <QueryProvider>
        <MinutesPanel meetingId={1} date="2026-05-12" />
      </QueryProvider>
    </MantineProvider>,
  );
}

const area = () => screen.getByLabelText('Other business') as HTMLTextAreaElement;

describe('MinutesPanel redaction', () => {
  it('several redactions in a row, in any order, never corrupt the text (a NAME then a PHONE gave "call her on 55[PHONE]")', async () => {
    mount();
    await waitFor(() => expect(area().value).toBe(body));
    const redact = (label: string) => fireEvent.click(screen.getAllByRole('button', { name: label })[0]!);
    redact('Redact to [NAME]');
    expect(area().value).toBe('Ask [NAME] to call her on 555-201-4433 today; Rosa said yes.');
    redact('Redact to [PHONE]');
    expect(area().value).toBe('Ask [NAME] to call her on [PHONE] today; Rosa said yes.');
    redact('Redact to [NAME]');
    expect(area().value).toBe('Ask [NAME] to call her on [PHONE] today; [NAME] said yes.');
    expect(screen.queryByRole('button', { name: /Redact to/ })).toBeNull();
  });

  it('after typing in the section, the open findings move with the text; one the edit touched is not offered', async () => {
    mount();
    await waitFor(() => expect(area().value).toBe(body));
    fireEvent.change(area(), { target: { value: `Please: ${body}` } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Redact to [PHONE]' })[0]!);
    expect(area().value).toBe('Please: Ask Rosa Villanueva to call her on [PHONE] today; Rosa said yes.');
    // Typing on to the end of a flagged name: it is no longer that whole word, so it waits for the next check.
    const now = area().value;
    const i = now.indexOf('Rosa said') + 4;
    fireEvent.change(area(), { target: { value: `${now.slice(0, i)}lind${now.slice(i)}` } });
    expect(screen.getAllByRole('button', { name: 'Redact to [NAME]' })).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Redact to [NAME]' }));
    expect(area().value).toBe('Please: Ask [NAME] to call her on [PHONE] today; Rosalind said yes.');
  });

  it('a blocked export lists each flagged text with the item it is in and a link that goes to where to fix it', async () => {
    window.location.hash = href(paths.meeting(1));
    mount();
    await waitFor(() => expect(area().value).toBe(body));
    fireEvent.click(screen.getByRole('button', { name: 'Export draft' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'PDF…' }));
    const list = await screen.findByRole('region', { name: 'Where to fix the possible identifier that stopped it' });
    expect(list.textContent).toContain('“Rosa Villanueva”');
    expect(list.textContent).toContain('in Minutes of 2026-05-12, Other business');
    const link = screen.getByRole('link', { name: 'Open the minutes section' });
    expect(link.getAttribute('href')).toBe(href(paths.meeting(1)));
    fireEvent.click(link);
    await waitFor(() => expect(document.activeElement).toBe(area()));
  });
});
