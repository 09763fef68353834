/**
 * Rates state their denominators: each measure counts only the incidents where it was recorded
 * (a Toronto import records detention only; a Seattle import records force but no injuries).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWithKey, type WritableDB } from '../store/db';
import { migrate } from '../store/migrations';
import { DISPOSITION, toMask } from '../../../shared/incidents/values';
import { PRESETS } from '../import/presets';
import { dashboard } from './dashboard';
import { presetRecords } from '../coverage/recorded';
import { rateText } from './annual';

let dir: string;
let db: WritableDB;
let seq = 0;
const ED = toMask(['emergency_detention'], DISPOSITION.values);
const REF = toMask(['referral'], DISPOSITION.values);

function add(
  source: string,
  f: Partial<Record<'injuries' | 'force' | 'dispositions' | 'handcuffs' | 'area', number | string | null>> = {},
) {
  seq += 1;
  db.prepare(
    `INSERT INTO incidents (code, occurred_year, occurred_month, area, injuries, force, dispositions, handcuffs, source, created_at, updated_at)
     VALUES (?, 2026, 3, ?, ?, ?, ?, ?, ?, '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z')`,
  ).run([
    `2026-${String(seq).padStart(4, '0')}`,
    f.area ?? 'North',
    f.injuries ?? 0,
    f.force ?? null,
    f.dispositions ?? 0,
    f.handcuffs ?? 0,
    source,
  ]);
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-score-'));
  db = openWithKey(path.join(dir, 's.db'), crypto.randomBytes(32), { create: true });
  migrate(db);
  // Entered by hand: 4 incidents, 1 injured, force recorded on 3 (1 hands-on), 2 with a disposition (1 detention, 1 referral).
  add('manual', { injuries: 1, force: 'hands_on', dispositions: ED, handcuffs: 1 });
  add('manual', { force: 'none', dispositions: REF });
  add('seed', { force: 'presence_verbal' });
  add('manual');
  // Toronto: apprehension Yes / No, nothing else recorded (30 incidents, 3 detentions).
  for (let i = 0; i < 30; i++) add('import:toronto-pic', { dispositions: i < 3 ? ED : 0, area: 'D11' });
  // Seattle: force Y/N or blank, a disposition when known, never injuries.
  add('import:seattle-crisis', { force: 'hands_on', dispositions: REF });
  add('import:seattle-crisis', { force: 'none', dispositions: ED });
  add('import:seattle-crisis');
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const item = (label: string) => dashboard(db, { from: '2026-03', to: '2026-03' }, '2026-04-01').scorecard.find((s) => s.label === label)!;

describe('scorecard denominators', () => {
  it('counts every incident in the period once', () => {
    expect(dashboard(db, { from: '2026-03', to: '2026-03' }, '2026-04-01').incidents).toBe(37);
  });

  it('injury rate: only entered incidents record injuries; imports without an injury column have no data', () => {
    expect(item('Injury rate')).toMatchObject({ numerator: 1, denominator: 4, noData: 33, value: 25, basis: 'with injuries recorded' });
    expect(rateText(item('Injury rate'))).toBe('25% (1 of 4 with injuries recorded; 33 without data)');
  });

  it('use of force: incidents with a force value, whatever their source', () => {
    expect(item('Use-of-force rate')).toMatchObject({ numerator: 2, denominator: 5, noData: 32 });
  });

  it('detention: Toronto\'s "No" is recorded as no detention; a blank Seattle row is no data', () => {
    // manual 2 with a disposition + 30 Toronto + 2 Seattle with a disposition.
    expect(item('Emergency detention rate')).toMatchObject({ numerator: 1 + 3 + 1, denominator: 34, noData: 3 });
  });

  it('referral and arrest: a source that cannot record the value is not in the denominator', () => {
    expect(item('Referral rate')).toMatchObject({ numerator: 2, denominator: 4 });
    expect(item('Resolved without arrest')).toMatchObject({ numerator: 4, denominator: 4, noData: 33 });
  });

  it('a rate with no recorded incidents is no value, not 0%', () => {
    const r = item('Clinician or mobile crisis response');
    expect(r).toMatchObject({ value: null, denominator: 0, noData: 37 });
    expect(rateText(r)).toBe('— (no incidents with responders recorded; 37 without data)');
  });

  it('detention by area: the rate is of the incidents where detention was recorded', () => {
    const areas = dashboard(db, { from: '2026-03', to: '2026-03' }, '2026-04-01').detentionByArea;
    expect(areas.find((a) => a.area === 'D11')).toEqual({ area: 'D11', incidents: 30, recorded: 30, detentions: 3 });
    expect(areas.find((a) => a.area === 'North')).toEqual({ area: 'North', incidents: 7, recorded: 4, detentions: 2 });
  });
});

describe('what a shipped preset records', () => {
  it('reads the mapping: Toronto records detention always, never arrests or injuries', () => {
    const t = PRESETS['toronto-pic']!;
    expect(presetRecords(t, { field: 'dispositions', values: ['emergency_detention'] })).toBe('always');
    expect(presetRecords(t, { field: 'dispositions', values: ['arrest'] })).toBe('never');
    expect(presetRecords(t, { field: 'injuries' })).toBe('never');
    const s = PRESETS['seattle-crisis']!;
    expect(presetRecords(s, { field: 'force' })).toBe('present');
    expect(presetRecords(s, { field: 'dispositions', values: ['arrest', 'jail_booking'] })).toBe('present');
  });
});
