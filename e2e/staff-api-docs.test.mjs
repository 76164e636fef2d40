// The staff API's description through the gateway (STF-6): one OpenAPI document at /api/docs/staff.json and its
// Swagger UI at /api/docs/, for staff only. Checks that the document is complete (every staff operation with a
// summary, a description, an example of each request body, a success answer, problem+json refusals and the
// back-office security scheme), that it holds every staff route the services serve and that the gateway routes
// every route it describes, and who may read it.
// Run against the running stack:  cd e2e && node --test staff-api-docs.test.mjs
// (PORTAL_URL / KEYCLOAK_URL default to http://localhost:8080 / :8180; the services' own documents are read from
// IDENTITY_SERVICE_URL, DOSSIER_SERVICE_URL, … defaulting to the local ports 8081–8085.)
// A staff user's browser session is not used here: signing in as notaris@example.com sends an SMS (5 an hour);
// the gateway's StaffApiDocsTest covers the session rule.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  KEYCLOAK_URL,
  PORTAL_URL,
  REALM,
  anonymous,
  backOfficeToken,
  portalReachable,
  readResponse,
  signIn,
} from './lib/portal.mjs';
import { chromiumAvailable, launchBrowser } from './lib/browser.mjs';

const DOCUMENT = '/api/docs/staff.json';
const TOKEN_URL = `${KEYCLOAK_URL}/realms/${REALM}/protocol/openid-connect/token`;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** Each service's own OpenAPI document, on its own port. */
const SERVICES = {
  'identity-service': process.env.IDENTITY_SERVICE_URL ?? 'http://localhost:8081',
  'dossier-service': process.env.DOSSIER_SERVICE_URL ?? 'http://localhost:8082',
  'messaging-service': process.env.MESSAGING_SERVICE_URL ?? 'http://localhost:8083',
  'document-service': process.env.DOCUMENT_SERVICE_URL ?? 'http://localhost:8084',
  'questionnaire-service': process.env.QUESTIONNAIRE_SERVICE_URL ?? 'http://localhost:8085',
};

/** The staff routes the services serve today (README, FUNCTIONAL.md section 8); new ones come on top. */
const KNOWN_ROUTES = [
  'GET /api/staff/accounts', 'POST /api/staff/accounts', 'GET /api/staff/accounts/{id}',
  'POST /api/staff/accounts/{id}/invitation', 'GET /api/staff/accounts/lookup',
  'GET /api/staff/dossiers', 'POST /api/staff/dossiers', 'GET /api/staff/dossiers/{id}', 'PATCH /api/staff/dossiers/{id}',
  'PUT /api/staff/dossiers/{id}/parties', 'PUT /api/staff/dossiers/{id}/progress',
  'GET /api/staff/work', 'GET /api/staff/work/counts', 'PUT /api/staff/work/{id}/handled',
  'GET /api/staff/dossiers/{dossierId}/documents', 'POST /api/staff/dossiers/{dossierId}/documents',
  'GET /api/staff/documents/{documentId}/content',
  'GET /api/staff/dossiers/{dossierId}/messages', 'POST /api/staff/dossiers/{dossierId}/messages',
  'PUT /api/staff/messages/{messageId}/read',
  'GET /api/staff/questionnaires', 'POST /api/staff/questionnaires', 'GET /api/staff/questionnaires/{key}',
  'GET /api/staff/questionnaires/{key}/versions/{version}',
  'GET /api/staff/dossiers/{dossierId}/questionnaires', 'POST /api/staff/dossiers/{dossierId}/questionnaires',
  'GET /api/staff/assignments/{assignmentId}', 'GET /api/staff/assignments/{assignmentId}/answers',
];

const isProblem = (response) => /application\/problem\+json/i.test(response.contentType);

/** Every operation of the staff paths: { name: 'POST /api/staff/dossiers', path, method, operation }. */
function staffOperations(api) {
  const operations = [];
  for (const [path, item] of Object.entries(api.paths ?? {})) {
    if (!path.startsWith('/api/staff/')) continue;
    for (const method of METHODS) {
      if (item[method]) operations.push({ name: `${method.toUpperCase()} ${path}`, path, method, operation: item[method] });
    }
  }
  return operations;
}

/** What an operation's description lacks: the rule of support's StaffApiCheck, applied to the merged document. */
function gaps(operation) {
  const found = [];
  if (!operation.summary?.trim()) found.push('no summary');
  if (!operation.description?.trim()) found.push('no description');
  if (!operation.tags?.length) found.push('no tag');
  for (const [mediaType, content] of Object.entries(operation.requestBody?.content ?? {})) {
    if (content.example === undefined && !Object.keys(content.examples ?? {}).length) {
      found.push(`no example of its ${mediaType} request body`);
    }
  }
  const responses = operation.responses ?? {};
  if (!Object.keys(responses).some((code) => code.startsWith('2'))) found.push('no success answer');
  for (const code of ['400', '401', '403']) {
    if (!responses[code]) found.push(`no ${code} answer`);
  }
  for (const [code, response] of Object.entries(responses)) {
    if (code.startsWith('4') && !response.content?.['application/problem+json']?.schema?.$ref?.endsWith('/Problem')) {
      found.push(`its ${code} answer is not a problem+json Problem`);
    }
  }
  if (!(operation.security ?? []).some((requirement) => 'backOffice' in requirement)) {
    found.push('no backOffice security requirement');
  }
  return found;
}

/** Every "#/components/…" reference in a node. */
function refs(node, found = new Set()) {
  if (Array.isArray(node)) node.forEach((element) => refs(element, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/')) found.add(value);
      else refs(value, found);
    }
  }
  return found;
}

const resolves = (api, ref) => ref.slice(2).split('/').reduce((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], api) !== undefined;

describe('the staff API described through the gateway (STF-6)', () => {
  let token;
  let api;

  const withToken = async (path, init = {}) => readResponse(await fetch(new URL(path, PORTAL_URL), {
    redirect: 'manual',
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
  }));

  before(async () => {
    assert.ok(await portalReachable(), `the gateway does not answer at ${PORTAL_URL} (start the stack first)`);
    token = await backOfficeToken();
    const response = await withToken(DOCUMENT, { headers: { accept: 'application/json' } });
    assert.equal(response.status, 200, `${DOCUMENT} with the back-office token: ${response.status} ${response.text.slice(0, 300)}`);
    assert.match(response.contentType, /application\/json/);
    api = response.json;
    assert.ok(api, 'the description is JSON');
  });

  it('is the portal\'s staff API: title, version, introduction, the gateway as its only server', () => {
    assert.match(api.openapi, /^3\./);
    assert.match(api.info.title, /Klantenportaal/);
    assert.match(api.info.title, /staff API/i);
    assert.match(api.info.version, /^\d+\.\d+\.\d+/, `version ${api.info.version}`);
    for (const part of ['client_credentials', 'back-office', TOKEN_URL, 'application/problem+json', '`page`', '`size`']) {
      assert.ok(api.info.description.includes(part), `the introduction names ${part}`);
    }
    assert.deepEqual(api.servers.map((server) => server.url.replace(/\/$/, '')), [PORTAL_URL.replace(/\/$/, '')]);
  });

  it('asks for a back-office client-credentials token at Keycloak on every operation', () => {
    const scheme = api.components.securitySchemes.backOffice;
    assert.equal(scheme.type, 'oauth2');
    assert.equal(scheme.flows.clientCredentials.tokenUrl, TOKEN_URL);
    assert.ok(api.components.schemas.Problem, 'the Problem schema');
    for (const { name, operation } of staffOperations(api)) {
      assert.ok((operation.security ?? []).some((requirement) => 'backOffice' in requirement), `${name}: no backOffice`);
    }
  });

  it('holds only staff paths, and every reference in it resolves', () => {
    const other = Object.keys(api.paths).filter((path) => !path.startsWith('/api/staff/'));
    assert.deepEqual(other, []);
    const dangling = [...refs(api)].filter((ref) => !resolves(api, ref));
    assert.deepEqual(dangling, [], 'references without their component');
  });

  it('describes every staff operation completely', () => {
    const operations = staffOperations(api);
    assert.ok(operations.length >= KNOWN_ROUTES.length, `only ${operations.length} staff operations`);
    const incomplete = operations.flatMap(({ name, operation }) => gaps(operation).map((gap) => `${name}: ${gap}`));
    assert.deepEqual(incomplete, [], 'staff operations whose description lacks a part');
  });

  it('holds every staff route the services serve', async () => {
    const described = new Set(staffOperations(api).map(({ name }) => name));
    const missing = KNOWN_ROUTES.filter((route) => !described.has(route));
    for (const [service, url] of Object.entries(SERVICES)) {
      const own = await readResponse(await fetch(`${url}/v3/api-docs`));
      assert.equal(own.status, 200, `${service}'s own document at ${url}/v3/api-docs: ${own.status}`);
      for (const { name } of staffOperations(own.json)) {
        if (!described.has(name)) missing.push(`${name} (${service})`);
      }
    }
    assert.deepEqual(missing, [], 'staff routes the services serve but the description leaves out');
  });

  it('describes only routes the gateway passes on to a service', async () => {
    // unknown ids and empty bodies: every call is refused by the service itself (400, 404, …), nothing changes
    const unrouted = [];
    for (const { name, path, method, operation } of staffOperations(api)) {
      const url = path.replace(/\{[^}]+\}/g, 'e2e-unknown-id');
      const init = { method: method.toUpperCase(), headers: { accept: 'application/json' } };
      const content = operation.requestBody?.content ?? {};
      if (content['application/json']) {
        init.headers['content-type'] = 'application/json';
        init.body = '{}';
      } else if (content['multipart/form-data']) {
        init.body = new FormData();
      }
      const response = await withToken(url, init);
      const answeredByAService = !(response.status === 404 && !isProblem(response)) && response.status !== 405;
      if (!answeredByAService || response.status >= 500) unrouted.push(`${name} → ${response.status} ${response.contentType}`);
    }
    assert.deepEqual(unrouted, [], 'described routes the gateway does not pass on');
  });

  it('answers anonymous callers 401 with a problem', async () => {
    for (const path of [DOCUMENT, '/api/docs/']) {
      const response = await anonymous().get(path);
      assert.equal(response.status, 401, `${path} → ${response.status}`);
      assert.ok(isProblem(response), `${path}: ${response.contentType}`);
      assert.equal(response.json.status, 401);
    }
  });

  it('answers a client 403 with a problem, signed in or with a forged role', async () => {
    const anna = await signIn('anna@example.com');
    for (const path of [DOCUMENT, '/api/docs/']) {
      const response = await anna.get(path);
      assert.equal(response.status, 403, `anna ${path} → ${response.status}`);
      assert.ok(isProblem(response), `anna ${path}: ${response.contentType}`);
    }
    // a token the gateway cannot check is no token at all
    const forged = await readResponse(await fetch(new URL(DOCUMENT, PORTAL_URL), {
      headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJyZWFsbV9hY2Nlc3MiOnsicm9sZXMiOlsic3RhZmYiXX19.' },
    }));
    assert.equal(forged.status, 401);
  });

  it('serves the Swagger UI page and its files to staff', async () => {
    const page = await withToken('/api/docs/', { headers: { accept: 'text/html' } });
    assert.equal(page.status, 200);
    assert.match(page.contentType, /text\/html/);
    assert.match(page.text, /Klantenportaal — staff API/);
    for (const file of ['swagger-ui-bundle.js', 'swagger-initializer.js', 'swagger-ui.css']) {
      assert.ok(page.text.includes(file), `the page loads ${file}`);
      const response = await withToken(`/api/docs/${file}`);
      assert.equal(response.status, 200, `${file} → ${response.status}`);
    }
    const redirect = await withToken('/api/docs');
    assert.ok([301, 302, 303, 307, 308].includes(redirect.status), `/api/docs → ${redirect.status}`);
    assert.match(redirect.headers.get('location'), /\/api\/docs\/$/);
  });

  it('shows every staff operation in the Swagger UI, under the gateway\'s security headers', { skip: !chromiumAvailable() && 'no Chromium' }, async () => {
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ extraHTTPHeaders: { authorization: `Bearer ${token}` } });
      const page = await context.newPage();
      const problems = [];
      page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(new URL('/api/docs/', PORTAL_URL).toString());
      await page.locator('.opblock').first().waitFor({ timeout: 20000 });
      assert.match(await page.locator('.info .title').innerText(), /Klantenportaal/);
      assert.equal(await page.locator('.opblock').count(), staffOperations(api).length);
      assert.deepEqual(problems, [], 'console errors (a Content-Security-Policy refusal shows here)');
    } finally {
      await browser.close();
    }
  });
});
