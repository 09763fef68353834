import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { QueryProvider } from '../../lib/query';
import { theme } from '../../theme';
import { ImportWizard } from './ImportWizard';

/** The wizard against a stub api: a file with a year column but no month column, no preset recognised. */
function mount(repeat = { file: null, records: 0, action: 'refuse' }, presets: unknown[] = []) {
  const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
  const previews: unknown[] = [];
  const report = {
    rows: 2,
    imported: repeat.records ? 0 : 2,
    merged: 0,
    skipped: 0,
    invalidRows: 0,
    errors: [],
    unmapped: {},
    withIdentifiers: 0,
    ignoredColumns: [],
    droppedColumns: [],
    dryRun: true,
    attribution: null,
    mappedByChoice: {},
    unmappedChoices: {},
    fileSha256: 'a'.repeat(64),
    repeat,
    batchId: null,
  };
  (window as unknown as { casewalk: unknown }).casewalk = {
    subscribe: () => () => {},
    files: { chooseOpen: () => ok({ handle: 'fh_abcdefghij', displayName: 'calls.csv' }) },
    import: {
      presets: () => ok({ presets }),
      batches: () => ok({ batches: [] }),
      open: () =>
        ok({
          stagingId: 'imp_1',
          fileName: 'calls.csv',
          headers: ['year', 'note'],
          sample: [['2025', 'x']],
          rows: 2,
          suggestedPreset: presets.length ? 'calls' : null,
        }),
      preview: (input: unknown) => (previews.push(input), ok(report)),
    },
  };
  render(
    <MantineProvider theme={theme}>
      <QueryProvider>
        <ImportWizard onDone={() => {}} onCancel={() => {}} />
      </QueryProvider>
    </MantineProvider>,
  );
  return previews;
}

describe('the import wizard (@mantine/form + the shared importWizardForm schema)', () => {
  it('a mapping without the year and month says so under the field and runs no dry run', async () => {
    const previews = mount();
    fireEvent.click(await screen.findByRole('button', { name: 'Choose CSV file…' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Dry run' }));
    const message = await screen.findByText('Choose the columns with the year and the month of each incident, or a date column.');
    expect(message).toBeTruthy();
    // Under the Year field: that input is marked invalid (Month, the other half, is not).
    expect(screen.getAllByLabelText('Year')[0]!.getAttribute('aria-invalid')).toBe('true');
    expect(previews).toHaveLength(0);
  });

  it('a repeated file: the dry run warns, names the earlier import, and offers to refuse or skip (refuse chosen)', async () => {
    const calls = { name: 'Calls', columns: { occurredDate: 'year' }, values: {}, dedupeBy: [], merge: {}, drop: [] };
    const earlier = { batchId: 3, fileName: 'calls.csv', importedAt: '2026-11-02T10:00:00.000Z', incidents: 2 };
    mount({ file: earlier, records: 2, action: 'refuse' } as never, [{ id: 'calls', preset: calls }]);
    // The chosen file is recognised (the presets are fetched if not there yet); the preset's mapping passes the form.
    fireEvent.click(await screen.findByRole('button', { name: 'Choose CSV file…' }));
    await screen.findByText('Recognised: Calls');
    fireEvent.click(screen.getByRole('button', { name: 'Dry run' }));
    await screen.findByText('This file was already imported');
    expect(screen.getByRole('link', { name: 'Show the incidents of import #3' })).toBeTruthy();
    expect((screen.getByRole('radio', { name: 'Refuse: import nothing' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('button', { name: 'Import 0 incidents' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
