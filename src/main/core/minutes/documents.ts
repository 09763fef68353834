/** Builds the minutes document from the record, already de-identified. */
import { CasewalkError } from '../../../shared/result';
import type { MinutesSection } from '../../../shared/minutes/schemas';
import { dateIn } from '../../../shared/time-zone';
import type { ReadableDB } from '../store/db';
import { timeZone } from '../store/settings';
import { longDate, type Block, type Doc, type TextSource } from '../exports/doc';
import { attributionsOf } from '../incidents/attributions';
import { getMeeting } from '../meetings/meetings';
import { getMinutes } from './minutes';

/** Section bodies: lines starting "- " become bullet lists, other lines paragraphs. */
export function sectionBlocks(sections: readonly MinutesSection[], sourceOf?: (s: MinutesSection) => TextSource): Block[] {
  const blocks: Block[] = [];
  for (const s of sections) {
    const source = sourceOf?.(s);
    const at = <B extends Block>(b: B): B =>
      source ? { ...b, ...(b.kind === 'bullets' ? { sources: b.items.map(() => source) } : { source }) } : b;
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
        if (line.trim())
          blocks.push(at({ kind: 'paragraph', text: line.trim(), emphasis: /^(Findings|Recommendations):$/.test(line.trim()) }));
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
  const blocks = sectionBlocks(m.sections, (s) => ({
    item: `Minutes of ${meeting.date}, ${s.title}`,
    where: { kind: 'minutes', meetingId, section: s.key },
  }));
  if (m.status === 'approved') {
    // Dates in the committee's time zone: approved at 17:30 in Los Angeles is still that day.
    const zone = timeZone(db);
    const day = (at: string) => dateIn(zone, Date.parse(at));
    blocks.push({
      kind: 'paragraph',
      text: `Approved ${day(m.approvedAt!)} by ${m.approvedBy ?? 'the committee'}. Content SHA-256: ${m.approvedHash}.`,
    });
    for (const a of m.amendments) {
      const source: TextSource = {
        item: `Amendment ${a.number} to the minutes of ${meeting.date}`,
        where: { kind: 'minutes', meetingId, section: 'amendments' },
      };
      const lines = a.diff.split('\n').filter((l) => !l.startsWith('## '));
      blocks.push({ kind: 'heading', level: 2, text: `Amendment ${a.number} (${day(a.at)}): ${a.reason}`, source });
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
