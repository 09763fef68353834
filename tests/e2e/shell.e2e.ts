import fs from 'node:fs';
import path from 'node:path';
import { assert, look, screenshot, test, withEnv } from './harness';
import { PASS, navTo } from './flows';

test('first run, keyholders, backup, audit, lock and unlock through the UI', async () => {
  await withEnv(async ({ page, problems, host }) => {
    // Weak passphrase: refused with a specific message.
    await page.getByRole('heading', { name: 'Set up Casewalk' }).waitFor();
    await look(page, '01-setup');
    await page.getByLabel('Committee name').fill('Riverside County CIT Case Review');
    await page.getByLabel('Your name').fill('Dana Coordinator');
    await page.getByLabel('Passphrase', { exact: true }).fill('riverside123456');
    await page.getByLabel('Repeat the passphrase').fill('riverside123456');
    await page.getByRole('button', { name: 'Create encrypted workbench' }).click();
    await page.getByText('Do not use the committee name').waitFor();
    await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await page.getByLabel('Repeat the passphrase').fill(PASS);
    await page.getByRole('button', { name: 'Create encrypted workbench' }).click();
    const key = (await page.getByTestId('recovery-key').textContent()) ?? '';
    assert(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/.test(key), `recovery key shape: ${key}`);
    await look(page, '02-recovery-key');
    assert(await page.getByRole('button', { name: 'Continue' }).isDisabled(), 'Continue waits for "I have stored it"');
    await page.getByLabel('I have stored the recovery key somewhere safe').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Home', level: 2 }).waitFor();
    assert((await page.getByRole('status').first().textContent()) === 'Unlocked', 'status shows unlocked');
    await look(page, '03-home-unlocked');

    // Every section reachable.
    for (const name of ['Incidents', 'Meetings', 'Recommendations', 'Reports']) {
      await page.getByRole('link', { name: new RegExp(`^${name}`) }).click();
      await page.getByRole('heading', { name, level: 2 }).waitFor();
    }

    // Members: add a keyholder.
    await navTo(page, 'Settings');
    await page.getByRole('tab', { name: 'Keyholders & passphrases' }).click();
    await page.getByLabel('Name').fill('Sam Clinician');
    await page.getByLabel('Their passphrase').fill('meadow copper violin 77');
    await page.getByRole('button', { name: 'Add keyholder' }).click();
    await page.getByText('Sam Clinician can now unlock the workbench.').waitFor();
    await look(page, '04-settings-members');

    // Backup: file lands in the test folder, no temp left behind.
    await page.getByRole('tab', { name: 'Backup & restore' }).click();
    await page.getByRole('button', { name: 'Back up now…' }).click();
    await page.getByText(/Backup saved as .*\/casewalk-.*\.cwbackup/).waitFor();
    await page.getByRole('status').getByText('Done · 100%').waitFor();
    await look(page, '05-settings-backup');
    const files = fs.readdirSync(host.filesDir);
    assert(files.length === 1 && files[0]!.endsWith('.cwbackup'), `backup files: ${files.join(',')}`);

    // Audit log + verify.
    await page.getByRole('tab', { name: 'Audit log' }).click();
    await page.getByRole('button', { name: 'Verify integrity' }).click();
    await page.getByText(/Verified: \d+ audit rows intact/).waitFor();
    await page.getByRole('cell', { name: 'member added' }).waitFor();
    await page.getByRole('cell', { name: 'backup' }).first().waitFor();
    await look(page, '06-settings-audit');

    // Lock & notice: a shorter auto-lock and the committee's own notice.
    await page.getByRole('tab', { name: 'Lock & notice' }).click();
    const minutes = page.getByLabel('Lock after this many minutes without activity');
    await minutes.fill('45');
    await minutes.blur();
    assert((await minutes.inputValue()) === '30', 'auto-lock is clamped to the 30-minute maximum');
    await page.getByLabel('System use notice shown before unlocking').fill('   ');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('The system use notice cannot be empty.', { exact: true }).waitFor();
    await minutes.fill('5');
    await page.getByLabel('System use notice shown before unlocking').fill('Riverside CIT committee use only. Audited.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    await look(page, '07-settings-lock-notice');

    // Removing a keyholder rotates the key and shows the new recovery key.
    await page.getByRole('tab', { name: 'Keyholders & passphrases' }).click();
    await page
      .getByRole('row', { name: /Sam Clinician/ })
      .getByRole('button', { name: 'Remove' })
      .click();
    await page.getByRole('button', { name: 'Remove and rotate key' }).waitFor();
    await look(page, '08-remove-keyholder');
    await page.getByRole('button', { name: 'Remove and rotate key' }).click();
    await page.getByRole('heading', { name: 'New recovery key' }).waitFor();
    const rotatedKey = (await page.getByTestId('recovery-key').textContent()) ?? '';
    assert(rotatedKey !== key && /^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/.test(rotatedKey), 'a new recovery key is shown');
    await look(page, '09-new-recovery-key');
    // Printing shows the key sheet only: not the navigation, not the buttons.
    await page.emulateMedia({ media: 'print' });
    assert(await page.getByTestId('recovery-key').isVisible(), 'the key prints');
    assert(!(await page.getByRole('link', { name: /^Incidents/ }).isVisible()), 'the navigation does not print');
    assert(!(await page.getByRole('button', { name: 'Print recovery key' }).isVisible()), 'the buttons do not print');
    await screenshot(page, '09a-new-recovery-key-print');
    await page.emulateMedia({ media: 'screen' });
    await page.getByLabel('I have stored the recovery key somewhere safe').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('row', { name: /Dana Coordinator/ }).waitFor();
    assert((await page.getByRole('row', { name: /Sam Clinician/ }).count()) === 0, 'Sam removed');

    // Lock with the keyboard; unlock screen shows the notice.
    await page.keyboard.press('Control+l');
    await page.getByRole('heading', { name: /^Unlock / }).waitFor();
    assert((await page.getByTestId('system-use-notice').textContent()) === 'Riverside CIT committee use only. Audited.', 'notice shown');
    assert((await page.getByRole('combobox', { name: 'Who are you?' }).count()) === 0, 'one keyholder: no picker');
    await page.getByRole('textbox', { name: 'Passphrase' }).fill('not the passphrase');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText(/That passphrase is not right\. 4 attempts left/).waitFor();
    await look(page, '10-unlock-wrong');
    // The recovery key unlocks too.
    await page.locator('label', { hasText: 'Recovery key' }).first().click();
    // The old recovery key stopped working with the rotation; the new one unlocks.
    await page.getByRole('textbox', { name: 'Recovery key' }).fill(key);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText(/That recovery key is not right\. 3 attempts left/).waitFor();
    await page.getByRole('textbox', { name: 'Recovery key' }).fill(rotatedKey.toLowerCase());
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('status', { name: 'Workbench unlocked' }).waitFor();

    // Restore the backup through the UI: the previous workbench is kept as a dated copy.
    await navTo(page, 'Settings');
    await page.getByRole('tab', { name: 'Backup & restore' }).click();
    host.queueOpen(files[0]!);
    await page.getByLabel('Passphrase for the backup').fill(PASS);
    await page.getByRole('button', { name: 'Restore from a backup…' }).click();
    await page
      .getByText(/Restored from casewalk-.*The previous workbench was kept as workbench\.replaced-/)
      .waitFor({ timeout: 8000 })
      .catch(async (e: Error) => {
        throw new Error(`${e.message}\nPage says: ${(await page.locator('body').innerText()).slice(0, 600)}`);
      });
    assert(
      fs.readdirSync(path.dirname(host.filesDir)).some((f) => f.startsWith('workbench.replaced-')),
      'replaced copy kept',
    );

    await page.getByRole('button', { name: /Use dark theme/ }).click();
    await look(page, '11-dark-theme');
    assert(problems.length === 0, `console errors: ${problems.join(' | ')}`);
  });
});
