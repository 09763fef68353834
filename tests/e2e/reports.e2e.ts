/**
 * Reports and the audit log, on a seeded workbench with part of the Toronto file imported (which
 * records detention but no injuries): rates state their denominators and the incidents without
 * data, the heat map has a legend, the audit log fits 1280 px with readable entities, and Home's
 * overdue recommendations link to the register.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Core } from '../../src/main/core/core';
import { dispatch } from '../../src/main/core/dispatch';
import { seed } from '../../src/main/core/seed/seed';
import { ROOT } from '../host/server';
import { PASS } from './flows';
import { assert, look, test, withEnv } from './harness';

const TORONTO = path.resolve(ROOT, '../shared/data/persons_in_crisis_data.csv');
const TORONTO_ROWS = 3000;

async function prepare(dataDir: string): Promise<void> {
  const core = new Core({ dataDir });
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const r = await dispatch(core, name as 'workbench.create', input as never);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as T;
  };
  await call('workbench.create', { committee: 'Riverside County CIT', keyholder: 'Dana Coordinator', passphrase: PASS });
  await call('workbench.confirmRecoveryKey', {});
  seed(core.workbench, { incidents: 1500, years: 2, seed: 5 });
  // The first rows of the Toronto file, through the real importer.
  const csv = path.join(dataDir, 'toronto-part.csv');
  fs.writeFileSync(
    csv,
    fs
      .readFileSync(TORONTO, 'utf8')
      .split('\n')
      .slice(0, TORONTO_ROWS + 1)
      .join('\n') + '\n',
  );
  const staged = await call<{ stagingId: string }>('import.open', { handle: core.files.register(csv, 'read') });
  await call('import.run', { stagingId: staged.stagingId, source: { preset: 'toronto-pic' } });
  core.close();
}

test('reports: rates with denominators, heat map legend, audit log at 1280 px, Home overdue links', async () => {
  assert(fs.existsSync(TORONTO), `the Toronto data file is missing: ${TORONTO}`);
  await withEnv(async ({ page, problems }) => {
    await page.getByRole('textbox', { name: 'Passphrase' }).fill(PASS);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('heading', { name: 'Home', level: 2 }).waitFor();

    // Home: each overdue recommendation is a link to its own page.
    const overdue = page.getByRole('region', { name: 'Overdue recommendations' });
    const first = overdue.getByRole('link', { name: /^R-\d+ · / }).first();
    await first.waitFor();
    await look(page, '30-home-overdue-links');
    const code = ((await first.textContent()) ?? '').split(' · ')[0]!;
    await first.press('Enter');
    await page.waitForFunction(() => /^#\/recommendations\/\d+$/.test(window.location.hash));
    await page.getByRole('heading', { name: `Recommendation ${code}`, level: 2 }).waitFor();

    // Reports over the whole span (the period lives in the address): seeded and imported incidents.
    await page.evaluate(() => (window.location.hash = '#/reports?from=2014-01&to=2026-12'));
    await page.getByText(/incidents from 2014-01 to 2026-12$/).waitFor();
    const injury = page.getByRole('article', { name: 'Injury rate' });
    const injuryText = (await injury.textContent()) ?? '';
    assert(/\([\d,]+ of [\d,]+ with injuries recorded\)/.test(injuryText), `injury rate states its denominator: ${injuryText}`);
    assert(/[\d,]+ incidents have no data for this measure/.test(injuryText), `injury rate says how many have no data: ${injuryText}`);
    const [, , den] = /\(([\d,]+) of ([\d,]+) with injuries recorded\)/.exec(injuryText)!;
    const total = Number(((await page.getByText(/incidents from 2014-01/).textContent()) ?? '').split(' ')[0]!.replace(/,/g, ''));
    assert(Number(den!.replace(/,/g, '')) < total, `the injury denominator (${den}) is not every incident (${total})`);
    const detention = (await page.getByRole('article', { name: 'Emergency detention rate' }).textContent()) ?? '';
    assert(/with detention recorded/.test(detention), `detention rate: ${detention}`);
    assert((await page.getByRole('button', { name: 'From' }).textContent())?.includes('2014-01'), 'From shows the month from the address');
    await look(page, '31-reports-scorecard-denominators');

    // The heat map and its legend.
    const legend = page.getByRole('group', { name: 'Heat map legend' });
    await legend.scrollIntoViewIfNeeded();
    assert(((await legend.textContent()) ?? '').includes('Incidents per hour'), 'legend explains the shading');
    await look(page, '32-reports-heat-map-legend');
    await page.getByRole('heading', { name: 'Incidents per month by call source' }).scrollIntoViewIfNeeded();
    await page.locator('.recharts-bar-rectangle').first().waitFor({ state: 'attached' });
    await look(page, '33-reports-call-source-colours');
    // Recommendations by status: every status labelled (bars across).
    await page.getByText(/^Recommendations by status/).scrollIntoViewIfNeeded();
    await look(page, '33b-reports-recommendations-by-status');

    // The audit log at 1280 px: readable entities with links, no horizontal overflow.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('link', { name: /^Settings ?Members/ }).click();
    await page.getByRole('tab', { name: 'Audit log' }).click();
    const log = page.getByRole('table', { name: 'Audit log' });
    await log.getByRole('row').nth(2).waitFor();
    const entities = await log.locator('tbody tr td:nth-child(5)').allTextContents();
    assert(
      entities.some((e) => /^Import \(toronto-pic\)$|^Demo data \(seed\)$/.test(e)),
      `imports in words: ${entities.slice(0, 5).join(' | ')}`,
    );
    assert(!entities.some((e) => /^[a-z]+:\S+$/.test(e)), `no raw ids: ${entities.filter((e) => /^[a-z]+:\S+$/.test(e)).join(', ')}`);
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      table: document.querySelector('table[aria-label="Audit log"]')!.getBoundingClientRect().right,
      window: window.innerWidth,
    }));
    assert(widths.page <= widths.window && widths.table <= widths.window, `no horizontal overflow at 1280 px: ${JSON.stringify(widths)}`);
    await look(page, '34-audit-log-1280');
    assert(problems.length === 0, `no console errors: ${problems.join(' | ')}`);
  }, prepare);
});
