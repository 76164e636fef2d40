import type { MessageKey } from '../../i18n/i18n';
import type { Problem } from './types';

/** An API call that failed. status 0 = no response (network error). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem?: Problem;

  constructor(status: number, problem?: Problem) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

const ignoreUnauthorized = () => undefined;
let unauthorizedHandler: () => void = ignoreUnauthorized;

/**
 * Registers what happens when the session is gone during use (the app shows the sign-in page).
 * Returns the function that removes the handler again (for a useEffect cleanup).
 */
export function onUnauthorized(handler: () => void): () => void {
  unauthorizedHandler = handler;
  return () => {
    if (unauthorizedHandler === handler) unauthorizedHandler = ignoreUnauthorized;
  };
}

const notFoundListeners = new Set<() => void>();

/**
 * Lets a page hear of every request that answers 404 (something it shows may be gone for this account: the dossier page
 * checks whether it still has access). Returns the function that stops listening.
 */
export function onNotFound(listener: () => void): () => void {
  notFoundListeners.add(listener);
  return () => {
    notFoundListeners.delete(listener);
  };
}

export function readCookie(name: string, cookieString: string = typeof document === 'undefined' ? '' : document.cookie): string | null {
  for (const part of cookieString.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return part.slice(eq + 1).trim();
      }
    }
  }
  return null;
}

export function csrfToken(): string | null {
  return readCookie('XSRF-TOKEN');
}

interface RequestOptions {
  /** Do not treat 401 as "session lost" (used for the initial GET /api/me). */
  anonymousOk?: boolean;
  signal?: AbortSignal;
  /**
   * The request is finished even when the page is left meanwhile (signing out, closing the tab): for a save that the
   * page no longer waits for. Browsers allow this for small bodies only (64 KB in all); a larger one is sent without.
   */
  keepalive?: boolean;
}

const KEEPALIVE_BODY_LIMIT = 60_000;

async function request<T>(method: string, url: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  // FormData (a multipart form with files) sets its own Content-Type with the boundary.
  const multipart = body instanceof FormData;
  if (body !== undefined && !multipart) headers['Content-Type'] = 'application/json';

  const payload = body === undefined ? undefined : multipart ? body : JSON.stringify(body);
  const keepalive = options.keepalive && typeof payload === 'string' && new Blob([payload]).size <= KEEPALIVE_BODY_LIMIT;

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: payload,
      ...(keepalive ? { keepalive: true } : {}),
      credentials: 'same-origin',
      // A gateway that redirects an expired session to the identity provider must not be followed by fetch.
      redirect: 'manual',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0);
  }

  if (response.status === 401 || response.type === 'opaqueredirect') {
    if (!options.anonymousOk) unauthorizedHandler();
    throw new ApiError(401);
  }
  if (response.status === 404) for (const listener of [...notFoundListeners]) listener();
  if (!response.ok) {
    let problem: Problem | undefined;
    try {
      if ((response.headers.get('Content-Type') ?? '').includes('json')) problem = (await response.json()) as Problem;
    } catch {
      problem = undefined;
    }
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204 || response.headers.get('Content-Length') === '0') return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(url: string, options?: RequestOptions) => request<T>('GET', url, undefined, options),
  put: <T = void>(url: string, body: unknown, options?: RequestOptions) => request<T>('PUT', url, body, options),
  patch: <T = void>(url: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', url, body, options),
  post: <T = void>(url: string, body: unknown, options?: RequestOptions) => request<T>('POST', url, body, options),
  delete: <T = void>(url: string, options?: RequestOptions) => request<T>('DELETE', url, undefined, options),
};

/** The JSON problem (RFC 9457) in a response body, if it is one; for responses that did not come through fetch (tus). */
export function parseProblem(text: string | null | undefined): Problem | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Problem) : undefined;
  } catch {
    return undefined;
  }
}

/** Maps any failure to a friendly, translatable message (the API's problem text is not shown to clients). */
export function errorMessageKey(error: unknown): MessageKey {
  if (!(error instanceof ApiError)) return 'error.generic';
  if (error.status === 0) return 'error.network';
  if (error.status === 400 || error.status === 422) return 'error.badRequest';
  if (error.status === 403) return 'error.forbidden';
  if (error.status === 404) return 'error.notFound';
  if (error.status >= 500) return 'error.server';
  return 'error.generic';
}
