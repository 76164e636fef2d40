import { describe, expect, it } from 'vitest';
import { filterOptions, paging, parseListParams, showAlso, shownStatuses, toApiQuery, toSearchParams, toggleStatus } from './dossierParams';

describe('dossier list params', () => {
  it('parses the URL with defaults', () => {
    expect(parseListParams(new URLSearchParams(''))).toEqual({ query: '', statuses: [], page: 0 });
  });

  it('parses query, extra statuses (known ones, without IN_PROGRESS) and a 1-based page', () => {
    const p = parseListParams(new URLSearchParams('query=%20koop%20&status=COMPLETED&status=IN_PROGRESS&status=BOGUS&status=ON_HOLD&page=3'));
    expect(p).toEqual({ query: 'koop', statuses: ['ON_HOLD', 'COMPLETED'], page: 2 });
  });

  it('ignores invalid pages', () => {
    expect(parseListParams(new URLSearchParams('page=abc')).page).toBe(0);
    expect(parseListParams(new URLSearchParams('page=-4')).page).toBe(0);
    expect(parseListParams(new URLSearchParams('page=1')).page).toBe(0);
  });

  it('round-trips through the URL and leaves defaults out', () => {
    expect(toSearchParams({ query: '', statuses: [], page: 0 }).toString()).toBe('');
    const params = { query: 'Kerkstraat 1', statuses: ['CANCELLED', 'ON_HOLD'] as const, page: 1 };
    const url = toSearchParams({ ...params, statuses: [...params.statuses] });
    expect(url.toString()).toBe('query=Kerkstraat+1&status=ON_HOLD&status=CANCELLED&page=2');
    expect(parseListParams(url)).toEqual({ query: 'Kerkstraat 1', statuses: ['ON_HOLD', 'CANCELLED'], page: 1 });
  });

  it('always asks the API for IN_PROGRESS plus the ticked statuses', () => {
    expect(toApiQuery({ query: '', statuses: [], page: 0 }, 10)).toBe('status=IN_PROGRESS&page=0&size=10');
    expect(toApiQuery({ query: '2026-0001', statuses: ['COMPLETED'], page: 2 }, 20)).toBe(
      'query=2026-0001&status=IN_PROGRESS&status=COMPLETED&page=2&size=20',
    );
  });

  it('offers only the other statuses the client has', () => {
    expect(filterOptions(['IN_PROGRESS'])).toEqual([]);
    expect(filterOptions(undefined)).toEqual([]);
    expect(filterOptions(['COMPLETED', 'IN_PROGRESS', 'ON_HOLD'])).toEqual(['ON_HOLD', 'COMPLETED']);
  });

  it('toggles a status and goes back to the first page', () => {
    const p = { query: 'x', statuses: [], page: 3 };
    const on = toggleStatus(p, 'COMPLETED', true);
    expect(on).toEqual({ query: 'x', statuses: ['COMPLETED'], page: 0 });
    expect(toggleStatus(on, 'COMPLETED', false).statuses).toEqual([]);
  });

  it('keeps the order by last activity in the URL and asks the API for it; by number is the default and left out', () => {
    const params = parseListParams(new URLSearchParams('sort=lastActivity&page=2'));
    expect(params).toEqual({ query: '', statuses: [], page: 1, sort: 'lastActivity' });
    expect(toSearchParams(params).toString()).toBe('sort=lastActivity&page=2');
    expect(toApiQuery(params, 10)).toBe('status=IN_PROGRESS&sort=lastActivity&page=1&size=10');
    expect(parseListParams(new URLSearchParams('sort=bogus')).sort).toBeUndefined();
    expect(toSearchParams({ query: '', statuses: [], page: 0, sort: 'number' }).toString()).toBe('');
  });

  it('shows also the statuses where a search found more, from the first page', () => {
    const p = { query: 'Samenleving', statuses: ['ON_HOLD' as const], page: 2 };
    expect(shownStatuses(p)).toEqual(['IN_PROGRESS', 'ON_HOLD']);
    expect(showAlso(p, ['COMPLETED'])).toEqual({ query: 'Samenleving', statuses: ['ON_HOLD', 'COMPLETED'], page: 0 });
  });

  it('computes paging', () => {
    expect(paging(0, 0)).toEqual({ current: 1, pages: 1, hasPrevious: false, hasNext: false });
    expect(paging(0, 3)).toEqual({ current: 1, pages: 3, hasPrevious: false, hasNext: true });
    expect(paging(1, 3)).toEqual({ current: 2, pages: 3, hasPrevious: true, hasNext: true });
    expect(paging(9, 3)).toEqual({ current: 3, pages: 3, hasPrevious: true, hasNext: false });
  });
});
