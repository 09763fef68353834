/** Issue 20 in the annual report: how fast the follow-through was and whether the changes worked. */
import type { Recommendation } from '../../../shared/recommendations/schemas';
import { CLOSURE_CODE, REC_STATUS, RESPONSE_KIND } from '../../../shared/recommendations/values';
import type { Block } from '../exports/doc';
import type { ReadableDB } from '../store/db';
import { recommendationReport } from './report';

const days = (n: number | null) => (n === null ? '—' : String(Math.round(n)));
const pct = (n: number, of: number) => (of ? `${Math.round((n / of) * 100)}%` : '—');

export function followThroughBlocks(db: ReadableDB, today: string): Block[] {
  const r = recommendationReport(db, today);
  const timing = (rows: typeof r.byAgency) =>
    rows.map((a) => [a.label, String(a.count), days(a.medianDaysToResponse), days(a.medianDaysToVerification)]);
  const headers = (first: string) => [first, 'Recommendations', 'Median days to response', 'Median days to verification'];
  return [
    { kind: 'heading', level: 2, text: 'Follow-through' },
    {
      kind: 'paragraph',
      text: `${r.reportedImplemented + r.verifiedImplemented} recommendations are implemented: ${r.verifiedImplemented} verified by the committee and ${r.reportedImplemented} reported by the owner but not yet verified. ${r.overdueResponses} response${r.overdueResponses === 1 ? ' is' : 's are'} overdue; ${r.effectChecksDue} effect check${r.effectChecksDue === 1 ? ' is' : 's are'} due. Of the implemented recommendations, ${pct(r.measured, r.implemented)} have had their effect measured.`,
    },
    {
      kind: 'table',
      headers: headers('Owner agency'),
      rows: timing(r.byAgency),
      caption: 'Time from adoption to response and to verification, by agency',
    },
    {
      kind: 'table',
      headers: headers('Finding category'),
      rows: timing(r.byCategory),
      caption: 'Time from adoption to response and to verification, by category',
    },
    { kind: 'bars', title: 'Effect checks by result', series: r.effectResults.map((e) => ({ label: e.label, value: e.count })) },
  ];
}

/** A register row's status for a document: the status, its closure code and the agency's response. */
export function statusSummary(r: Recommendation): string {
  return [
    `${REC_STATUS.label(r.status)}${r.overdue ? ' (overdue)' : ''}`,
    r.closureCode ? CLOSURE_CODE.label(r.closureCode) : '',
    r.response
      ? `response: ${RESPONSE_KIND.label(r.response.kind).toLowerCase()} ${r.response.date}`
      : r.responseOverdue
        ? 'response overdue'
        : '',
  ]
    .filter(Boolean)
    .join('; ');
}
