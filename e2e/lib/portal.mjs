// HTTP helpers for the API end-to-end tests: a back-office (staff) client with a bearer token and a
// browser-like client that signs in through the gateway and Keycloak with a cookie jar, manual
// redirects and the CSRF cookie/header pair. Node 20+, no dependencies.

export const PORTAL_URL = process.env.PORTAL_URL ?? 'http://localhost:8080';
export const KEYCLOAK_URL = process.env.KEYCLOAK_URL ?? 'http://localhost:8180';
export const MAILDEV_URL = process.env.MAILDEV_URL ?? 'http://localhost:1080';
export const REALM = 'notary-portal';
export const DEMO_PASSWORD = 'Portal-Demo-2026';

const MAX_REDIRECTS = 15;

/** Reads a response completely: status, headers, raw bytes, text and (for JSON bodies) json. */
export async function readResponse(res) {
  const bytes = Buffer.from(await res.arrayBuffer());
  const contentType = res.headers.get('content-type') ?? '';
  const text = bytes.toString('utf8');
  let json;
  if (/json/i.test(contentType) && bytes.length > 0) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return { status: res.status, headers: res.headers, contentType, bytes, text, json };
}

/** Whether the gateway answers at all (used to fail fast with a clear message). */
export async function portalReachable() {
  try {
    const res = await fetch(`${PORTAL_URL}/actuator/health/readiness`, { redirect: 'manual' });
    await res.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

// ------------------------------------------------------------------------------------------------
// Back office
// ------------------------------------------------------------------------------------------------

/** Access token of the `back-office` service account (client credentials, realm role `staff`). */
export async function backOfficeToken({
  clientId = 'back-office',
  clientSecret = process.env.BACK_OFFICE_CLIENT_SECRET ?? 'back-office-local-secret',
} = {}) {
  const res = await fetch(`${KEYCLOAK_URL}/realms/${REALM}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
  });
  const result = await readResponse(res);
  if (result.status !== 200 || !result.json?.access_token) {
    throw new Error(`client_credentials for ${clientId} failed: ${result.status} ${result.text}`);
  }
  return result.json.access_token;
}

/** A call of Keycloak's admin REST API on the portal's realm, as the local admin (local-development credentials). */
export async function keycloakAdmin(method, path, body) {
  const token = await readResponse(await fetch(`${KEYCLOAK_URL}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password', client_id: 'admin-cli',
      username: process.env.KEYCLOAK_ADMIN_USER ?? 'admin', password: process.env.KEYCLOAK_ADMIN_PASSWORD ?? 'admin',
    }),
  }));
  if (token.status !== 200) throw new Error(`Keycloak admin token: ${token.status} ${token.text}`);
  const init = { method, headers: { authorization: `Bearer ${token.json.access_token}` } };
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return readResponse(await fetch(`${KEYCLOAK_URL}/admin/realms/${REALM}${path}`, init));
}

/**
 * A client account made directly in Keycloak (no invitation), with the demo password and the realm
 * role `client`; an account that exists already is left as it is. Returns its Keycloak id.
 */
export async function ensureClientAccount(email, { firstName = 'Test', lastName = 'Klant' } = {}) {
  const existing = await keycloakAdmin('GET', `/users?email=${encodeURIComponent(email)}&exact=true`);
  if (existing.json?.length) return existing.json[0].id;
  const created = await keycloakAdmin('POST', '/users', {
    username: email, email, emailVerified: true, enabled: true, firstName, lastName,
    attributes: { account_type: ['PERSON'] },
    credentials: [{ type: 'password', value: DEMO_PASSWORD, temporary: false }],
  });
  if (created.status !== 201) throw new Error(`creating ${email} in Keycloak: ${created.status} ${created.text}`);
  const [user] = (await keycloakAdmin('GET', `/users?email=${encodeURIComponent(email)}&exact=true`)).json;
  const role = (await keycloakAdmin('GET', '/roles/client')).json;
  const mapped = await keycloakAdmin('POST', `/users/${user.id}/role-mappings/realm`, [role]);
  if (mapped.status !== 204) throw new Error(`role client for ${email}: ${mapped.status} ${mapped.text}`);
  return user.id;
}

/** Staff API client: every call carries the bearer token (no cookies, no CSRF). */
export function staff(token) {
  const request = async (method, path, { json, form, headers = {} } = {}) => {
    const init = { method, redirect: 'manual', headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...headers } };
    if (json !== undefined) {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(json);
    } else if (form !== undefined) {
      init.body = form; // FormData: fetch sets the multipart boundary
    }
    return readResponse(await fetch(new URL(path, PORTAL_URL), init));
  };
  return {
    request,
    get: (path) => request('GET', path),
    createDossier: (dossier) => request('POST', '/api/staff/dossiers', { json: dossier }),
    updateDossier: (id, changes) => request('PATCH', `/api/staff/dossiers/${id}`, { json: changes }),
    /** Multipart upload: `bytes` (Buffer/Uint8Array), `fileName`, `title`, `category`. */
    publishDocument: (dossierId, { bytes, fileName, title, category, contentType = 'application/octet-stream' }) => {
      const form = new FormData();
      form.append('file', new Blob([bytes], { type: contentType }), fileName);
      form.append('title', title);
      form.append('category', category);
      return request('POST', `/api/staff/dossiers/${dossierId}/documents`, { form });
    },
    lookupAccount: (email) => request('GET', `/api/staff/accounts/lookup?email=${encodeURIComponent(email)}`),
    /** Multipart message to a dossier's parties; `files`: [{ bytes, fileName, contentType }]. */
    sendMessage: (dossierId, { subject, body, files = [] }) => {
      const form = new FormData();
      form.append('subject', subject);
      form.append('body', body);
      for (const file of files) {
        form.append('files', new Blob([file.bytes], { type: file.contentType ?? 'application/octet-stream' }), file.fileName);
      }
      return request('POST', `/api/staff/dossiers/${dossierId}/messages`, { form });
    },
  };
}

// ------------------------------------------------------------------------------------------------
// Browser-like client
// ------------------------------------------------------------------------------------------------

/**
 * Minimal cookie jar, one bucket per origin (host + port), which is enough for the gateway and Keycloak
 * on different ports. Honours deletion (Max-Age=0 / past Expires); ignores Path and Domain.
 */
export class CookieJar {
  #byOrigin = new Map();

  store(url, response) {
    const origin = new URL(url).origin;
    const cookies = this.#byOrigin.get(origin) ?? new Map();
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      if (eq < 1) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => {
        const [key, val = ''] = a.split('=').map((s) => s.trim());
        return (key.toLowerCase() === 'max-age' && Number(val) <= 0)
          || (key.toLowerCase() === 'expires' && Date.parse(val) < Date.now());
      });
      if (expired || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
    this.#byOrigin.set(origin, cookies);
  }

  header(url) {
    const cookies = this.#byOrigin.get(new URL(url).origin);
    if (!cookies || cookies.size === 0) return undefined;
    return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  get(url, name) {
    return this.#byOrigin.get(new URL(url).origin)?.get(name);
  }

  names(url) {
    return [...(this.#byOrigin.get(new URL(url).origin)?.keys() ?? [])];
  }
}

/** One HTTP exchange with the jar's cookies, no redirect following. */
async function exchange(jar, url, init = {}) {
  const headers = { ...(init.headers ?? {}) };
  const cookie = jar.header(url);
  if (cookie) headers.cookie = cookie;
  const res = await fetch(url, { ...init, headers, redirect: 'manual' });
  jar.store(url, res);
  return res;
}

/** Follows redirects by hand (GET), keeping cookies per origin. Returns the last response and its URL. */
async function follow(jar, url, response, trail) {
  let current = url;
  let res = response;
  for (let hop = 0; hop < MAX_REDIRECTS && res.status >= 300 && res.status < 400; hop++) {
    const location = res.headers.get('location');
    if (!location) break;
    await res.arrayBuffer();
    current = new URL(location, current).toString();
    trail.push(current);
    res = await exchange(jar, current, { headers: { accept: 'text/html,application/xhtml+xml' } });
  }
  return { url: current, res };
}

function decodeHtml(value) {
  return value
    .replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCharCode(parseInt(n, 16)));
}

/** The action of the login form: the form that has a password field (theme-independent). */
export function loginFormAction(html) {
  const forms = [...html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/gi)].map((m) => m[0]);
  const form = forms.find((f) => /name=["']?password/i.test(f)) ?? forms[0];
  const action = form?.match(/\baction\s*=\s*(["'])(.*?)\1/i)?.[2];
  return action ? decodeHtml(action) : undefined;
}

/**
 * Signs in like a browser: gateway `/oauth2/authorization/keycloak` → Keycloak login page → POST the
 * login form → redirects back to the gateway until its session cookie is set. Returns a client whose
 * calls carry the session cookie and, on state-changing calls, the `X-XSRF-TOKEN` header.
 */
export async function signIn(email, password = DEMO_PASSWORD) {
  const jar = new CookieJar();
  const trail = [];
  const start = `${PORTAL_URL}/oauth2/authorization/keycloak`;
  trail.push(start);
  let { url, res } = await follow(jar, start, await exchange(jar, start, { headers: { accept: 'text/html' } }), trail);

  const loginPage = await res.text();
  if (res.status !== 200) {
    throw new Error(`sign-in: expected Keycloak's login page, got ${res.status} at ${url} (trail: ${trail.join(' → ')})`);
  }
  const action = loginFormAction(loginPage);
  if (!action) {
    throw new Error(`sign-in: no login form at ${url}: ${loginPage.slice(0, 300)}`);
  }
  const postUrl = new URL(action, url).toString();
  trail.push(`POST ${postUrl}`);
  const posted = await exchange(jar, postUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams({ username: email, password, credentialId: '' }),
  });
  if (posted.status < 300 || posted.status >= 400) {
    const body = await posted.text();
    const error = body.match(/id="input-error[^"]*"[^>]*>([\s\S]*?)</)?.[1]?.trim();
    throw new Error(`sign-in for ${email} did not redirect back (status ${posted.status})${error ? `: ${error}` : ''}`);
  }
  ({ url, res } = await follow(jar, postUrl, posted, trail));
  await res.arrayBuffer();

  const sessionCookie = jar.names(PORTAL_URL).find((name) => /^(SESSION|JSESSIONID|.*session.*)$/i.test(name));
  if (!sessionCookie) {
    throw new Error(`sign-in for ${email}: no gateway session cookie (cookies: ${jar.names(PORTAL_URL)}; trail: ${trail.join(' → ')})`);
  }
  return portalClient(jar, { email, sessionCookie, trail });
}

/** A signed-out browser (still with a jar, so CSRF/session cookies behave like in a browser). */
export function anonymous() {
  return portalClient(new CookieJar(), { email: undefined });
}

function portalClient(jar, info) {
  const call = async (method, path, { body, headers = {}, csrf = true } = {}) => {
    const url = new URL(path, PORTAL_URL).toString();
    const init = { method, headers: { accept: 'application/json', ...headers } };
    const stateChanging = !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
    if (stateChanging && csrf) {
      if (!jar.get(PORTAL_URL, 'XSRF-TOKEN')) {
        // the CSRF cookie is issued on a normal request; fetch one first
        await (await exchange(jar, new URL('/api/me', PORTAL_URL).toString(), { headers: { accept: 'application/json' } })).arrayBuffer();
      }
      const token = jar.get(PORTAL_URL, 'XSRF-TOKEN');
      if (token) init.headers['x-xsrf-token'] = decodeURIComponent(token);
    }
    if (body instanceof FormData || body instanceof Uint8Array) {
      init.body = body; // multipart, or raw bytes (the caller sets the content type)
    } else if (body !== undefined) {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return readResponse(await exchange(jar, url, init));
  };
  return {
    ...info,
    jar,
    get: (path, options) => call('GET', path, options),
    /** State-changing call; pass `{ csrf: false }` to leave the X-XSRF-TOKEN header out. */
    send: (method, path, body, options = {}) => call(method, path, { ...options, body }),
    /** The session cookie header and the CSRF header for a request made by hand (e.g. a cut-off upload). */
    sessionHeaders: () => ({
      cookie: jar.header(PORTAL_URL) ?? '',
      'x-xsrf-token': decodeURIComponent(jar.get(PORTAL_URL, 'XSRF-TOKEN') ?? ''),
    }),
  };
}

// ------------------------------------------------------------------------------------------------
// MailDev and waiting
// ------------------------------------------------------------------------------------------------

/** All mails MailDev holds (its JSON API). */
export async function mails() {
  const res = await fetch(`${MAILDEV_URL}/email`);
  const result = await readResponse(res);
  if (result.status !== 200) throw new Error(`MailDev answered ${result.status}`);
  return result.json ?? [];
}

export function mailRecipients(mail) {
  return [...(mail.to ?? []), ...(mail.envelope?.to ?? [])].map((r) => (r.address ?? r).toLowerCase());
}

export function mailTime(mail) {
  return Date.parse(mail.time ?? mail.date ?? 0);
}

/** Full searchable text of a mail (subject, text, html). */
export function mailText(mail) {
  return [mail.subject, mail.text, mail.html].filter(Boolean).join('\n');
}

/** Polls `probe` until it returns a truthy value or `timeoutMs` passes; returns the last value. */
export async function eventually(probe, { timeoutMs = 15000, intervalMs = 500 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let value;
  for (;;) {
    value = await probe();
    if (value || Date.now() >= deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

// ------------------------------------------------------------------------------------------------
// Keycloak's own account API, as a client could call it with Keycloak's account console
// ------------------------------------------------------------------------------------------------

/**
 * An access token for Keycloak's account REST API, got the way Keycloak's account console gets one:
 * authorization code with PKCE for the public `account-console` client, signing in with the password.
 */
export async function accountConsoleToken(email, password = DEMO_PASSWORD) {
  const { createHash, randomBytes } = await import('node:crypto');
  const jar = new CookieJar();
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const redirectUri = `${KEYCLOAK_URL}/realms/${REALM}/account/`;
  const auth = new URL(`${KEYCLOAK_URL}/realms/${REALM}/protocol/openid-connect/auth`);
  auth.search = new URLSearchParams({
    client_id: 'account-console', redirect_uri: redirectUri, response_type: 'code', scope: 'openid',
    code_challenge: challenge, code_challenge_method: 'S256',
  }).toString();
  const page = await exchange(jar, auth.toString(), { headers: { accept: 'text/html' } });
  const action = loginFormAction(await page.text());
  if (!action) throw new Error(`account console: no login form (status ${page.status})`);
  const posted = await exchange(jar, new URL(action, auth).toString(), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: email, password, credentialId: '' }),
  });
  const location = posted.headers.get('location') ?? '';
  const code = new URL(location, KEYCLOAK_URL).searchParams.get('code');
  if (!code) throw new Error(`account console: no code after sign-in (status ${posted.status}, location ${location})`);
  const token = await readResponse(await fetch(`${KEYCLOAK_URL}/realms/${REALM}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', client_id: 'account-console', code, redirect_uri: redirectUri,
      code_verifier: verifier,
    }),
  }));
  if (!token.json?.access_token) throw new Error(`account console: no token: ${token.status} ${token.text}`);
  return token.json.access_token;
}
