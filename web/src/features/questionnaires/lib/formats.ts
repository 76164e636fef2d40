// The answer formats (the portal's own, and JSON Schema's date and email), each checking the value as it is: answers are
// tidied (trimmed, a postcode written as "1015 CJ") before they are checked, here (answers.ts) as on the server. The
// server has the same rules (questionnaire-service: Formats.java); the cases of scripts/questionnaires/validation-cases.json
// run on both sides (sharedValidationCases.test.ts), so the two cannot drift apart.

/** Dutch postcode: 4 digits not starting with 0, an optional space, 2 letters; case-insensitive ("1234 AB", "1234ab"). */
export function isPostcode(value: string): boolean {
  return /^[1-9][0-9]{3} ?[A-Za-z]{2}$/.test(value);
}

/** A Dutch postcode as it is written, "1234 AB" ("1015cj" → "1015 CJ"); what is no postcode stays as it is. */
export function tidyPostcode(value: string): string {
  const postcode = value.trim();
  if (!isPostcode(postcode)) return value;
  const compact = postcode.replace(' ', '').toUpperCase();
  return `${compact.slice(0, 4)} ${compact.slice(4)}`;
}

/**
 * IBAN (ISO 13616): country code, 2 check digits, 11–30 letters or digits (15 characters, Norway's, to 34 in all); spaces
 * allowed and case-insensitive; the number with its first four characters moved to the end, letters as 10..35, mod 97 is 1.
 */
export function isIban(value: string): boolean {
  const iban = value.replace(/ /g, '').toUpperCase();
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const digits = char >= 'A' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** BSN (burgerservicenummer): 9 digits passing the 11-check 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11); not 000000000. */
export function isBsn(value: string): boolean {
  if (!/^[0-9]{9}$/.test(value) || value === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(value[i]);
  sum -= Number(value[8]);
  return sum % 11 === 0;
}

/** Phone number: digits, spaces, dashes and parentheses with an optional leading +, and 8–15 digits in all. */
export function isPhone(value: string): boolean {
  if (!/^\+?[0-9 ()-]+$/.test(value)) return false;
  const digits = value.replace(/[^0-9]/g, '').length;
  return digits >= 8 && digits <= 15;
}

/** A calendar date YYYY-MM-DD that exists (2024-02-29 yes, 2023-02-29 no): JSON Schema's `date` format (RFC 3339 full-date). */
export function isDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

/** An e-mail address (JSON Schema's `email` format): dot-separated atoms, "@", dot-separated host labels (two at least). */
export function isEmail(value: string): boolean {
  return /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i.test(value);
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
