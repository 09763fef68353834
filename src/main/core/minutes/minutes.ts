/**
 * Minutes: drafted from the meeting record, edited as plain structured sections, approved
 * (frozen, SHA-256 in the audit log), then changed only by numbered amendments that show what
 * changed. The identifier guard runs over the free-text sections before approval and export.
 */
import { CasewalkError, type GuardBlock } from '../../../shared/result';
import type { GuardFinding, Minutes, MinutesSection } from '../../../shared/minutes/schemas';
import { CIT_GOAL, FINDING_CATEGORY, FINDING_KIND, REC_STATUS, SECTOR, STRENGTH } from '../../../shared/meetings/values';
import { INTERCEPT } from '../../../shared/incidents/values';
import { sha256Hex } from '../store/crypto';
import type { ReadableDB, WritableDB } from '../store/db';
import type { Workbench } from '../store/workbench';
import { scan } from '../deid/scanner';
import { getMeeting, summaryOf } from '../meetings/meetings';
import { listFindings } from '../meetings/findings';
import { listRecommendations, recommendationById } from '../meetings/recommendations';
import { roomTexts } from '../meetings/record-text';
import { readAmendments } from '../meetings/amendments';
import { allowedPredicate } from '../meetings/allowed';
import { longDate } from '../exports/doc';
import { describeBlocks } from '../exports/guard';
import { minutesNames } from '../store/settings';

/** Administrative sections: their dates are the committee's meeting dates, never incident dates. */
const ADMIN_DATE_SECTIONS = new Set(['previous_minutes', 'next_meeting']);

interface MinutesRow {
  id: number;
  meeting_id: number;
  status: string;
  sections: string;
  approved_at: string | null;
  approved_by: string | null;
  approved_hash: string | null;
  approved_at_meeting_id: number | null;
  updated_at: string;
}

export function sectionsHash(sections: readonly MinutesSection[]): string {
  return sha256Hex(JSON.stringify(sections.map((s) => [s.key, s.title, s.body])));
}

/** Drafts the sections from the meeting record (attendance, cases, findings, recommendations, follow-up). */
export function draftSections(db: ReadableDB, meetingId: number, committee: string, today: string): MinutesSection[] {
  const d = getMeeting(db, meetingId);
  const m = d.meeting;
  const names = minutesNames(db);
  const inRoom = d.attendance.filter((a) => a.status === 'present' || a.status === 'guest');
  const chair = inRoom.find((a) => a.role === 'chair');
  // Findings and recommendations read as the room saw them ("not an identifier" decisions kept).
  const room = roomTexts(db);
  const sections: MinutesSection[] = [];
  sections.push({
    key: 'meeting',
    title: 'Meeting',
    body: [
      `${committee}`,
      `${longDate(m.date)}, ${m.time}`,
      m.virtual ? 'Virtual meeting' : `Place: ${m.place || 'not recorded'}`,
      names && chair ? `Chair: ${chair.name}` : null,
    ]
      .filter(Boolean)
      .join('\n'),
  });
  const bySector = new Map<string, string[]>();
  for (const a of inRoom) bySector.set(a.sector, [...(bySector.get(a.sector) ?? []), a.name]);
  const attested = inRoom.filter((a) => a.attestedAt);
  const absent = d.attendance.filter((a) => a.status === 'absent');
  sections.push({
    key: 'attendance',
    title: 'Attendance',
    body: [
      ...[...bySector.entries()].map(([s, ns]) => `- ${SECTOR.label(s)}: ${ns.length}${names ? ` (${ns.join(', ')})` : ''}`),
      inRoom.length ? null : '- Attendance was not recorded.',
      absent.length ? `- Apologies: ${absent.length}${names ? ` (${absent.map((a) => a.name).join(', ')})` : ''}` : null,
      `Confidentiality statement signed by ${attested.length} of ${inRoom.length} in the room.`,
      ...d.quorumWarnings.filter((w) => !w.startsWith('Attendance has not')).map((w) => `Note: ${w}`),
    ]
      .filter(Boolean)
      .join('\n'),
  });
  const prev = db
    .prepare(
      'SELECT m.id, m.date, n.status, n.approved_at_meeting_id FROM meetings m LEFT JOIN minutes n ON n.meeting_id = m.id WHERE m.date < ? ORDER BY m.date DESC LIMIT 1',
    )
    .get([m.date]) as { id: number; date: string; status: string | null; approved_at_meeting_id: number | null } | undefined;
  sections.push({
    key: 'previous_minutes',
    title: 'Approval of previous minutes',
    body: !prev
      ? 'There were no previous minutes to approve.'
      : prev.status === 'approved' && prev.approved_at_meeting_id === meetingId
        ? `The minutes of ${longDate(prev.date)} were approved.`
        : prev.status === 'approved'
          ? `The minutes of ${longDate(prev.date)} had already been approved.`
          : `The minutes of ${longDate(prev.date)} were not yet approved.`,
  });
  for (const item of d.items.filter((i) => i.kind === 'case_review' && i.incident)) {
    const inc = item.incident!;
    const findings = listFindings(db, { incidentId: inc.id });
    const recs = listRecommendations(db, { incidentId: inc.id }, today);
    const lines = [`Summary: ${summaryOf(db, inc.id, 2000) || 'no summary recorded.'}`];
    lines.push(findings.length ? 'Findings:' : 'No findings were recorded.');
    for (const f of findings) {
      const tags = [
        f.intercept !== null ? `intercept ${INTERCEPT.label(f.intercept)}` : null,
        f.goals.length ? `CIT goal ${f.goals.map((g) => CIT_GOAL.label(g)).join('; ')}` : null,
      ]
        .filter(Boolean)
        .join('; ');
      lines.push(`- ${FINDING_KIND.label(f.kind)} · ${FINDING_CATEGORY.label(f.category)}${tags ? ` (${tags})` : ''}: ${room.finding(f)}`);
    }
    if (recs.length) lines.push('Recommendations:');
    for (const r of recs)
      lines.push(
        `- ${r.code}: ${room.recommendation(r.id, 'action', r.action)} — owner ${r.owner.name}; due ${r.dueDate}; ${STRENGTH.label(r.strength).toLowerCase()} action; ${REC_STATUS.label(r.status).toLowerCase()}`,
      );
    sections.push({ key: `case:${inc.id}`, title: `Case review: ${inc.code}`, body: lines.join('\n') });
  }
  const systemic = listFindings(db, { meetingId, source: 'coverage' });
  if (systemic.length) {
    const recIds = [...new Set(systemic.flatMap((f) => f.recommendationIds))];
    const lines = systemic.map(
      (f) =>
        `- ${FINDING_CATEGORY.label(f.category)} (intercept ${INTERCEPT.label(f.intercept ?? '0')}${f.goals.length ? `; CIT goal ${f.goals.map((g) => CIT_GOAL.label(g)).join('; ')}` : ''}): ${room.finding(f)}`,
    );
    for (const id of recIds) {
      const r = recommendationById(db, id, today);
      lines.push(
        `- Recommendation ${r.code}: ${room.recommendation(r.id, 'action', r.action)} — owner ${r.owner.name}; due ${r.dueDate}; ${STRENGTH.label(r.strength).toLowerCase()} action`,
      );
    }
    sections.push({ key: 'systemic', title: 'Systemic findings: 24/7 coverage', body: lines.join('\n') });
  }
  const carried = d.items.find((i) => i.kind === 'follow_up')?.carried ?? [];
  sections.push({
    key: 'follow_up',
    title: 'Recommendation follow-up',
    body: carried.length
      ? carried
          .map(
            (c) =>
              `- ${c.code}: ${room.recommendation(c.id, 'action', c.action)} — ${c.owner}; due ${c.dueDate}; now ${REC_STATUS.label(c.status).toLowerCase()}${c.overdue ? ' (overdue)' : ''}`,
          )
          .join('\n')
      : 'No recommendations were due for follow-up.',
  });
  const other = d.items
    .filter((i) => i.kind === 'other_business')
    .map((i) => i.notes.trim())
    .filter(Boolean);
  sections.push({ key: 'other_business', title: 'Other business', body: other.length ? other.join('\n') : 'None.' });
  const next = db.prepare('SELECT date, time FROM meetings WHERE date > ? ORDER BY date LIMIT 1').get([m.date]) as
    { date: string; time: string } | undefined;
  sections.push({ key: 'next_meeting', title: 'Next meeting', body: next ? `${longDate(next.date)}, ${next.time}` : 'To be set.' });
  return sections;
}

/** Every flagged text in the minutes, every section included (roster names pass as whole names). */
export function guardSections(db: ReadableDB, sections: readonly MinutesSection[]): GuardFinding[] {
  const allowed = allowedPredicate(db);
  const out: GuardFinding[] = [];
  for (const s of sections) {
    for (const f of scan(s.body)) {
      const text = s.body.slice(f.start, f.end);
      if (allowed(f.type, text, { source: s.body, start: f.start, end: f.end }) || (f.type === 'DATE' && ADMIN_DATE_SECTIONS.has(s.key)))
        continue;
      out.push({ section: s.key, title: s.title, start: f.start, end: f.end, type: f.type, text });
    }
  }
  return out;
}

function row(db: ReadableDB, meetingId: number): MinutesRow | undefined {
  return db.prepare('SELECT * FROM minutes WHERE meeting_id = ?').get([meetingId]) as unknown as MinutesRow | undefined;
}

export function currentSections(db: ReadableDB, r: MinutesRow): MinutesSection[] {
  const last = db.prepare('SELECT sections FROM minutes_amendments WHERE minutes_id = ? ORDER BY number DESC LIMIT 1').get([r.id]) as
    { sections: string } | undefined;
  return JSON.parse(last?.sections ?? r.sections) as MinutesSection[];
}

export function getMinutes(db: ReadableDB, meetingId: number): Minutes | null {
  const r = row(db, meetingId);
  if (!r) return null;
  const sections = currentSections(db, r);
  const amendments = readAmendments(db, 'minutes_amendments', 'minutes_id', r.id);
  return {
    meetingId,
    status: r.status as Minutes['status'],
    sections,
    approvedAt: r.approved_at,
    approvedBy: r.approved_by,
    approvedHash: r.approved_hash,
    approvedAtMeetingId: r.approved_at_meeting_id,
    amendments,
    guard: guardSections(db, sections),
    updatedAt: r.updated_at,
  };
}

function requireMinutes(db: ReadableDB, meetingId: number): MinutesRow {
  const r = row(db, meetingId);
  if (!r) throw new CasewalkError('not_found', 'These minutes have not been drafted yet.');
  return r;
}

export function draftMinutes(wb: Workbench, meetingId: number, replace: boolean, today: string): Minutes {
  return wb.write(
    { event: 'create', entity: `minutes:${meetingId}`, detail: replace ? 'redrafted from the record' : 'drafted from the record' },
    (db) => {
      const existing = row(db, meetingId);
      if (existing?.status === 'approved')
        throw new CasewalkError('forbidden', 'These minutes are approved and read-only; record an amendment instead.');
      if (existing && !replace) return getMinutes(db, meetingId)!;
      const sections = draftSections(db, meetingId, wb.committee, today);
      const at = new Date().toISOString();
      db.prepare(
        'INSERT INTO minutes (meeting_id, status, sections, created_at, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (meeting_id) DO UPDATE SET sections = excluded.sections, updated_at = excluded.updated_at',
      ).run([meetingId, 'draft', JSON.stringify(sections), at, at]);
      return getMinutes(db, meetingId)!;
    },
  );
}

export function updateMinutes(wb: Workbench, meetingId: number, sections: MinutesSection[]): Minutes {
  return wb.write({ event: 'update', entity: `minutes:${meetingId}`, detail: `${sections.length} sections` }, (db) => {
    const r = requireMinutes(db, meetingId);
    if (r.status === 'approved')
      throw new CasewalkError('forbidden', 'Approved minutes are read-only. Record a numbered amendment to change them.');
    db.prepare('UPDATE minutes SET sections = ?, updated_at = ? WHERE id = ?').run([
      JSON.stringify(sections),
      new Date().toISOString(),
      r.id,
    ]);
    return getMinutes(db, meetingId)!;
  });
}

function assertGuard(db: ReadableDB, meetingId: number, sections: readonly MinutesSection[], what: string) {
  const g = guardSections(db, sections);
  if (g.length) {
    const date = (db.prepare('SELECT date FROM meetings WHERE id = ?').get([meetingId]) as { date: string } | undefined)?.date ?? '';
    const blocked: GuardBlock[] = g.map((x) => ({
      item: `Minutes of ${date}, ${x.title}`,
      text: x.text,
      type: x.type,
      where: { kind: 'minutes', meetingId, section: x.section },
    }));
    throw new CasewalkError(
      'guard_blocked',
      `${g.length} possible identifier${g.length === 1 ? '' : 's'} in the minutes (${[...new Set(g.map((x) => x.title))].join(', ')}) must be redacted before ${what}: ${describeBlocks(blocked)}.`,
      { open: g.length },
      blocked,
    );
  }
}

/** An approval date never precedes the meeting: not today before the meeting's day, nor at a meeting held before it (or not held yet). */
function assertApprovalDate(db: WritableDB, meetingId: number, atMeetingId: number | null, today: string): void {
  const held = (db.prepare('SELECT date FROM meetings WHERE id = ?').get([meetingId]) as { date: string }).date;
  if (today < held) {
    throw new CasewalkError(
      'invalid_input',
      `These minutes record the meeting of ${longDate(held)}; they cannot be approved before that day (today is ${longDate(today)}).`,
    );
  }
  if (atMeetingId === null) return;
  const at = db.prepare('SELECT date FROM meetings WHERE id = ?').get([atMeetingId]) as { date: string } | undefined;
  if (!at) throw new CasewalkError('not_found', 'That meeting does not exist.');
  if (at.date > today) {
    throw new CasewalkError(
      'invalid_input',
      `The meeting of ${longDate(at.date)} has not been held yet; approve the minutes there on the day.`,
    );
  }
  if (at.date <= held) {
    throw new CasewalkError(
      'invalid_input',
      `Minutes are approved at a later meeting: the meeting of ${longDate(at.date)} is not after the meeting of ${longDate(held)}.`,
    );
  }
}

export function approveMinutes(wb: Workbench, meetingId: number, atMeetingId: number | null, today: string): Minutes {
  let hash = '';
  return wb.write(
    () => ({ event: 'update', entity: `minutes:${meetingId}`, detail: `approved; sha256:${hash}` }),
    (db: WritableDB) => {
      const r = requireMinutes(db, meetingId);
      if (r.status === 'approved') throw new CasewalkError('conflict', 'These minutes are already approved.');
      const sections = currentSections(db, r);
      assertGuard(db, meetingId, sections, 'approval');
      assertApprovalDate(db, meetingId, atMeetingId, today);
      hash = sectionsHash(sections);
      db.prepare(
        "UPDATE minutes SET status = 'approved', approved_at = ?, approved_by = ?, approved_hash = ?, approved_at_meeting_id = ?, updated_at = ? WHERE id = ?",
      ).run([new Date().toISOString(), wb.actor, hash, atMeetingId, new Date().toISOString(), r.id]);
      return getMinutes(db, meetingId)!;
    },
  );
}

/** A line diff per section: "- old" / "+ new" lines under the section title. */
export function diffSections(before: readonly MinutesSection[], after: readonly MinutesSection[]): string {
  const out: string[] = [];
  const keys = [...new Set([...before.map((s) => s.key), ...after.map((s) => s.key)])];
  for (const k of keys) {
    const a = before.find((s) => s.key === k);
    const b = after.find((s) => s.key === k);
    if (a && b && a.title === b.title && a.body === b.body) continue;
    out.push(`## ${b?.title ?? a?.title}`);
    const al = a?.body.split('\n') ?? [];
    const bl = b?.body.split('\n') ?? [];
    for (const l of al) if (!bl.includes(l)) out.push(`- ${l}`);
    for (const l of bl) if (!al.includes(l)) out.push(`+ ${l}`);
  }
  return out.join('\n');
}

export function amendMinutes(wb: Workbench, meetingId: number, sections: MinutesSection[], reason: string): Minutes {
  let n = 0;
  let hash = '';
  return wb.write(
    () => ({ event: 'update', entity: `minutes:${meetingId}`, detail: `amendment ${n}; sha256:${hash}` }),
    (db) => {
      const r = requireMinutes(db, meetingId);
      if (r.status !== 'approved')
        throw new CasewalkError('invalid_input', 'Draft minutes are edited directly; amendments are for approved minutes.');
      const before = currentSections(db, r);
      const diff = diffSections(before, sections);
      if (!diff) throw new CasewalkError('invalid_input', 'The amendment changes nothing.');
      assertGuard(db, meetingId, sections, 'the amendment');
      n = (db.prepare('SELECT coalesce(max(number), 0) + 1 AS n FROM minutes_amendments WHERE minutes_id = ?').get([r.id]) as { n: number })
        .n;
      hash = sectionsHash(sections);
      db.prepare(
        'INSERT INTO minutes_amendments (minutes_id, number, sections, diff, reason, hash, at, member) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run([r.id, n, JSON.stringify(sections), diff, reason, hash, new Date().toISOString(), wb.actor]);
      return getMinutes(db, meetingId)!;
    },
  );
}

export { assertGuard };
