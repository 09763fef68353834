/** CLI import commands of issue 19: --unmapped, --repeats, import batches, import undo. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './run';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
async function cli(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    env: { CASEWALK_PASSPHRASE: 'harbour lantern quietly 42' },
  });
  return { code, out, err };
}
async function workbench() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-cli-imp-'));
  dirs.push(dir);
  const db = path.join(dir, 'w.db');
  expect((await cli(['init', '--db', db, '--committee', 'Riverside CIT', '--member', 'Dana', '--json'])).code).toBe(0);
  return { dir, db };
}
const REAL = path.resolve(__dirname, '../core/import/fixtures/seattle-real-format.csv');

describe('cli import: unknown values, repeats, batches, undo', () => {
  it('the dry run lists unknown values per field with counts and the flag; --unmapped maps them explicitly', async () => {
    const { dir, db } = await workbench();
    const csv = path.join(dir, 'spd.csv');
    fs.writeFileSync(csv, fs.readFileSync(REAL, 'utf8').replace(',Chronic Complaint,', ',Crisis Respite Referral,'));
    const base = ['import', 'csv', '--db', db, '--preset', 'seattle-crisis', csv];
    const dry = await cli([...base, '--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.out).toContain('Unknown dispositions values: "Crisis Respite Referral" (1 row).');
    expect(dry.out).toContain('Map them with --unmapped dispositions=VALUE, VALUE one of: resolved_on_scene, referral,');
    expect(dry.err).toContain('or --unmapped FIELD=VALUE to map unknown values');
    const json = JSON.parse((await cli([...base, '--dry-run', '--json'])).out);
    expect(json).toMatchObject({
      unmapped: { dispositions: { 'Crisis Respite Referral': 1 } },
      unmappedChoices: { dispositions: { flag: '--unmapped dispositions=<value>' } },
    });
    const run = await cli([...base, '--unmapped', 'dispositions=other', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({
      imported: 16,
      mappedByChoice: { dispositions: { 'Crisis Respite Referral': 1 } },
      batchId: 1,
    });
    expect((await cli([...base, '--unmapped', 'dispositions'])).err).toBe(
      'casewalk: --unmapped takes FIELD=VALUE (e.g. --unmapped dispositions=other), not "dispositions".\n',
    );
    expect((await cli([...base, '--unmapped', 'dispositions=other', '--unmapped', 'dispositions=none'])).err).toBe(
      'casewalk: --unmapped gives dispositions twice.\n',
    );
    expect((await cli([...base, '--unmapped', 'narrative=x'])).err).toMatch(
      /^casewalk: --unmapped narrative: not a field with a fixed set of values \(one of: callSource, .*dispositions, intercepts\)\.\n$/,
    );
    // A value outside the field's set is the core's error, with the values it takes.
    expect((await cli([...base, '--unmapped', 'dispositions=elsewhere'])).err).toMatch(
      /"elsewhere" is not a value of "dispositions"\. Use one of: .*other, none\./,
    );
  });

  it('a repeated import is reported and refused (exit 1, nothing written) unless --repeats skip; batches list it; undo removes it', async () => {
    const { db } = await workbench();
    const base = ['import', 'csv', '--db', db, '--preset', 'seattle-crisis', REAL];
    expect((await cli(base)).code).toBe(0);
    const dry = await cli([...base, '--dry-run']);
    expect(dry.out).toMatch(
      /Repeated file: the same file was imported on \d{4}-\d\d-\d\d as import #1 \(seattle-real-format\.csv, 16 incidents\)\./,
    );
    expect(dry.out).toContain('Use --repeats skip to leave them out');
    const again = await cli([...base, '--json']);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^casewalk: This file was already imported on .* \(import #1, .*Nothing was imported\./);
    expect((await cli([...base, '--repeats', 'sometimes'])).err).toBe('casewalk: --repeats is refuse or skip.\n');
    const batches = JSON.parse((await cli(['import', 'batches', '--db', db, '--json'])).out);
    expect(batches).toEqual([
      expect.objectContaining({
        id: 1,
        fileName: 'seattle-real-format.csv',
        source: 'seattle-crisis',
        incidents: 16,
        remaining: 16,
        undoneAt: null,
      }),
    ]);
    const undo = await cli(['import', 'undo', '--db', db, '--batch', '1', '--json']);
    expect(undo.code).toBe(0);
    expect(JSON.parse(undo.out)).toMatchObject({ removed: 16, batch: { id: 1, remaining: 0 } });
    expect((await cli(['import', 'batches', '--db', db])).out).toMatch(
      /^#1 .* seattle-real-format\.csv {2}\(seattle-crisis\) {2}16 incidents {2}undone \d{4}/,
    );
    expect((await cli(['import', 'undo', '--db', db, '--batch', '1'])).err).toMatch(/^casewalk: Import #1 was already undone/);
    expect((await cli(['import', 'undo', '--db', db, '--batch', 'x'])).code).toBe(2);
    // Undone: the same file imports again.
    expect(JSON.parse((await cli([...base, '--json'])).out)).toMatchObject({ imported: 16, batchId: 2 });
  });
});
