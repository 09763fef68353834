import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { assert, look, SCREENSHOTS, test, withEnv } from './harness';
import { addTimelineStep, toHome, navTo } from './flows';

async function addMember(page: Page, name: string, sector: string) {
  await page.getByRole('button', { name: 'Add member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add member' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('combobox', { name: 'Sector' }).click();
  await page.getByRole('option', { name: sector, exact: true }).click();
  await dialog.getByRole('button', { name: 'Save member' }).click();
  await page.getByRole('cell', { name, exact: true }).waitFor();
}

async function readyIncident(page: Page) {
  await navTo(page, 'Incidents');
  await page.getByRole('button', { name: 'New incident' }).click();
  await page.getByLabel('Committee code').fill('2026-021');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('heading', { name: 'Incident 2026-021' }).waitFor();
  // Saturday 23:00: outside the mobile crisis team's hours set up later.
  await page.getByRole('combobox', { name: 'Weekday' }).click();
  await page.getByRole('option', { name: 'Saturday', exact: true }).click();
  await page.getByRole('combobox', { name: 'Hour of day' }).click();
  await page.getByRole('option', { name: '23:00–23:59' }).click();
  await page
    .getByLabel('De-identified narrative')
    .fill(
      'A family member called 911 about a person in crisis. Officer A waited for the mobile crisis team; Clinician B talked with the person, who agreed to a voluntary transport.',
    );
  await page.getByText('No possible identifiers found.').first().waitFor();
  await page.keyboard.press('Control+s');
  await page.getByRole('button', { name: 'Saved' }).waitFor();
  for (const [time, kind, text] of [
    ['23:50', 'Call', 'Family member calls 911'],
    ['23:56', 'Dispatch', 'Dispatch sends patrol; mobile crisis team is 40 minutes away'],
    ['00:12', 'Arrival', 'Officer A on scene, waits at a distance'],
    ['00:52', 'Disposition', 'Voluntary transport with the clinician'],
  ] as const)
    await addTimelineStep(page, time, text, kind);
  await page.getByRole('button', { name: 'Ready for review' }).click();
  await page.getByRole('button', { name: 'Back to draft' }).waitFor();
}

test('meetings: roster, plan, attendance and quorum, agenda, walk with presenter and projector, findings and a recommendation', async () => {
  await withEnv(async ({ page, newPage, problems, host }) => {
    await toHome(page);
    await navTo(page, 'Settings');
    await page.getByRole('tab', { name: 'Committee roster' }).click();
    await addMember(page, 'Lee Park', 'Law enforcement');
    await addMember(page, 'Mo Reyes', 'Mental health');
    await addMember(page, 'Ada Stone', 'Advocacy');
    await addMember(page, 'Fran Okoye', 'Family member');
    await page.getByRole('button', { name: 'Add organisation' }).click();
    const org = page.getByRole('dialog', { name: 'Add organisation' });
    await org.getByLabel('Organisation name').fill('County Behavioral Health');
    await org.getByRole('combobox', { name: 'Sector' }).click();
    await page.getByRole('option', { name: 'Mental health', exact: true }).click();
    await org.getByRole('button', { name: 'Save organisation' }).click();
    await page.getByText('County Behavioral Health').waitFor();
    await look(page, '20-settings-roster');

    await readyIncident(page);

    await navTo(page, 'Meetings');
    await page.getByRole('button', { name: 'Plan a meeting' }).click();
    const plan = page.getByRole('dialog', { name: 'Plan a meeting' });
    await plan.getByLabel('Date').fill('2026-11-17');
    await plan.getByLabel('Place').fill('County building, room 2');
    await plan.getByRole('button', { name: 'Plan meeting' }).click();
    await page.getByRole('heading', { name: /^Meeting · / }).waitFor();
    await page.getByText('Attendance has not been taken yet.').waitFor();

    // Attendance: quorum warnings update as people arrive.
    const attend = async (name: string, status: string) =>
      page
        .getByRole('radiogroup', { name: `Attendance of ${name}` })
        .getByText(status, { exact: true })
        .click();
    await attend('Lee Park', 'Present');
    await page.getByText('No one from mental health is present.').waitFor();
    await attend('Mo Reyes', 'Present');
    await attend('Ada Stone', 'Guest');
    await attend('Fran Okoye', 'Absent');
    await page.getByText('No one with lived experience and no family member is present').waitFor();
    await page.getByLabel('Lee Park signed the confidentiality statement').click();
    await page.getByText(/^Signed \d/).waitFor();

    // Agenda: add the case review; it lands before "Other business".
    await page.getByRole('combobox', { name: 'Add a case review' }).click();
    await page.getByRole('option', { name: /^2026-021/ }).click();
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText('4. Case review: 2026-021').waitFor();
    await page.getByText('55 of 90 minutes').waitFor();
    await page.getByRole('listitem', { name: /^4\. Case review/ }).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await page.getByText('3. Case review: 2026-021').waitFor();
    await page.keyboard.press('Alt+ArrowDown');
    await page.getByText('4. Case review: 2026-021').waitFor();
    await look(page, '21-meeting-agenda');

    // Walk: the presenter drives with the keyboard; a projector page follows through the core.
    await page.getByRole('button', { name: 'Start walk-through' }).click();
    await page.getByRole('heading', { name: 'Walk-through' }).waitFor();
    const projector = await newPage();
    await projector.goto(`${projector.url().split('#')[0]}#/projector`);
    await projector.getByRole('heading', { name: 'Welcome to the Riverside County CIT Case Review' }).waitFor();
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await projector.getByRole('heading', { name: 'Incident 2026-021' }).waitFor();
    await projector.getByText('Family member calls 911').waitFor();
    await page.getByText('Step 1 of 4').waitFor();
    await page.keyboard.press('ArrowRight');
    await projector.getByText('Dispatch sends patrol; mobile crisis team is 40 minutes away').waitFor();
    await projector.getByText('+6 min since the previous step').waitFor();
    await page.keyboard.press('ArrowRight');
    await projector.getByText('Officer A on scene, waits at a distance').waitFor();

    // Two findings with the quick-add bar (Alt+2 = services), one with a blame reminder.
    const bar = page.getByLabel(/^Add a finding/);
    await bar.fill('The officer failed to wait for the clinician');
    await page.getByText(/A reminder: “The officer failed to”/).waitFor();
    await bar.fill('Mobile crisis team has no coverage after 22:00 on weekends');
    await page.keyboard.press('Alt+2');
    await page.keyboard.press('Enter');
    const side = page.getByRole('complementary', { name: 'Presenter only' });
    await side.getByText('Mobile crisis team has no coverage after 22:00 on weekends').waitFor();
    assert((await side.textContent())?.includes('GapServices: Mobile crisis team'), 'first finding: a gap in services (Alt+2)');
    await bar.fill('Officer waited at a distance until the clinician arrived');
    await page.keyboard.press('Alt+w');
    await page.keyboard.press('Alt+6');
    await page.keyboard.press('Enter');
    await side.getByText('Officer waited at a distance until the clinician arrived').waitFor();
    assert(
      (await side.textContent())?.includes('What workedCoordination / communication: Officer waited'),
      'second finding: what worked, coordination (Alt+W, Alt+6)',
    );
    await projector.getByText('Findings so far').waitFor();
    await projector.getByText('Mobile crisis team has no coverage after 22:00 on weekends').waitFor();

    // A recommendation from the first finding, owned by an organisation.
    await page.getByRole('button', { name: 'Recommendation…' }).click();
    const rec = page.getByRole('dialog', { name: 'New recommendation' });
    await rec.getByLabel('Mobile crisis team has no coverage', { exact: false }).check();
    await rec.getByLabel('Officer waited at a distance', { exact: false }).uncheck();
    await rec.getByRole('textbox', { name: 'Action' }).fill('Extend mobile crisis coverage to 02:00 on Friday and Saturday nights');
    await rec.getByRole('combobox', { name: 'Owner' }).click();
    await page.getByRole('option', { name: 'County Behavioral Health' }).click();
    await rec.getByLabel('Due date').fill('2027-03-31');
    await rec.getByRole('combobox', { name: 'Kind of action (RCA² hierarchy)' }).click();
    await page.getByRole('option', { name: 'Increase staffing / reduce workload' }).click();
    await rec.getByText('Intermediate action').waitFor();
    await look(page, '22a-recommendation-dialog');
    await rec.getByRole('button', { name: 'Save recommendation' }).click();
    await page.getByText('→ recommendation').waitFor();
    await look(page, '22-walk-presenter');
    await page.keyboard.press('h');
    await projector.locator('[data-contrast]').waitFor();
    await look(projector, '23-walk-projector');

    await page.getByRole('button', { name: 'Case reviewed ✓' }).click();
    await page.getByRole('button', { name: 'Reopen item' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: /^Meeting · / }).waitFor();

    // The same gap, seen system-wide: a coverage finding attached to this meeting.
    await navTo(page, 'Settings');
    await page.getByRole('tab', { name: 'Crisis services' }).click();
    await page.getByRole('button', { name: 'Add service' }).click();
    await page.getByLabel('Service name').fill('Mobile crisis team');
    for (const day of ['Friday', 'Saturday']) await page.getByRole('textbox', { name: day }).fill('08:00-22:00');
    await page.getByRole('button', { name: 'Save service' }).click();
    await page.getByText('Areas: all · 1 schedule version').waitFor();
    await navTo(page, 'Reports');
    await page.getByRole('button', { name: 'Record a finding from this gap' }).click();
    const gap = page.getByRole('dialog', { name: 'Record a finding from this coverage gap' });
    assert(
      /1 of 1 crisis incidents .*Saturday 22:00–Sunday 08:00 \(1 incident\)/.test(
        await gap.getByRole('textbox', { name: 'Finding' }).inputValue(),
      ),
      'the draft names the Saturday-night gap',
    );
    // The meetings load as the dialog opens (it has no open transition to hide that).
    const discussAt = gap.getByRole('combobox', { name: /^Discuss at meeting/ });
    for (let i = 0; i < 50 && !(await discussAt.inputValue()).startsWith('2026-11-17'); i++) await page.waitForTimeout(100);
    assert((await discussAt.inputValue()).startsWith('2026-11-17'), 'the meeting in progress is preselected');
    // The drafted text passes the guard as typed (the dialog guards it like a case finding).
    await gap.getByText('No possible identifiers found.').waitFor();
    await look(page, '21b-coverage-finding-dialog-guarded');
    await gap.getByRole('button', { name: 'Save finding' }).click();
    await gap.waitFor({ state: 'hidden' });
    await navTo(page, 'Meetings');
    await page
      .getByRole('link', { name: /2026|Dec/ })
      .first()
      .click();
    const systemic = page.getByRole('region', { name: 'Systemic findings: 24/7 coverage' });
    await systemic.getByText(/happened when Mobile crisis team was not available/).waitFor();
    await systemic.scrollIntoViewIfNeeded();
    await look(page, '21a-meeting-systemic-findings');

    // Minutes: drafted from the record, a leaked name is caught, redacted, approved, exported as PDF.
    await page.getByRole('button', { name: 'Draft minutes from the record' }).click();
    const other = page.getByRole('textbox', { name: 'Other business', exact: true });
    await other.fill('Caller Fatima Okafor asked to present at the next meeting.');
    await page.getByRole('button', { name: 'Save minutes' }).click();
    await page.getByText('1 possible identifier: redact before approving or exporting').waitFor();
    assert(await page.getByRole('button', { name: 'Approve…' }).isDisabled(), 'approval waits for the guard');
    await page.getByRole('button', { name: 'Redact to [NAME]' }).click();
    await page.getByRole('button', { name: 'Save minutes' }).click();
    await page.getByRole('button', { name: 'Approve…' }).waitFor({ state: 'visible' });
    await page.getByText('possible identifier').waitFor({ state: 'detached' });
    assert((await other.inputValue()) === 'Caller [NAME] asked to present at the next meeting.', 'redacted in place');
    await page.getByRole('textbox', { name: 'Case review: 2026-021', exact: true }).scrollIntoViewIfNeeded();
    await look(page, '25-minutes-editor');
    await page.getByRole('button', { name: 'Approve…' }).click();
    await page.getByRole('dialog', { name: 'Approve the minutes?' }).getByRole('button', { name: 'Approve minutes' }).click();
    await page.getByText(/^Approved \d{4}-\d{2}-\d{2}$/).waitFor();
    await page.getByRole('button', { name: 'Export minutes' }).click();
    await page.getByRole('menuitem', { name: 'PDF…' }).click();
    await page.getByText(/\/minutes-2026-11-17\.pdf saved/).waitFor();
    const pdf = path.join(host.filesDir, 'minutes-2026-11-17.pdf');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const s of [
      'Minutes — Riverside County CIT Case Review',
      'Case review: 2026-021',
      'Mobile crisis team has no coverage',
      'Systemic findings: 24/7 coverage',
      'R-001',
      'Page 1 of',
    ])
      assert(text.includes(s), `PDF has "${s}"`);
    assert(!text.includes('Okafor') && !text.includes('DRAFT'), 'approved PDF: no leaked name, no DRAFT mark');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(SCREENSHOTS, '26-minutes-pdf-page')]);

    await navTo(page, 'Recommendations');
    await page.getByRole('cell', { name: 'R-001', exact: true }).waitFor();
    await page.getByRole('button', { name: 'R-001: Adopted' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Record: Adopted' }).click();
    await page.getByRole('button', { name: 'R-001: Sent to owner' }).waitFor();
    // The register for the steering committee, as a spreadsheet.
    await page.getByRole('button', { name: 'Export register' }).click();
    await page.getByRole('menuitem', { name: 'Excel (XLSX)…', exact: true }).click();
    const saved =
      (await page
        .getByRole('status')
        .filter({ hasText: /\.xlsx saved: \d+ recommendations?\.$/ })
        .textContent()) ?? '';
    const xlsxFile = path.resolve(host.filesDir, saved.split(' saved')[0]!);
    assert(fs.readFileSync(xlsxFile).subarray(0, 2).toString('latin1') === 'PK', `an XLSX (zip) file: ${xlsxFile}`);
    await page.getByRole('menu').waitFor({ state: 'detached' });
    await look(page, '24-recommendations');
    await navTo(page, 'Home');
    await page.getByText('Next meeting', { exact: true }).waitFor();
    await look(page, '27-home-with-meeting');
    assert(problems.length === 0, `no console errors: ${problems.join(' | ')}`);
  });
});

test('meetings: a finding typed in walk mode reaches the room word for word; the presenter sees what the room sees; findings are edited, then amended', async () => {
  await withEnv(async ({ page, newPage, problems }) => {
    await toHome(page);
    await readyIncident(page);
    await navTo(page, 'Meetings');
    await page.getByRole('button', { name: 'Plan a meeting' }).click();
    const plan = page.getByRole('dialog', { name: 'Plan a meeting' });
    await plan.getByLabel('Date').fill('2026-11-17');
    await plan.getByRole('button', { name: 'Plan meeting' }).click();
    await page.getByRole('combobox', { name: 'Add a case review' }).click();
    await page.getByRole('option', { name: /^2026-021/ }).click();
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText('4. Case review: 2026-021').waitFor();

    await page.getByRole('button', { name: 'Start walk-through' }).click();
    await page.getByRole('heading', { name: 'Walk-through' }).waitFor();
    const projector = await newPage();
    await projector.goto(`${projector.url().split('#')[0]}#/projector`);
    for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown');
    await projector.getByRole('heading', { name: 'Incident 2026-021' }).waitFor();

    // Typed in walk mode, guarded as typed, saved with Enter.
    const finding = 'No CIT-trained officer was available on the evening shift';
    const bar = page.getByLabel(/^Add a finding/);
    await bar.fill(finding);
    await page.getByRole('contentinfo').getByText('No possible identifiers found.').waitFor();
    await page.keyboard.press('Enter');
    // The room sees it word for word, and the presenter sees exactly what the room sees.
    await projector.getByText(finding, { exact: false }).first().waitFor();
    const projected = (await projector.getByRole('main', { name: 'Shared screen' }).textContent()) ?? '';
    assert(projected.includes(finding), `the projector shows the finding word for word: ${projected}`);
    assert(!projected.includes('[NAME]'), 'nothing of the finding is redacted for the room');
    const stage = page.getByRole('main', { name: 'Room sees' });
    await stage.getByText(finding, { exact: false }).waitFor();
    const side = page.getByRole('complementary', { name: 'Presenter only' });
    await side.getByText(finding, { exact: false }).waitFor();
    assert((await side.getByText('Redacted for the room').count()) === 0, 'the presenter list shows no redaction');
    await look(page, '28-walk-room-sees');

    // A flagged name while typing: highlighted, with the words the room would see.
    await bar.fill('Crisis line did not reach Dana Whitfield in time');
    await page.getByRole('button', { name: 'Redact to [NAME]: “Dana Whitfield”' }).waitFor();
    await page.getByText('The room will see:').waitFor();
    assert(
      (await page.getByRole('status').filter({ hasText: 'The room will see:' }).textContent())?.includes(
        'Crisis line did not reach [NAME] in time',
      ),
      'the quick-add says what the room will see',
    );
    await bar.fill('');

    // The private notes are guarded as typed too (an other-business note goes into the minutes draft).
    const notes = side.getByRole('textbox', { name: 'Private notes (not shown on the shared screen)' });
    await notes.fill('Ask the warm line to call back on 206-555-0142');
    await side.getByRole('button', { name: 'Redact to [PHONE]: “206-555-0142”' }).waitFor();
    await look(page, '28b-walk-notes-guarded');
    await side.getByRole('button', { name: 'Redact to [PHONE]: “206-555-0142”' }).click();
    assert((await notes.inputValue()) === 'Ask the warm line to call back on [PHONE]', 'one click redacts the note');

    // Edit the finding from the presenter's list (keyboard reachable, labelled).
    await side.getByRole('button', { name: `Edit finding: ${finding}` }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Edit finding' });
    const text = dialog.getByRole('textbox', { name: 'Finding' });
    assert((await text.inputValue()) === finding, 'the dialog opens with the saved text');
    await text.fill(`${finding}; Dana Whitfield waited an hour`);
    await dialog.getByRole('button', { name: 'Redact to [NAME]: “Dana Whitfield”' }).waitFor();
    await dialog.getByText('The room will see:').waitFor();
    await look(page, '29-finding-edit-dialog');
    await dialog.getByRole('button', { name: 'Redact to [NAME]: “Dana Whitfield”' }).click();
    assert((await text.inputValue()) === `${finding}; [NAME] waited an hour`, 'redacted in place');
    await dialog.getByRole('button', { name: 'Save finding' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await projector.getByText(`${finding}; [NAME] waited an hour`, { exact: false }).first().waitFor();
    await side.getByText(`${finding}; [NAME] waited an hour`, { exact: false }).waitFor();

    // After the meeting: the finding is changed only by an amendment with a reason.
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: /^Meeting · / }).waitFor();
    await page.getByRole('button', { name: 'End meeting…' }).click();
    await page.getByRole('dialog', { name: 'End the meeting?' }).getByRole('button', { name: 'End meeting', exact: true }).click();
    await page
      .getByRole('button', { name: 'Start walk-through' })
      .or(page.getByText('Ended', { exact: true }))
      .first()
      .waitFor();
    const record = page.getByRole('region', { name: 'Findings and recommendations' });
    await record.getByRole('button', { name: `Amend finding: ${finding}` }).click();
    const amend = page.getByRole('dialog', { name: 'Amend finding' });
    await amend.getByText('Part of the record').waitFor();
    await amend.getByRole('textbox', { name: 'Finding' }).fill(finding);
    assert(await amend.getByRole('button', { name: 'Record amendment' }).isDisabled(), 'an amendment needs a reason');
    await amend
      .getByRole('textbox', { name: 'Reason for the amendment' })
      .fill('The wait is in the timeline; the finding is about staffing');
    await amend.getByRole('button', { name: 'Record amendment' }).click();
    await amend.waitFor({ state: 'hidden' });
    await record.getByText(finding, { exact: false }).waitFor();
    await record.getByRole('button', { name: `Amend finding: ${finding}` }).click();
    await amend.getByText('Amendment 1').waitFor();
    await amend.getByText(`+ ${finding}`, { exact: false }).waitFor();
    await look(page, '30-finding-amend-dialog');
    await amend.getByRole('button', { name: 'Cancel' }).click();
    await amend.waitFor({ state: 'hidden' });

    // The minutes carry the finding word for word.
    await page.getByRole('button', { name: 'Draft minutes from the record' }).click();
    const cases = page.getByRole('textbox', { name: 'Case review: 2026-021', exact: true });
    await cases.waitFor();
    assert((await cases.inputValue()).includes(finding), `the minutes carry the finding word for word: ${await cases.inputValue()}`);
    assert(problems.length === 0, `no console errors: ${problems.join(' | ')}`);
  });
});
