/**
 * Minutes: drafted from the meeting record, edited as plain structured sections, approved
 * (frozen, SHA-256 in the audit log), then changed only by numbered amendments that show what
 * changed. The identifier guard runs over the free-text sections before approval and export.
 */
import { createHash } from 'node:crypto';
import { CasewalkError, type GuardBlock } from '../../../shared/result';
import type { GuardFinding, Minutes, MinutesSection } from '../../../shared/minutes/schemas';
import { CIT_GOAL, FINDING_CATEGORY, FINDING_KIND, REC_STATUS, SECTOR, STRENGTH } from '../../../shared/meetings/values';
import { INTERCEPT } from '../../../shared/incidents/values';
import type { ReadableDB, WritableDB } from '../store/db';
import type { Workbench } from '../store/workbench';
import { scan } from '../deid/scanner';
import { getMeeting, summaryOf } from '../meetings/meetings';
import { listFindings } from '../meetings/findings';
import { listRecommendations, recommendationById } from '../meetings/recommendations';
import { dismissedTextHashes, roomTexts } from '../meetings/record-text';
import { valueHash } from '../incidents/service';
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

export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

export function sectionsHash(sections: readonly MinutesSection[]): string {
  return sha256(JSON.stringify(sections.map((s) => [s.key, s.title, s.body])));
}

export function longDate(iso: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
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
    body: [`${committee}`, `${longDate(m.date)}, ${m.time}`, m.virtual ? 'Virtual meeting' : `Place: ${m.place || 'not recorded'}`, names && chair ? `Chair: ${chair.name}` : null]
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
    .prepare('SELECT m.id, m.date, n.status, n.approved_at_meeting_id FROM meetings m LEFT JOIN minutes n ON n.meeting_id = m.id WHERE m.date < ? ORDER BY m.date DESC LIMIT 1')
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
      const tags = [f.intercept !== null ? `intercept ${INTERCEPT.label(f.intercept)}` : null, f.goals.length ? `CIT goal ${f.goals.map((g) => CIT_GOAL.label(g)).join('; ')}` : null].filter(Boolean).join('; ');
      lines.push(`- ${FINDING_KIND.label(f.kind)} · ${FINDING_CATEGORY.label(f.category)}${tags ? ` (${tags})` : ''}: ${room.finding(f)}`);
    }
    if (recs.length) lines.push('Recommendations:');
    for (const r of recs) lines.push(`- ${r.code}: ${room.recommendation(r.id, 'action', r.action)} — owner ${r.owner.name}; due ${r.dueDate}; ${STRENGTH.label(r.strength).toLowerCase()} action; ${REC_STATUS.label(r.status).toLowerCase()}`);
    sections.push({ key: `case:${inc.id}`, title: `Case review: ${inc.code}`, body: lines.join('\n') });
  }
  const systemic = listFindings(db, { meetingId, source: 'coverage' });
  if (systemic.length) {
    const recIds = [...new Set(systemic.flatMap((f) => f.recommendationIds))];
    const lines = systemic.map((f) => `- ${FINDING_CATEGORY.label(f.category)} (intercept ${INTERCEPT.label(f.intercept ?? '0')}${f.goals.length ? `; CIT goal ${f.goals.map((g) => CIT_GOAL.label(g)).join('; ')}` : ''}): ${room.finding(f)}`);
    for (const id of recIds) {
      const r = recommendationById(db, id, today);
      lines.push(`- Recommendation ${r.code}: ${room.recommendation(r.id, 'action', r.action)} — owner ${r.owner.name}; due ${r.dueDate}; ${STRENGTH.label(r.strength).toLowerCase()} action`);
    }
    sections.push({ key: 'systemic', title: 'Systemic findings: 24/7 coverage', body: lines.join('\n') });
  }
  const carried = d.items.find((i) => i.kind === 'follow_up')?.carried ?? [];
  sections.push({
    key: 'follow_up',
    title: 'Recommendation follow-up',
    body: carried.length
      ? carried.map((c) => `- ${c.code}: ${room.recommendation(c.id, 'action', c.action)} — ${c.owner}; due ${c.dueDate}; now ${REC_STATUS.label(c.status).toLowerCase()}${c.overdue ? ' (overdue)' : ''}`).join('\n')
      : 'No recommendations were due for follow-up.',
  });
  const other = d.items.filter((i) => i.kind === 'other_business').map((i) => i.notes.trim()).filter(Boolean);
  sections.push({ key: 'other_business', title: 'Other business', body: other.length ? other.join('\n') : 'None.' });
  const next = db.prepare('SELECT date, time FROM meetings WHERE date > ? ORDER BY date LIMIT 1').get([m.date]) as { date: string; time: string } | undefined;
  sections.push({ key: 'next_meeting', title: 'Next meeting', body: next ? `${longDate(next.date)}, ${next.time}` : 'To be set.' });
  return sections;
}

/** Where a flagged span sits: the whole text it was found in, so an exception can look at the words around it. */
export interface SpanContext {
  source: string;
  start: number;
  end: number;
}

/** Whether the guard may let a flagged text through: `at` gives the text around it, when known. */
export type AllowedPredicate = (type: string, text: string, at?: SpanContext) => boolean;

/** Case-insensitive, whitespace-normalised (NFKC, one space, trimmed) form of a name. */
export function normaliseName(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** The forms a whole name may be written in: "Maria Lopez" and "Lopez, Maria". Never a part of it. */
export function nameForms(name: string): string[] {
  const n = normaliseName(name);
  if (!n) return [];
  const parts = n.split(' ');
  return parts.length > 1 ? [n, `${parts[parts.length - 1]}, ${parts.slice(0, -1).join(' ')}`] : [n];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A matcher for whole occurrences of any of the phrases (case-insensitive, any run of spaces), never inside a longer word. */
function wholePhrases(phrases: readonly string[]): ((source: string) => [number, number][]) | null {
  const alts = [...new Set(phrases)].filter(Boolean).sort((a, b) => b.length - a.length).map((p) => p.split(/(,? )/).map((t) => (t === ' ' ? '\\s+' : t === ', ' ? ',\\s*' : escapeRe(t))).join(''));
  if (!alts.length) return null;
  const re = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${alts.join('|')})(?![\\p{L}\\p{N}\\p{M}])`, 'giu');
  const cache = new Map<string, [number, number][]>();
  return (source) => {
    let hits = cache.get(source);
    if (!hits) {
      hits = [...source.matchAll(re)].map((m) => [m.index, m.index + m[0].length] as [number, number]);
      cache.set(source, hits);
    }
    return hits;
  };
}

/**
 * What may appear in exported text although the scanner flags it: roster, organisation and
 * keyholder names and the committee's own name, only as whole names ("Maria Lopez" or
 * "Lopez, Maria", any case and spacing; a NAME inside such a whole name where it is written in
 * full), never a part ("Maria's son" stays flagged); meeting places where written in full;
 * the committee's own dates; and values a person marked "not an identifier" with a reason.
 */
export function allowedPredicate(db: ReadableDB, extraNames: readonly string[] = []): AllowedPredicate {
  const committee = (db.prepare("SELECT value FROM meta WHERE key = 'committee'").get() as { value: string } | undefined)?.value;
  const roster = [
    ...extraNames,
    ...(committee ? [committee] : []),
    ...(db.prepare('SELECT name FROM members').all() as { name: string }[]).map((r) => r.name),
    ...(db.prepare('SELECT name FROM organisations').all() as { name: string }[]).map((r) => r.name),
    ...(db.prepare('SELECT name FROM keyholders').all() as { name: string }[]).map((r) => r.name),
  ];
  const forms = roster.flatMap(nameForms);
  const exact = new Set(forms);
  const namesIn = wholePhrases(forms);
  const places = (db.prepare("SELECT DISTINCT place FROM meetings WHERE place <> ''").all() as { place: string }[]).map((r) => normaliseName(r.place));
  const placesIn = wholePhrases(places);
  // Values marked "not an identifier" on an incident or in a finding's or recommendation's text.
  const dismissed = new Set([...(db.prepare('SELECT value_hash FROM identifier_dismissals').all() as { value_hash: string }[]).map((r) => r.value_hash), ...dismissedTextHashes(db)]);
  // Administrative dates (meetings, due dates, approvals) are the committee's own, not incident dates.
  const adminDates = new Set(
    (
      db
        .prepare(
          "SELECT date AS d FROM meetings UNION SELECT due_date FROM recommendations UNION SELECT substr(approved_at, 1, 10) FROM minutes WHERE approved_at IS NOT NULL UNION SELECT substr(at, 1, 10) FROM minutes_amendments",
        )
        .all() as { d: string }[]
    ).map((r) => r.d),
  );
  const isoOf = (text: string): string | null => {
    const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T12:00:00Z` : `${text} 12:00 UTC`);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
  };
  const covered = (find: ((s: string) => [number, number][]) | null, at: SpanContext | undefined) =>
    !!find && !!at && find(at.source).some(([a, b]) => a <= at.start && at.end <= b);
  return (type, text, at) => {
    if (type === 'NAME' && (exact.has(normaliseName(text)) || covered(namesIn, at))) return true;
    if (covered(placesIn, at)) return true;
    if (type === 'DATE') {
      const iso = isoOf(text);
      if (iso && adminDates.has(iso)) return true;
    }
    return dismissed.has(valueHash(type, text));
  };
}

/** Every flagged text in the minutes, every section included (roster names pass as whole names). */
export function guardSections(db: ReadableDB, sections: readonly MinutesSection[]): GuardFinding[] {
  const allowed = allowedPredicate(db);
  const out: GuardFinding[] = [];
  for (const s of sections) {
    for (const f of scan(s.body)) {
      const text = s.body.slice(f.start, f.end);
      if (allowed(f.type, text, { source: s.body, start: f.start, end: f.end }) || (f.type === 'DATE' && ADMIN_DATE_SECTIONS.has(s.key))) continue;
      out.push({ section: s.key, title: s.title, start: f.start, end: f.end, type: f.type, text });
    }
  }
  return out;
}

function row(db: ReadableDB, meetingId: number): MinutesRow | undefined {
  return db.prepare('SELECT * FROM minutes WHERE meeting_id = ?').get([meetingId]) as unknown as MinutesRow | undefined;
}

export function currentSections(db: ReadableDB, r: MinutesRow): MinutesSection[] {
  const last = db.prepare('SELECT sections FROM minutes_amendments WHERE minutes_id = ? ORDER BY number DESC LIMIT 1').get([r.id]) as { sections: string } | undefined;
  return JSON.parse(last?.sections ?? r.sections) as MinutesSection[];
}

export function getMinutes(db: ReadableDB, meetingId: number): Minutes | null {
  const r = row(db, meetingId);
  if (!r) return null;
  const sections = currentSections(db, r);
  const amendments = (
    db.prepare('SELECT number, reason, diff, hash, at, member FROM minutes_amendments WHERE minutes_id = ? ORDER BY number').all([r.id]) as {
      number: number;
      reason: string;
      diff: string;
      hash: string;
      at: string;
      member: string | null;
    }[]
  ).map((a) => ({ number: a.number, reason: a.reason, diff: a.diff, hash: a.hash, at: a.at, by: a.member }));
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
  return wb.write({ event: 'create', entity: `minutes:${meetingId}`, detail: replace ? 'redrafted from the record' : 'drafted from the record' }, (db) => {
    const existing = row(db, meetingId);
    if (existing?.status === 'approved') throw new CasewalkError('forbidden', 'These minutes are approved and read-only; record an amendment instead.');
    if (existing && !replace) return getMinutes(db, meetingId)!;
    const sections = draftSections(db, meetingId, wb.committee, today);
    const at = new Date().toISOString();
    db.prepare(
      'INSERT INTO minutes (meeting_id, status, sections, created_at, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (meeting_id) DO UPDATE SET sections = excluded.sections, updated_at = excluded.updated_at',
    ).run([meetingId, 'draft', JSON.stringify(sections), at, at]);
    return getMinutes(db, meetingId)!;
  });
}

export function updateMinutes(wb: Workbench, meetingId: number, sections: MinutesSection[]): Minutes {
  return wb.write({ event: 'update', entity: `minutes:${meetingId}`, detail: `${sections.length} sections` }, (db) => {
    const r = requireMinutes(db, meetingId);
    if (r.status === 'approved') throw new CasewalkError('forbidden', 'Approved minutes are read-only. Record a numbered amendment to change them.');
    db.prepare('UPDATE minutes SET sections = ?, updated_at = ? WHERE id = ?').run([JSON.stringify(sections), new Date().toISOString(), r.id]);
    return getMinutes(db, meetingId)!;
  });
}

/** "Minutes of 2026-05-12, Other business: “Fatima Okafor” (NAME); …": each flagged text with the section it is in. */
export function describeBlocks(blocked: readonly GuardBlock[], limit = 10): string {
  const shown = blocked.slice(0, limit).map((b) => `${b.item}: “${b.text}” (${b.type})`);
  return `${shown.join('; ')}${blocked.length > limit ? `; and ${blocked.length - limit} more` : ''}`;
}

function assertGuard(db: ReadableDB, meetingId: number, sections: readonly MinutesSection[], what: string) {
  const g = guardSections(db, sections);
  if (g.length) {
    const date = (db.prepare('SELECT date FROM meetings WHERE id = ?').get([meetingId]) as { date: string } | undefined)?.date ?? '';
    const blocked: GuardBlock[] = g.map((x) => ({ item: `Minutes of ${date}, ${x.title}`, text: x.text, type: x.type, where: { kind: 'minutes', meetingId, section: x.section } }));
    throw new CasewalkError(
      'guard_blocked',
      `${g.length} possible identifier${g.length === 1 ? '' : 's'} in the minutes (${[...new Set(g.map((x) => x.title))].join(', ')}) must be redacted before ${what}: ${describeBlocks(blocked)}.`,
      { open: g.length },
      blocked,
    );
  }
}

export function approveMinutes(wb: Workbench, meetingId: number, atMeetingId: number | null): Minutes {
  let hash = '';
  return wb.write(
    () => ({ event: 'update', entity: `minutes:${meetingId}`, detail: `approved; sha256:${hash}` }),
    (db: WritableDB) => {
      const r = requireMinutes(db, meetingId);
      if (r.status === 'approved') throw new CasewalkError('conflict', 'These minutes are already approved.');
      const sections = currentSections(db, r);
      assertGuard(db, meetingId, sections, 'approval');
      if (atMeetingId !== null && !db.prepare('SELECT 1 FROM meetings WHERE id = ?').get([atMeetingId])) throw new CasewalkError('not_found', 'That meeting does not exist.');
      hash = sectionsHash(sections);
      db.prepare("UPDATE minutes SET status = 'approved', approved_at = ?, approved_by = ?, approved_hash = ?, approved_at_meeting_id = ?, updated_at = ? WHERE id = ?").run([
        new Date().toISOString(),
        wb.actor,
        hash,
        atMeetingId,
        new Date().toISOString(),
        r.id,
      ]);
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
      if (r.status !== 'approved') throw new CasewalkError('invalid_input', 'Draft minutes are edited directly; amendments are for approved minutes.');
      const before = currentSections(db, r);
      const diff = diffSections(before, sections);
      if (!diff) throw new CasewalkError('invalid_input', 'The amendment changes nothing.');
      assertGuard(db, meetingId, sections, 'the amendment');
      n = (db.prepare('SELECT coalesce(max(number), 0) + 1 AS n FROM minutes_amendments WHERE minutes_id = ?').get([r.id]) as { n: number }).n;
      hash = sectionsHash(sections);
      db.prepare('INSERT INTO minutes_amendments (minutes_id, number, sections, diff, reason, hash, at, member) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run([
        r.id,
        n,
        JSON.stringify(sections),
        diff,
        reason,
        hash,
        new Date().toISOString(),
        wb.actor,
      ]);
      return getMinutes(db, meetingId)!;
    },
  );
}

export { assertGuard };
