// The dates of a grant (ADV-1), as the server checks them: days in Amsterdam, access up to and including `until`.
import { addDays, dayInAmsterdam } from '../../i18n/i18n';

/** How long access lasts when the client does not choose (the server's default too). */
export const DEFAULT_GRANT_DAYS = 30;

/** The same day a year later; 29 February becomes 28 February (as java.time's plusYears). */
export function addOneYear(day: string): string {
  const [year, month, date] = day.split('-');
  const next = `${Number(year) + 1}-${month}-${date}`;
  return month === '02' && date === '29' ? `${Number(year) + 1}-02-28` : next;
}

export interface DayRange {
  /** YYYY-MM-DD, both included. */
  min: string;
  max: string;
}

/** "Tot en met" of a new grant: from today to a year from today, 30 days from today unless chosen otherwise. */
export function newGrantDays(now: Date = new Date()): DayRange & { initial: string } {
  const today = dayInAmsterdam(now);
  return { min: today, max: addOneYear(today), initial: addDays(today, DEFAULT_GRANT_DAYS) };
}

/** "Inkorten": an earlier last day, not before today; null when there is none left (access ends today). */
export function shorterDays(until: string, now: Date = new Date()): DayRange | null {
  const today = dayInAmsterdam(now);
  const max = addDays(until, -1);
  return max < today ? null : { min: today, max };
}

/** A YYYY-MM-DD within the range (the date input's own check, which a typed value can pass by). */
export const isWithin = (day: string, range: DayRange) => /^\d{4}-\d{2}-\d{2}$/.test(day) && day >= range.min && day <= range.max;
