import { describe, expect, it } from 'vitest';
import {
  addDays,
  currentDisplay,
  datePattern,
  formatDate,
  formatDateTime,
  formatLongDate,
  formatMonth,
  formatTime,
  setDisplay,
  formatCount,
} from './format';

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

describe('the formatter follows the committee setting', () => {
  it('writes dates and times in the style and zone set by DisplaySettings, and back to ISO', () => {
    const before = currentDisplay();
    try {
      setDisplay({ style: 'en-US', timeZone: 'America/Los_Angeles' });
      expect(formatDate('2026-12-08')).toBe('12/08/2026');
      expect(formatDateTime('2026-12-09T01:30:00.000Z')).toBe('12/08/2026 5:30 PM');
      expect(formatLongDate('2026-12-08')).toBe('Tue, December 8, 2026');
      expect(formatMonth('2026-12')).toBe('12/2026');
      expect(datePattern()).toBe('MM/DD/YYYY');
      setDisplay({ style: 'iso', timeZone: 'UTC' });
      expect(formatDateTime('2026-12-09T01:30:00.000Z')).toBe('2026-12-09 01:30');
      expect(formatMonth('2026-12')).toBe('2026-12');
    } finally {
      setDisplay(before);
    }
  });
  it('writes counts in the committee’s style, whatever the machine’s locale', () => {
    expect(formatCount(31944, 'iso')).toBe('31,944');
    expect(formatCount(31944, 'en-US')).toBe('31,944');
    expect(formatCount(31944, 'de-DE')).toBe('31.944');
    expect(formatCount(-12, 'iso')).toBe('-12');
  });
});
