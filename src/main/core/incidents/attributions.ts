/** Attribution lines a data source's licence asks for, shown wherever its data is shown. */
import type { ReadableDB } from '../store/db';

export const TORONTO_ATTRIBUTION =
  "Contains public sector Datasets made available under the City of Toronto's Open Data Licence v2.0. Source: Toronto Police Service, Persons in Crisis Calls for Service Attended, via Open Data Toronto.";

/** By import preset id (an incident's source is `import:<preset id>`). */
export const ATTRIBUTIONS: Record<string, string> = { 'toronto-pic': TORONTO_ATTRIBUTION };

/** The attribution lines for the imported data in this workbench. */
export function attributionsOf(db: ReadableDB): string[] {
  return (db.prepare("SELECT DISTINCT source FROM incidents WHERE source LIKE 'import:%'").all() as { source: string }[])
    .map((r) => ATTRIBUTIONS[r.source.slice('import:'.length)])
    .filter((a): a is string => Boolean(a));
}
