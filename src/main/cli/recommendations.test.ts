/** Issue 20: the CLI's follow-through commands on a seeded workbench. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run';

async function cli(argv: string[], e: NodeJS.ProcessEnv = {}) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), env: e });
  return { code, out, err };
}

const env = { CASEWALK_PASSPHRASE: 'harbour lantern quietly 42' };
let dir: string;
let db: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-cli-rec-'));
  db = path.join(dir, 'w.db');
  await cli(['init', '--db', db, '--committee', 'Riverside CIT', '--member', 'Dana', '--json'], env);
  await cli(['seed', '--db', db, '--incidents', '1500', '--years', '2', '--seed', '3', '--json'], env);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('cli report recommendations', () => {
  it('prints the figures by status, overdue responses, implemented, effect checks due, measured share and median days', async () => {
    const r = await cli(['report', 'recommendations', '--db', db, '--json'], env);
    expect(r).toMatchObject({ code: 0, err: '' });
    const v = JSON.parse(r.out) as Record<string, unknown> & { byStatus: Record<string, number> };
    expect(Object.keys(v)).toEqual([
      'byStatus',
      'overdueResponses',
      'reportedImplemented',
      'verifiedImplemented',
      'effectChecksDue',
      'measuredShare',
      'medianDaysToResponse',
    ]);
    const list = JSON.parse(
      (await cli(['export', 'register', '--db', db, '--format', 'csv', '--out', path.join(dir, 'r.csv'), '--json'], env)).out,
    ) as {
      rows: number;
    };
    expect(Object.values(v.byStatus).reduce((a, b) => a + b, 0)).toBe(list.rows);
    expect(v.reportedImplemented).toBe(v.byStatus.reported_implemented);
    expect(v.verifiedImplemented).toBe(v.byStatus.verified_implemented);
    expect(v.overdueResponses).toBeGreaterThan(0);
    expect(v.effectChecksDue).toBeGreaterThan(0);
    expect(v.measuredShare).toBeGreaterThan(0);
    expect(v.measuredShare).toBeLessThanOrEqual(1);
    expect(v.medianDaysToResponse).toBeGreaterThan(0);
    const text = await cli(['report', 'recommendations', '--db', db], env);
    expect(text.out).toMatch(/Overdue responses: \d+/);
  });
});
