import { describe, expect, it } from 'vitest';
import { filterOptions, paging, parseListParams, toApiQuery, toSearchParams, toggleStatus } from './dossierParams';
import { progressCounts, progressLabel } from './progress';
import { ApiError, errorMessageKey, parseProblem, readCookie } from './api';
import { uploadIdFromUrl } from './portalApi';

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

  it('computes paging', () => {
    expect(paging(0, 0)).toEqual({ current: 1, pages: 1, hasPrevious: false, hasNext: false });
    expect(paging(0, 3)).toEqual({ current: 1, pages: 3, hasPrevious: false, hasNext: true });
    expect(paging(1, 3)).toEqual({ current: 2, pages: 3, hasPrevious: true, hasNext: true });
    expect(paging(9, 3)).toEqual({ current: 3, pages: 3, hasPrevious: true, hasNext: false });
  });
});

describe('progress label (DOS-4)', () => {
  it('shows (x/y)', () => {
    const steps = [
      { title: 'a', done: true },
      { title: 'b', done: false },
    ];
    expect(progressLabel('Voortgang', { done: 4, total: 10, steps })).toBe('Voortgang (4/10)');
  });

  it('shows (0/0) without a progress list', () => {
    expect(progressLabel('Voortgang', null)).toBe('Voortgang (0/0)');
    expect(progressLabel('Progress', undefined)).toBe('Progress (0/0)');
  });

  it('falls back to counting the steps', () => {
    const progress = { steps: [{ title: 'a', done: true }, { title: 'b', done: false }] } as never;
    expect(progressCounts(progress)).toEqual({ done: 1, total: 2 });
  });
});

describe('api helpers', () => {
  it('reads and decodes a cookie', () => {
    expect(readCookie('XSRF-TOKEN', 'a=1; XSRF-TOKEN=abc%3D%3D; b=2')).toBe('abc==');
    expect(readCookie('XSRF-TOKEN', 'a=1')).toBeNull();
    expect(readCookie('XSRF-TOKEN', '')).toBeNull();
  });

  it('maps failures to friendly messages', () => {
    expect(errorMessageKey(new ApiError(0))).toBe('error.network');
    expect(errorMessageKey(new ApiError(404, { title: 'Not Found' }))).toBe('error.notFound');
    expect(errorMessageKey(new ApiError(403))).toBe('error.forbidden');
    expect(errorMessageKey(new ApiError(503))).toBe('error.server');
    expect(errorMessageKey(new ApiError(400))).toBe('error.badRequest');
    expect(errorMessageKey(new Error('boom'))).toBe('error.generic');
  });
});

describe('uploads', () => {
  it('takes the upload id from the last path segment of the tus upload URL (Location)', () => {
    expect(uploadIdFromUrl('http://localhost:8080/api/uploads/tus/6f1c2a9e')).toBe('6f1c2a9e');
    expect(uploadIdFromUrl('/api/uploads/tus/6f1c2a9e')).toBe('6f1c2a9e');
    expect(uploadIdFromUrl('https://portal.example/api/uploads/tus/abc%2Bdef/')).toBe('abc+def');
    expect(uploadIdFromUrl('https://portal.example/api/uploads/tus/abc?x=1')).toBe('abc');
    expect(uploadIdFromUrl('')).toBeNull();
  });

  it('reads a problem+json body, and nothing else', () => {
    expect(parseProblem('{"status":415,"detail":"Dit bestandstype wordt niet geaccepteerd."}')?.detail).toBe('Dit bestandstype wordt niet geaccepteerd.');
    expect(parseProblem('<html>Bad gateway</html>')).toBeUndefined();
    expect(parseProblem('[1,2]')).toBeUndefined();
    expect(parseProblem('')).toBeUndefined();
    expect(parseProblem(null)).toBeUndefined();
  });
});
