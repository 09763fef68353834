/**
 * The renderer at scale: a workbench seeded with E2E_SCALE incidents (default 100,000, ten
 * years, ~1,000,000 timeline steps). Records the time to the first rows of the list and to a
 * search result, and checks the list stays virtualised (only a window of rows in the DOM).
 */
import { Core } from '../../src/main/core/core';
import { dispatch } from '../../src/main/core/dispatch';
import { seed } from '../../src/main/core/seed/seed';
import { PASS, navTo } from './flows';
import { assert, look, test, withEnv } from './harness';

const N = Number(process.env.E2E_SCALE ?? 100_000);

test(`scale: ${N.toLocaleString('en-US')} incidents — first rows, search, virtualised list`, async () => {
  await withEnv(
    async ({ page }) => {
      await page.getByRole('textbox', { name: 'Passphrase' }).fill(PASS);
      await page.getByRole('button', { name: 'Unlock' }).click();
      await page.getByRole('heading', { name: 'Home', level: 2 }).waitFor();
      let t = Date.now();
      await navTo(page, 'Incidents');
      await page
        .locator('[data-row-index="0"]')
        .getByText(/^\d{4}-\d{3,5}$/)
        .waitFor();
      const firstRowsMs = Date.now() - t;
      await page.getByText(`${N.toLocaleString('en-US')} of ${N.toLocaleString('en-US')} incidents`).waitFor();
      t = Date.now();
      await page.getByRole('searchbox', { name: 'Search' }).fill('balcony');
      await page
        .getByText(/^[\d,]+ of [\d,]+ incidents$/)
        .filter({ hasNotText: `${N.toLocaleString('en-US')} of` })
        .waitFor();
      const searchMs = Date.now() - t - 250; // minus the 250 ms typing debounce
      const rendered = await page.locator('[data-row-index]').count();
      assert(rendered < 80, `virtualised: ${rendered} rows in the DOM`);
      await page.locator('[data-row-index="0"]').focus();
      // Each key must move focus forward; rows further down render as they come into view,
      // so wait for each move instead of racing five key presses against the renderer.
      const focusedRow = () => page.evaluate(() => Number(document.activeElement?.getAttribute('data-row-index') ?? '-1'));
      let focused = await focusedRow();
      for (const key of ['PageDown', 'PageDown', 'PageDown', 'PageDown', 'PageDown', 'ArrowDown']) {
        await page.keyboard.press(key);
        await page.waitForFunction((prev) => Number(document.activeElement?.getAttribute('data-row-index') ?? '-1') > prev, focused, {
          timeout: 5000,
        });
        focused = await focusedRow();
      }
      assert(focused >= 20, `PageDown moves focus through the list (row ${focused})`);
      await look(page, '18-incidents-100k');
      console.log(
        `    scale: ${N} incidents; first rows ${firstRowsMs} ms; search result ${searchMs} ms (after debounce); ${rendered} rows rendered`,
      );
      assert(firstRowsMs < 10_000 && searchMs < 10_000, 'responsive at scale');
    },
    async (dataDir) => {
      const core = new Core({ dataDir });
      const r = await dispatch(core, 'workbench.create', {
        committee: 'Scale County CIT',
        keyholder: 'Dana Coordinator',
        passphrase: PASS,
      });
      if (!r.ok) throw new Error(r.error.message);
      await dispatch(core, 'workbench.confirmRecoveryKey', {});
      seed(core.workbench, { incidents: N, years: 10, seed: 11, endYear: 2026 });
      core.close();
    },
  );
});
