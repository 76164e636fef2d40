import { describe, expect, it, vi } from 'vitest';
import { api, ApiError, errorMessageKey, parseProblem, readCookie } from './client';
import { uploadIdFromUrl } from './portalApi';

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

describe('a request the page does not wait for (keepalive)', () => {
  it('is finished by the browser after the page is left, when its body is small enough for that', async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    try {
      await api.put('/x', { a: 1 }, { keepalive: true });
      await api.put('/x', { a: 'é'.repeat(40_000) }, { keepalive: true });
      await api.put('/x', { a: 1 });
      expect(fetch.mock.calls.map(([, init]) => init.keepalive)).toEqual([true, undefined, undefined]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
