/**
 * Issue 20: the letter to each owner agency. For a meeting, one letter per agency lists the
 * recommendations adopted for it (adopted or sent), the finding each answers, the date a
 * response is requested by, and how to respond. Organisations only, never a person; no incident
 * code, date or narrative (the finding's words as the room saw them); the guard reads every line.
 */
import { CasewalkError } from '../../../shared/result';
import { FINDING_CATEGORY } from '../../../shared/meetings/values';
import { longDate, type Block, type Doc } from '../exports/doc';
import { roomTexts } from '../meetings/record-text';
import { responseDays } from '../store/settings';
import type { ReadableDB } from '../store/db';
import { AGENCY_JOINS, AGENCY_SQL, agencyLabel } from './report';

export interface LetterAgency {
  /** `o:<id>` for an organisation; `a:<name>` for a member's organisation or sector. */
  key: string;
  name: string;
  count: number;
}

interface LetterRow {
  id: number;
  code: string;
  action: string;
  measure: string;
  due_date: string;
  response_due: string | null;
  agency: string;
  owner_organisation_id: number | null;
}

function meetingDate(db: ReadableDB, meetingId: number): string {
  const m = db.prepare('SELECT date FROM meetings WHERE id = ?').get([meetingId]) as { date: string } | undefined;
  if (!m) throw new CasewalkError('not_found', 'That meeting does not exist.');
  return m.date;
}

function letterRows(db: ReadableDB, meetingId: number): LetterRow[] {
  return db
    .prepare(
      `SELECT r.id, r.code, r.action, r.measure, r.due_date, r.response_due, r.owner_organisation_id, ${AGENCY_SQL} AS agency
       FROM recommendations r ${AGENCY_JOINS}
       WHERE r.meeting_id = ? AND r.status IN ('adopted', 'sent') ORDER BY r.code`,
    )
    .all([meetingId]) as unknown as LetterRow[];
}

const keyOf = (r: LetterRow) => (r.owner_organisation_id !== null ? `o:${r.owner_organisation_id}` : `a:${r.agency}`);

export function letterAgencies(db: ReadableDB, meetingId: number): { date: string; agencies: LetterAgency[] } {
  const date = meetingDate(db, meetingId);
  const rows = letterRows(db, meetingId);
  const byKey = new Map<string, LetterAgency>();
  for (const r of rows) {
    const k = keyOf(r);
    const a = byKey.get(k) ?? { key: k, name: agencyLabel(r.agency), count: 0 };
    a.count++;
    byKey.set(k, a);
  }
  return { date, agencies: [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name)) };
}

/** The findings a recommendation answers, as the room saw them: category and words, never the incident. */
function findingsOf(db: ReadableDB, recId: number, room: ReturnType<typeof roomTexts>): string[] {
  const rows = db
    .prepare(
      'SELECT f.id, f.category, f.description FROM recommendation_findings rf JOIN findings f ON f.id = rf.finding_id WHERE rf.recommendation_id = ? ORDER BY f.id',
    )
    .all([recId]) as { id: number; category: string; description: string }[];
  return rows.map((f) => `${FINDING_CATEGORY.label(f.category)}: ${room.finding(f)}`);
}

export function letterDoc(db: ReadableDB, meetingId: number, agencyKey: string, committee: string): Doc {
  const date = meetingDate(db, meetingId);
  const recs = letterRows(db, meetingId).filter((r) => keyOf(r) === agencyKey);
  if (!recs.length)
    throw new CasewalkError(
      'not_found',
      `No adopted recommendation of the meeting of ${date} is owned by that agency, so there is no letter to write.`,
    );
  const agency = agencyLabel(recs[0]!.agency);
  const room = roomTexts(db);
  const respondBy =
    recs
      .map((r) => r.response_due)
      .filter((d): d is string => !!d)
      .sort()[0] ?? null;
  const within = `within ${responseDays(db)} days`;
  const blocks: Block[] = [
    { kind: 'paragraph', text: `To: ${agency}` },
    { kind: 'paragraph', text: `From: ${committee}` },
    {
      kind: 'paragraph',
      text: `At its meeting of ${longDate(date)}, the committee adopted ${recs.length === 1 ? 'the following recommendation' : `the following ${recs.length} recommendations`} for ${agency}. ${respondBy ? `We ask for your written response by ${respondBy}.` : `We ask for your written response ${within}.`}`,
    },
  ];
  for (const r of recs) {
    const source = { item: `Recommendation ${r.code}`, where: { kind: 'recommendation' as const, recommendationId: r.id } };
    blocks.push({ kind: 'heading', level: 2, text: `${r.code}: ${room.recommendation(r.id, 'action', r.action)}`, source });
    const findings = findingsOf(db, r.id, room);
    blocks.push({ kind: 'paragraph', text: findings.length === 1 ? 'The finding it answers:' : 'The findings it answers:' });
    blocks.push({ kind: 'bullets', items: findings, sources: findings.map(() => source) });
    blocks.push({
      kind: 'table',
      headers: ['', ''],
      rows: [
        ['Response requested by', r.response_due ?? within],
        ['Action due by', r.due_date],
        ...(r.measure ? [['Measure of success', room.recommendation(r.id, 'measure', r.measure)]] : []),
      ],
      rowSources: [undefined, undefined, source],
    });
  }
  blocks.push({ kind: 'heading', level: 2, text: 'How to respond' });
  blocks.push({
    kind: 'bullets',
    items: [
      'For each recommendation, tell us whether your agency accepts it, accepts it in part, or declines it, with your reasons.',
      'Describe the action you plan and the date you expect it to be in place.',
      'Reply in writing to the committee’s coordinator, quoting the recommendation numbers above.',
      'We will record your response and report it, with the status of each recommendation, in our public tracker.',
    ],
  });
  blocks.push({ kind: 'paragraph', text: `With thanks, ${committee}` });
  return {
    title: `Request for response — ${agency}`,
    subtitle: `${committee} · meeting of ${longDate(date)}`,
    draft: false,
    blocks,
    attributions: [],
  };
}
