import { describe, expect, it } from 'vitest';
import { dayInAmsterdam, formatRelativeTime, formatShortDate, isPastDay } from './i18n';

// 15 December 2026, 15:30 in Amsterdam (CET, UTC+1).
const NOW = new Date('2026-12-15T14:30:00Z');

describe('formatRelativeTime', () => {
  it('says "vandaag" with the time for today, in the office time zone', () => {
    expect(formatRelativeTime('2026-12-15T13:02:00Z', 'nl', NOW)).toBe('vandaag 14:02');
    expect(formatRelativeTime('2026-12-15T13:02:00Z', 'en', NOW)).toBe('today 14:02');
    // 23:30 UTC on the 14th is already the 15th in Amsterdam.
    expect(formatRelativeTime('2026-12-14T23:30:00Z', 'nl', NOW)).toBe('vandaag 00:30');
  });

  it('says "gisteren" for yesterday, without the time', () => {
    expect(formatRelativeTime('2026-12-14T08:00:00Z', 'nl', NOW)).toBe('gisteren');
    expect(formatRelativeTime('2026-12-13T23:30:00Z', 'en', NOW)).toBe('yesterday');
  });

  it('gives the date for anything older, with the year only when it is not this year', () => {
    expect(formatRelativeTime('2026-12-13T10:00:00Z', 'nl', NOW)).toBe('13 december');
    expect(formatRelativeTime('2026-12-13T10:00:00Z', 'en', NOW)).toBe('13 December');
    expect(formatRelativeTime('2025-12-31T10:00:00Z', 'nl', NOW)).toBe('31 december 2025');
  });

  it('knows yesterday across the change to summer time', () => {
    // 30 March 2026, 00:30 CEST: 24 hours earlier is still 28 March, yet yesterday is 29 March.
    const afterChange = new Date('2026-03-29T22:30:00Z');
    expect(formatRelativeTime('2026-03-29T10:00:00Z', 'nl', afterChange)).toBe('gisteren');
    expect(formatRelativeTime('2026-03-28T22:00:00Z', 'nl', afterChange)).toBe('28 maart');
  });

  it('returns an empty string for missing or invalid moments', () => {
    expect(formatRelativeTime(null, 'nl', NOW)).toBe('');
    expect(formatRelativeTime('gisteren', 'nl', NOW)).toBe('');
  });
});

describe('formatShortDate and isPastDay', () => {
  it('formats a plain date as the day it names', () => {
    expect(formatShortDate('2026-12-20', 'nl', NOW)).toBe('20 december');
    expect(formatShortDate('2026-12-20', 'en', NOW)).toBe('20 December');
    expect(formatShortDate('2027-01-05', 'nl', NOW)).toBe('5 januari 2027');
    expect(formatShortDate('', 'nl', NOW)).toBe('');
  });

  it('counts a due date as past from the day after', () => {
    expect(dayInAmsterdam(NOW)).toBe('2026-12-15');
    expect(isPastDay('2026-12-14', NOW)).toBe(true);
    expect(isPastDay('2026-12-15', NOW)).toBe(false);
    expect(isPastDay(null, NOW)).toBe(false);
  });
});
