/** Issue 16, items 11 and 14: hostile headers, NUL bytes and the row named by an encoding error. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CasewalkError } from '../../../shared/result';
import { MAX_COLUMNS, readCsv } from './parse';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function file(content: string | Buffer): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-parse-'));
  dirs.push(d);
  const f = path.join(d, 'in.csv');
  fs.writeFileSync(f, content);
  return f;
}
async function failure(f: string): Promise<CasewalkError> {
  const e = await readCsv(f).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(CasewalkError);
  return e as CasewalkError;
}

describe('header row (item 11)', () => {
  it('200,000 header columns end quickly with a specific error', async () => {
    const f = file(`${Array.from({ length: 200_000 }, (_, i) => `c${i}`).join(',')}\n1\n`);
    const started = Date.now();
    const e = await failure(f);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(e.detail).toMatchObject({ code: 'too_many_columns' });
    expect(e.message).toContain(MAX_COLUMNS.toLocaleString('en'));
  });
  it('a duplicate among many columns is found in linear time and named', async () => {
    const names = Array.from({ length: MAX_COLUMNS }, (_, i) => `c${i}`);
    names[MAX_COLUMNS - 1] = 'c7';
    const e = await failure(file(`${names.join(',')}\n`));
    expect(e.message).toBe('The header row names the column "c7" twice.');
  });
});
