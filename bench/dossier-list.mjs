#!/usr/bin/env node
// Benchmark of the dossier list (GET /api/dossiers): a client with 500 dossiers, first page and a
// search, under concurrent load, through the gateway (browser session) and directly at
// dossier-service (bearer token). Prints p50, p99 and throughput of each, and gateway/direct ratios.
//
// Run against a running local stack (./portal up):  node bench/dossier-list.mjs
// Options (environment): BENCH_SECONDS (default 15), BENCH_CONCURRENCY (16), BENCH_DOSSIERS (500).
// Local development only: it creates the Keycloak user bench-client@example.com with the local
// admin account (admin/admin) when it does not exist yet.
import { createHash, randomBytes } from 'node:crypto';
import { CookieJar, DEMO_PASSWORD, KEYCLOAK_URL, PORTAL_URL, REALM, backOfficeToken, loginFormAction, signIn, staff }
  from '../e2e/lib/portal.mjs';
import { BENCH_EMAIL as EMAIL, components, cpuBetween, ensureBenchUser, record } from './lib.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 500);
const DOSSIER_SERVICE_URL = process.env.DOSSIER_SERVICE_URL ?? 'http://localhost:8082';

async function seed(office) {
  let created = 0;
  const words = ['Aankoop woning', 'Testament', 'Levering', 'Hypotheek', 'Schenking', 'Oprichting B.V.'];
  for (let i = 1; i <= DOSSIERS; i += 25) {
    const batch = [];
    for (let j = i; j < i + 25 && j <= DOSSIERS; j++) {
      const number = `BENCH-${String(j).padStart(4, '0')}`;
      batch.push(office.createDossier({
        number, description: `${words[j % words.length]} ${j} Benchstraat ${j % 97}`,
        status: j % 5 === 0 ? 'COMPLETED' : 'IN_PROGRESS', parties: [EMAIL],
      }).then((r) => {
        if (r.status === 201) created++;
        else if (r.status !== 409) throw new Error(`seeding ${number}: ${r.status} ${r.text}`);
      }));
    }
    await Promise.all(batch);
  }
  return created;
}

/** The bench client's own access token: the authorization-code flow the gateway does, done here. */
async function accessToken() {
  const jar = new CookieJar();
  const verifier = randomBytes(32).toString('base64url');
  const redirectUri = `${PORTAL_URL}/login/oauth2/code/keycloak`;
  const auth = new URL(`${KEYCLOAK_URL}/realms/${REALM}/protocol/openid-connect/auth`);
  auth.search = new URLSearchParams({
    client_id: 'portal-gateway', response_type: 'code', scope: 'openid', redirect_uri: redirectUri,
    state: 'bench', code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256',
  });
  const call = async (url, init = {}) => {
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers ?? {}), cookie: jar.header(url) ?? '' } });
    jar.store(url, res);
    return res;
  };
  const page = await call(auth.toString());
  const action = loginFormAction(await page.text());
  const login = await call(new URL(action, auth).toString(), {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: EMAIL, password: DEMO_PASSWORD }),
  });
  const code = new URL(login.headers.get('location')).searchParams.get('code');
  const token = await fetch(`${KEYCLOAK_URL}/realms/${REALM}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier,
      client_id: 'portal-gateway', client_secret: process.env.PORTAL_GATEWAY_CLIENT_SECRET ?? 'portal-gateway-local-secret',
    }),
  });
  return (await token.json()).access_token;
}

/** CONCURRENCY workers call `request` for SECONDS seconds; returns latencies (ms) and throughput. */
async function load(request) {
  const latencies = [];
  let errors = 0;
  const end = performance.now() + SECONDS * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const start = performance.now();
      const res = await request();
      await res.arrayBuffer();
      if (res.status === 200) latencies.push(performance.now() - start);
      else errors++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { p50: pct(50), p99: pct(99), rps: latencies.length / elapsed, count: latencies.length, errors };
}

async function main() {
  await ensureBenchUser();
  const office = staff(await backOfficeToken());
  const created = await seed(office);
  const browser = await signIn(EMAIL);
  const token = await accessToken();
  console.log(`client ${EMAIL}: ${DOSSIERS} dossiers (${created} created now); ${CONCURRENCY} concurrent callers, ${SECONDS} s per run`);

  const scenarios = [['first page', 'page=0&size=20'], ['search', 'query=benchstraat%201&page=0&size=20']];
  const rows = [];
  for (const [name, params] of scenarios) {
    const check = await browser.get(`/api/dossiers?${params}`);
    if (check.status !== 200 || check.json.items.length === 0) throw new Error(`${name}: ${check.status} ${check.text.slice(0, 200)}`);
    const cookie = browser.jar.header(PORTAL_URL);
    const viaGateway = await withCpu(() => load(() => fetch(`${PORTAL_URL}/api/dossiers?${params}`, { headers: { cookie, accept: 'application/json' } })));
    const direct = await withCpu(() => load(() => fetch(`${DOSSIER_SERVICE_URL}/api/dossiers?${params}`, { headers: { authorization: `Bearer ${token}` } })));
    record('dossier-list', { scenario: name, viaGateway, direct });
    rows.push([name, 'gateway', viaGateway], [name, 'direct', direct]);
    rows.push([name, 'gateway/direct', {
      p50: viaGateway.p50 / direct.p50, p99: viaGateway.p99 / direct.p99, rps: viaGateway.rps / direct.rps, ratio: true,
    }]);
  }
  console.log('\nscenario     path             p50 ms   p99 ms    req/s  requests  errors   CPU s per 1,000 requests');
  for (const [name, path, r] of rows) {
    const f = (v) => (r.ratio ? `${v.toFixed(2)}x` : v.toFixed(1)).padStart(8);
    console.log(`${name.padEnd(12)} ${path.padEnd(15)} ${f(r.p50)} ${f(r.p99)} ${(r.ratio ? `${r.rps.toFixed(2)}x` : r.rps.toFixed(0)).padStart(8)}`
      + (r.ratio ? '' : `${String(r.count).padStart(10)}${String(r.errors).padStart(8)}   ${describeCpu(r.cpuPer1000)}`));
  }
}

/** Runs a load and adds the CPU seconds per 1,000 requests of the components that did work. */
async function withCpu(run) {
  const before = components();
  const result = await run();
  const used = cpuBetween(before, components());
  result.cpuPer1000 = Object.fromEntries(Object.entries(used)
    .filter(([, seconds]) => seconds >= 0.05)
    .map(([name, seconds]) => [name, (seconds * 1000) / Math.max(1, result.count)]));
  return result;
}

function describeCpu(cpu) {
  return Object.entries(cpu ?? {}).sort((a, b) => b[1] - a[1]).map(([name, s]) => `${name} ${s.toFixed(2)}`).join(', ');
}

main().catch((error) => {
  console.error(`benchmark failed: ${error.message}`);
  process.exit(1);
});
