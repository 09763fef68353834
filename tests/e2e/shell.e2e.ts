import { assert, look, test, withEnv } from './harness';

test('app shell: every section reachable by keyboard and mouse, no console errors', async () => {
  await withEnv(async ({ page, problems }) => {
    await page.getByRole('heading', { name: 'Casewalk', level: 1 }).waitFor();
    assert((await page.title()) === 'Casewalk', 'window title');
    await look(page, '00-shell-home');
    for (const name of ['Incidents', 'Meetings', 'Recommendations', 'Reports', 'Settings']) {
      await page.getByRole('link', { name: new RegExp(`^${name}`) }).click();
      await page.getByRole('heading', { name, level: 2 }).waitFor();
    }
    // Keyboard: Tab reaches the navigation and Enter follows a link.
    await page.keyboard.press('Tab');
    let reached = false;
    for (let i = 0; i < 12 && !reached; i++) {
      reached = await page.evaluate(() => document.activeElement?.textContent?.startsWith('Incidents') ?? false);
      if (!reached) await page.keyboard.press('Tab');
    }
    assert(reached, 'Tab reaches the Incidents link');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Incidents', level: 2 }).waitFor();
    await page.getByRole('button', { name: /Use dark theme/ }).click();
    await look(page, '01-shell-dark');
    assert(problems.length === 0, `console errors: ${problems.join(' | ')}`);
  });
});
