import { CALL_SOURCE, DISPOSITION, INCIDENT_STATUS, MONTH_NAMES } from '../../../../shared/incidents/values';

export const MONTH_OPTIONS = MONTH_NAMES.map((m, i) => ({ value: String(i + 1), label: m }));

export function monthYear(year: number, month: number): string {
  return `${MONTH_NAMES[month - 1]?.slice(0, 3) ?? '?'} ${year}`;
}

export const STATUS_COLOR: Record<string, string> = {
  draft: 'gray.8',
  ready_for_review: 'blue.9',
  reviewed: 'teal.9',
  closed: 'dark.6',
};

export const statusLabel = (s: string) => INCIDENT_STATUS.label(s);
export const callSourceLabel = (s: string | null) => (s ? CALL_SOURCE.label(s) : '—');
export const dispositionsLabel = (d: readonly string[]) => (d.length ? d.map((x) => DISPOSITION.label(x)).join(', ') : '—');
