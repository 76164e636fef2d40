// HTTP helpers for the API end-to-end tests: a back-office (staff) client with a bearer token and a
// browser-like client that signs in through the gateway and Keycloak in a Playwright request context
// (a browser's cookies and redirects) and sends the CSRF cookie/header pair.
import { request } from 'playwright-core';

export const PORTAL_URL = process.env.PORTAL_URL ?? 'http://localhost:8080';
export const KEYCLOAK_URL = process.env.KEYCLOAK_URL ?? 'http://localhost:8180';
export const MAILDEV_URL = process.env.MAILDEV_URL ?? 'http://localhost:1080';
export const REALM = 'notary-portal';
export const DEMO_PASSWORD = 'Portal-Demo-2026';

/** Reads a response completely: status, headers, raw bytes, text and (for JSON bodies) json. */
export async function readResponse(res) {
  return parsed(res.status, res.headers, Buffer.from(await res.arrayBuffer()));
}

function parsed(status, headers, bytes) {
  const contentType = headers.get('content-type') ?? '';
  const text = bytes.toString('utf8');
  let json;
  if (/json/i.test(contentType) && bytes.length > 0) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return { status, headers, contentType, bytes, text, json };
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
 * A browser's HTTP side without a page: Playwright's request context keeps cookies as a browser does (per host,
 * path and expiry) and follows redirects when asked to. No time limit: a call lasts as long as the portal needs.
 */
export function browserContext() {
  return request.newContext({ timeout: 0 });
}

/** Reads a Playwright response completely, like readResponse reads a fetch response, and frees it. */
export async function readApiResponse(res) {
  const headers = new Headers();
  for (const { name, value } of res.headersArray()) headers.append(name, value);
  const result = { ...parsed(res.status(), headers, await res.body()), url: res.url() };
  await res.dispose();
  return result;
}

/** The `Cookie` header a browser would send to `url`, from the cookies of a context's storage state. */
function cookieHeader(cookies, url) {
  const { hostname, pathname } = new URL(url);
  const now = Date.now() / 1000;
  const matching = cookies.filter((c) => (c.domain === hostname || (c.domain.startsWith('.') && hostname.endsWith(c.domain)))
    && pathname.startsWith(c.path) && (c.expires === -1 || c.expires > now));
  return matching.map((c) => `${c.name}=${c.value}`).join('; ');
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
  const context = await browserContext();
  const login = await context.get(`${PORTAL_URL}/oauth2/authorization/keycloak`, { headers: { accept: 'text/html' } });
  const loginPage = await login.text();
  await login.dispose();
  if (login.status() !== 200) {
    throw new Error(`sign-in: expected Keycloak's login page, got ${login.status()} at ${login.url()}`);
  }
  const action = loginFormAction(loginPage);
  if (!action) throw new Error(`sign-in: no login form at ${login.url()}: ${loginPage.slice(0, 300)}`);
  const landed = await context.post(new URL(action, login.url()).toString(), {
    headers: { accept: 'text/html' }, form: { username: email, password, credentialId: '' },
  });
  if (!landed.url().startsWith(PORTAL_URL)) {
    const error = (await landed.text()).match(/id="input-error[^"]*"[^>]*>([\s\S]*?)</)?.[1]?.trim();
    throw new Error(`sign-in for ${email} did not come back to the portal (${landed.status()} at ${landed.url()})${error ? `: ${error}` : ''}`);
  }
  await landed.dispose();
  const { cookies } = await context.storageState();
  const sessionCookie = cookies.find((c) => c.path === '/' && /^(SESSION|JSESSIONID|.*session.*)$/i.test(c.name))?.name;
  if (!sessionCookie) {
    throw new Error(`sign-in for ${email}: no gateway session cookie (cookies: ${cookies.map((c) => c.name)})`);
  }
  return portalClient(context, cookies, { email, sessionCookie });
}

/** A signed-out browser (still with its cookies, so CSRF/session cookies behave like in a browser). */
export function anonymous() {
  return portalClient(browserContext(), [], { email: undefined });
}

/**
 * Calls of the portal's API in a browser's context. Redirects are not followed: an API call answers what it
 * answers. The context's cookies are read again after each call, so `sessionHeaders()` can be synchronous.
 */
function portalClient(contextOrPromise, initialCookies, info) {
  const context = Promise.resolve(contextOrPromise);
  let cookies = initialCookies;
  const cookie = (name) => cookies.find((c) => c.name === name && c.path === '/')?.value;
  const exchange = async (method, path, options) => {
    const ctx = await context;
    const res = await ctx.fetch(new URL(path, PORTAL_URL).toString(), { method, maxRedirects: 0, ...options });
    const result = await readApiResponse(res);
    ({ cookies } = await ctx.storageState());
    return result;
  };
  const call = async (method, path, { body, headers = {}, csrf = true } = {}) => {
    const options = { headers: { accept: 'application/json', ...headers } };
    const stateChanging = !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
    if (stateChanging && csrf) {
      // the CSRF cookie is issued on a normal request; fetch one first
      if (!cookie('XSRF-TOKEN')) await exchange('GET', '/api/me', { headers: { accept: 'application/json' } });
      const token = cookie('XSRF-TOKEN');
      if (token) options.headers['x-xsrf-token'] = decodeURIComponent(token);
    }
    if (body instanceof FormData) {
      options.multipart = body;
    } else if (body instanceof Uint8Array) {
      options.data = Buffer.from(body.buffer, body.byteOffset, body.byteLength); // the caller sets the content type
    } else if (body !== undefined) {
      options.headers['content-type'] = 'application/json';
      options.data = JSON.stringify(body);
    }
    return exchange(method, path, options);
  };
  return {
    ...info,
    get: (path, options) => call('GET', path, options),
    /** State-changing call; pass `{ csrf: false }` to leave the X-XSRF-TOKEN header out. */
    send: (method, path, body, options = {}) => call(method, path, { ...options, body }),
    /** The session cookie header and the CSRF header for a request made by hand (e.g. a cut-off upload). */
    sessionHeaders: () => ({
      cookie: cookieHeader(cookies, PORTAL_URL),
      'x-xsrf-token': decodeURIComponent(cookie('XSRF-TOKEN') ?? ''),
    }),
    /** Ends the context (its connections and stored answers). */
    dispose: async () => (await context).dispose(),
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
 * An access token got as a client of Keycloak gets one: authorization code with PKCE, signing in with the password on
 * Keycloak's login page. `client` is { clientId, redirectUri, clientSecret? }.
 */
export async function authorizationCodeToken(client, email, password = DEMO_PASSWORD) {
  const { createHash, randomBytes } = await import('node:crypto');
  const context = await browserContext();
  try {
    const verifier = randomBytes(32).toString('base64url');
    const auth = new URL(`${KEYCLOAK_URL}/realms/${REALM}/protocol/openid-connect/auth`);
    auth.search = new URLSearchParams({
      client_id: client.clientId, redirect_uri: client.redirectUri, response_type: 'code', scope: 'openid', state: 'e2e',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256',
    }).toString();
    const page = await readApiResponse(await context.get(auth.toString(), { headers: { accept: 'text/html' } }));
    const action = loginFormAction(page.text);
    if (!action) throw new Error(`${client.clientId}: no login form (status ${page.status})`);
    const posted = await readApiResponse(await context.post(new URL(action, auth).toString(), {
      form: { username: email, password, credentialId: '' }, maxRedirects: 0,
    }));
    const location = posted.headers.get('location') ?? '';
    const code = new URL(location, KEYCLOAK_URL).searchParams.get('code');
    if (!code) throw new Error(`${client.clientId}: no code after sign-in (status ${posted.status}, location ${location})`);
    const form = {
      grant_type: 'authorization_code', client_id: client.clientId, code, redirect_uri: client.redirectUri, code_verifier: verifier,
    };
    if (client.clientSecret) form.client_secret = client.clientSecret;
    const token = await readApiResponse(await context.post(`${KEYCLOAK_URL}/realms/${REALM}/protocol/openid-connect/token`, { form }));
    if (!token.json?.access_token) throw new Error(`${client.clientId}: no token: ${token.status} ${token.text}`);
    return token.json.access_token;
  } finally {
    await context.dispose();
  }
}

/** An access token for Keycloak's account REST API, got the way Keycloak's account console gets one. */
export function accountConsoleToken(email, password = DEMO_PASSWORD) {
  return authorizationCodeToken(
    { clientId: 'account-console', redirectUri: `${KEYCLOAK_URL}/realms/${REALM}/account/` }, email, password);
}
