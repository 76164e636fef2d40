import { describe, expect, it } from 'vitest';
import { readTypedDate, tidyTypedDate, typedDate } from './dateEntry';

describe('a date typed day first', () => {
  it.each([
    ['15-04-1990', '1990-04-15'],
    ['15041990', '1990-04-15'],
    ['15/4/1990', '1990-04-15'],
    ['15.04.1990', '1990-04-15'],
    ['15 4 1990', '1990-04-15'],
    [' 1-2-2003 ', '2003-02-01'],
    ['29-02-2024', '2024-02-29'],
    ['1990-04-15', '1990-04-15'],
  ])('reads %s as %s', (typed, iso) => {
    expect(readTypedDate(typed)).toBe(iso);
  });

  it.each([
    ['31-02-1990', 'a day that does not exist'],
    ['29-02-2023', 'no leap year'],
    ['15-13-1990', 'month 13'],
    ['1990-15-04', 'year first with the month and day swapped'],
    ['00-04-1990', 'day 0'],
    ['15-04-90', 'a two-digit year'],
    ['1541990', 'seven digits'],
    ['15-04/1990', 'two kinds of separator'],
    ['15 april 1990', 'a month in words'],
    ['04/15/1990', 'month first'],
    ['', 'nothing'],
  ])('refuses %s (%s) instead of making another day of it', (typed) => {
    expect(readTypedDate(typed)).toBeNull();
    expect(tidyTypedDate(typed)).toBe(typed);
  });

  it('shows a saved date day first, and writes what it reads the one way', () => {
    expect(typedDate('1990-04-15')).toBe('15-04-1990');
    expect(typedDate('not a date')).toBe('not a date');
    expect(tidyTypedDate('15041990')).toBe('15-04-1990');
    expect(tidyTypedDate('15/4/1990')).toBe('15-04-1990');
    expect(tidyTypedDate('15-04-1990')).toBe('15-04-1990');
  });
});
