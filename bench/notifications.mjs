#!/usr/bin/env node
// Benchmark of the e-mails (NOT-1..3), against a running local stack:
//   1. latency: 200 documents published, each to a dossier of its own (made first, and their events handled: the
//      stack quiet), after 10 not counted (the first mails after a start take the cold paths); from the publish call
//      to the e-mail in MailDev: p50, p99, max;
//   2. reliability: 1,000 documents published while the Kafka broker is paused (SIGSTOP) for 20 s in the
//      middle: e-mails received, duplicates, lost.
//
// Start the stack with the documents' window at zero, so the figures are the pipeline's own (in production
// the window — 2 minutes by default — is added to every document e-mail on purpose):
//   DOCUMENT_MAIL_WINDOW=0s ./portal up          then, in another terminal:   node bench/notifications.mjs
// Options (environment): BENCH_LATENCY (200), BENCH_WARMUP (10 documents before, not counted), BENCH_RELIABILITY (1000),
// BENCH_PAUSE_SECONDS (20).
// Local development only: it creates the Keycloak user bench-client@example.com (see bench/lib.mjs),
// and it clears MailDev's inbox first.
import { readFileSync } from 'node:fs';
import { MAILDEV_URL, backOfficeToken, staff } from '../e2e/lib/portal.mjs';
import { BENCH_EMAIL, ensureBenchUser, quiet, record } from './lib.mjs';

const LATENCY = Number(process.env.BENCH_LATENCY ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 10);
const RELIABILITY = Number(process.env.BENCH_RELIABILITY ?? 1000);
const PAUSE_SECONDS = Number(process.env.BENCH_PAUSE_SECONDS ?? 20);
const KAFKA_PID_FILE = new URL('../.local/pids/kafka.pid', import.meta.url);
const RUN = Date.now().toString(36).toUpperCase();

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function createDossiers(office, prefix, count) {
  const ids = [];
  for (let i = 0; i < count; i += 20) {
    const batch = [];
    for (let j = i; j < Math.min(count, i + 20); j++) {
      batch.push(office.createDossier({ number: `${prefix}-${String(j).padStart(4, '0')}`, description: `Notificaties ${prefix} ${j}`, parties: [BENCH_EMAIL] })
        .then((r) => {
          if (r.status !== 201) throw new Error(`dossier ${prefix}-${j}: ${r.status} ${r.text}`);
          ids[j] = r.json.id;
        }));
    }
    await Promise.all(batch);
  }
  return ids;
}

const publish = (office, dossierId, title) => office.publishDocument(dossierId, {
  bytes: Buffer.from(`%PDF-1.4\n${title}\n`), fileName: `${title}.pdf`, title, category: 'CORRESPONDENCE', contentType: 'application/pdf',
});

/** The bench client's document e-mails in MailDev, by dossier id (from the link), with their receive times. */
async function benchMails() {
  const all = await (await fetch(`${MAILDEV_URL}/email`)).json();
  const byDossier = new Map();
  for (const mail of all) {
    if (!(mail.to ?? []).some((to) => to.address === BENCH_EMAIL)) continue;
    const dossierId = mail.text?.match(/\/dossiers\/([0-9a-f]+)/)?.[1];
    if (!dossierId) continue;
    const list = byDossier.get(dossierId) ?? [];
    list.push({ time: Date.parse(mail.time), count: Number(mail.subject.match(/^(\d+) nieuwe/)?.[1] ?? 1) });
    byDossier.set(dossierId, list);
  }
  return byDossier;
}

async function waitForMails(dossierIds, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = await benchMails();
    const missing = dossierIds.filter((id) => !mails.has(id)).length;
    if (missing === 0 || Date.now() > deadline) return mails;
    await sleep(1000);
  }
}

/**
 * Publishes one document to each of `count` new dossiers, 50 ms apart; the time from each publish call to its
 * mail in MailDev, by the publish's order (undefined where no mail came within 2 minutes).
 */
async function publishAndTime(office, prefix, count) {
  const dossiers = await createDossiers(office, prefix, count);
  // the new dossiers' events (every service's access replica, the trail) are handled first: a dossier exists
  // long before the office publishes to it, and the figure is the publish's way to the e-mail, not that backlog
  await quiet();
  const published = new Map();
  // when each mail is first seen in MailDev, polled every 50 ms: MailDev's own time is the mail's Date header,
  // which has whole seconds (it made latencies up to a second too short, some below zero)
  const seen = new Map();
  let watching = true;
  const watcher = (async () => {
    while (watching) {
      const now = Date.now();
      for (const id of (await benchMails()).keys()) if (!seen.has(id)) seen.set(id, now);
      await sleep(50);
    }
  })();
  for (const [i, id] of dossiers.entries()) {
    const started = Date.now();
    const r = await publish(office, id, `${prefix} ${i}`);
    if (r.status !== 201) throw new Error(`publish ${i}: ${r.status} ${r.text}`);
    published.set(id, started);
    await sleep(50);
  }
  await waitForMails(dossiers, 120_000);
  watching = false;
  await watcher;
  return dossiers.map((id) => (seen.has(id) ? seen.get(id) - published.get(id) : undefined));
}

async function latency(office) {
  // the first mails after a start take the services' cold paths (class loading, the JIT, first connections):
  // shown, not counted, as the other benches warm up before they measure
  if (WARMUP > 0) {
    const cold = await publishAndTime(office, `NOTWARM-${RUN}`, WARMUP);
    console.log(`\n0. Warm-up: ${WARMUP} documents, not counted: ${cold.map((ms) => (ms === undefined ? 'no mail' : `${ms} ms`)).join(', ')}`);
  }
  console.log(`\n1. Latency: ${LATENCY} documents, each to a dossier of its own`);
  const byOrder = await publishAndTime(office, `NOTLAT-${RUN}`, LATENCY);
  const latencies = byOrder.filter(Number.isFinite).sort((a, b) => a - b);
  console.log(`   e-mails ${latencies.length}/${LATENCY}; publish → e-mail: p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms, max ${latencies.at(-1)} ms`);
  // which publishes were slow (their order tells a cold start from a stall in the middle)
  const slowest = byOrder.map((ms, i) => [i, ms]).filter(([, ms]) => Number.isFinite(ms)).sort((a, b) => b[1] - a[1]).slice(0, 5);
  console.log(`   slowest: ${slowest.map(([i, ms]) => `#${i} ${ms} ms`).join(', ')}`);
  record('notifications', { documents: LATENCY, warmup: WARMUP, mails: latencies.length, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1) });
}

async function reliability(office) {
  console.log(`\n2. Reliability: ${RELIABILITY} documents, the broker paused for ${PAUSE_SECONDS} s after the first half`);
  const dossiers = await createDossiers(office, `NOTREL-${RUN}`, RELIABILITY);
  const kafkaPid = Number(readFileSync(KAFKA_PID_FILE, 'utf8').trim());
  let paused = false;
  let failedCalls = 0;
  const pauseAt = Math.floor(RELIABILITY / 2);
  const started = Date.now();
  for (const [i, id] of dossiers.entries()) {
    if (i === pauseAt) {
      process.kill(kafkaPid, 'SIGSTOP');
      paused = true;
      console.log(`   broker paused at document ${i}`);
      setTimeout(() => {
        process.kill(kafkaPid, 'SIGCONT');
        paused = false;
        console.log(`   broker resumed after ${PAUSE_SECONDS} s`);
      }, PAUSE_SECONDS * 1000);
    }
    const r = await publish(office, id, `Reliability ${i}`);
    if (r.status !== 201) failedCalls++;
    await sleep(paused ? 20 : 5);
  }
  while (paused) await sleep(500);
  console.log(`   ${RELIABILITY} publish calls in ${((Date.now() - started) / 1000).toFixed(1)} s, ${failedCalls} refused`);
  const mails = await waitForMails(dossiers, 300_000);
  let received = 0;
  let duplicates = 0;
  let lost = 0;
  for (const id of dossiers) {
    const list = mails.get(id) ?? [];
    const told = list.reduce((sum, m) => sum + m.count, 0);
    received += list.length;
    if (told > 1) duplicates += told - 1;
    if (told === 0) lost++;
  }
  console.log(`   e-mails received ${received}, documents told of twice ${duplicates}, documents never told of ${lost}`);
}

async function main() {
  await ensureBenchUser();
  await fetch(`${MAILDEV_URL}/email/all`, { method: 'DELETE' });
  const office = staff(await backOfficeToken());
  if (LATENCY > 0) await latency(office);
  if (RELIABILITY > 0) await reliability(office);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
