/** Builds the agenda and the agenda packet (for sending before the meeting), already de-identified. */
import { TIMELINE_ACTOR, TIMELINE_KIND } from '../../../shared/incidents/values';
import { formatDuration } from '../../../shared/incidents/timeline';
import type { ReadableDB } from '../store/db';
import { longDate, type Block, type Doc, type TextSource } from '../exports/doc';
import { attributionsOf } from '../incidents/attributions';
import { getMeeting, summaryOf } from './meetings';
import { roomTexts } from './record-text';
import { REC_STATUS } from '../../../shared/recommendations/values';
import { projectorView } from './walk';

function narrativeSource(inc: { id: number; code: string }): TextSource {
  return { item: `The narrative of incident ${inc.code}`, where: { kind: 'incident', incidentId: inc.id, field: 'narrative' } };
}

/** The agenda: meeting line, timed items, de-identified case summaries, recommendations for follow-up. */
function agendaBlocks(db: ReadableDB, d: ReturnType<typeof getMeeting>, withSummaries: boolean): Block[] {
  const m = d.meeting;
  let at = 0;
  const meetingSource: TextSource = { item: `The meeting of ${m.date} (time and place)`, where: { kind: 'meeting', meetingId: m.id } };
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `${m.time} · ${m.lengthMinutes} minutes · ${m.virtual ? 'virtual' : m.place || 'place to be confirmed'}`,
      source: meetingSource,
    },
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
      rowSources: d.items.map((it, i) => ({
        item: `Agenda item ${i + 1} of the meeting of ${m.date}`,
        where: { kind: 'agenda', meetingId: m.id, itemId: it.id },
      })),
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
      rows: carried.map((c) => [
        c.code,
        room.recommendation(c.id, 'action', c.action),
        c.owner,
        `${c.dueDate}${c.overdue ? ' (overdue)' : ''}`,
        [
          REC_STATUS.label(c.status),
          ...(c.responseOverdue ? ['response overdue'] : []),
          ...(c.effectCheck ? [`effect check due ${c.effectCheck.dueDate}`] : []),
        ].join('; '),
      ]),
      rowSources: carried.map((c) => ({ item: `Recommendation ${c.code}`, where: { kind: 'recommendation', recommendationId: c.id } })),
    });
  }
  return blocks;
}

export function agendaDoc(db: ReadableDB, meetingId: number, committee: string): Doc {
  const d = getMeeting(db, meetingId);
  return {
    title: `Agenda — ${committee}`,
    subtitle: `Case review meeting, ${longDate(d.meeting.date)}`,
    draft: false,
    blocks: agendaBlocks(db, d, true),
    attributions: attributionsOf(db),
  };
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
    blocks.push({
      kind: 'table',
      headers: ['Field', 'Value'],
      rows: v.facts.map((f) => [f.label, f.value]),
      rowSources: v.facts.map((f) => ({
        ...incident(`${f.label} of incident ${inc.code}`),
        ...(f.typed ? {} : { ownWords: true as const }),
      })),
    });
    if (v.steps.length) {
      blocks.push({ kind: 'heading', level: 2, text: 'Timeline' });
      blocks.push({
        kind: 'table',
        headers: ['Time', 'Actor', 'Kind', 'Description'],
        rows: v.steps.map((s) => [
          `${s.time}${s.sincePrevious !== null ? ` (+${formatDuration(s.sincePrevious)})` : ''}`,
          TIMELINE_ACTOR.label(s.actor),
          `${TIMELINE_KIND.label(s.kind)}${s.decisionPoint ? ' · decision point' : ''}`,
          s.description,
        ]),
        rowSources: v.steps.map((_, i) => incident(`Step ${i + 1} of the timeline of incident ${inc.code}`)),
      });
    }
  }
  return {
    title: `Agenda packet — ${committee}`,
    subtitle: `Case review meeting, ${longDate(m.date)}`,
    draft: false,
    blocks,
    attributions: attributionsOf(db),
  };
}
