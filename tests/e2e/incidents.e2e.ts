import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { Core } from '../../src/main/core/core';
import { dispatch, typedCaller } from '../../src/main/core/dispatch';
import { seed } from '../../src/main/core/seed/seed';
import { ROOT } from '../host/server';
import { assert, look, screenshot, test, withEnv } from './harness';
import { addTimelineStep, PASS, toHome, navTo } from './flows';

const TORONTO = path.resolve(ROOT, '../shared/data/persons_in_crisis_data.csv');

test('incidents: import the Toronto file, filter, search, open by keyboard', async () => {
  assert(fs.existsSync(TORONTO), `the Toronto data file is missing: ${TORONTO}`);
  await withEnv(async ({ page, host, problems }) => {
    await toHome(page);
    await navTo(page, 'Incidents');
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
    // Five-digit committee codes (2015-9768) show whole.
    const codes = await page
      .locator('[data-row-index] [role="cell"]:first-child')
      .evaluateAll((cells) => cells.map((c) => ({ code: c.textContent, cut: c.scrollWidth > c.clientWidth + 1 })));
    assert(codes.length > 5 && codes.every((c) => !c.cut), `codes shown whole: ${JSON.stringify(codes.filter((c) => c.cut))}`);
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
    await navTo(page, 'Settings');
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
    await navTo(page, 'Reports');
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
    await navTo(page, 'Incidents');
    await page.getByRole('button', { name: 'New incident' }).click();
    await page.getByRole('dialog', { name: 'New incident' }).waitFor();
    // The year is required, and an incident is never in a later year: said under the field.
    const newYear = page.getByRole('dialog', { name: 'New incident' }).getByRole('textbox', { name: 'Year' });
    const thisYear = await newYear.inputValue();
    await newYear.fill('');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByText('Give the year of the incident (for example 2026).').waitFor();
    await newYear.fill(String(Number(thisYear) + 5));
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByText(`The year of the incident cannot be after this year (${thisYear}); an incident has already happened.`).waitFor();
    assert((await newYear.getAttribute('aria-invalid')) === 'true', 'the year is marked invalid');
    await look(page, '14-new-incident-future-year');
    await newYear.fill('2026');
    await page.getByLabel('Committee code').fill('2026-014');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Incident 2026-014' }).waitFor();
    // Opening an incident puts focus on its heading.
    await page.waitForFunction(() => document.activeElement?.textContent === 'Incident 2026-014');

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
    // Focus moves to the next finding, not to the top of the page.
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Redact to [PHONE]: “(605) 274-8779”');
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

    // Findings outside the narrative (a timeline step): after Redact focus goes to the next one, then to the panel.
    await addTimelineStep(page, '01:20', 'Fatima Okafor called back on (605) 274-8779', 'Disposition');
    const guard = page.getByRole('heading', { name: 'Identifier guard' });
    await guard.scrollIntoViewIfNeeded();
    await page.locator('button[data-redact]').nth(1).waitFor();
    await page.locator('button[data-redact]').first().click();
    await page.waitForFunction(
      () => document.activeElement?.matches('button[data-redact]') && document.querySelectorAll('button[data-redact]').length === 1,
    );
    await page.keyboard.press('Enter');
    await page.getByText('No possible identifiers are left outside the narrative and referrals.').waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Identifier guard');
    await look(page, '15a-incident-guard-cleared');
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
    await navTo(page, 'Incidents');
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

/** Rows of the incident list wholly inside its scrolling body. */
const rowsInView = (page: Page) =>
  page.evaluate(() => {
    const body = document.querySelector('[role="table"][aria-label="Incidents"] [role="rowgroup"]:last-child')!.getBoundingClientRect();
    return [...document.querySelectorAll('[data-row-index]')].filter((r) => {
      const b = r.getBoundingClientRect();
      return b.top >= body.top - 1 && b.bottom <= body.bottom + 1;
    }).length;
  });

test('incidents: a year of use — readable badges, clipped cells in full on hover and focus, compact rows, errors under their fields', async () => {
  await withEnv(
    async ({ page, problems }) => {
      await page.getByRole('textbox', { name: 'Passphrase' }).fill(PASS);
      await page.getByRole('button', { name: 'Unlock' }).click();
      await navTo(page, 'Incidents');
      await page.getByText('400 of 400 incidents').waitFor();
      await page
        .locator('[data-row-index="5"]')
        .getByText(/^\d{4}-\d{3}$/)
        .waitFor();
      // Every status and identifier badge shows its whole label.
      const badges = await page.evaluate(() =>
        [...document.querySelectorAll('[data-row-index] .mantine-Badge-label')].map((b) => ({
          text: b.textContent ?? '',
          clipped: b.scrollWidth > b.clientWidth + 1,
        })),
      );
      assert(
        badges.some((b) => b.text === 'Ready for review') && badges.some((b) => b.text === '2 IDs to resolve'),
        `badges: ${JSON.stringify(badges.slice(0, 12))}`,
      );
      assert(
        badges.every((b) => !b.clipped),
        `no badge is cut: ${JSON.stringify(badges.filter((b) => b.clipped))}`,
      );
      // A cell too narrow for its text ends in "…", and shows it whole on hover.
      const clipped = page
        .locator('[data-row-index] span[class*="clip"]')
        .filter({ hasText: 'Emergency detention / apprehension' })
        .first();
      assert(
        await clipped.evaluate((e) => getComputedStyle(e).textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth),
        'the disposition is clipped with an ellipsis',
      );
      const comfortable = await rowsInView(page);
      assert(comfortable >= 10, `at 1440×900 the list shows ${comfortable} rows`);
      await look(page, '12a-incidents-list-1440');
      await clipped.hover();
      await page.getByRole('tooltip').filter({ hasText: 'Emergency detention / apprehension' }).waitFor();
      await screenshotAfterHover(page, '12b-incidents-list-tooltip');

      await page.getByText('Compact', { exact: true }).click();
      await page.waitForFunction(() => location.hash.includes('density=compact'));
      await page.waitForTimeout(200);
      const compact = await rowsInView(page);
      assert(compact >= comfortable + 4, `compact rows show more (${compact} against ${comfortable})`);
      await look(page, '12c-incidents-list-compact-1440');
      // The badges stay readable in the dark theme (axe checks their contrast).
      await page.getByRole('button', { name: 'Use dark theme' }).click();
      await look(page, '12c-incidents-list-compact-dark');
      await page.getByRole('button', { name: 'Use light theme' }).click();

      await page.setViewportSize({ width: 1280, height: 720 });
      await page.waitForTimeout(300);
      await look(page, '12d-incidents-list-1280');
      const small = await rowsInView(page);
      assert(small >= 9, `at 1280×720 the compact list still shows nine rows or more (${small})`);
      // Keyboard focus opens the row: every cell whole.
      await page.locator('[data-row-index="0"]').focus();
      await page.keyboard.press('ArrowDown');
      const row = page.locator('[data-row-index="1"]');
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-row-index') === '1');
      assert((await row.evaluate((r) => r.getBoundingClientRect().height)) > 40, 'the focused row opens to show its cells whole');
      await look(page, '12e-incidents-row-focus-1280');

      // Opening an incident puts focus on its heading.
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: /^Incident \d{4}-\d{3}$/ }).waitFor();
      await page.waitForFunction(() => /^Incident \d{4}-\d{3}$/.test(document.activeElement?.textContent ?? ''));
      await page.setViewportSize({ width: 1440, height: 900 });

      // Bad input: the error under its field, in words; nothing saved.
      const year = page.getByRole('textbox', { name: 'Year' });
      const before = await year.inputValue();
      await year.fill('');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Give the year of the incident (for example 2026).').waitFor();
      await page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
      await look(page, '14b-incident-year-required');
      await year.fill('2031');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText(/^The year of the incident cannot be after this year \(\d{4}\); an incident has already happened\.$/).waitFor();
      await look(page, '14c-incident-year-future');
      await year.fill(before);

      // The narrative is never cut: a counter near the limit, an error past it.
      const narrative = page.getByLabel('De-identified narrative');
      await narrative.fill('Officer A spoke with the person. '.repeat(220));
      await page.getByText('7,260 of 8,000 characters — 740 left').waitFor();
      await narrative.fill('Officer A spoke with the person. '.repeat(250));
      await page.getByText('8,250 of 8,000 characters — 250 over the limit').waitFor();
      await page.getByText('The narrative must be at most 8,000 characters. Shorten it; nothing is cut off for you.').waitFor();
      assert((await narrative.inputValue()).length === 8250, 'nothing is cut off');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByRole('alert').getByText('Not saved: correct the fields marked in red.').waitFor();
      await narrative.scrollIntoViewIfNeeded();
      await look(page, '14d-incident-narrative-limit');
      assert(problems.length === 0, `no console errors: ${problems.join(' | ')}`);
    },
    async (dataDir) => {
      const core = new Core({ dataDir });
      const call = typedCaller(core);
      await call('workbench.create', { committee: 'Riverside County CIT Case Review', keyholder: 'Dana Coordinator', passphrase: PASS });
      await call('workbench.confirmRecoveryKey', {});
      seed(core.workbench, { incidents: 400, years: 2, seed: 3 });
      // Three recent drafts with two possible identifiers each (the list's identifier badge).
      for (const row of (await call('incidents.list', { status: ['draft'], limit: 3 })).rows) {
        const d = await call('incidents.get', { id: row.id });
        await call('incidents.update', {
          id: row.id,
          version: d.incident.version,
          patch: { narrative: 'Caller Fatima Okafor called back on (605) 274-8779.', dispositions: ['emergency_detention'] },
        });
      }
      if (!(await dispatch(core, 'workbench.verify', {})).ok) throw new Error('the seeded workbench does not verify');
      core.close();
    },
  );
});

/** A screenshot with the pointer where it is (look() moves it away, which would close a tooltip). */
async function screenshotAfterHover(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(250);
  await screenshot(page, name);
}
