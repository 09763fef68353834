import { CALL_SOURCE, DISPOSITION, INCIDENT_STATUS } from '../../../../shared/incidents/values';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function monthYear(year: number, month: number): string {
  return `${MONTHS[month - 1] ?? '?'} ${year}`;
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
