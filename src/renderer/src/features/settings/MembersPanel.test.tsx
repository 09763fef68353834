import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CopyView } from '../../../../shared/workbench/schemas';
import { QueryProvider } from '../../lib/query';
import { theme } from '../../theme';
import { MembersPanel } from './MembersPanel';

const copy = (id: number, name: string, state: CopyView['state'] = 'unchanged'): CopyView => ({
  id,
  kind: name.endsWith('.cwbackup') ? 'backup' : 'replaced',
  name,
  folder: '/home/dana/backups',
  bytes: 4096,
  sha256: 'a'.repeat(64),
  createdAt: '2026-11-02T10:15:00.000Z',
  state,
});

function mount() {
  const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
  const calls: [string, unknown][] = [];
  const copies = [copy(1, 'casewalk-2026-11-02.cwbackup'), copy(2, 'workbench.replaced-20261105-101500.db')];
  (window as unknown as { casewalk: unknown }).casewalk = {
    workbench: {
      keyholders: () =>
        ok({
          exists: true,
          committee: 'Riverside CIT',
          keyholders: [
            { id: 'k1', name: 'Dana' },
            { id: 'k2', name: 'Sam' },
          ],
        }),
      confirmRecoveryKey: () => ok({ confirmed: true }),
    },
    copies: {
      list: () => ok({ copies }),
      delete: (input: unknown) => (
        calls.push(['copies.delete', input]),
        ok({ deleted: [copies[0]], changed: [{ ...copies[1]!, state: 'changed' }], missing: [] })
      ),
    },
    keyholders: {
      remove: (input: unknown) => (calls.push(['keyholders.remove', input]), ok({ recoveryKey: 'ABCD-EFGH', oldCopies: copies })),
    },
    files: { chooseSave: () => ok({ handle: 'fh_abcdefghij', displayName: 'fresh.cwbackup' }) },
    backup: { create: (input: unknown) => (calls.push(['backup.create', input]), ok({ bytes: 8192, displayName: 'fresh.cwbackup' })) },
  };
  render(
    <MantineProvider theme={theme}>
      <QueryProvider>
        <MembersPanel />
      </QueryProvider>
    </MantineProvider>,
  );
  return calls;
}

describe('removing a keyholder says older copies are not revoked (issue 16, item 5)', () => {
  it('lists the older copies at removal, offers a fresh backup, and deletes after confirmation, naming what changed', async () => {
    const calls = mount();
    const row = (await screen.findByText('Sam')).closest('tr')!;
    fireEvent.click(within(row as HTMLElement).getByRole('button', { name: 'Remove' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove Sam?' });
    await within(dialog).findByText(/Removing Sam does not revoke older copies\./);
    expect(within(dialog).getByText(/still opens with Sam's passphrase and the old recovery key/)).toBeTruthy();
    const listed = within(dialog).getByRole('table', { name: 'Backups and replaced copies made before' });
    expect(within(listed).getByText('Backup: casewalk-2026-11-02.cwbackup')).toBeTruthy();
    expect(within(listed).getByText('Replaced copy: workbench.replaced-20261105-101500.db')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove and rotate key' }));

    // The new recovery key first, then the older copies.
    fireEvent.click(await screen.findByRole('checkbox', { name: 'I have stored the recovery key somewhere safe' }));
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    const region = await screen.findByRole('region', { name: 'Older copies' });
    expect(within(region).getByText(/still open these 2 copies/)).toBeTruthy();
    fireEvent.click(within(region).getByRole('button', { name: 'Make a fresh backup' }));
    await within(region).findByText('Fresh backup saved as fresh.cwbackup, encrypted with the new key.');
    expect(calls.some(([m]) => m === 'copies.delete')).toBe(false);
    fireEvent.click(within(region).getByRole('button', { name: 'Delete older copies…' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete the older copies?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete 2 files' }));
    await waitFor(() => expect(calls.find(([m]) => m === 'copies.delete')).toEqual(['copies.delete', { ids: [1, 2], confirm: true }]));
    await within(region).findByText('Deleted 1 of 2');
    expect(within(region).getByText('/home/dana/backups/workbench.replaced-20261105-101500.db')).toBeTruthy();
    expect(calls.map(([m]) => m)).toEqual(['keyholders.remove', 'backup.create', 'copies.delete']);
  });
});
