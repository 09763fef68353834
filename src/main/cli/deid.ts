import fs from 'node:fs/promises';
import { z } from 'zod';
import { scan } from '../core/deid/scanner';
import type { IdentifierFinding } from '../../shared/deid/kinds';
import { CasewalkError } from '../../shared/result';

const line = z.object({ id: z.union([z.string(), z.number()]), text: z.string() }).loose();

export async function readTextFile(file: string, what: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CasewalkError(
      'not_found',
      code === 'ENOENT' ? `Cannot find ${what}: ${file}` : `Cannot read ${what}: ${file} (${code ?? 'error'})`,
    );
  }
}

/** Validates every line first (so a bad line 900 prints nothing), then scans. */
export function scanJsonl(content: string): { id: string | number; findings: IdentifierFinding[] }[] {
  const rows: { id: string | number; text: string }[] = [];
  const lines = content.split(/\r?\n/);
  lines.forEach((raw, i) => {
    if (!raw.trim()) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new CasewalkError('invalid_input', `Line ${i + 1} is not JSON.`);
    }
    const r = line.safeParse(parsed);
    if (!r.success) throw new CasewalkError('invalid_input', `Line ${i + 1} needs {"id": …, "text": "…"}.`);
    rows.push({ id: r.data.id, text: r.data.text });
  });
  return rows.map((r) => ({ id: r.id, findings: scan(r.text) }));
}
