import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { QueryProvider } from '../../lib/query';
import { theme } from '../../theme';
import { UnlockScreen } from './UnlockScreen';

/** The passphrase box (the segmented control's radio is also named "Passphrase"). */
const box = () => screen.getAllByLabelText('Passphrase').find((el) => el.getAttribute('type') === 'password')!;

function mount(keyholders: { id: string; name: string }[], lockout = false) {
  const sent: unknown[] = [];
  const unlocked: string[] = [];
  (window as unknown as { casewalk: unknown }).casewalk = {
    workbench: {
      keyholders: () => Promise.resolve({ ok: true, value: { keyholders } }),
      unlock: (input: { passphrase?: string }) => {
        sent.push(input);
        if (lockout)
          return Promise.resolve({
            ok: false,
            error: { code: 'lockout', message: 'Too many attempts.', detail: { secondsLeft: 300 } },
          });
        return Promise.resolve(
          input.passphrase === 'harbour lantern quietly 42'
            ? { ok: true, value: { actor: 'Dana' } }
            : { ok: false, error: { code: 'unauthorized', message: 'That passphrase is not right. 4 attempts left.' } },
        );
      },
    },
  };
  render(
    <MantineProvider theme={theme}>
      <QueryProvider>
        <UnlockScreen notice="Committee use only." committee="Riverside CIT" onUnlocked={() => unlocked.push('yes')} />
      </QueryProvider>
    </MantineProvider>,
  );
  return { sent, unlocked };
}

describe('the unlock form', () => {
  it('says under the field what is missing, and sends nothing', async () => {
    const { sent } = mount([{ id: 'k1', name: 'Dana' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await screen.findByText('Type your passphrase.');
    expect(sent).toEqual([]);
  });

  it('with several keyholders, asks who you are before sending', async () => {
    const { sent } = mount([
      { id: 'k1', name: 'Dana' },
      { id: 'k2', name: 'Sam' },
    ]);
    await screen.findByText('Who are you?');
    fireEvent.change(box(), { target: { value: 'harbour lantern quietly 42' } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await screen.findByText('Choose who you are.');
    expect(sent).toEqual([]);
  });

  it('puts the core’s refusal under the passphrase, then unlocks with the right one', async () => {
    const { sent, unlocked } = mount([{ id: 'k1', name: 'Dana' }]);
    await waitFor(() => expect(sent).toEqual([]));
    fireEvent.change(box(), { target: { value: 'not the passphrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await screen.findByText('That passphrase is not right. 4 attempts left.');
    expect(sent).toEqual([{ passphrase: 'not the passphrase', keyholderId: 'k1' }]);
    fireEvent.change(box(), { target: { value: 'harbour lantern quietly 42' } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(unlocked).toEqual(['yes']));
  });

  it('after too many attempts, says once how long to wait; the ticking clock is not read out', async () => {
    mount([{ id: 'k1', name: 'Dana' }], true);
    fireEvent.change(box(), { target: { value: 'not the passphrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    const alert = (await screen.findByText(/Too many attempts\. Wait/)).closest('[role="alert"]') as HTMLElement;
    // What a screen reader reads: the alert without its aria-hidden parts.
    const spoken = alert.cloneNode(true) as HTMLElement;
    spoken.querySelectorAll('[aria-hidden="true"]').forEach((e) => e.remove());
    expect(spoken.textContent).toContain('Too many attempts. Wait 5 minutes, then try again.');
    expect(spoken.textContent).not.toMatch(/\d:\d\d/);
    expect(alert.textContent).toContain('(5:00 left)');
    expect((screen.getByRole('button', { name: 'Unlock' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
