/**
 * Issue 20: following a recommendation through. A seeded year of use: Home lists what the
 * follow-through owes; the register searches; a recommendation's page records the agency's
 * response and shows its history; the next meeting's agenda carries an effect check; the public
 * tracker opens as a page. Every screen looked at and checked by axe.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Core } from '../../src/main/core/core';
import { dispatch } from '../../src/main/core/dispatch';
import { seed } from '../../src/main/core/seed/seed';
import { PASS } from './flows';
import { assert, look, test, withEnv } from './harness';

test('follow-through: Home, register search, a recommendation’s response and history, the agenda’s effect check, the tracker', async () => {
  await withEnv(
    async ({ page, host, problems, newPage }) => {
      await page.getByRole('textbox', { name: 'Passphrase' }).fill(PASS);
      await page.getByRole('button', { name: 'Unlock' }).click();
      await page.getByRole('heading', { name: 'Home', level: 2 }).waitFor();
      const due = page.getByRole('region', { name: 'Effect checks due' });
      await due.waitFor();
      await page.getByRole('region', { name: 'Responses overdue' }).waitFor();
      await look(page, 'f1-home-follow-up');

      // The register: search by words, then by a code.
      await page.getByRole('link', { name: /^Recommendations/ }).click();
      await page.getByRole('table', { name: 'Recommendation register' }).waitFor();
      // A word from the first recommendation's text: the search finds it, and only rows that contain it.
      const register = page.getByRole('table', { name: 'Recommendation register' });
      const firstRow = (await register.getByRole('row').nth(1).getByRole('cell').nth(1).innerText()).split('\n')[0]!.toLowerCase(); // the action
      const word = firstRow.split(/[^a-z]+/).sort((a, b) => b.length - a.length)[0]!;
      const all = await register.getByRole('row').count();
      await page.getByRole('searchbox', { name: 'Search' }).fill(word);
      await page
        .waitForFunction(
          ([w, n]) => {
            const rows = [...document.querySelectorAll('table[aria-label="Recommendation register"] tbody tr')];
            return (
              rows.length > 0 && rows.length < (n as number) - 1 && rows.every((r) => r.textContent!.toLowerCase().includes(w as string))
            );
          },
          [word, all],
          { timeout: 10_000 },
        )
        .catch(() => undefined);
      const found = await register.getByRole('row').count();
      assert(found >= 2, `search for "${word}" finds its recommendation (${found - 1} rows)`);
      await look(page, 'f2-register-search');
      await page.getByRole('searchbox', { name: 'Search' }).fill('');

      // A recommendation sent and awaiting its response: record it, see the history.
      await page.getByRole('switch', { name: 'Response overdue' }).check();
      const firstCode = page
        .getByRole('table', { name: 'Recommendation register' })
        .getByRole('row')
        .filter({ hasText: 'Response overdue' })
        .first()
        .getByRole('link')
        .first();
      const code = (await firstCode.textContent()) ?? '';
      await firstCode.click();
      await page.getByRole('heading', { name: `Recommendation ${code}`, level: 2 }).waitFor();
      await page.getByText('Response overdue', { exact: true }).first().waitFor();
      await page.getByRole('button', { name: 'Record the response…' }).click();
      const dialog = page.getByRole('dialog', { name: `${code}: the agency’s response` });
      await dialog.getByRole('button', { name: 'Record the response' }).click();
      await dialog.getByText('Choose the response.').waitFor();
      await dialog.getByRole('combobox', { name: 'Response' }).click();
      await page.getByRole('option', { name: 'Accepted in part' }).click();
      await dialog.getByLabel('Rationale or summary (optional)').fill('Agreed for the overnight shift first, within this budget year.');
      await dialog.getByLabel('Planned action (optional)').fill('Start with the overnight shift, then review');
      await dialog.getByRole('button', { name: 'Record the response' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('Accepted in part ·', { exact: false }).first().waitFor();
      const history = page.getByRole('table', { name: 'Status history' });
      await history.getByText('Response received').waitFor();
      assert((await history.getByRole('row').count()) >= 4, 'history: proposed, adopted, sent, response received');
      await page.getByRole('button', { name: 'In progress…' }).waitFor();
      await look(page, 'f3-recommendation-page');
      await history.scrollIntoViewIfNeeded();
      await look(page, 'f3b-recommendation-history');

      // Home → the next meeting's agenda: its follow-up item carries the effect check due.
      await page.getByRole('link', { name: /^Home/ }).click();
      await page.getByRole('link', { name: /open the agenda$/ }).click();
      await page
        .getByText(/^Effect check due \d{4}-\d{2}-\d{2}$/)
        .first()
        .waitFor();
      await page
        .getByText(/^Effect check due/)
        .first()
        .scrollIntoViewIfNeeded();
      await look(page, 'f4-agenda-effect-check');

      // Reports: the follow-through figures.
      await page.getByRole('link', { name: /^Reports/ }).click();
      const report = page.getByRole('region', { name: 'Follow-through' });
      await report.getByRole('table', { name: 'Time to response and verification by agency' }).waitFor();
      await report.getByRole('heading', { name: 'Follow-through' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
      await look(page, 'f6-reports-follow-through');

      // The public tracker as a web page.
      await page.getByRole('link', { name: /^Recommendations/ }).click();
      await page.getByRole('button', { name: 'Export register' }).click();
      await page.getByRole('menuitem', { name: 'Tracker web page (HTML)…' }).click();
      const saved =
        (await page
          .getByRole('status')
          .filter({ hasText: /saved: public tracker, \d+ recommendations?\.$/ })
          .textContent()) ?? '';
      // The status names where the file went (its whole path).
      const file = path.resolve(host.filesDir, saved.split(' saved')[0]!);
      const html = fs.readFileSync(file, 'utf8');
      assert(html.startsWith('<!doctype html>') && !/<script/i.test(html), `a self-contained page: ${file}`);
      const tracker = await newPage();
      await tracker.goto(`file://${file}`);
      await tracker.getByRole('heading', { name: 'Recommendations tracker' }).waitFor();
      assert((await tracker.locator('tbody tr').count()) > 5, 'the tracker lists the adopted recommendations');
      await look(tracker, 'f5-tracker');

      // Letters to the owner agencies of the latest ended meeting, from the register.
      await page.bringToFront();
      await page.getByRole('button', { name: 'Letters to owners…' }).click();
      const agencies = page.getByRole('table', { name: 'Owner agencies' });
      await agencies.waitFor();
      assert((await agencies.locator('tbody tr').count()) >= 2, 'the latest ended meeting writes to two agencies or more');
      await look(page, 'f7-letters-dialog');
      await agencies
        .getByRole('button', { name: /^PDF… letter to / })
        .first()
        .click();
      const letter =
        (await page
          .getByRole('status')
          .filter({ hasText: /^Letter to .+ saved to / })
          .textContent()) ?? '';
      const pdf = path.resolve(host.filesDir, letter.replace(/^Letter to .+ saved to /, '').replace(/\.$/, ''));
      assert(fs.readFileSync(pdf).subarray(0, 5).toString() === '%PDF-', `a PDF letter was written: ${pdf}`);
      assert(problems.length === 0, `no console errors: ${problems.join(' | ')}`);
    },
    async (dataDir) => {
      const core = new Core({ dataDir });
      const r = await dispatch(core, 'workbench.create', {
        committee: 'Riverside County CIT',
        keyholder: 'Dana Coordinator',
        passphrase: PASS,
      });
      if (!r.ok) throw new Error(r.error.message);
      await dispatch(core, 'workbench.confirmRecoveryKey', {});
      seed(core.workbench, { incidents: 1500, years: 2, seed: 3 });
      core.close();
    },
  );
});
