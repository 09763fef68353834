/**
 * The review room, end to end: a whole meeting chaired from a 1280×720 presenter with the
 * shared screen on a 1920×1080 projector. Welcome, approval of the previous minutes, a
 * follow-up of twelve open recommendations (paged), three cases (findings typed, one edited
 * after saving, one deleted), lock (the room sees "Paused"), end with confirmation and a
 * carry, minutes approved with confirmation. Every projector screen is measured: the smallest
 * type is at least 20 px and nothing overflows the window.
 */
import type { Page } from 'playwright-core';
import { assert, look, screenshot, test, withEnv, type Env } from './harness';
import { PASS, navTo } from './flows';
import { CASES, COMMITTEE, MEETING_DATE, prepareRoom } from './room-setup';

/** The smallest font size of any visible text, and every element that reaches outside the window. */
async function measure(p: Page): Promise<{ minFont: number; smallest: string; overflow: string[] }> {
  return p.evaluate(() => {
    let minFont = Infinity;
    let smallest = '';
    const overflow: string[] = [];
    const { innerWidth: w, innerHeight: h } = window;
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      if (r.right > w + 1 || r.bottom > h + 1 || r.left < -1 || r.top < -1)
        overflow.push(`${el.tagName}.${el.className} ${Math.round(r.bottom)}`);
      const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      const size = parseFloat(style.fontSize);
      if (ownText && size < minFont) {
        minFont = size;
        smallest = `${el.tagName} “${el.textContent!.trim().slice(0, 40)}”`;
      }
    }
    if (document.documentElement.scrollHeight > h + 1) overflow.push(`page scrolls: ${document.documentElement.scrollHeight} px`);
    return { minFont, smallest, overflow };
  });
}

async function lookRoom(projector: Page, name: string) {
  await look(projector, name);
  const m = await measure(projector);
  assert(m.minFont >= 20, `${name}: the smallest text is ${m.minFont}px (${m.smallest})`);
  assert(m.overflow.length === 0, `${name}: outside the window: ${m.overflow.slice(0, 5).join('; ')}`);
  console.log(`    ${name}: smallest text ${m.minFont}px`);
}

/** The presenter fits: the page itself never scrolls, and the item's actions are on screen. */
async function lookPresenter(page: Page, name: string) {
  await look(page, name);
  const scroll = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
  assert(scroll <= 1, `${name}: the presenter page scrolls by ${scroll}px`);
  for (const label of [/^(Case reviewed|Item done|Reopen item)/, /^Next item/]) {
    const box = await page.getByRole('button', { name: label }).boundingBox();
    assert(box && box.y >= 0 && box.y + box.height <= 720 && box.x + box.width <= 1280, `${name}: ${label} is on screen`);
  }
}

test('the review room: a whole meeting on a 1280×720 presenter and a 1920×1080 projector', async () => {
  await withEnv(async (env) => {
    try {
      await wholeMeeting(env);
    } catch (e) {
      await screenshot(env.page, 'room-failure-presenter');
      throw e;
    }
  }, prepareRoom);
});

async function wholeMeeting({ page, newPage, problems }: Env) {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('textbox', { name: 'Passphrase' }).fill(PASS);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('heading', { name: 'Home', level: 2 }).waitFor();
  await navTo(page, 'Meetings');
  await page
    .getByRole('link', { name: /24 November 2026/ })
    .first()
    .click();
  await page.getByRole('heading', { name: /^Meeting · / }).waitFor();

  await attendance(page);
  const projector = await standingItems(page, newPage);
  await firstCase(page, projector);
  await recommendationDialog(page, projector);
  await lockAndEnd(page, projector);
  assert(problems.length === 0, `no console errors: ${problems.join(' | ')}`);
}

async function attendance(page: Page) {
  // Attendance: everyone present at once, then the exceptions; quorum as a count and by seat.
  await page.getByRole('button', { name: 'Mark all present (6)' }).click();
  await page.getByText('6 of 6 members present · 4 needed').waitFor();
  const attend = (name: string, status: string) =>
    page
      .getByRole('radiogroup', { name: `Attendance of ${name}` })
      .getByText(status, { exact: true })
      .click();
  await attend('Sam Ortiz', 'Absent');
  await attend('Kim Lowe', '—');
  await page.getByText('4 of 6 members present · 4 needed').waitFor();
  await page.getByRole('status', { name: 'Quorum' }).getByText('Quorum', { exact: true }).waitFor();
  await page.getByLabel('Lee Park signed the confidentiality statement').click();
  await page.getByText(/^Signed \d/).waitFor();
  await page.getByRole('region', { name: 'Attendance and confidentiality' }).scrollIntoViewIfNeeded();
  await look(page, '40-room-attendance');
}

async function standingItems(page: Page, newPage: Env['newPage']) {
  // The walk: presenter here, the shared screen in a 1920×1080 window.
  await page.getByRole('button', { name: 'Start walk-through' }).click();
  await page.getByRole('heading', { name: 'Walk-through' }).waitFor();
  const projector = await newPage();
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await projector.goto(`${projector.url().split('#')[0]}#/projector`);
  await projector.getByRole('heading', { name: `Welcome to the ${COMMITTEE}` }).waitFor();
  await projector.getByText('What is discussed here stays here', { exact: false }).waitFor();
  await projector.getByText('Signed by 1 of 4 people in the room').waitFor();
  await projector.getByText('Tue, 24 November 2026', { exact: false }).waitFor();
  await lookRoom(projector, '41-projector-welcome');
  await lookPresenter(page, '42-presenter-welcome');

  // "2" is agenda item 2, as the numbered agenda says.
  await page.keyboard.press('2');
  await projector.getByRole('heading', { name: 'Approval of previous minutes' }).waitFor();
  await lookRoom(projector, '43-projector-approval');

  // The follow-up: twelve open recommendations on three pages; → turns the page.
  await page.keyboard.press('3');
  await projector.getByRole('heading', { name: 'Recommendation follow-up' }).waitFor();
  await projector.getByText('page 1 of 3').waitFor();
  await projector.getByText('Recommendations 1–5 of 12').waitFor();
  await lookRoom(projector, '44-projector-follow-up-page-1');
  await lookPresenter(page, '44b-presenter-follow-up');
  await page.keyboard.press('ArrowRight');
  await projector.getByText('page 2 of 3').waitFor();
  await page.keyboard.press('ArrowRight');
  await projector.getByText('page 3 of 3').waitFor();
  await projector.getByText('Recommendations 11–12 of 12').waitFor();
  await lookRoom(projector, '45-projector-follow-up-page-3');
  const due = await projector
    .getByText(/^due 2026-/)
    .first()
    .boundingBox();
  assert(due && due.height < 60, `a due date stays on one line (${due?.height}px)`);

  // "9" jumps to the last item when there are fewer than nine: here other business.
  await page.keyboard.press('9');
  await projector.getByRole('heading', { name: 'Other business' }).waitFor();
  return projector;
}

async function firstCase(page: Page, projector: Page) {
  // Case 1: findings typed from the keyboard.
  await page.keyboard.press('4');
  await projector.getByRole('heading', { name: `Incident ${CASES[0]}` }).waitFor();
  await page.keyboard.press('f');
  const bar = page.getByRole('textbox', { name: /^Add a finding/ });
  assert(await bar.evaluate((el) => el === document.activeElement), 'F moves focus to "Add a finding"');
  await page.keyboard.type('Officer waited at a distance until the clinician arrived');
  await page.keyboard.press('Alt+w');
  await page.keyboard.press('Alt+6');
  await page.getByRole('contentinfo').getByText('What worked', { exact: true }).waitFor();
  await page.keyboard.press('Enter');
  const side = page.getByRole('complementary', { name: 'Presenter only' });
  await side.getByText('Officer waited at a distance until the clinician arrived', { exact: false }).waitFor();
  assert(
    (await side.textContent())?.includes('What workedCoordination / communication: Officer waited'),
    'saved as what worked, coordination',
  );
  // The bar starts again: a gap, the first category.
  await page.getByRole('contentinfo').getByText('Gap', { exact: true }).waitFor();
  assert(
    (await page.getByRole('combobox', { name: 'Finding category (Alt+1…8)' }).inputValue()) === '1 · Policy',
    'category back to 1 · Policy',
  );
  await bar.fill('Mobile crisis team is 40 minutes away at night');
  await page.keyboard.press('Alt+2');
  await page.keyboard.press('Enter');
  await side.getByText('Mobile crisis team is 40 minutes away at night', { exact: false }).waitFor();
  await bar.fill('Typed by mistake');
  await page.keyboard.press('Enter');
  await side.getByText('Typed by mistake', { exact: false }).waitFor();
  await bar.blur();

  // E edits the latest finding; it is deleted after a confirmation.
  await page.keyboard.press('e');
  let dialog = page.getByRole('dialog', { name: 'Edit finding' });
  await dialog.getByRole('button', { name: 'Delete finding…' }).click();
  await dialog.getByRole('button', { name: 'Yes, delete the finding' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await side.getByText('Typed by mistake', { exact: false }).waitFor({ state: 'detached' });
  // A saved finding edited after saving, one key away; the room sees the new words.
  await page.keyboard.press('e');
  dialog = page.getByRole('dialog', { name: 'Edit finding' });
  const text = dialog.getByRole('textbox', { name: 'Finding' });
  assert((await text.inputValue()) === 'Mobile crisis team is 40 minutes away at night', 'E opens the latest finding');
  await text.fill('Mobile crisis team is 40 minutes away after 22:00 on weekends');
  await dialog.getByRole('button', { name: 'Save finding' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await projector.getByText('Mobile crisis team is 40 minutes away after 22:00 on weekends', { exact: false }).waitFor();
  await lookPresenter(page, '46-presenter-case-finding-edited');
  await lookRoom(projector, '47-projector-case');
}

async function recommendationDialog(page: Page, projector: Page) {
  const side = page.getByRole('complementary', { name: 'Presenter only' });
  // A recommendation: Enter in Owner picks the option; Cancel discards after asking; the next opening is empty.
  await side.getByRole('button', { name: 'Recommendation…' }).click();
  let rec = page.getByRole('dialog', { name: 'New recommendation' });
  await rec.getByRole('textbox', { name: 'Action' }).fill('Extend mobile crisis coverage to 02:00 on weekends');
  await rec.getByRole('combobox', { name: 'Owner' }).fill('County');
  await page.getByRole('option', { name: 'County Behavioral Health' }).waitFor();
  await page.keyboard.press('Enter');
  assert((await rec.getByRole('combobox', { name: 'Owner' }).inputValue()) === 'County Behavioral Health', 'Enter picks the option');
  assert(await rec.isVisible(), 'Enter in Owner does not submit');
  assert((await rec.getByText('Describe how success will be measured', { exact: false }).count()) === 0, 'nothing was validated');
  await look(page, '48-recommendation-owner-enter');
  await rec.getByRole('button', { name: 'Cancel' }).click();
  await rec.getByText('Discard this recommendation?').waitFor();
  await rec.getByRole('button', { name: 'Discard' }).click();
  await rec.waitFor({ state: 'hidden' });
  await side.getByRole('button', { name: 'Recommendation…' }).click();
  rec = page.getByRole('dialog', { name: 'New recommendation' });
  assert((await rec.getByRole('textbox', { name: 'Action' }).inputValue()) === '', 'the discarded draft does not come back');
  await page.keyboard.press('Escape');
  await rec.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: 'Case reviewed ✓' }).click();
  await page.getByRole('button', { name: 'Reopen item' }).waitFor();

  // Case 2 reviewed; case 3 shown but left for the next meeting.
  await page.keyboard.press('5');
  await projector.getByRole('heading', { name: `Incident ${CASES[1]}` }).waitFor();
  await page.getByRole('button', { name: 'Case reviewed ✓' }).click();
  await page.getByRole('button', { name: 'Reopen item' }).waitFor();
  await page.keyboard.press('6');
  await projector.getByRole('heading', { name: `Incident ${CASES[2]}` }).waitFor();
}

async function lockAndEnd(page: Page, projector: Page) {
  // Lock: the room sees a neutral "Paused" screen with nothing to type into.
  await page.keyboard.press('Control+l');
  await projector.getByRole('heading', { name: 'Paused' }).waitFor();
  const inputs = await projector.locator('input, textarea, select, button, [contenteditable="true"]').count();
  assert(inputs === 0, `the paused projector holds no input (${inputs})`);
  await lookRoom(projector, '49-projector-paused');
  await page.getByRole('textbox', { name: 'Passphrase' }).fill(PASS);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('heading', { name: 'Walk-through' }).waitFor();
  // Unlocked, the walk starts again at the first item not done; the room follows.
  await projector.getByRole('heading', { name: `Welcome to the ${COMMITTEE}` }).waitFor();

  // End the meeting: asked first, with a summary, and the unreviewed case carried.
  await page.keyboard.press('Escape');
  await page.getByRole('heading', { name: /^Meeting · / }).waitFor();
  await page.getByRole('button', { name: 'End meeting…' }).click();
  const end = page.getByRole('dialog', { name: 'End the meeting?' });
  await end.getByText('1 of 3 case reviews not marked reviewed:').waitFor();
  await end.getByText('Attendance is blank for 1 of 6: Kim Lowe.').waitFor();
  assert(await end.getByRole('checkbox', { name: /^Carry them to the agenda of the next meeting/ }).isChecked(), 'carry is offered');
  await look(page, '50-end-meeting-dialog');
  await end.getByRole('button', { name: 'End meeting' }).click();
  await end.waitFor({ state: 'hidden' });
  await page.getByText('Ended', { exact: true }).waitFor();

  // Minutes approved after a confirmation that names the approval date.
  await page.getByRole('button', { name: 'Draft minutes from the record' }).click();
  await page.getByRole('button', { name: 'Approve…' }).click();
  const approve = page.getByRole('dialog', { name: 'Approve the minutes?' });
  await approve.getByText(/^Approval date: /).waitFor();
  await look(page, '51-approve-minutes-dialog');
  await approve.getByRole('button', { name: 'Approve minutes' }).click();
  await approve.waitFor({ state: 'hidden' });
  await page.getByText(/^Approved \d{4}-\d{2}-\d{2}$/).waitFor();
  assert((await page.getByText(/^Approved /).textContent())! >= `Approved ${MEETING_DATE}`, 'approved on or after the meeting day');
  await look(page, '52-minutes-approved');

  // The next meeting's agenda has the carried case.
  await navTo(page, 'Meetings');
  await page
    .getByRole('link', { name: /22 December 2026/ })
    .first()
    .click();
  await page
    .getByText(`7. Case review: ${CASES[2]}`)
    .or(page.getByText(`4. Case review: ${CASES[2]}`))
    .first()
    .waitFor();
}
