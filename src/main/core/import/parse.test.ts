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

describe('text content (item 14)', () => {
  it('refuses NUL bytes with a specific error naming the row', async () => {
    const e = await failure(file('year,summary\n2024,fine\n2024,hidden\0text\n2024,fine\n'));
    expect(e.detail).toMatchObject({ code: 'nul_byte', row: 2 });
    expect(e.message).toMatch(/row 2/);
  });
  it('a bad UTF-8 byte deep in a large file names its own row, not the start of its chunk', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `2024,row number ${i} with some padding text to fill the chunk`);
    const head = Buffer.from(`year,summary\n${rows.slice(0, 30_000).join('\n')}\n`);
    const bad = Buffer.concat([
      head,
      Buffer.from('2024,bad '),
      Buffer.from([0xff, 0xfe, 0x41]),
      Buffer.from(`\n${rows.slice(30_001).join('\n')}\n`),
    ]);
    expect(head.length).toBeGreaterThan(1024 * 1024); // past the first 1 MB chunk
    const e = await failure(file(bad));
    expect(e.detail).toMatchObject({ code: 'encoding', row: 30_001 });
    expect(e.message).toMatch(/row 30001/);
  });
});
