import { describe, expect, it } from 'vitest';
import { isPostcode, tidyPostcode } from './formats';

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
