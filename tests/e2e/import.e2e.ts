/**
 * Issue 19, import of real files, through the browser preview's own file chooser: a
 * real-format SPD file imports whole, the same file again is a repeat the dry run warns about,
 * the list shows "this import", and the import is undone.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../host/server';
import { assert, look, test, withEnv } from './harness';
import { toHome, navTo } from './flows';

const REAL_FORMAT = path.resolve(ROOT, 'src/main/core/import/fixtures/seattle-real-format.csv');

/** "Choose CSV file…" opens the page's file chooser (no file queued by the test); the user picks the file. */
async function chooseInBrowser(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose CSV file…' }).click();
  await (await chooser).setFiles(file);
}

test('import: a real-format SPD file through the file chooser, its repeat, "this import", undo', async () => {
  await withEnv(async ({ page, problems }) => {
    await toHome(page);
    await navTo(page, 'Incidents');
    await page.getByText('0 of 0 incidents').waitFor();
    await page.getByRole('button', { name: 'Import CSV…' }).click();
    await chooseInBrowser(page, REAL_FORMAT);
    await page.getByText('Recognised: Seattle Police Crisis Data').waitFor();
    await page.getByText('seattle-real-format.csv').first().waitFor();
    await look(page, '40-import-chosen-file');
    await page.getByRole('button', { name: 'Dry run', exact: true }).click();
    await page.getByRole('button', { name: 'Import 16 incidents' }).waitFor();
    const counts = (await page.getByLabel('Dry run counts').textContent()) ?? '';
    assert(counts.includes('Rows read19') && counts.includes('Invalid rows0'), `every disposition is mapped: ${counts}`);
    await page.getByText(/^Dropped, never imported: .*Officer ID.*Officer Race/).waitFor();
    await look(page, '41-import-dry-run-real-format');
    await page.getByRole('button', { name: 'Import 16 incidents' }).click();
    await page.getByText('Import complete (import #1)').waitFor();
    await look(page, '42-import-done');

    // "This import": the list filtered to the batch, with where it came from.
    await page.getByRole('link', { name: 'Show the incidents of this import' }).click();
    await page.getByText('This import: #1').waitFor();
    await page.getByText('16 of 16 incidents').waitFor();
    await look(page, '43-incidents-this-import');

    // The same file again: the dry run says so, and nothing can be imported twice.
    await page.getByRole('button', { name: 'Import CSV…' }).click();
    await chooseInBrowser(page, REAL_FORMAT);
    await page.getByRole('button', { name: 'Dry run', exact: true }).click();
    await page.getByText('This file was already imported').waitFor();
    await page.getByText(/Import #1 on .* \(“seattle-real-format\.csv”, 16 incidents\) has exactly the same content\./).waitFor();
    assert(await page.getByRole('button', { name: 'Import 0 incidents' }).isDisabled(), 'a repeated file imports nothing');
    await page.getByRole('radio', { name: 'Skip them and import the rest' }).check();
    await page.getByRole('radio', { name: 'Skip them and import the rest' }).isChecked();
    await page.getByRole('button', { name: 'Import 0 incidents' }).waitFor();
    await look(page, '44-import-repeat-warning');

    // Undo the import from its list: confirmed, then every incident of it is gone.
    await page.getByRole('link', { name: 'Show the incidents of import #1' }).click();
    await page.getByText('16 of 16 incidents').waitFor();
    await page.getByRole('button', { name: 'Undo this import…' }).click();
    await page.getByRole('dialog', { name: 'Undo import #1?' }).waitFor();
    await look(page, '45-undo-import-confirm');
    await page.getByRole('button', { name: 'Undo import #1' }).click();
    await page.getByText(/was imported on .* and undone on /).waitFor();
    await page.getByText('0 of 0 incidents').waitFor();
    await look(page, '46-import-undone');
    await page.getByRole('button', { name: 'Show all incidents' }).click();
    await page.getByText('0 of 0 incidents').waitFor();
    assert(problems.length === 0, `no console errors: ${problems.join(' | ')}`);
  });
});
