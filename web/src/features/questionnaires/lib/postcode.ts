// The Dutch postcode: the answer format postcode and how a typed one is kept. formats.ts passes it on with the other
// formats; it is apart from them because answers.ts tidies postcodes, and the office's workspace, which shows answers
// with answers.ts, need not load the other formats and libphonenumber-js's metadata with them.

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
