// A date as the client types it: day, month, year in the Dutch order (in English too: the portal is a Dutch office's,
// and a browser's own date field followed the browser's locale, so mm/dd/yyyy turned 15041990 into another day).
// What the API keeps and checks is the ISO date (YYYY-MM-DD).
import { isDate } from './dates';

/** 15-04-1990, 15/4/1990, 15.04.1990, 15 4 1990: day, month and a four-digit year with one kind of separator. */
const DAY_MONTH_YEAR = /^(\d{1,2})([-/. ])(\d{1,2})\2(\d{4})$/;
/** 15041990: two digits each for day and month, four for the year. */
const DIGITS_ONLY = /^(\d{2})(\d{2})(\d{4})$/;
/** 1990-04-15: the ISO form (a pasted or saved date); year first, so never ambiguous. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

const twoDigits = (n: string) => n.padStart(2, '0');

/**
 * The ISO date (YYYY-MM-DD) of what was typed, or null when it cannot be read as an existing date (31-02-1990,
 * 15-13-1990, 1990-15-04, 15-04-90): such text is never turned into some other day.
 */
export function readTypedDate(typed: string): string | null {
  const text = typed.trim();
  let day: string, month: string, year: string;
  let match: RegExpExecArray | null;
  if ((match = DAY_MONTH_YEAR.exec(text))) [day, month, year] = [match[1], match[3], match[4]];
  else if ((match = DIGITS_ONLY.exec(text))) [day, month, year] = [match[1], match[2], match[3]];
  else if ((match = ISO.exec(text))) [year, month, day] = [match[1], match[2], match[3]];
  else return null;
  const iso = `${year}-${twoDigits(month)}-${twoDigits(day)}`;
  return isDate(iso) ? iso : null;
}

/** How a date is shown in the field: 15-04-1990. Anything that is not an ISO date stays as it is. */
export function typedDate(iso: string): string {
  const match = ISO.exec(iso);
  return match && isDate(iso) ? `${match[3]}-${match[2]}-${match[1]}` : iso;
}

/** The field's text written the one way (15041990 → 15-04-1990); text that cannot be read is left as the client typed it. */
export function tidyTypedDate(typed: string): string {
  const iso = readTypedDate(typed);
  return iso ? typedDate(iso) : typed;
}
