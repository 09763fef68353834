/**
 * Quorum as the chair reads it: a count (a majority of the active members present; guests do
 * not count) and by seat (each required sector, and the lived-experience seat, which a person
 * with lived experience or a family member fills).
 */
import type { MeetingDetail, Quorum } from '../../../shared/meetings/schemas';
import { QUORUM_SECTORS, SECTOR, VOICE_SECTORS } from '../../../shared/meetings/values';

type Attendance = MeetingDetail['attendance'];

export function quorumOf(attendance: Attendance): Quorum {
  const members = attendance.filter((a) => a.role !== 'guest').length;
  const present = attendance.filter((a) => a.role !== 'guest' && a.status === 'present').length;
  const needed = members === 0 ? 0 : Math.floor(members / 2) + 1;
  const inRoom = new Set(attendance.filter((a) => a.status === 'present' || a.status === 'guest').map((a) => a.sector));
  const seats = [
    ...QUORUM_SECTORS.map((s) => ({ label: SECTOR.label(s), filled: inRoom.has(s) })),
    { label: 'Lived experience or family member', filled: VOICE_SECTORS.some((s) => inRoom.has(s)) },
  ];
  return { present, members, needed, seats, met: members > 0 && present >= needed && seats.every((s) => s.filled) };
}
