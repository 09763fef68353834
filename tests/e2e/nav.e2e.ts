/**
 * Every main page of a seeded workbench, reached through the navigation: the active item passes
 * contrast in both themes (axe on each page with its item active), focus lands on the page's
 * heading, the skip link reaches the main area, and the committee's date style shows everywhere.
 */
import { Core } from '../../src/main/core/core';
import { dispatch } from '../../src/main/core/dispatch';
import { seed } from '../../src/main/core/seed/seed';
import { PASS } from './flows';
import { assert, axe, look, test, withEnv } from './harness';

const PAGES = [
  { link: 'Home', heading: 'Home' },
  { link: 'Incidents', heading: 'Incidents' },
  { link: 'Meetings', heading: 'Meetings' },
  { link: 'Recommendations', heading: 'Recommendations' },
  { link: 'Reports', heading: 'Reports' },
  { link: 'Settings', heading: 'Settings' },
];

test('navigation: every page with its item active passes axe in both themes, focus goes to the heading, dates follow the committee style', async () => {
  await withEnv(
    async ({ page, problems }) => {
      await page.getByRole('textbox', { name: 'Passphrase' }).fill(PASS);
      await page.getByRole('button', { name: 'Unlock' }).click();
      await page.getByRole('heading', { name: 'Home', level: 2 }).waitFor();
      const nav = page.getByRole('navigation', { name: 'Main navigation' });
      for (const theme of ['light', 'dark'] as const) {
        for (const p of PAGES) {
          // Home is where we are: go elsewhere first so every page is arrived at by navigation.
          if (p.link === 'Home') await nav.getByRole('link', { name: /^Settings/ }).click();
          await nav.getByRole('link', { name: new RegExp(`^${p.link}`) }).click();
          const heading = page.getByRole('heading', { name: p.heading, level: 2, exact: true });
          await heading.waitFor();
          await page
            .waitForFunction((name) => document.activeElement?.textContent === name, p.heading, { timeout: 5000 })
            .catch(async (e) => {
              throw new Error(`${String(e)} focus on: ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200))}`);
            });
          const current = await nav.locator('[aria-current="page"]').innerText();
          assert(current.startsWith(p.link), `${p.link} is the current item (${current})`);
          await page.waitForTimeout(300);
          if (theme === 'light' || p.link === 'Home') await look(page, `nav-${theme}-${p.link.toLowerCase()}`);
          else await axe(page, `nav-${theme}-${p.link.toLowerCase()}`);
        }
        if (theme === 'light') await page.getByRole('button', { name: 'Use dark theme' }).click();
      }
      await page.getByRole('button', { name: 'Use light theme' }).click();

      // The skip link is the first stop of the keyboard and moves focus into the page.
      await nav.getByRole('link', { name: /^Home/ }).click();
      await page.getByRole('heading', { name: 'Home', level: 2 }).waitFor();
      const skip = page.getByRole('link', { name: 'Skip to main content' });
      const firstStop = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')]
          .find((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled)
          ?.textContent?.trim(),
      );
      assert(firstStop === 'Skip to main content', `the skip link is the first tab stop (${firstStop})`);
      await skip.focus();
      const box = await skip.boundingBox();
      assert(box && box.y >= 0 && box.height > 20, 'the focused skip link is on screen');
      await look(page, 'nav-skip-link');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.closest('main') !== null, null, { timeout: 3000 });

      // The committee's date style: US dates on the meetings list and in a date field, ISO again after.
      await page.goto(page.url().replace(/#.*$/, '#/settings/display'));
      await page.getByRole('combobox', { name: 'Date style' }).click();
      await page.getByRole('option', { name: /^United States/ }).click();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Dates now show in the new style.').waitFor();
      await look(page, 'settings-display');
      await nav.getByRole('link', { name: /^Meetings/ }).click();
      await page.getByRole('heading', { name: 'Meetings', level: 2 }).waitFor();
      const body = await page.locator('main').innerText();
      assert(/\b\d{2}\/\d{2}\/\d{4}\b|[A-Z][a-z]{2}, [A-Z][a-z]+ \d{1,2}, \d{4}/.test(body), 'meeting dates in US style');
      assert(!/\b20\d\d-\d\d-\d\d\b/.test(body), `no ISO dates left on the meetings page: ${/\b20\d\d-\d\d-\d\d\b/.exec(body)?.[0]}`);
      assert(problems.length === 0, `no console errors: ${problems.join(' | ')}`);
    },
    async (dataDir) => {
      const core = new Core({ dataDir });
      const r = await dispatch(core, 'workbench.create', { committee: 'Nav County CIT', keyholder: 'Dana Coordinator', passphrase: PASS });
      if (!r.ok) throw new Error(r.error.message);
      await dispatch(core, 'workbench.confirmRecoveryKey', {});
      seed(core.workbench, { incidents: 600, years: 2, seed: 3 });
      core.close();
    },
  );
});
