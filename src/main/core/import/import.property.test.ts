/**
 * Property-based hostile input for the CSV importer (fast-check): random bytes, UTF-16 and
 * Latin-1, byte-order marks, ragged rows, quotes and newlines inside fields, formula-like
 * values, long fields. Every case ends with a complete import or a specific error, and an
 * import that does not complete writes nothing. FC_RUNS sets the number of runs (300 by
 * default; 10,000 for a long local run).
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import type { MethodOutput } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import { unlockedCore } from '../test-support';

const RUNS = Number(process.env.FC_RUNS ?? 300);
const MAPPING = {
  name: 'Fuzz',
  columns: { occurredYear: 'year', occurredMonth: 'month', callSource: 'source', narrative: 'summary' },
} as const;

let t: Awaited<ReturnType<typeof unlockedCore>>;
beforeAll(async () => {
  t = await unlockedCore('cw-fuzz-');
});
afterAll(() => t.cleanup());

const cell = fc.oneof(
  fc.constantFrom(
    '2025',
    '1875',
    '12',
    '13',
    'March',
    '911',
    '988',
    'pager',
    '',
    '=SUM(A1)',
    '+1',
    '-1',
    '@cmd',
    'a "quoted" value',
    'line\nbreak',
    'comma, inside',
    'Caller Fatima Okafor',
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
);
const row = fc.array(cell, { minLength: 0, maxLength: 6 });
const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csvText = fc.tuple(fc.boolean(), fc.array(row, { maxLength: 30 })).map(([header, rows]) => {
  const lines = [header ? 'year,month,source,summary' : 'a,b', ...rows.map((r) => r.map(quote).join(','))];
  return lines.join(fc.sample(fc.constantFrom('\n', '\r\n'), 1)[0]!);
});
const encoded = fc.oneof(
  csvText.map((s) => Buffer.from(s, 'utf8')),
  csvText.map((s) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')])),
  csvText.map((s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])),
  csvText.map((s) => Buffer.from(s, 'latin1')),
  fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)),
  fc
    .tuple(fc.string({ maxLength: 5 }), fc.integer({ min: 1, max: 1_200_000 }))
    .map(([s, n]) => Buffer.from(`year,month,source,summary\n2025,3,911,${s}${'x'.repeat(n)}\n`)),
);

describe('CSV importer under hostile input', () => {
  it(`ends with a complete import or a specific error, never a partial write (${RUNS} runs)`, async () => {
    let i = 0;
    await fc.assert(
      fc.asyncProperty(encoded, fc.boolean(), async (bytes, skipInvalid) => {
        const file = path.join(t.dataDir, `fuzz-${i++}.csv`);
        fs.writeFileSync(file, bytes);
        const before = (await t.call('incidents.list', { limit: 1 })).total;
        const opened = (await dispatch(t.core, 'import.open', { handle: t.core.files.register(file, 'read') })) as Result<
          MethodOutput<'import.open'>
        >;
        fs.rmSync(file);
        if (!opened.ok) {
          expect(opened.error.code).toBe('invalid_input');
          expect(opened.error.message).toMatch(/CSV|UTF-8|header|empty|row/i);
        } else {
          const run = (await dispatch(t.core, 'import.run', {
            stagingId: opened.value.stagingId,
            source: { mapping: MAPPING },
            skipInvalid,
          })) as Result<MethodOutput<'import.run'>>;
          if (!run.ok && run.error.code === 'conflict') {
            // The same bytes were imported by an earlier run: refused whole as a repeated file.
            expect(run.error.message).toMatch(/already imported|repeat|same file/i);
            expect((await t.call('incidents.list', { limit: 1 })).total).toBe(before);
          } else if (!run.ok) {
            expect(run.error.code).toBe('invalid_input');
            expect(run.error.message).toMatch(/needs the column|year and month/);
          } else {
            const r = run.value;
            for (const e of r.errors) expect(e.message.length).toBeGreaterThan(10);
            const after = (await t.call('incidents.list', { limit: 1 })).total;
            // All or nothing: invalid rows without skipInvalid mean zero rows written.
            expect(after - before).toBe(r.invalidRows > 0 && !skipInvalid ? 0 : r.imported);
          }
        }
        expect((await t.call('incidents.list', { limit: 1 })).total).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
