import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../host/server';
import { assert, look, test, withEnv } from './harness';
import { addTimelineStep, toHome } from './flows';

const TORONTO = path.resolve(ROOT, '../shared/data/persons_in_crisis_data.csv');

test('incidents: import the Toronto file, filter, search, open by keyboard', async () => {
  assert(fs.existsSync(TORONTO), `the Toronto data file is missing: ${TORONTO}`);
  await withEnv(async ({ page, host, problems }) => {
    await toHome(page);
    await page.getByRole('link', { name: /^Incidents/ }).click();
    await page.getByText('0 of 0 incidents').waitFor();
    fs.copyFileSync(TORONTO, path.join(host.filesDir, 'persons_in_crisis_data.csv'));
    host.queueOpen('persons_in_crisis_data.csv');
    await page.getByRole('button', { name: 'Import CSV…' }).click();
    await page.getByRole('button', { name: 'Choose CSV file…' }).click();
    await page.getByText('Recognised: Toronto Persons-in-Crisis').waitFor();
    await look(page, '10-import-mapping');
    await page.getByRole('button', { name: 'Dry run', exact: true }).click();
    await page.getByRole('button', { name: 'Import 31,944 incidents' }).waitFor();
    assert((await page.getByLabel('Dry run counts').textContent())?.includes('Rows read31,944'), 'dry run shows the row count');
    await look(page, '11-import-dry-run');
    await page.getByRole('button', { name: 'Import 31,944 incidents' }).click();
    await page.getByText('Import complete').waitFor({ timeout: 60_000 });
    await page.getByText('31,944 incidents imported as drafts').waitFor();
    await page.getByText('Show the incidents').click();
    await page.getByText('31,944 of 31,944 incidents').waitFor();
    await page.getByText("Contains public sector Datasets made available under the City of Toronto's Open Data Licence v2.0").waitFor();
    await page.getByRole('row').nth(3).waitFor();
    await look(page, '12-incidents-list-toronto');

    // Filter by disposition: 7,024 apprehensions (emergency detention).
    await page.getByRole('combobox', { name: 'Disposition' }).click();
    await page.getByRole('option', { name: 'Emergency detention / apprehension' }).click();
    await page.keyboard.press('Escape');
    await page.getByText('7,024 of 31,944 incidents').waitFor();
    await page.getByRole('searchbox', { name: 'Search' }).fill('overdose');
    // 501 rows of the file are overdoses with an apprehension (counted independently from the CSV).
    await page.getByText('501 of 31,944 incidents').waitFor();
    await look(page, '13-incidents-filtered');

    // Sort by code ascending, then open the second row with the keyboard.
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await page.getByRole('button', { name: /^Code/ }).click();
    const firstRow = page.locator('[data-row-index="0"]');
    await firstRow.getByText(/^2014-\d{3}$/).waitFor();
    await firstRow.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Incident 2014-\d+$/ }).waitFor();
    await page.getByText(/imported \(toronto-pic\)/).waitFor();

    // A sample schedule: a mobile crisis team 08:00–23:00 daily.
    await page.getByRole('link', { name: /^Settings/ }).click();
    await page.getByRole('tab', { name: 'Crisis services' }).click();
    await page.getByRole('button', { name: 'Add service' }).click();
    await page.getByLabel('Service name').fill('Mobile crisis team');
    assert((await page.getByRole('textbox', { name: 'Saturday' }).inputValue()) === '08:00-23:00', 'default hours prefilled');
    const sunday = page.getByRole('textbox', { name: 'Sunday' });
    await sunday.fill('8 to 5');
    // The field says what is wrong while typing, before any save.
    await page.getByText('Sunday: "8 to 5" is not a time range like 08:00-23:00.').waitFor();
    assert((await sunday.getAttribute('aria-invalid')) === 'true', 'the bad field is marked invalid for screen readers');
    await look(page, '16a-settings-service-hours-error');
    await page.getByRole('button', { name: 'Save service' }).click();
    await page.getByRole('alert').getByText('Sunday: "8 to 5" is not a time range like 08:00-23:00.').waitFor();
    await sunday.fill('08:00-23:00');
    // Fixing the text clears both messages at once.
    await page.getByText('Sunday: "8 to 5" is not a time range like 08:00-23:00.').first().waitFor({ state: 'detached' });
    assert((await sunday.getAttribute('aria-invalid')) !== 'true', 'the fixed field is valid again');
    await look(page, '16a-settings-service-hours');
    await page.getByRole('button', { name: 'Save service' }).click();
    await page.getByText('Areas: all · 1 schedule version').waitFor();

    // Reports after the import: 24/7 coverage, monthly series, apprehension (emergency detention) by division.
    await page.getByRole('link', { name: /^Reports/ }).click();
    await page.getByText('Incidents outside Mobile crisis team hours').waitFor();
    const figures = (await page.getByLabel('Coverage figures').textContent()) ?? '';
    assert(/\d+(\.\d)?%[\d,]+ of [\d,]+ incidents with an hour and weekday/.test(figures), `coverage headline: ${figures}`);
    await page.getByRole('table', { name: /^Incidents by hour of day and weekday/ }).scrollIntoViewIfNeeded();
    await look(page, '17-reports-coverage');

    // A finding straight from the gap: pre-filled, keyboard-reachable, listed under the heat map.
    await page.getByRole('button', { name: 'Record a finding from this gap' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record a finding from this coverage gap' });
    const box = dialog.getByRole('textbox', { name: 'Finding' });
    // The draft arrives as the dialog opens (it has no open transition).
    for (let i = 0; i < 50 && !(await box.inputValue()); i++) await page.waitForTimeout(100);
    const text = await box.inputValue();
    assert(
      /^From 2014-07 to 2015-06, [\d,]+ of [\d,]+ crisis incidents .* when Mobile crisis team was not available\. The busiest uncovered stretch is \w+day 23:00–\w+day 08:00/.test(
        text,
      ),
      `draft: ${text}`,
    );
    assert(
      (await dialog.getByRole('radio', { name: 'Services', exact: true }).isChecked()) &&
        (await dialog.getByRole('radio', { name: /Community services/ }).isChecked()),
      'services, intercept 0 preselected',
    );
    await look(page, '17b-coverage-finding-dialog');
    await dialog.getByRole('button', { name: 'Save finding' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const gaps = page.getByRole('region', { name: 'Findings recorded from coverage gaps' });
    await gaps.getByText(/^From 2014-07 to 2015-06/).waitFor();
    await gaps.getByRole('button', { name: /^Make a recommendation from finding \d+$/ }).waitFor();
    // The heat map stays readable in the dark theme (cells are opaque and light, text dark; axe checks contrast).
    await page.getByRole('button', { name: 'Use dark theme' }).click();
    await page.getByRole('table', { name: /^Incidents by hour of day and weekday/ }).scrollIntoViewIfNeeded();
    await look(page, '17c-reports-coverage-dark');
    await page.getByRole('button', { name: 'Use light theme' }).click();
    await page.getByText(/^[\d,]+ incidents from 2014-07 to 2015-06$/).waitFor();
    await page.getByText('Table: Emergency detention by area').click();
    const table = page.getByRole('table', { name: 'Emergency detention by area' });
    await table.getByRole('cell', { name: 'D51', exact: true }).waitFor();
    assert((await table.getByRole('row').count()) === 18, 'one row per Toronto division (17) plus the header');
    await page.getByText('Table: Emergency detention by area').click();
    await page.getByText("Contains public sector Datasets made available under the City of Toronto's Open Data Licence v2.0").waitFor();
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await look(page, '16-reports-toronto');
    assert(problems.length === 0, `no console errors: ${problems.join(' | ')}`);
  });
});

test('incidents: new incident, identifiers highlighted while typing, redact, dismiss, ready for review, timeline', async () => {
  await withEnv(async ({ page, problems }) => {
    await toHome(page);
    await page.getByRole('link', { name: /^Incidents/ }).click();
    await page.getByRole('button', { name: 'New incident' }).click();
    await page.getByRole('dialog', { name: 'New incident' }).waitFor();
    await page.getByLabel('Committee code').fill('2026-014');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Incident 2026-014' }).waitFor();

    const narrative = page.getByLabel('De-identified narrative');
    await narrative.fill(
      'Caller Fatima Okafor reported her son was in crisis. Callback (605) 274-8779. Officer A and Clinician B arrived at 02:14.',
    );
    await page.getByText('2 possible identifiers: redact or mark as not an identifier.').waitFor();
    await page.getByRole('button', { name: 'Not an identifier… “Fatima Okafor”' }).waitFor();
    assert(await page.getByRole('button', { name: 'Not an identifier… “Fatima Okafor”' }).isDisabled(), 'dismissal waits for a save');
    await look(page, '14-incident-identifiers');

    await page.getByRole('button', { name: 'Save (Ctrl+S)' }).click();
    await page.getByText('2 unresolved identifiers').waitFor();
    await page.getByRole('button', { name: 'Ready for review' }).click();
    await page.getByRole('alert').getByText('2 possible identifiers are unresolved').waitFor();
    await look(page, '14a-incident-not-done');

    await page.getByRole('button', { name: 'Redact to [NAME]: “Fatima Okafor”' }).click();
    assert((await narrative.inputValue()).startsWith('Caller [NAME] reported'), 'redaction replaces the name with [NAME]');
    await page.keyboard.press('Control+s');
    await page.getByText('1 unresolved identifier', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Not an identifier… “(605) 274-8779”' }).click();
    const dialog = page.getByRole('dialog', { name: 'Not an identifier' });
    await dialog.getByLabel('Reason').fill('Public crisis line number');
    await dialog.getByRole('button', { name: 'Mark as not an identifier' }).click();
    await page.getByText('“(605) 274-8779” (PHONE) — Public crisis line number').waitFor();
    await page.getByRole('button', { name: 'Ready for review' }).click();
    // The status moved: the workflow now offers "Back to draft".
    await page.getByRole('button', { name: 'Back to draft' }).waitFor();

    // Timeline: three steps, intervals computed, a decision point, delete with undo.
    const add = (time: string, kind: string, description: string) => addTimelineStep(page, time, description, kind);
    await add('23:50', 'Call', 'Family member calls 911 about a person in crisis');
    await add('23:56', 'Dispatch', 'CIT officer dispatched with mobile crisis');
    await add('00:12', 'Arrival', 'Officer A and Clinician B on scene');
    await add('00:40', 'Decision point', 'Person agrees to talk with the clinician');
    await add('01:05', 'Disposition', 'Voluntary transport to the crisis centre');
    const intervals = await page.getByLabel('Intervals').textContent();
    assert(
      intervals?.includes('Call → dispatch6 min') &&
        intervals.includes('Dispatch → arrival16 min') &&
        intervals.includes('Call → disposition1 h 15 min'),
      `intervals: ${intervals}`,
    );
    await page.getByRole('button', { name: 'Delete step 4' }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('cell', { name: 'Person agrees to talk with the clinician' }).waitFor();
    await page.locator('tr[aria-label^="Step 5"]').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await page.locator('tr[aria-label^="Step 4: 01:05"]').waitFor();
    await page.keyboard.press('Alt+ArrowDown');
    await page.locator('tr[aria-label^="Step 5: 01:05"]').waitFor();
    await page.getByRole('heading', { name: 'Timeline' }).scrollIntoViewIfNeeded();
    await look(page, '15-incident-timeline');
    assert(problems.length === 0, `no console errors: ${problems.join(' | ')}`);
  });
});

test('import: an unmapped value blocks the import until it is mapped in the wizard', async () => {
  const fixture = path.resolve(ROOT, 'src/main/core/import/fixtures/seattle-sample.csv');
  await withEnv(async ({ page, host, problems }) => {
    await toHome(page);
    fs.writeFileSync(
      path.join(host.filesDir, 'seattle.csv'),
      fs.readFileSync(fixture, 'utf8').replace('Resources Declined', 'Referred to Peer Navigator'),
    );
    host.queueOpen('seattle.csv');
    await page.getByRole('link', { name: /^Incidents/ }).click();
    await page.getByRole('button', { name: 'Import CSV…' }).click();
    await page.getByRole('button', { name: 'Choose CSV file…' }).click();
    await page.getByText('Recognised: Seattle Police Crisis Data').waitFor();
    await page.getByRole('button', { name: 'Dry run', exact: true }).click();
    await page.getByText('Nothing will be imported while rows are invalid').waitFor();
    await page
      .getByRole('cell', { name: '"Referred to Peer Navigator" in column "Disposition" has no dispositions value; add it to the mapping.' })
      .waitFor();
    assert(await page.getByRole('button', { name: /^Import \d+ incidents$/ }).isDisabled(), 'import waits for the mapping');
    await page.getByRole('combobox', { name: 'Value for “Referred to Peer Navigator”' }).click();
    await page.getByRole('option', { name: 'Referral', exact: true }).click();
    await look(page, '11a-import-unmapped-value');
    await page.getByRole('button', { name: 'Run the dry run again' }).click();
    await page.getByRole('button', { name: 'Import 3 incidents' }).click();
    await page.getByText('3 incidents imported as drafts (1 rows merged, 0 invalid rows left out).').waitFor();
    assert(problems.length === 0, `no console errors: ${problems.join(' | ')}`);
  });
});
