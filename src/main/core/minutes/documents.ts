/** Builds the export documents (minutes, agenda packet) from the record, already de-identified. */
import { CasewalkError } from '../../../shared/result';
import type { ExportFormat, MinutesSection } from '../../../shared/minutes/schemas';
import { TIMELINE_ACTOR, TIMELINE_KIND } from '../../../shared/incidents/values';
import { formatDuration } from '../../../shared/incidents/timeline';
import type { ReadableDB } from '../store/db';
import type { Block, Doc } from '../exports/doc';
import { docTexts } from '../exports/doc';
import { toMarkdown } from '../exports/markdown';
import { getMeeting, summaryOf } from '../meetings/meetings';
import { projectorView } from '../meetings/walk';
import { getMinutes, longDate } from './minutes';
import { scan } from '../deid/scanner';
import { ATTRIBUTIONS } from '../import/presets';

export function attributionsOf(db: ReadableDB): string[] {
  return (db.prepare("SELECT DISTINCT source FROM incidents WHERE source LIKE 'import:%'").all() as { source: string }[])
    .map((r) => ATTRIBUTIONS[r.source.slice('import:'.length)])
    .filter((a): a is string => Boolean(a));
}

/** Section bodies: lines starting "- " become bullet lists, other lines paragraphs. */
export function sectionBlocks(sections: readonly MinutesSection[]): Block[] {
  const blocks: Block[] = [];
  for (const s of sections) {
    blocks.push({ kind: 'heading', level: 1, text: s.title });
    let bullets: string[] = [];
    const flush = () => {
      if (bullets.length) blocks.push({ kind: 'bullets', items: bullets });
      bullets = [];
    };
    for (const line of s.body.split('\n')) {
      if (/^\s*-\s+/.test(line)) bullets.push(line.replace(/^\s*-\s+/, ''));
      else {
        flush();
        if (line.trim()) blocks.push({ kind: 'paragraph', text: line.trim(), emphasis: /^(Findings|Recommendations):$/.test(line.trim()) });
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
  const blocks = sectionBlocks(m.sections);
  if (m.status === 'approved') {
    blocks.push({ kind: 'paragraph', text: `Approved ${m.approvedAt!.slice(0, 10)} by ${m.approvedBy ?? 'the committee'}. Content SHA-256: ${m.approvedHash}.` });
    for (const a of m.amendments) {
      blocks.push({ kind: 'heading', level: 2, text: `Amendment ${a.number} (${a.at.slice(0, 10)}): ${a.reason}` });
      blocks.push({ kind: 'bullets', items: a.diff.split('\n').filter((l) => !l.startsWith('## ')) });
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

/** The agenda: meeting line, timed items, de-identified case summaries, recommendations for follow-up. */
function agendaBlocks(db: ReadableDB, d: ReturnType<typeof getMeeting>, withSummaries: boolean): Block[] {
  const m = d.meeting;
  let at = 0;
  const blocks: Block[] = [
    { kind: 'paragraph', text: `${m.time} · ${m.lengthMinutes} minutes · ${m.virtual ? 'virtual' : m.place || 'place to be confirmed'}` },
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
    },
  ];
  const cases = d.items.filter((i) => i.incident);
  if (withSummaries && cases.length) {
    blocks.push({ kind: 'heading', level: 1, text: 'Case summaries' });
    blocks.push({ kind: 'bullets', items: cases.map((it) => `${it.incident!.code}: ${summaryOf(db, it.incident!.id, 2000) || 'no summary yet.'}`) });
  }
  const carried = d.items.find((i) => i.kind === 'follow_up')?.carried ?? [];
  if (carried.length) {
    blocks.push({ kind: 'heading', level: 1, text: 'Recommendations for follow-up' });
    blocks.push({ kind: 'table', headers: ['Code', 'Action', 'Owner', 'Due', 'Status'], rows: carried.map((c) => [c.code, c.action, c.owner, `${c.dueDate}${c.overdue ? ' (overdue)' : ''}`, c.status.replace('_', ' ')]) });
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
    blocks.push({ kind: 'heading', level: 1, text: `Case review: ${v.code} (${v.when})` });
    blocks.push({ kind: 'paragraph', text: v.summary || 'No summary recorded.' });
    blocks.push({ kind: 'table', headers: ['Field', 'Value'], rows: v.facts.map((f) => [f.label, f.value]) });
    if (v.steps.length) {
      blocks.push({ kind: 'heading', level: 2, text: 'Timeline' });
      blocks.push({
        kind: 'table',
        headers: ['Time', 'Actor', 'Kind', 'Description'],
        rows: v.steps.map((s) => [`${s.time}${s.sincePrevious !== null ? ` (+${formatDuration(s.sincePrevious)})` : ''}`, TIMELINE_ACTOR.label(s.actor), `${TIMELINE_KIND.label(s.kind)}${s.decisionPoint ? ' · decision point' : ''}`, s.description]),
      });
    }
  }
  return { title: `Agenda packet — ${committee}`, subtitle: `Case review meeting, ${longDate(m.date)}`, draft: false, blocks, attributions: attributionsOf(db) };
}

/** Last line of defence before any file is written: nothing the scanner flags may leave. */
export function assertDocClean(doc: Doc, allowed: (type: string, text: string) => boolean): void {
  const hits = docTexts(doc).flatMap((t) => scan(t).map((f) => ({ ...f, text: t.slice(f.start, f.end) })));
  const bad = hits.filter((h) => !allowed(h.type, h.text));
  if (bad.length) {
    throw new CasewalkError('guard_blocked', `The export was stopped: ${bad.length} possible identifier${bad.length === 1 ? '' : 's'} (${[...new Set(bad.map((b) => b.type))].join(', ')}) still in the text. Redact ${bad.length === 1 ? 'it' : 'them'} first.`, { open: bad.length });
  }
}

/** DOCX and PDF libraries load on first export (about 35 MB the app does not need otherwise). */
export async function render(doc: Doc, format: ExportFormat): Promise<Buffer> {
  if (format === 'md') return Buffer.from(toMarkdown(doc), 'utf8');
  if (format === 'docx') return (await import('../exports/docx')).toDocx(doc);
  return (await import('../exports/pdf')).toPdf(doc);
}
