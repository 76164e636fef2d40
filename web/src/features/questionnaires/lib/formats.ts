// The answer formats (the portal's own, and JSON Schema's date and email), each checking the value as it is: answers are
// tidied (trimmed, a postcode written as "1015 CJ") before they are checked, here (answers.ts) as on the server. The
// server has the same rules (questionnaire-service: Formats.java); the cases of scripts/questionnaires/validation-cases.json
// run on both sides (sharedValidationCases.test.ts), so the two cannot drift apart.
//
// Only the questionnaire chunk (loaded when a questionnaire is opened or previewed) imports this module, and with it
// libphonenumber-js's metadata. What other chunks need lives apart and is passed on here: the date format with the
// questionnaires' dates in dates.ts (the first-load bundle shows due dates and shared dates), the postcode in
// postcode.ts (answers.ts tidies one; the office's workspace shows answers).
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export { isDate } from './dates';
export { isPostcode, tidyPostcode } from './postcode';

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

/** Java's String.strip(): Character.isWhitespace, which is not JavaScript's trim() (no U+00A0, U+2007, U+202F, U+FEFF). */
const JAVA_WHITESPACE = '\\t\\n\\v\\f\\r\\u001c-\\u001f\\u0020\\u1680\\u2000-\\u2006\\u2008-\\u200a\\u2028\\u2029\\u205f\\u3000';
const AROUND = new RegExp(`^[${JAVA_WHITESPACE}]+|[${JAVA_WHITESPACE}]+$`, 'g');
/** What a typed phone number may hold: ASCII digits, white space and separators, - . / ( ), one leading +. */
const PHONE_TYPED = /^\+?[0-9\t\n\v\f\r\p{Z}\-./()]+$/u;
const PHONE_MAX_TYPED_LENGTH = 40;

/**
 * Phone number: the portal's one phone rule, as `PhoneNumbers.normalise` (module phone-numbers) applies it with Google's
 * libphonenumber on the server. Digits, spaces, dashes, dots, slashes and brackets, a leading + or 00 before a country
 * code (without it a Dutch number: 06 12345678, 020 123 4567), valid for its country by the metadata, not merely of the
 * right length (06 01234567 and 12345678 are not). libphonenumber-js with its full metadata ('max': the smaller
 * metadata takes 06 01234567 and 06 71234567) decides the number, at the version whose metadata is that of the server's
 * libphonenumber (package.json pins it; formats.test.ts compares the two). The characters around it are checked here
 * first, as on the server, because libphonenumber-js would find a number in "tel:0612345678", "06 12345678 ext 2" or
 * Arabic digits.
 */
export function isPhone(value: string): boolean {
  if (value.length > PHONE_MAX_TYPED_LENGTH) return false;
  const typed = value.replace(AROUND, '');
  if (!PHONE_TYPED.test(typed) || !/[0-9]/.test(typed)) return false;
  const number = parsePhoneNumberFromString(typed, 'NL');
  return number !== undefined && number.ext === undefined && number.isValid();
}

/** An e-mail address (JSON Schema's `email` format): dot-separated atoms, "@", dot-separated host labels (two at least). */
export function isEmail(value: string): boolean {
  return /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i.test(value);
}
