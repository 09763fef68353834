/** Builds the export documents (minutes, agenda packet) from the record, already de-identified. */
import { CasewalkError, type GuardBlock } from '../../../shared/result';
import type { ExportFormat, MinutesSection } from '../../../shared/minutes/schemas';
import { TIMELINE_ACTOR, TIMELINE_KIND } from '../../../shared/incidents/values';
import { formatDuration } from '../../../shared/incidents/timeline';
import type { ReadableDB } from '../store/db';
import type { Block, Doc, TextSource } from '../exports/doc';
import { docEntries } from '../exports/doc';
import { toMarkdown } from '../exports/markdown';
import { getMeeting, summaryOf } from '../meetings/meetings';
import { projectorView } from '../meetings/walk';
import { roomTexts } from '../meetings/record-text';
import { describeBlocks, getMinutes, longDate, type AllowedPredicate } from './minutes';
import { scan } from '../deid/scanner';
import { ATTRIBUTIONS } from '../import/presets';

export function attributionsOf(db: ReadableDB): string[] {
  return (db.prepare("SELECT DISTINCT source FROM incidents WHERE source LIKE 'import:%'").all() as { source: string }[])
    .map((r) => ATTRIBUTIONS[r.source.slice('import:'.length)])
    .filter((a): a is string => Boolean(a));
}

/** Section bodies: lines starting "- " become bullet lists, other lines paragraphs. */
export function sectionBlocks(sections: readonly MinutesSection[], sourceOf?: (s: MinutesSection) => TextSource): Block[] {
  const blocks: Block[] = [];
  for (const s of sections) {
    const source = sourceOf?.(s);
    const at = <B extends Block>(b: B): B => (source ? { ...b, ...(b.kind === 'bullets' ? { sources: b.items.map(() => source) } : { source }) } : b);
    blocks.push(at({ kind: 'heading', level: 1, text: s.title }));
    let bullets: string[] = [];
    const flush = () => {
      if (bullets.length) blocks.push(at({ kind: 'bullets', items: bullets }));
      bullets = [];
    };
    for (const line of s.body.split('\n')) {
      if (/^\s*-\s+/.test(line)) bullets.push(line.replace(/^\s*-\s+/, ''));
      else {
        flush();
        if (line.trim()) blocks.push(at({ kind: 'paragraph', text: line.trim(), emphasis: /^(Findings|Recommendations):$/.test(line.trim()) }));
      }
    }
    flush();
  }
  return blocks;
}

export function minutesDoc(db: ReadableDB, meetingId: number, committee: string): Doc {
  const m = getMinutes(db, meetingId);
  if (!m) throw new CasewalkError('not_found', 'Draft the minutes before exporting them.');
  const meeting = getMeeting(db, meetingId).meeting;
  const blocks = sectionBlocks(m.sections, (s) => ({ item: `Minutes of ${meeting.date}, ${s.title}`, where: { kind: 'minutes', meetingId, section: s.key } }));
  if (m.status === 'approved') {
    blocks.push({ kind: 'paragraph', text: `Approved ${m.approvedAt!.slice(0, 10)} by ${m.approvedBy ?? 'the committee'}. Content SHA-256: ${m.approvedHash}.` });
    for (const a of m.amendments) {
      const source: TextSource = { item: `Amendment ${a.number} to the minutes of ${meeting.date}`, where: { kind: 'minutes', meetingId, section: 'amendments' } };
      const lines = a.diff.split('\n').filter((l) => !l.startsWith('## '));
      blocks.push({ kind: 'heading', level: 2, text: `Amendment ${a.number} (${a.at.slice(0, 10)}): ${a.reason}`, source });
      blocks.push({ kind: 'bullets', items: lines, sources: lines.map(() => source) });
    }
  }
  return {
    title: `Minutes — ${committee}`,
    subtitle: `Case review meeting, ${longDate(meeting.date)}`,
    draft: m.status !== 'approved',
    blocks,
    attributions: attributionsOf(db),
  };
}

function narrativeSource(inc: { id: number; code: string }): TextSource {
  return { item: `The narrative of incident ${inc.code}`, where: { kind: 'incident', incidentId: inc.id, field: 'narrative' } };
}

/** The agenda: meeting line, timed items, de-identified case summaries, recommendations for follow-up. */
function agendaBlocks(db: ReadableDB, d: ReturnType<typeof getMeeting>, withSummaries: boolean): Block[] {
  const m = d.meeting;
  let at = 0;
  const meetingSource: TextSource = { item: `The meeting of ${m.date} (time and place)`, where: { kind: 'meeting', meetingId: m.id } };
  const blocks: Block[] = [
    { kind: 'paragraph', text: `${m.time} · ${m.lengthMinutes} minutes · ${m.virtual ? 'virtual' : m.place || 'place to be confirmed'}`, source: meetingSource },
    { kind: 'paragraph', text: 'Incidents are identified by committee code only; summaries are de-identified.' },
    { kind: 'heading', level: 1, text: 'Agenda' },
    {
      kind: 'table',
      headers: ['#', 'Item', 'Minutes', 'Starts at'],
      rows: d.items.map((it, i) => {
        const row = [String(i + 1), it.title, String(it.minutes), `+${at} min`];
        at += it.minutes;
        return row;
      }),
      caption: `Total ${d.allottedMinutes} of ${m.lengthMinutes} minutes`,
      // Item titles are typed: a flagged one is named with a link to the agenda.
      rowSources: d.items.map((it, i) => ({ item: `Agenda item ${i + 1} of the meeting of ${m.date}`, where: { kind: 'agenda', meetingId: m.id, itemId: it.id } })),
    },
  ];
  const cases = d.items.filter((i) => i.incident);
  if (withSummaries && cases.length) {
    blocks.push({ kind: 'heading', level: 1, text: 'Case summaries' });
    blocks.push({
      kind: 'bullets',
      items: cases.map((it) => `${it.incident!.code}: ${summaryOf(db, it.incident!.id, 2000) || 'no summary yet.'}`),
      sources: cases.map((it) => narrativeSource(it.incident!)),
    });
  }
  const carried = d.items.find((i) => i.kind === 'follow_up')?.carried ?? [];
  if (carried.length) {
    // Each action as the room saw it on the projector.
    const room = roomTexts(db);
    blocks.push({ kind: 'heading', level: 1, text: 'Recommendations for follow-up' });
    blocks.push({
      kind: 'table',
      headers: ['Code', 'Action', 'Owner', 'Due', 'Status'],
      rows: carried.map((c) => [c.code, room.recommendation(c.id, 'action', c.action), c.owner, `${c.dueDate}${c.overdue ? ' (overdue)' : ''}`, c.status.replace('_', ' ')]),
      rowSources: carried.map((c) => ({ item: `Recommendation ${c.code}`, where: { kind: 'recommendation', recommendationId: c.id } })),
    });
  }
  return blocks;
}

export function agendaDoc(db: ReadableDB, meetingId: number, committee: string): Doc {
  const d = getMeeting(db, meetingId);
  return { title: `Agenda — ${committee}`, subtitle: `Case review meeting, ${longDate(d.meeting.date)}`, draft: false, blocks: agendaBlocks(db, d, true), attributions: attributionsOf(db) };
}

/** The agenda plus, for each case, the de-identified facts and timeline (for sending before the meeting). */
export function packetDoc(db: ReadableDB, meetingId: number, committee: string): Doc {
  const d = getMeeting(db, meetingId);
  const m = d.meeting;
  // Each case section below carries its summary, so the agenda part leaves them out.
  const blocks = agendaBlocks(db, d, false);
  for (const it of d.items.filter((i) => i.kind === 'case_review' && i.incident)) {
    // The same redacted surface the projector uses: nothing unresolved leaves the machine.
    const v = projectorView(db, { meetingId, itemId: it.id, step: 0, highContrast: false, version: 0 }, committee).incident!;
    const inc = it.incident!;
    const incident = (item: string): TextSource => ({ item, where: { kind: 'incident', incidentId: inc.id } });
    blocks.push({ kind: 'heading', level: 1, text: `Case review: ${v.code} (${v.when})`, source: incident(`Incident ${inc.code}`) });
    blocks.push({ kind: 'paragraph', text: v.summary || 'No summary recorded.', source: narrativeSource(inc) });
    blocks.push({ kind: 'table', headers: ['Field', 'Value'], rows: v.facts.map((f) => [f.label, f.value]), rowSources: v.facts.map((f) => incident(`${f.label} of incident ${inc.code}`)) });
    if (v.steps.length) {
      blocks.push({ kind: 'heading', level: 2, text: 'Timeline' });
      blocks.push({
        kind: 'table',
        headers: ['Time', 'Actor', 'Kind', 'Description'],
        rows: v.steps.map((s) => [`${s.time}${s.sincePrevious !== null ? ` (+${formatDuration(s.sincePrevious)})` : ''}`, TIMELINE_ACTOR.label(s.actor), `${TIMELINE_KIND.label(s.kind)}${s.decisionPoint ? ' · decision point' : ''}`, s.description]),
        rowSources: v.steps.map((_, i) => incident(`Step ${i + 1} of the timeline of incident ${inc.code}`)),
      });
    }
  }
  return { title: `Agenda packet — ${committee}`, subtitle: `Case review meeting, ${longDate(m.date)}`, draft: false, blocks, attributions: attributionsOf(db) };
}

/**
 * Last line of defence before any file is written: nothing the scanner flags may leave. A
 * blocked export names each item and the flagged words (only those) and says where to fix it.
 */
export function assertDocClean(doc: Doc, allowed: AllowedPredicate): void {
  const what = doc.title.split(' — ')[0]!.toLowerCase();
  const blocked: GuardBlock[] = [];
  const seen = new Set<string>();
  docEntries(doc).forEach((e, i) => {
    for (const f of scan(e.text)) {
      const text = e.text.slice(f.start, f.end);
      if (allowed(f.type, text, { source: e.text, start: f.start, end: f.end })) continue;
      const b: GuardBlock = { item: e.source?.item ?? `Line ${i + 1} of the ${what}`, text, type: f.type, where: e.source?.where ?? null };
      const key = JSON.stringify([b.item, b.text, b.type]);
      if (!seen.has(key)) blocked.push(b);
      seen.add(key);
    }
  });
  if (blocked.length) {
    const n = blocked.length;
    throw new CasewalkError(
      'guard_blocked',
      `The export was stopped: ${n} possible identifier${n === 1 ? '' : 's'} (${[...new Set(blocked.map((b) => b.type))].join(', ')}) still in the text. ${describeBlocks(blocked)}. Redact ${n === 1 ? 'it' : 'them'} where ${n === 1 ? 'it was' : 'they were'} typed, then export again.`,
      { open: n },
      blocked,
    );
  }
}

/** DOCX and PDF libraries load on first export (about 35 MB the app does not need otherwise). */
export async function render(doc: Doc, format: ExportFormat): Promise<Buffer> {
  if (format === 'md') return Buffer.from(toMarkdown(doc), 'utf8');
  if (format === 'docx') return (await import('../exports/docx')).toDocx(doc);
  return (await import('../exports/pdf')).toPdf(doc);
}
