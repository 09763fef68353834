/**
 * The CSV reader against csv-parse (the library it replaced) on the same text: the same
 * records, or the same error, whatever the input and however it is cut into chunks.
 */
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvReader, CsvSyntaxError } from './csv';

const RUNS = Number(process.env.FC_RUNS ?? 2000);

function reference(text: string): { records: string[][] } | { error: string } {
  try {
    return { records: parse(text, { relax_column_count: true, skip_empty_lines: true, bom: false, max_record_size: 64 }) as string[][] };
  } catch (e) {
    return { error: (e as { code: string }).code };
  }
}

function ours(text: string, cuts: number[]): { records: string[][] } | { error: string } {
  const r = new CsvReader(64);
  try {
    let last = 0;
    for (const c of [...new Set(cuts.map((x) => Math.min(x, text.length)))].sort((a, b) => a - b)) {
      r.push(text.slice(last, c));
      last = c;
    }
    r.push(text.slice(last));
    return { records: r.end() };
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { error: e.code };
    throw e;
  }
}

const text = fc
  .array(fc.constantFrom('a', 'b', ' ', ',', '"', '""', '\n', '\r', '\r\n', 'é', '𝄞'), { maxLength: 60 })
  .map((p) => p.join(''));
const wellFormed = fc
  .array(fc.array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 5 }), { maxLength: 8 })
  .chain((rows) =>
    fc
      .constantFrom('\n', '\r\n', '\r')
      .map((eol) => rows.map((r) => r.map((v) => (/[",\n\r]/.test(v) || v === '' ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join(eol)),
  );

describe('CsvReader', () => {
  it('reads what csv-parse reads and fails where it fails, in any chunking (random text)', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(60), { maxLength: 4 }), (t, cuts) => {
        expect(ours(t, cuts)).toEqual(reference(t));
      }),
      { numRuns: RUNS },
    );
  });
  it('round-trips quoted rows with every line ending', () => {
    fc.assert(
      fc.property(wellFormed, fc.array(fc.nat(200), { maxLength: 4 }), (t, cuts) => {
        expect(ours(t, cuts)).toEqual(reference(t));
      }),
      { numRuns: RUNS },
    );
  });
  it('names the errors the importer reports', () => {
    expect(ours('a,"b\n', [])).toEqual({ error: 'CSV_QUOTE_NOT_CLOSED' });
    expect(ours('a,b"c\n', [])).toEqual({ error: 'INVALID_OPENING_QUOTE' });
    expect(ours('a,"b"c\n', [])).toEqual({ error: 'CSV_INVALID_CLOSING_QUOTE' });
    expect(ours(`a,${'x'.repeat(70)}\n`, [])).toEqual({ error: 'CSV_MAX_RECORD_SIZE' });
    // The line end is the first one seen: after LF lines, a quote closed before CR is an error, as in csv-parse.
    expect(ours('h1,h2\n1,"2\n3"\r\n', [12])).toEqual({ error: 'CSV_INVALID_CLOSING_QUOTE' });
    expect(ours('h1,h2\r\n\r\n1,"2\n3"\r\n', [13])).toEqual({
      records: [
        ['h1', 'h2'],
        ['1', '2\n3'],
      ],
    });
  });
});
