/**
 * The identifier guard's last check before a document leaves the machine: every line of the
 * document model is scanned, and only what the caller's predicate allows may pass.
 */
import { CasewalkError, type GuardBlock } from '../../../shared/result';
import { scanAll } from '../deid/scanner';
import { docEntries, type Doc } from './doc';

/** Where a flagged span sits: the whole text it was found in, so an exception can look at the words around it. */
export interface SpanContext {
  source: string;
  start: number;
  end: number;
}

/** Whether the guard may let a flagged text through: `at` gives the text around it, when known. */
export type AllowedPredicate = (type: string, text: string, at?: SpanContext) => boolean;

/** "Minutes of 2026-05-12, Other business: “Fatima Okafor” (NAME); …": each flagged text with the section it is in. */
export function describeBlocks(blocked: readonly GuardBlock[], limit = 10): string {
  const shown = blocked.slice(0, limit).map((b) => `${b.item}: “${b.text}” (${b.type})`);
  return `${shown.join('; ')}${blocked.length > limit ? `; and ${blocked.length - limit} more` : ''}`;
}

/**
 * Last line of defence before any file is written: nothing the scanner flags may leave. A
 * blocked export names each item and the flagged words (only those) and says where to fix it.
 */
export function assertDocClean(doc: Doc, allowed: AllowedPredicate): void {
  const what = doc.title.split(' — ')[0]!.toLowerCase();
  const blocked: GuardBlock[] = [];
  const seen = new Set<string>();
  // Casewalk's own labels are not read: only text someone typed or imported can hold an identifier.
  const entries = docEntries(doc).filter((e) => !e.source?.ownWords);
  // A name flagged in one line is looked for in every line, unless that mention was let through.
  const found = scanAll(
    entries.map((e) => e.text),
    (name, i) => {
      const at = entries[i]!.text.indexOf(name);
      return !allowed('NAME', name, { source: entries[i]!.text, start: at, end: at + name.length });
    },
  );
  entries.forEach((e, i) => {
    for (const f of found[i]!) {
      const text = e.text.slice(f.start, f.end);
      if (allowed(f.type, text, { source: e.text, start: f.start, end: f.end })) continue;
      const b: GuardBlock = { item: e.source?.item ?? `Line ${i + 1} of the ${what}`, text, type: f.type, where: e.source?.where ?? null };
      const key = JSON.stringify([b.item, b.text, b.type]);
      if (!seen.has(key)) blocked.push(b);
      seen.add(key);
    }
  });
  if (blocked.length) {
    const n = blocked.length;
    throw new CasewalkError(
      'guard_blocked',
      `The export was stopped: ${n} possible identifier${n === 1 ? '' : 's'} (${[...new Set(blocked.map((b) => b.type))].join(', ')}) still in the text. ${describeBlocks(blocked)}. Redact ${n === 1 ? 'it' : 'them'} where ${n === 1 ? 'it was' : 'they were'} typed, then export again.`,
      { open: n },
      blocked,
    );
  }
}
