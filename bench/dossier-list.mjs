#!/usr/bin/env node
// Benchmark of the client's API calls through the gateway (browser session) and directly at the service (the bench
// client's bearer token), a client with 500 dossiers: the dossier list's first page and a search
// (GET /api/dossiers), GET /api/dossiers/summary, and the tiny GET /api/me (identity-service: the gateway's own
// cost per request), each at 1 caller (latency without queueing) and at 16 concurrent callers. Each path is warmed
// up first, until the CPU per call has settled (with the full JIT the first thousands of calls cost several times
// as much: C2 is compiling), and the warm-up's own figures are printed too. Prints p50, p99 and throughput of each,
// gateway/direct ratios, and the CPU milliseconds per call of each component (the gateway's and dossier-service's
// above all).
//
// Run against a running local stack (./portal up):  node bench/dossier-list.mjs
// Options (environment): BENCH_SECONDS (default 15, per scenario and path), BENCH_CONCURRENCY (the callers,
// comma-separated: "1,16"), BENCH_WARMUP_SECONDS (at most 300 per path, see lib.mjs warmUp), BENCH_DOSSIERS (500).
// Local development only: it creates the Keycloak user bench-client@example.com with the local
// admin account (admin/admin) when it does not exist yet.
import { PORTAL_URL, backOfficeToken, signIn, staff } from '../e2e/lib/portal.mjs';
import { BENCH_EMAIL as EMAIL, accessToken, describeCpu, ensureBenchUser, load, quiet, record, warmUp, withCpu } from './lib.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONCURRENCY = String(process.env.BENCH_CONCURRENCY ?? '1,16').split(',').map(Number);
const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 500);
const DOSSIER_SERVICE_URL = process.env.DOSSIER_SERVICE_URL ?? 'http://localhost:8082';
const IDENTITY_SERVICE_URL = process.env.IDENTITY_SERVICE_URL ?? 'http://localhost:8081';

/** Name, path (the same through the gateway and at the service) and the service that answers it. */
const SCENARIOS = [
  ['first page', '/api/dossiers?page=0&size=20', DOSSIER_SERVICE_URL],
  ['search', '/api/dossiers?query=benchstraat%201&page=0&size=20', DOSSIER_SERVICE_URL],
  ['summary', '/api/dossiers/summary', DOSSIER_SERVICE_URL],
  ['/api/me', '/api/me', IDENTITY_SERVICE_URL],
];

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

async function main() {
  await ensureBenchUser();
  const office = staff(await backOfficeToken());
  const created = await seed(office);
  const browser = await signIn(EMAIL);
  const cookie = () => browser.sessionHeaders().cookie;
  console.log(`client ${EMAIL}: ${DOSSIERS} dossiers (${created} created now); ${CONCURRENCY.join(' and ')} caller(s), `
    + `${SECONDS} s per scenario and path, each path warmed up first`);

  for (const [name, target] of SCENARIOS) {
    const check = await browser.get(target);
    if (check.status !== 200 || check.json?.items?.length === 0) throw new Error(`${name}: ${check.status} ${check.text.slice(0, 200)}`);
  }
  const rows = [];
  const warm = new Set();
  for (const concurrency of CONCURRENCY) {
    for (const [name, target, serviceUrl] of SCENARIOS) {
      const token = await accessToken(); // fresh for each run: it lives 5 minutes
      const paths = {
        gateway: () => fetch(`${PORTAL_URL}${target}`, { headers: { cookie: cookie(), accept: 'application/json' } }),
        direct: () => fetch(`${serviceUrl}${target}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }),
      };
      const measured = {};
      for (const [route, request] of Object.entries(paths)) {
        if (!warm.has(`${name} ${route}`)) {
          const warmed = await warmUp(`${name} ${route}`, request, { concurrency: Math.max(...CONCURRENCY) });
          record('dossier-list-warm-up', { scenario: name, route, ...warmed });
          warm.add(`${name} ${route}`);
        }
        // each path measured on a quiet stack: the events of the dossiers just seeded, or a warm-up's last
        // requests, are no one path's cost
        await quiet();
        measured[route] = await withCpu(() => load(request, { seconds: SECONDS, concurrency }));
      }
      const { gateway: viaGateway, direct } = measured;
      record('dossier-list', { scenario: name, target, concurrency, viaGateway, direct });
      rows.push([name, concurrency, 'gateway', viaGateway], [name, concurrency, 'direct', direct]);
      rows.push([name, concurrency, 'gateway/direct', {
        p50: viaGateway.p50 / direct.p50, p99: viaGateway.p99 / direct.p99, rps: viaGateway.rps / direct.rps, ratio: true,
      }]);
    }
  }
  console.log('\nscenario     callers  path             p50 ms   p99 ms    req/s  requests  errors   CPU ms per call');
  for (const [name, concurrency, path, r] of rows) {
    const f = (v) => (r.ratio ? `${v.toFixed(2)}x` : v.toFixed(1)).padStart(8);
    console.log(`${name.padEnd(12)} ${String(concurrency).padStart(7)}  ${path.padEnd(15)} ${f(r.p50)} ${f(r.p99)} `
      + `${(r.ratio ? `${r.rps.toFixed(2)}x` : r.rps.toFixed(0)).padStart(8)}`
      + (r.ratio ? '' : `${String(r.count).padStart(10)}${String(r.errors).padStart(8)}   ${describeCpu(r.cpuMsPerCall)}`));
  }
}

main().catch((error) => {
  console.error(`benchmark failed: ${error.message}`);
  process.exit(1);
});
