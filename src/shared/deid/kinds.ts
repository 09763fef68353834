/** The kinds of identifier the guard looks for, with the placeholder a redaction writes. */
export const IDENTIFIER_KINDS = [
  'NAME',
  'PHONE',
  'SSN',
  'EMAIL',
  'ADDRESS',
  'DATE',
  'AGE90',
  'RECORD',
  'PLATE',
  'ZIP',
  'URL',
  'IP',
] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export const IDENTIFIER_LABELS: Record<IdentifierKind, string> = {
  NAME: "a person's name",
  PHONE: 'a phone number',
  SSN: 'a Social Security number',
  EMAIL: 'an email address',
  ADDRESS: 'a street address',
  DATE: 'a day-level date',
  AGE90: 'an age over 89',
  RECORD: 'a case, report or record number',
  PLATE: 'a licence plate',
  ZIP: 'a ZIP code',
  URL: 'a web address',
  IP: 'an IP address',
};

export function placeholder(kind: IdentifierKind): string {
  return `[${kind}]`;
}

export interface IdentifierFinding {
  start: number;
  end: number;
  type: IdentifierKind;
  score: number;
}
