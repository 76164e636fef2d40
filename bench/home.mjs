#!/usr/bin/env node
// Benchmark of Home and the activity trail for a busy client: 50 dossiers with 2,000 activity records between them
// (40 per dossier: the office's progress changes and messages), steps done and open document requests.
// GET /api/home ("Nieuw voor u" and "Wat wij van u nodig hebben" in one call) and the first page of one dossier's
// GET /api/dossiers/{id}/activity, through the gateway (browser session) and directly at dossier-service (bearer
// token), at 1 and 16 callers: p50, p99, req/s and CPU milliseconds per call per component.
//
// Run against a running local stack (./portal up):  node bench/home.mjs
// Options (environment): BENCH_SECONDS (10 per scenario and path), BENCH_CONCURRENCY ("1,16"), BENCH_WARMUP_SECONDS
// (at most 300 per path: each path is called until the JIT has settled, see lib.mjs warmUp).
// Local development only: it creates the Keycloak user bench-home@example.com with the local admin account.
import { PORTAL_URL, backOfficeToken, ensureClientAccount, signIn, staff } from '../e2e/lib/portal.mjs';
import { pool } from '../reliability/lib/stack.mjs';
import { accessToken, describeCpu, load, record, warmUp, withCpu } from './lib.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = String(process.env.BENCH_CONCURRENCY ?? '1,16').split(',').map(Number);
const DOSSIER_SERVICE_URL = process.env.DOSSIER_SERVICE_URL ?? 'http://localhost:8082';
const EMAIL = 'bench-home@example.com';
const DOSSIERS = 50;
const RECORDS_PER_DOSSIER = 40;
const STEPS = ['Intake', 'Identificatie', 'Concept akte', 'Hypotheekakte ontvangen', 'Ondertekening', 'Inschrijving kadaster'];

/** 50 dossiers of the bench client, each with 40 records of the office (made once; a later run reuses them). */
async function seed(office) {
  const ids = [];
  let made = 0;
  await pool(Array.from({ length: DOSSIERS }, (_, i) => i + 1), 4, async (i) => {
    const number = `HOME-BENCH-${String(i).padStart(3, '0')}`;
    const created = await office.createDossier({ number, description: `Aankoop woning ${i}`, parties: [EMAIL] });
    let id = created.json?.id;
    if (created.status === 409) {
      const found = await office.get(`/api/staff/dossiers?query=${encodeURIComponent(number)}&size=1`);
      id = found.json.items[0].id;
    } else if (created.status !== 201) {
      throw new Error(`dossier ${number}: ${created.status} ${created.text}`);
    }
    ids.push(id);
    const trail = await office.get(`/api/staff/dossiers/${id}/activity?size=1`);
    for (let n = trail.json.totalItems; n < RECORDS_PER_DOSSIER; n++) {
      if (n % 4 === 3) {
        const r = await office.sendMessage(id, { subject: `Bericht ${n}`, body: 'Zie de stand van zaken.' });
        if (r.status !== 201) throw new Error(`message: ${r.status} ${r.text}`);
      } else {
        // the steps done so far, and a document request on the next one while it is open
        const done = n % STEPS.length;
        const steps = STEPS.map((title, s) => ({
          title, done: s < done,
          ...(s === done ? { request: { kind: 'DOCUMENT', name: 'Kopie paspoort', dueDate: '2027-01-15' } } : {}),
        }));
        const r = await office.request('PUT', `/api/staff/dossiers/${id}/progress`, { json: { steps } });
        if (r.status !== 200) throw new Error(`progress: ${r.status} ${r.text}`);
      }
      made++;
    }
  });
  return { ids, made };
}

async function main() {
  await ensureClientAccount(EMAIL, { firstName: 'Bench', lastName: 'Home' });
  const office = staff(await backOfficeToken());
  const { ids, made } = await seed(office);
  const browser = await signIn(EMAIL);
  const cookie = () => browser.sessionHeaders().cookie;
  // the records come through the broker: wait until the trail has them all
  for (let waited = 0; ; waited += 1000) {
    const totals = await Promise.all(ids.map((id) => office.get(`/api/staff/dossiers/${id}/activity?size=1`).then((r) => r.json.totalItems)));
    const sum = totals.reduce((a, b) => a + b, 0);
    if (sum >= DOSSIERS * RECORDS_PER_DOSSIER) {
      console.log(`client ${EMAIL}: ${DOSSIERS} dossiers, ${sum} activity records (${made} made now)`);
      break;
    }
    if (waited > 120_000) throw new Error(`the trail holds ${sum} records after two minutes`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  const home = await browser.get('/api/home');
  if (home.status !== 200) throw new Error(`GET /api/home: ${home.status} ${home.text.slice(0, 200)}`);
  console.log(`Home: ${home.json.newForYou.total} new, ${home.json.neededFromYou.total} needed`);

  const scenarios = [['home', '/api/home'], ['activity', `/api/dossiers/${ids[0]}/activity?page=0&size=20`]];
  const rows = [];
  const warm = new Set();
  for (const concurrency of CONCURRENCY) {
    for (const [name, target] of scenarios) {
      const token = await accessToken(EMAIL);
      const paths = {
        gateway: () => fetch(`${PORTAL_URL}${target}`, { headers: { cookie: cookie(), accept: 'application/json' } }),
        direct: () => fetch(`${DOSSIER_SERVICE_URL}${target}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }),
      };
      for (const [route, request] of Object.entries(paths)) {
        if (!warm.has(`${name} ${route}`)) {
          await warmUp(`${name} ${route}`, request, { concurrency: Math.max(...CONCURRENCY) });
          warm.add(`${name} ${route}`);
        }
        const measured = await withCpu(() => load(request, { seconds: SECONDS, concurrency }));
        record('home', { scenario: name, target, concurrency, route, ...measured });
        rows.push([name, concurrency, route, measured]);
      }
    }
  }
  console.log('\nscenario  callers  path       p50 ms   p99 ms    req/s  requests  errors   CPU ms per call');
  for (const [name, concurrency, route, r] of rows) {
    console.log(`${name.padEnd(9)} ${String(concurrency).padStart(7)}  ${route.padEnd(9)} ${r.p50.toFixed(1).padStart(8)} `
      + `${r.p99.toFixed(1).padStart(8)} ${r.rps.toFixed(0).padStart(8)}${String(r.count).padStart(10)}${String(r.errors).padStart(8)}   `
      + describeCpu(r.cpuMsPerCall));
  }
}

main().catch((error) => {
  console.error(`benchmark failed: ${error.message}`);
  process.exit(1);
});
