/**
 * Regenerates src/main/core/deid/name-lexicon.json from @faker-js/faker (a dev dependency):
 * first and last names of every Latin-script locale, lower-cased, de-duplicated, sorted.
 * The app loads the JSON (about 1 MB) instead of faker's 33 MB of locale data.
 *   npx tsx scripts/build-name-lexicon.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allLocales } from '@faker-js/faker';

type NameList = string[] | { generic?: string[]; female?: string[]; male?: string[] } | undefined;
const LATIN = /^[a-z][a-z' -]*$/;

export function fakerNames(): { first: string[]; last: string[] } {
  const first = new Set<string>();
  const last = new Set<string>();
  const add = (into: Set<string>, list: NameList) => {
    if (!list) return;
    const arr = Array.isArray(list) ? list : [...(list.generic ?? []), ...(list.female ?? []), ...(list.male ?? [])];
    for (const raw of arr) {
      const n = raw.toLowerCase();
      if (!LATIN.test(n)) continue;
      for (const part of n.split(/[ -]/)) if (part.length >= 2) into.add(part);
    }
  };
  for (const locale of Object.values(allLocales)) {
    const person = (locale as { person?: { first_name?: NameList; last_name?: NameList } }).person;
    add(first, person?.first_name);
    add(last, person?.last_name);
  }
  return { first: [...first].sort(), last: [...last].sort() };
}

export const LEXICON_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/main/core/deid/name-lexicon.json');

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const names = fakerNames();
  fs.writeFileSync(LEXICON_FILE, `${JSON.stringify({ source: '@faker-js/faker allLocales (Latin script), person.first_name / person.last_name', ...names })}\n`);
  process.stdout.write(`${LEXICON_FILE}: ${names.first.length} first names, ${names.last.length} last names\n`);
}
