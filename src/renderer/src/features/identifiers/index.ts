/** The identifier guard's editing UI, shared by the incident record and the meeting's record text. */
export { DismissModal } from './DismissModal';
export { GuardedTextarea, useLiveFindings } from './GuardedTextarea';
