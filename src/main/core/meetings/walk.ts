/**
 * Walk mode: the presenter sets the shared state (meeting, agenda item, step); the projector
 * reads a restricted, read-only view built here with every unresolved identifier redacted.
 * The projector never receives the raw incident record.
 */
import { CasewalkError } from '../../../shared/result';
import type { ProjectorView, WalkState } from '../../../shared/meetings/schemas';
import {
  MONTH_NAMES,
  BEHAVIOUR,
  CALL_SOURCE,
  DISPOSITION,
  FORCE,
  INTERCEPT,
  RESPONDER,
  WEAPON,
  YES_NO_UNKNOWN,
} from '../../../shared/incidents/values';
import { dateStyle, timeZone } from '../store/settings';
import type { ReadableDB } from '../store/db';
import { getDetail } from '../incidents/detail';
import { redactedField, redactFree } from '../incidents/redact';
import { getMeeting } from './meetings';
import { listFindings } from './findings';
import { roomText } from './record-text';
import { CARRIED_PER_PAGE, COMMITTEE_PURPOSE, CONFIDENTIALITY_STATEMENT } from '../../../shared/meetings/values';
import type { MeetingDetail } from '../../../shared/meetings/schemas';

/** The welcome item: the meeting's day, why the committee meets, and the statement members signed. */
function welcomeOf(m: MeetingDetail): ProjectorView['welcome'] {
  const inRoom = m.attendance.filter((a) => a.status === 'present' || a.status === 'guest');
  return {
    date: m.meeting.date,
    time: m.meeting.time,
    purpose: COMMITTEE_PURPOSE,
    statement: CONFIDENTIALITY_STATEMENT,
    signed: inRoom.filter((a) => a.attestedAt !== null).length,
    inRoom: inRoom.length,
  };
}

/** The follow-up pages: the walk's step is the page; each page holds CARRIED_PER_PAGE recommendations. */
function pageOf<T>(all: readonly T[], step: number): { rows: T[]; page: ProjectorView['page'] } {
  const of = Math.max(1, Math.ceil(all.length / CARRIED_PER_PAGE));
  const index = Math.min(Math.max(0, step), of - 1);
  return {
    rows: all.slice(index * CARRIED_PER_PAGE, (index + 1) * CARRIED_PER_PAGE),
    page: of > 1 ? { index, of, total: all.length } : null,
  };
}

export function checkWalkTarget(db: ReadableDB, meetingId: number, itemId: number | null): void {
  const m = getMeeting(db, meetingId, { summaries: false });
  if (itemId !== null && !m.items.some((i) => i.id === itemId))
    throw new CasewalkError('invalid_input', 'That agenda item is not on this meeting.');
}

export function projectorView(db: ReadableDB, state: WalkState, committee: string): ProjectorView {
  const m = getMeeting(db, state.meetingId, { summaries: false });
  const idx = m.items.findIndex((i) => i.id === state.itemId);
  const item = idx >= 0 ? m.items[idx]! : null;
  let incident: ProjectorView['incident'] = null;
  if (item?.incident) {
    const d = getDetail(db, item.incident.id);
    const i = d.incident;
    const guarded = (field: string, v: string | null) => (v ? redactedField(d, field, v) : null);
    const list = (values: readonly string[], label: (v: string) => string) => (values.length ? values.map(label).join(', ') : '—');
    // Typed or imported text (redacted), and Casewalk's own labels, which the export guard does not read.
    const typed = (label: string, value: string | null) => ({ label, value: value ?? '—', typed: value !== null });
    const own = (label: string, value: string) => ({ label, value, typed: false });
    const cit = [i.citRequested && 'requested', i.citDispatched && 'dispatched', i.citArrived && 'arrived'].filter(Boolean).join(', ');
    const facts = [
      own('Call source', i.callSource ? CALL_SOURCE.label(i.callSource) : '—'),
      typed('Call type', guarded('finalCallType', i.finalCallType) ?? guarded('initialCallType', i.initialCallType)),
      typed('Area', guarded('area', i.area)),
      own('Responders', list(i.responders, RESPONDER.label)),
      own('CIT officer', cit || 'not requested'),
      own('Weapon', i.weapon ? WEAPON.label(i.weapon) : '—'),
      own('Highest force', i.force ? FORCE.label(i.force) : '—'),
      own('Behaviours', list(i.behaviours, BEHAVIOUR.label)),
      own('Disposition', list(i.dispositions, DISPOSITION.label)),
      own('Intercepts', list(i.intercepts, INTERCEPT.label)),
      own('Veteran', YES_NO_UNKNOWN.label(i.veteran)),
      own('Prior contacts (12 mo.)', i.priorContacts === null ? '—' : String(i.priorContacts)),
    ];
    let prev: number | null = null;
    const steps = d.timeline.map((e) => {
      const since = e.seconds !== null && prev !== null ? e.seconds - prev : null;
      if (e.seconds !== null) prev = e.seconds;
      return {
        time: e.time,
        actor: e.actor,
        kind: e.kind,
        description: redactedField(d, `timeline:${e.id}`, e.description),
        decisionPoint: e.decisionPoint,
        sincePrevious: since,
      };
    });
    incident = {
      code: i.code,
      when: `${MONTH_NAMES[i.occurredMonth - 1]} ${i.occurredYear}`,
      summary: redactedField(d, 'narrative', i.narrative),
      facts,
      steps,
      intervals: d.intervals,
      // The same text the presenter's preview and the editors show ("not an identifier" decisions kept).
      findings: listFindings(db, { incidentId: i.id }).map((f) => ({
        id: f.id,
        category: f.category,
        kind: f.kind,
        description: roomText(db, { findingId: f.id }, 'description', f.description),
      })),
    };
  }
  const carried = pageOf(item?.kind === 'follow_up' ? item.carried : [], state.step);
  return {
    state,
    committee,
    display: { dateStyle: dateStyle(db), timeZone: timeZone(db) },
    item: item ? { kind: item.kind, title: redactFree(item.title), position: idx + 1, of: m.items.length } : null,
    incident,
    welcome: item?.kind === 'welcome' ? welcomeOf(m) : null,
    carried: carried.rows.map((c) => ({ ...c, action: roomText(db, { recommendationId: c.id }, 'action', c.action) })),
    page: carried.page,
  };
}
