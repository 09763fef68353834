/** Shared UI flows for the end-to-end tests (no tests registered here). */
import type { Page } from 'playwright-core';

export const PASS = 'harbour lantern quietly 42';

/** First run through the real UI: returns the recovery key shown. */
export async function setUp(page: Page): Promise<string> {
  await page.getByRole('heading', { name: 'Set up Casewalk' }).waitFor();
  await page.getByLabel('Committee name').fill('Riverside County CIT Case Review');
  await page.getByLabel('Your name').fill('Dana Coordinator');
  await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await page.getByLabel('Repeat the passphrase').fill(PASS);
  await page.getByRole('button', { name: 'Create encrypted workbench' }).click();
  const key = (await page.getByTestId('recovery-key').textContent()) ?? '';
  return key;
}

/** First run, confirm the recovery key, arrive on Home. */
export async function toHome(page: Page): Promise<void> {
  await setUp(page);
  await page.getByLabel('I have stored the recovery key somewhere safe').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Home', level: 2 }).waitFor();
}

/** Adds a step with the incident page's timeline form and waits for its row (kind: the option label, if not the default). */
export async function addTimelineStep(page: Page, time: string, description: string, kind?: string): Promise<void> {
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Add step' }) });
  await form.getByLabel('Time').fill(time);
  if (kind) {
    await form.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: kind, exact: true }).click();
  }
  await form.getByLabel('Description').fill(description);
  await form.getByRole('button', { name: 'Add step' }).click();
  await page.getByRole('cell', { name: description }).waitFor();
}

/** Opens a main page through the navigation (its link only: a page may also link to "Settings → …"). */
export async function navTo(
  page: Page,
  section: 'Home' | 'Incidents' | 'Meetings' | 'Recommendations' | 'Reports' | 'Settings',
): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: new RegExp(`^${section}`) })
    .click();
}
