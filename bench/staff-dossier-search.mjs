#!/usr/bin/env node
// Benchmark of the office's dossier list (GET /api/staff/dossiers) over 10,000 dossiers: the first
// page without a query, a number fragment, a party's name (a rare and a common one), a status filter
// and the number order, each under concurrent load, through the gateway and directly at
// dossier-service (both with the back-office bearer token). Prints p50, p99 and throughput per case.
//
// Run against a running local stack (./portal up):  node bench/staff-dossier-search.mjs
// Options (environment): BENCH_DOSSIERS (default 10000), BENCH_SECONDS (10), BENCH_CONCURRENCY (4).
// It first makes the dossiers SRCH-00001 ... through the staff API (POST /api/staff/dossiers), once:
// a number that exists already is left as it is (409), so a second run only measures. Their parties
// are four Keycloak users of its own (bench-office-*@example.com, made with the local admin account
// admin/admin when missing), so that no demo account gets thousands of dossiers. Local development only.
import { PORTAL_URL, backOfficeToken, ensureClientAccount, staff } from '../e2e/lib/portal.mjs';
import { load, record } from './lib.mjs';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const DOSSIER_SERVICE_URL = process.env.DOSSIER_SERVICE_URL ?? 'http://localhost:8082';
const PREFIX = 'SRCH-';
const SEED_PARALLEL = 16;

/** The parties: three that share the dossiers round-robin, one on every 100th dossier besides. */
const PARTIES = {
  a: { email: 'bench-office-a@example.com', firstName: 'Noor', lastName: 'Achterberg' },
  b: { email: 'bench-office-b@example.com', firstName: 'Daan', lastName: 'Verbeek' },
  c: { email: 'bench-office-c@example.com', firstName: 'Lotte', lastName: 'Smits' },
  rare: { email: 'bench-office-rare@example.com', firstName: 'Bram', lastName: 'Zoekers' },
};
const COMMON = [PARTIES.a, PARTIES.b, PARTIES.c];
const WORDS = ['Aankoop woning', 'Testament', 'Levering', 'Hypotheek', 'Schenking', 'Oprichting B.V.'];

const number = (i) => `${PREFIX}${String(i).padStart(5, '0')}`;

function dossier(i) {
  const parties = [COMMON[i % 3].email];
  if (i % 100 === 0) parties.push(PARTIES.rare.email);
  const status = i % 50 === 7 ? 'CANCELLED' : i % 10 === 0 ? 'COMPLETED' : i % 10 === 5 ? 'ON_HOLD' : 'IN_PROGRESS';
  return { number: number(i), description: `${WORDS[i % WORDS.length]} ${i} Zoekstraat ${i % 97}`, status, parties };
}

/** A staff client whose token is renewed every minute (a client-credentials token lives a few minutes). */
function office() {
  let client;
  let fetchedAt = 0;
  return async () => {
    if (Date.now() - fetchedAt > 60_000) {
      client = staff(await backOfficeToken());
      fetchedAt = Date.now();
    }
    return client;
  };
}

async function found(getOffice, params) {
  const res = await (await getOffice()).get(`/api/staff/dossiers?${params}`);
  if (res.status !== 200) throw new Error(`GET /api/staff/dossiers?${params}: ${res.status} ${res.text.slice(0, 300)}`);
  return res.json.totalItems;
}

/** Makes the dossiers that are missing; returns how many it made now. */
async function seed(getOffice) {
  const present = await found(getOffice, `query=${PREFIX}&size=1`);
  if (present >= DOSSIERS) return 0;
  for (const party of Object.values(PARTIES)) {
    await ensureClientAccount(party.email, { firstName: party.firstName, lastName: party.lastName });
  }
  console.log(`seeding: ${present} of ${DOSSIERS} ${PREFIX}* dossiers there, making the others ...`);
  let created = 0;
  let next = 1;
  const started = performance.now();
  const worker = async () => {
    while (next <= DOSSIERS) {
      const i = next++;
      const res = await (await getOffice()).createDossier(dossier(i));
      if (res.status === 201) created++;
      else if (res.status !== 409) throw new Error(`seeding ${number(i)}: ${res.status} ${res.text.slice(0, 300)}`);
      if (i % 1000 === 0) console.log(`  ${i} / ${DOSSIERS} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
  };
  await Promise.all(Array.from({ length: SEED_PARALLEL }, worker));
  return created;
}

async function main() {
  const getOffice = office();
  const created = await seed(getOffice);
  const total = await found(getOffice, 'size=1');
  console.log(`${DOSSIERS} ${PREFIX}* dossiers (${created} made now), ${total} dossiers in all; `
    + `${CONCURRENCY} concurrent callers, ${SECONDS} s per case and path`);

  const scenarios = [
    ['no query', 'page=0&size=20'],
    // e.g. SRCH-0500: the ten numbers SRCH-05000 ... SRCH-05009
    ['number fragment', `query=${number(Math.floor(DOSSIERS / 2)).slice(0, -1)}&size=20`],
    ['party name, rare', 'query=bram%20zoekers&size=20'],
    ['party name, common', 'query=verbeek&size=20'],
    ['status filter', 'status=ON_HOLD&size=20'],
    ['sort=number', 'sort=number&size=20'],
  ];
  const rows = [];
  for (const [name, params] of scenarios) {
    const hits = await found(getOffice, params);
    if (hits === 0) {
      throw new Error(`${name}: nothing found for ${params}`
        + (name.startsWith('party name') ? ' (dossiers made by a dossier-service that did not keep party names yet? ./portal up --reset)' : ''));
    }
    const token = await backOfficeToken(); // fresh for each case: a case lasts 2 x SECONDS
    const run = { seconds: SECONDS, concurrency: CONCURRENCY };
    const viaGateway = await load(() => fetch(`${PORTAL_URL}/api/staff/dossiers?${params}`,
      { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }), run);
    const direct = await load(() => fetch(`${DOSSIER_SERVICE_URL}/api/staff/dossiers?${params}`,
      { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }), run);
    record('staff-dossier-search', {
      scenario: name, params, found: hits, dossiers: DOSSIERS, total, concurrency: CONCURRENCY, viaGateway, direct,
    });
    rows.push([name, hits, 'gateway', viaGateway], [name, hits, 'direct', direct]);
  }

  console.log('\ncase                  found   path       p50 ms   p99 ms    req/s  requests  errors');
  for (const [name, hits, path, r] of rows) {
    console.log(`${name.padEnd(20)} ${String(hits).padStart(6)}   ${path.padEnd(8)} ${r.p50.toFixed(1).padStart(8)} `
      + `${r.p99.toFixed(1).padStart(8)} ${r.rps.toFixed(0).padStart(8)}${String(r.count).padStart(10)}${String(r.errors).padStart(8)}`);
  }
}

main().catch((error) => {
  console.error(`benchmark failed: ${error.message}`);
  process.exit(1);
});
