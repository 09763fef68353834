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
import { addNames } from '../src/main/core/deid/lexicon';

type NameList = string[] | { generic?: string[]; female?: string[]; male?: string[] } | undefined;
const flat = (list: NameList): string[] =>
  !list ? [] : Array.isArray(list) ? list : [...(list.generic ?? []), ...(list.female ?? []), ...(list.male ?? [])];

export function fakerNames(): { first: string[]; last: string[] } {
  const first = new Set<string>();
  const last = new Set<string>();
  for (const locale of Object.values(allLocales)) {
    const person = (locale as { person?: { first_name?: NameList; last_name?: NameList } }).person;
    addNames(first, flat(person?.first_name));
    addNames(last, flat(person?.last_name));
  }
  return { first: [...first].sort(), last: [...last].sort() };
}

export const LEXICON_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/main/core/deid/name-lexicon.json');

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const names = fakerNames();
  fs.writeFileSync(
    LEXICON_FILE,
    `${JSON.stringify({ source: '@faker-js/faker allLocales (Latin script), person.first_name / person.last_name', ...names })}\n`,
  );
  process.stdout.write(`${LEXICON_FILE}: ${names.first.length} first names, ${names.last.length} last names\n`);
}
