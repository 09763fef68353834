import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { IncidentDetail } from '../../../../shared/incidents/schemas';
import { QueryProvider } from '../../lib/query';
import { theme } from '../../theme';
import { TimelineEditor } from './TimelineEditor';

const detail = {
  incident: { id: 4 },
  timeline: [],
  intervals: { callToDispatch: null, dispatchToArrival: null, arrivalToDisposition: null, callToDisposition: null },
} as unknown as IncidentDetail;

function mount() {
  const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
  const sent: unknown[] = [];
  (window as unknown as { casewalk: unknown }).casewalk = {
    identifiers: { scan: () => ok({ findings: [] }) },
    timeline: { add: (input: unknown) => (sent.push(input), ok(detail)) },
  };
  render(
    <MantineProvider theme={theme}>
      <QueryProvider>
        <TimelineEditor detail={detail} readOnly={false} />
      </QueryProvider>
    </MantineProvider>,
  );
  return sent;
}

describe('adding a timeline step', () => {
  it('says under the field what a time looks like, without the field name', async () => {
    const sent = mount();
    fireEvent.change(screen.getByRole('textbox', { name: 'Time' }), { target: { value: '2pm' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add step' }));
    await screen.findByText('The time is a clock time (14:05) or an offset from the call (T+12:30).');
    expect(document.body.textContent).not.toContain('event.time');
    expect(sent).toHaveLength(0);
  });

  it('sends a valid step and empties the form for the next one', async () => {
    const sent = mount();
    const time = screen.getByRole('textbox', { name: 'Time' }) as HTMLInputElement;
    fireEvent.change(time, { target: { value: '14:05' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add step' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ incidentId: 4, event: { time: '14:05', actor: 'dispatch_911', kind: 'call' } });
    await waitFor(() => expect(time.value).toBe(''));
  });
});
