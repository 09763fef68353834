import { describe, expect, it } from 'vitest';
import { addDays, addMonthsTo, DATE_STYLE_NAMES, daysBetween, readDate, writeClock, writeDate, writeLongDate } from './dates';

describe('the committee date style', () => {
  it('writes a calendar date in each style and reads it back, ISO always accepted', () => {
    const written = Object.fromEntries(DATE_STYLE_NAMES.map((s) => [s, writeDate('2026-03-08', s)]));
    expect(written).toEqual({
      iso: '2026-03-08',
      'en-US': '03/08/2026',
      'en-GB': '08/03/2026',
      'en-CA': '2026-03-08',
      'de-DE': '08.03.2026',
    });
    for (const s of DATE_STYLE_NAMES) {
      expect(readDate(written[s]!, s)).toBe('2026-03-08');
      expect(readDate('2026-03-08', s)).toBe('2026-03-08');
    }
  });
  it('reads day and month in the order of the style, single digits too, and refuses dates that do not exist', () => {
    expect(readDate('3/8/2026', 'en-US')).toBe('2026-03-08');
    expect(readDate('3/8/2026', 'en-GB')).toBe('2026-08-03');
    expect(readDate('8.3.2026', 'de-DE')).toBe('2026-03-08');
    expect(readDate('02/30/2026', 'en-US')).toBeNull();
    expect(readDate('2026-02-30', 'iso')).toBeNull();
    expect(readDate('13/01/2026', 'en-US')).toBeNull();
    expect(readDate('next tuesday', 'iso')).toBeNull();
    expect(readDate('03/08/2026', 'iso')).toBeNull();
  });
  it('writes the clock in 24 or 12 hours, and spells a long date in the style language', () => {
    expect(writeClock('14:05', 'iso')).toBe('14:05');
    expect(writeClock('00:41', 'en-US')).toBe('12:41 AM');
    expect(writeClock('12:00', 'en-US')).toBe('12:00 PM');
    expect(writeClock('14:05', 'en-CA')).toBe('2:05 p.m.');
    expect(writeLongDate('2026-12-08', 'iso')).toBe('Tue, 8 December 2026');
    expect(writeLongDate('2026-12-08', 'en-US')).toBe('Tue, December 8, 2026');
    expect(writeDate('not a date', 'en-US')).toBe('not a date');
  });
});

describe('calendar arithmetic (one copy for the core, the seed and the renderer)', () => {
  it('adds days across months and years, months to the last day that exists, and counts days between', () => {
    expect(addDays('2026-12-20', 14)).toBe('2027-01-03');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addMonthsTo('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsTo('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsTo('2026-11-15', 12)).toBe('2027-11-15');
    expect(daysBetween('2026-12-31', '2027-03-01')).toBe(60);
    expect(daysBetween('2026-03-01', '2026-02-01')).toBe(-28);
  });
});
