/**
 * Hostile text: HTML, script and javascript: payloads typed into every kind of text field are
 * shown as text and never run; the CSP blocks inline script outright.
 */
import { addTimelineStep, toHome, navTo } from './flows';
import { assert, look, test, withEnv } from './harness';

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  'javascript:window.__xss=3',
  '<svg onload="window.__xss=4">',
];
const ALL = PAYLOADS.join(' ');

test('hostile input: payloads in text fields never execute; CSP blocks inline script', async () => {
  await withEnv(async ({ page, problems }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await toHome(page);
    // Roster member and organisation names.
    await navTo(page, 'Settings');
    await page.getByRole('tab', { name: 'Committee roster' }).click();
    await page.getByRole('button', { name: 'Add member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add member' });
    await dialog.getByLabel('Name').fill(PAYLOADS[0]!);
    await dialog.getByRole('combobox', { name: 'Sector' }).click();
    await page.getByRole('option', { name: 'Advocacy', exact: true }).click();
    await dialog.getByRole('button', { name: 'Save member' }).click();
    await page.getByRole('cell', { name: PAYLOADS[0]!, exact: true }).waitFor();
    // Incident narrative, area, tags and a timeline step.
    await navTo(page, 'Incidents');
    await page.getByRole('button', { name: 'New incident' }).click();
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: /^Incident \d{4}-\d{3}$/ }).waitFor();
    await page.getByLabel('De-identified narrative').fill(ALL);
    await page.getByLabel('Area').fill(PAYLOADS[1]!.slice(0, 80));
    await page.keyboard.press('Control+s');
    await page.getByRole('button', { name: 'Saved' }).waitFor();
    await addTimelineStep(page, '10:00', ALL);
    // A finding through the quick-add bar.
    await page.getByLabel(/^Add a finding/).fill(`Finding ${ALL}`);
    await page.keyboard.press('Enter');
    await page.getByText(`Finding ${ALL}`).first().waitFor(); // shown twice: room preview and findings list
    // The list shows the summary as text.
    await navTo(page, 'Incidents');
    await page.locator('[data-row-index="0"]').waitFor();
    await look(page, '19-hostile-text');

    const executed = await page.evaluate(() => (window as unknown as { __xss?: number }).__xss);
    assert(executed === undefined, `a payload executed (${String(executed)})`);
    assert(dialogs.length === 0, `dialogs opened: ${dialogs.join(', ')}`);
    assert((await page.locator('img[src="x"], svg[onload]').count()) === 0, 'no payload element made it into the DOM');

    // CSP: an inline <script> element inserted into the page does not run and is reported.
    const csp = await page.evaluate(
      () =>
        new Promise<{ ran: boolean; violation: string | null }>((resolve) => {
          let violation: string | null = null;
          document.addEventListener('securitypolicyviolation', (e) => (violation = e.violatedDirective), { once: true });
          const s = document.createElement('script');
          s.textContent = 'window.__inline = true';
          document.body.appendChild(s);
          setTimeout(() => resolve({ ran: (window as unknown as { __inline?: boolean }).__inline === true, violation }), 200);
        }),
    );
    assert(!csp.ran, 'inline script ran');
    assert(csp.violation?.startsWith('script-src') === true, `CSP violation reported: ${csp.violation}`);
    // The CSP violation is the one expected console error.
    const unexpected = problems.filter((p) => !/Content Security Policy/.test(p));
    assert(unexpected.length === 0, `no other console errors: ${unexpected.join(' | ')}`);
  });
});
