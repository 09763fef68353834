/**
 * The recommendation register as a file: XLSX (text-only cells, so nothing in it can run as a
 * formula) or CSV (formula-like cells neutralised). Actions and measures as the room saw them.
 */
import { ACTION_TYPE, SECTOR, STRENGTH } from '../../../shared/meetings/values';
import { CLOSURE_CODE, EFFECT_RESULT, REC_STATUS, RESPONSE_KIND } from '../../../shared/recommendations/values';
import { csv } from '../exports/doc';
import { xlsx } from '../exports/xlsx';
import type { ReadableDB } from '../store/db';
import { listRecommendations } from './recommendations';
import { roomTexts } from '../meetings/record-text';

export interface RegisterQuery {
  format: 'xlsx' | 'csv';
  ownerMemberId?: number | undefined;
  ownerOrganisationId?: number | undefined;
}

const HEADERS = [
  'Code',
  'Action',
  'Owner',
  'Owner sector',
  'Due',
  'Status',
  'Overdue',
  'Kind of action',
  'Strength',
  'Measure',
  'From',
  // Issue 20: the follow-through.
  'Closure',
  'Response requested by',
  'Response',
  'Responded',
  'Verified',
  'Effect',
];

export function registerFile(db: ReadableDB, q: RegisterQuery, today: string): { bytes: Buffer; rows: number } {
  // Identifiers redacted, "not an identifier" decisions kept.
  const room = roomTexts(db);
  const recs = listRecommendations(db, { ownerMemberId: q.ownerMemberId, ownerOrganisationId: q.ownerOrganisationId }, today).map((r) => ({
    ...r,
    action: room.recommendation(r.id, 'action', r.action),
    measure: room.recommendation(r.id, 'measure', r.measure),
  }));
  const rows = recs.map((r) => [
    r.code,
    r.action,
    r.owner.name,
    SECTOR.label(r.owner.sector),
    r.dueDate,
    REC_STATUS.label(r.status),
    r.overdue ? 'yes' : 'no',
    ACTION_TYPE.label(r.actionType),
    STRENGTH.label(r.strength),
    r.measure,
    [...r.incidentCodes, ...(r.fromCoverageGap ? ['24/7 coverage gap'] : [])].join(' '),
    r.closureCode ? CLOSURE_CODE.label(r.closureCode) : '',
    r.responseDue ?? '',
    r.response ? RESPONSE_KIND.label(r.response.kind) : r.responseOverdue ? 'Overdue' : '',
    r.response?.date ?? '',
    r.verification?.date ?? '',
    r.effectChecks
      .filter((c) => c.result)
      .map((c) => `${EFFECT_RESULT.label(c.result!)} ${c.dueDate}`)
      .join('; '),
  ]);
  // CSV: a byte-order mark so spreadsheet programs read the file as UTF-8.
  const bytes =
    q.format === 'xlsx'
      ? xlsx({ name: 'Recommendations', headers: HEADERS, rows })
      : Buffer.from(`\uFEFF${csv([HEADERS, ...rows])}`, 'utf8');
  return { bytes, rows: recs.length };
}
