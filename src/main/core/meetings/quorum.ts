/**
 * Quorum as the chair reads it: a count (a majority of the active members present; guests do
 * not count) and by seat (each required sector, and the lived-experience seat, which a person
 * with lived experience or a family member fills).
 */
import type { MeetingDetail, Quorum } from '../../../shared/meetings/schemas';
import { QUORUM_SECTORS, SECTOR, VOICE_SECTORS } from '../../../shared/meetings/values';

type Attendance = MeetingDetail['attendance'];

const VOICE_SEAT = 'Lived experience or family member';

export function quorumOf(attendance: Attendance): Quorum {
  const members = attendance.filter((a) => a.role !== 'guest').length;
  const present = attendance.filter((a) => a.role !== 'guest' && a.status === 'present').length;
  const needed = members === 0 ? 0 : Math.floor(members / 2) + 1;
  const inRoom = new Set(attendance.filter((a) => a.status === 'present' || a.status === 'guest').map((a) => a.sector));
  const seats = [
    ...QUORUM_SECTORS.map((s) => ({ label: SECTOR.label(s), filled: inRoom.has(s) })),
    { label: VOICE_SEAT, filled: VOICE_SECTORS.some((s) => inRoom.has(s)) },
  ];
  return { present, members, needed, seats, met: members > 0 && present >= needed && seats.every((s) => s.filled) };
}

/** What the chair should know before starting: attendance not taken, or each empty seat in words. */
export function quorumWarnings(attendance: Attendance, quorum: Quorum = quorumOf(attendance)): string[] {
  if (!attendance.some((a) => a.status !== null)) return ['Attendance has not been taken yet.'];
  return quorum.seats
    .filter((s) => !s.filled)
    .map((s) =>
      s.label === VOICE_SEAT
        ? 'No one with lived experience and no family member is present: they have the greatest stake in these reviews.'
        : `No one from ${s.label.toLowerCase()} is present.`,
    );
}
