import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { QueryProvider } from '../../lib/query';
import { theme } from '../../theme';
import { FindingEditModal } from './FindingEditModal';

// Mantine's autosize textarea listens for font loading, which jsdom does not implement.
if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', { configurable: true, value: { addEventListener() {}, removeEventListener() {} } });

const finding = {
  id: 8,
  incidentId: 2,
  incidentCode: '2026-014',
  source: 'case',
  meetingId: 1,
  category: 'policy',
  kind: 'gap',
  intercept: null,
  goals: [],
  timelineEventId: null,
  description: 'No warm handoff to the crisis line',
  createdAt: '2026-12-08T19:00:00.000Z',
  createdBy: null,
  recommendationIds: [],
};

function mount(locked: string | null) {
  const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
  const sent: unknown[] = [];
  (window as unknown as { casewalk: unknown }).casewalk = {
    findings: {
      get: () => ok({ finding, locked, amendments: [], identifiers: [], room: { description: finding.description } }),
      update: (input: unknown) => (sent.push(input), ok(finding)),
    },
    identifiers: { scan: () => ok({ findings: [] }) },
  };
  render(
    <MantineProvider theme={theme}>
      <QueryProvider>
        <FindingEditModal findingId={8} onClose={() => {}} onSaved={() => {}} />
      </QueryProvider>
    </MantineProvider>,
  );
  return sent;
}

describe('editing a finding', () => {
  it('says under the text that a finding needs a few words, and sends nothing', async () => {
    const sent = mount(null);
    const text = await screen.findByRole('textbox', { name: 'Finding' });
    fireEvent.change(text, { target: { value: 'ab' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save finding' }));
    await screen.findByText('Describe the finding (at least 3 characters).');
    expect(sent).toHaveLength(0);
  });

  it('sends only what changed', async () => {
    const sent = mount(null);
    fireEvent.change(await screen.findByRole('textbox', { name: 'Finding' }), {
      target: { value: 'No warm handoff to the crisis line at night' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save finding' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ id: 8, patch: { description: 'No warm handoff to the crisis line at night' }, notIdentifiers: [] });
  });
});
