import { describe, expect, it } from 'vitest';
import phoneLibrary from 'libphonenumber-js/package.json';
import changelog from '../../../../node_modules/libphonenumber-js/CHANGELOG.md?raw';
import pom from '../../../../../pom.xml?raw';
import { isPhone, isPostcode, tidyPostcode } from './formats';

describe('a Dutch postcode', () => {
  it.each([
    ['1015cj', '1015 CJ'],
    ['1015 cj', '1015 CJ'],
    ['1015CJ', '1015 CJ'],
    [' 1015 Cj ', '1015 CJ'],
    ['1015 CJ', '1015 CJ'],
  ])('is written %s → %s', (typed, tidy) => {
    expect(tidyPostcode(typed)).toBe(tidy);
  });

  it.each(['0123 AB', '1015 C', '10155 CJ', '1015-CJ', 'B-1000'])('%s is no postcode and stays as typed', (typed) => {
    expect(isPostcode(typed.trim())).toBe(false);
    expect(tidyPostcode(typed)).toBe(typed);
  });
});

// Which numbers are phone numbers is the shared cases' business (sharedValidationCases.test.ts: the rows of
// phone-numbers.csv among them). This keeps the rest of the world in step too: libphonenumber-js carries the metadata
// of one libphonenumber release, and that is the release the server's phone rule runs on (pom.xml).
describe('the phone rule', () => {
  it("uses the metadata of the server's libphonenumber", () => {
    const server = /<artifactId>libphonenumber<\/artifactId>\s*<version>([^<]+)<\/version>/.exec(pom)?.[1];
    const heading = changelog.indexOf(`\n${phoneLibrary.version} / `);
    const metadata = /Updated metadata to version ([0-9.]+)/.exec(changelog.slice(heading))?.[1];
    expect(server, 'libphonenumber in pom.xml').toBeDefined();
    expect(heading, `libphonenumber-js ${phoneLibrary.version} in its CHANGELOG.md`).toBeGreaterThanOrEqual(0);
    expect(`libphonenumber-js ${phoneLibrary.version}: metadata ${metadata}`).toBe(`libphonenumber-js ${phoneLibrary.version}: metadata ${server}`);
  });

  it.each(['06 12345678', '+31 20 123 4567', '0032 470 123456'])('%s is a phone number', (typed) => {
    expect(isPhone(typed)).toBe(true);
  });

  it.each(['12345678', '06 01234567', 'tel:0612345678', '06 12345678 ext 2', '٠٦١٢٣٤٥٦٧٨'])('%s is not', (typed) => {
    expect(isPhone(typed)).toBe(false);
  });
});
