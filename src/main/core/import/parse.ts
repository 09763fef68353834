/**
 * Streaming CSV read: the file is read in chunks, decoded with a strict decoder (UTF-8, or
 * UTF-16 when a byte-order mark says so) and fed to the CSV reader (csv.ts). Invalid bytes, unbalanced
 * quotes and oversized files end with a specific error that names the row.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { TextDecoder } from 'node:util';
import { CsvReader, CsvSyntaxError, type CsvErrorCode } from './csv';
import { CasewalkError } from '../../../shared/result';

export const MAX_FILE_BYTES = 512 * 1024 * 1024;
export const MAX_ROWS = 2_000_000;
/** Far more than any CAD or crisis-line extract has; a header past it is refused at once. */
export const MAX_COLUMNS = 1000;

export interface CsvTable {
  headers: string[];
  rows: string[][];
  bytes: number;
  /** SHA-256 of the file's bytes (a repeated file is the same content, whatever its name). */
  sha256: string;
}

function detectEncoding(first: Buffer): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; skip: number } {
  if (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (first[0] === 0xff && first[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (first[0] === 0xfe && first[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return { encoding: 'utf-8', skip: 0 };
}

export async function readCsv(file: string, onProgress?: (bytesRead: number, totalBytes: number) => void): Promise<CsvTable> {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new CasewalkError('not_found', 'The CSV file is gone. Choose it again.');
  }
  if (size > MAX_FILE_BYTES)
    throw new CasewalkError('invalid_input', `The CSV file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; split it first.`);
  if (size === 0) throw new CasewalkError('invalid_input', 'The CSV file is empty.');

  const reader = new CsvReader();
  const records = reader.records;
  let decoder: TextDecoder | null = null;
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8';
  let read = 0;
  const hash = crypto.createHash('sha256');
  try {
    for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) {
      let buf = chunk as Buffer;
      hash.update(buf);
      if (!decoder) {
        const detected = detectEncoding(buf);
        encoding = detected.encoding;
        const skip = detected.skip;
        decoder = new TextDecoder(encoding, { fatal: true });
        buf = buf.subarray(skip);
      }
      let text: string;
      try {
        text = decoder.decode(buf, { stream: true });
      } catch {
        // Name the row that holds the bad byte, not the start of this 1 MB chunk: read the
        // valid text before it, then count the rows completed.
        const lenient = new TextDecoder(encoding).decode(buf);
        const cut = lenient.indexOf('\uFFFD');
        try {
          reader.push(lenient.slice(0, Math.max(0, cut)));
        } catch {
          /* a CSV error before the bad byte: the rows read so far still say where we are */
        }
        const row = Math.max(1, records.length);
        throw new CasewalkError(
          'invalid_input',
          `The file is not valid UTF-8 in row ${row}: save it as "CSV UTF-8" and choose it again. Nothing was imported.`,
          {
            code: 'encoding',
            row,
          },
        );
      }
      read += (chunk as Buffer).length;
      reader.push(text);
      if (records.length > MAX_ROWS + 1)
        throw new CasewalkError('invalid_input', `The CSV file has more than ${MAX_ROWS.toLocaleString('en')} rows; split it first.`);
      onProgress?.(read, size);
    }
    let tail: string;
    try {
      tail = decoder?.decode() ?? '';
    } catch {
      throw new CasewalkError('invalid_input', 'The file ends in the middle of a character: it is not valid UTF-8. Nothing was imported.', {
        code: 'encoding',
        row: records.length,
      });
    }
    reader.push(tail);
    reader.end();
  } catch (e) {
    if (e instanceof CsvSyntaxError) {
      const row = Math.max(1, e.records);
      throw new CasewalkError('invalid_input', `Row ${row} cannot be read as CSV (${csvReason(e.code)}). Nothing was imported.`, {
        code: 'malformed_row',
        row,
      });
    }
    throw e;
  }
  if (records.length === 0) throw new CasewalkError('invalid_input', 'The CSV file has no header row.');
  // NUL bytes are never text: refuse the file (naming the row) rather than keep them silently.
  for (let i = 0; i < records.length; i++) {
    if (records[i]!.some((f) => f.includes('\0'))) {
      throw new CasewalkError(
        'invalid_input',
        `The file has a NUL byte in row ${i}: it is not a plain-text CSV. Save it as "CSV UTF-8" and choose it again. Nothing was imported.`,
        {
          code: 'nul_byte',
          row: i,
        },
      );
    }
  }
  if (records[0]!.length > MAX_COLUMNS) {
    throw new CasewalkError(
      'invalid_input',
      `The header row has ${records[0]!.length.toLocaleString('en')} columns; Casewalk reads at most ${MAX_COLUMNS.toLocaleString('en')}. Remove the extra columns and choose the file again.`,
      { code: 'too_many_columns', row: 0 },
    );
  }
  const headers = records[0]!.map((h) => h.trim());
  if (headers.some((h) => h === ''))
    throw new CasewalkError('invalid_input', 'The header row has an empty column name.', { code: 'malformed_row', row: 0 });
  const seen = new Set<string>();
  const dup = headers.find((h) => seen.size === seen.add(h).size);
  if (dup)
    throw new CasewalkError('invalid_input', `The header row names the column "${dup.slice(0, 60)}" twice.`, {
      code: 'malformed_row',
      row: 0,
    });
  return { headers, rows: records.slice(1), bytes: size, sha256: hash.digest('hex') };
}

function csvReason(code: CsvErrorCode): string {
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted value is never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return 'a quote in the middle of a value';
    case 'CSV_MAX_RECORD_SIZE':
      return 'a row is larger than 4 MB';
  }
}
