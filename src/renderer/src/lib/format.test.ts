import { describe, expect, it } from 'vitest';
import { addDays, formatDate, formatDateTime, formatLongDate, formatTime } from './format';

describe('the one date formatter', () => {
  it('shows calendar dates as ISO, unchanged by any time zone', () => {
    expect(formatDate('2026-12-08', 'America/Los_Angeles')).toBe('2026-12-08');
  });
  it("shows an instant's date and time in the given zone", () => {
    expect(formatDate('2026-12-09T01:30:00.000Z', 'America/Los_Angeles')).toBe('2026-12-08');
    expect(formatDateTime('2026-12-09T01:30:00.000Z', 'America/Los_Angeles')).toBe('2026-12-08 17:30');
    expect(formatDateTime('2026-12-09T01:30:00.000Z', 'UTC')).toBe('2026-12-09 01:30');
    // The attendance table's "Signed 00:41": 24-hour, never "12:41 AM".
    expect(formatTime('2026-12-09T00:41:00.000Z', 'UTC')).toBe('00:41');
    expect(formatTime('2026-12-09T00:41:00.000Z', 'America/Los_Angeles')).toBe('16:41');
  });
  it('spells out a meeting day, and counts days across months and years', () => {
    expect(formatLongDate('2026-12-08')).toBe('Tue, 8 December 2026');
    expect(addDays('2026-12-20', 14)).toBe('2027-01-03');
  });
});
