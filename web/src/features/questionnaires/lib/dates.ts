// Calendar dates: one that exists (the answer format date, which formats.ts passes on), today in the office's time zone
// and what depends on it (a date bound's 'today', an overdue due date). Apart from the other formats (formats.ts)
// because pages of the first-load bundle need them (the actions page isOverdue, a dossier's shared dates dateEntry.ts):
// the formats, with libphonenumber-js's metadata, stay in the chunks that are loaded when a questionnaire is opened.

/** A calendar date YYYY-MM-DD that exists (2024-02-29 yes, 2023-02-29 no): JSON Schema's `date` format (RFC 3339 full-date). */
export function isDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

/** Today in the office's time zone as YYYY-MM-DD (what `portalDateRange`'s 'today' means on both sides). */
export function todayInAmsterdam(now: Date = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A YYYY-MM-DD bound of `portalDateRange` / `minDate` / `maxDate`, with 'today' resolved. */
export function resolveDateBound(bound: string | undefined, today: string): string | undefined {
  if (bound === undefined) return undefined;
  return bound === 'today' ? today : bound;
}

/** A due date (YYYY-MM-DD) before today (office time) is overdue. */
export function isOverdue(dueDate: string | null | undefined, today: string = todayInAmsterdam()): boolean {
  return !!dueDate && dueDate.slice(0, 10) < today;
}
