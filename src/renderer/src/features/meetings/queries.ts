/** Meetings' server state: meetings, agenda, findings, recommendations, minutes, the room's view, and the writes. */
import type { MethodInput, MethodName } from '../../../../shared/contract';
import type { MeetingDetail } from '../../../../shared/meetings/schemas';
import type { Minutes } from '../../../../shared/minutes/schemas';
import { keyOf, useMethod, useMethodMutation } from '../../lib/query';

/** What a change to findings or recommendations makes stale. */
const RECORD_READS: readonly MethodName[] = [
  'findings.list',
  'findings.get',
  'recommendations.list',
  'recommendations.editState',
  'meetings.get',
  'minutes.get',
  'home.summary',
  'reports.dashboard',
  'projector.view',
];
/** What a change to a meeting (agenda, attendance, status) makes stale besides the meeting itself. */
const MEETING_READS: readonly MethodName[] = ['meetings.list', 'home.summary', 'minutes.get', 'projector.view'];

export const useMeetings = (enabled = true) => useMethod('meetings.list', undefined, { enabled });
export const useMeeting = (id: number) => useMethod('meetings.get', { id });
export const useFindings = (input: MethodInput<'findings.list'>, enabled = true) => useMethod('findings.list', input, { enabled });
export const useRecommendations = (input: MethodInput<'recommendations.list'>, opts: { enabled?: boolean; keepPrevious?: boolean } = {}) =>
  useMethod('recommendations.list', input, opts);
export const useFindingEditState = (id: number | null) => useMethod('findings.get', { id: id ?? 0 }, { enabled: id !== null });
export const useRecommendationEditState = (id: number | null) =>
  useMethod('recommendations.editState', { id: id ?? 0 }, { enabled: id !== null });
export const useMinutes = (meetingId: number) => useMethod('minutes.get', { meetingId });
export const useBlameCheck = (text: string) =>
  useMethod('findings.checkLanguage', { text }, { enabled: text.trim() !== '', keepPrevious: true });
export const useRoomView = (enabled: boolean) => useMethod('projector.view', undefined, { enabled });

type MeetingWrite =
  | 'meetings.create'
  | 'meetings.setStatus'
  | 'agenda.add'
  | 'agenda.update'
  | 'agenda.move'
  | 'agenda.remove'
  | 'agenda.start'
  | 'agenda.complete'
  | 'attendance.set';

/** A write that answers with the meeting: the answer becomes the cached meeting. */
export function useMeetingWrite<M extends MeetingWrite>(method: M) {
  return useMethodMutation(method, {
    invalidates: MEETING_READS,
    onSuccess: (d, _input, client) => {
      const detail = d as MeetingDetail;
      client.setQueryData(keyOf('meetings.get', { id: detail.meeting.id }), detail);
    },
  });
}

type RecordWrite =
  | 'findings.create'
  | 'findings.createSystemic'
  | 'findings.update'
  | 'findings.amend'
  | 'findings.remove'
  | 'recommendations.create'
  | 'recommendations.update'
  | 'recommendations.amend'
  | 'recommendations.setStatus';

/** A write to the record of findings and recommendations. */
export const useRecordWrite = <M extends RecordWrite>(method: M) => useMethodMutation(method, { invalidates: RECORD_READS });

type MinutesWrite = 'minutes.draft' | 'minutes.update' | 'minutes.approve' | 'minutes.amend';

/** A write that answers with the minutes: the answer becomes the cached minutes. */
export function useMinutesWrite<M extends MinutesWrite>(method: M) {
  return useMethodMutation(method, {
    invalidates: ['home.summary'],
    onSuccess: (d, _input, client) => {
      const m = d as Minutes;
      client.setQueryData(keyOf('minutes.get', { meetingId: m.meetingId }), m);
    },
  });
}

/** Pushes the shared walk state; the room's view (this window's preview and the projector) is read again. */
export const useWalkSet = () => useMethodMutation('walk.set', { invalidates: ['projector.view'] });

/** The meeting page's writes; each answers with the meeting, which replaces the cached one. */
export function useMeetingWrites() {
  return {
    move: useMeetingWrite('agenda.move').mutateAsync,
    update: useMeetingWrite('agenda.update').mutateAsync,
    remove: useMeetingWrite('agenda.remove').mutateAsync,
    add: useMeetingWrite('agenda.add').mutateAsync,
    attendance: useMeetingWrite('attendance.set').mutateAsync,
    setStatus: useMeetingWrite('meetings.setStatus').mutateAsync,
  };
}
