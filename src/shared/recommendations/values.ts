/** Value sets for a recommendation's life after the meeting: its status lifecycle. */
import { valueSet as set } from '../incidents/values';

export const REC_STATUS = set([
  ['proposed', 'Proposed'],
  ['accepted', 'Accepted'],
  ['in_progress', 'In progress'],
  ['completed', 'Completed'],
  ['declined', 'Declined'],
] as const);
export type RecStatus = (typeof REC_STATUS.values)[number];
export const OPEN_REC_STATUSES: readonly RecStatus[] = ['proposed', 'accepted', 'in_progress'];
export const REC_MOVES: Record<RecStatus, RecStatus[]> = {
  proposed: ['accepted', 'declined'],
  accepted: ['in_progress', 'completed', 'declined'],
  in_progress: ['completed', 'declined'],
  completed: [],
  declined: [],
};
