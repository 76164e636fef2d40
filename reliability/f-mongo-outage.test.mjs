// f. MongoDB unavailable for 20 s (SIGSTOP of the wire-protocol server): every request through the gateway and
// straight to a service fails fast with 503 problem+json (none hangs longer than a few seconds), nothing is
// half-written (a change answered 201 is there afterwards with its event relayed and its e-mail sent, one answered
// 503 is not there), an event that reaches the consumers meanwhile is not dead-lettered, and the portal recovers by
// itself once MongoDB answers again: no restart, no replay.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { backOfficeToken } from '../e2e/lib/portal.mjs';
import {
  GATEWAY_URL, ROOT, RUN, SERVICES, durationMs, figure, isDocumentMail, isMessageMail, kill, mailDocumentCount, mailDossier,
  mailsTo, outboxBacklog, pidOf, seconds, sleep, stackEnv, timedFetch, waitFor,
} from './lib/stack.mjs';
import { consumedTopics, kafkaTool, lagging } from './lib/kafka.mjs';
import { ensurePlain } from './lib/overrides.mjs';
import { allItems, clients, dossiers, office, pdf, signIn } from './lib/work.mjs';

const SCENARIO = 'f';
const OUTAGE_MS = Number(process.env.RELIABILITY_MONGO_SECONDS ?? 20) * 1000;
const FAST_MS = Number(process.env.RELIABILITY_FAST_MS ?? 5000); // "fails fast": answered within this
const WINDOW_MS = durationMs(stackEnv('DOCUMENT_MAIL_WINDOW', '2m'));
const isProblem503 = (r) => r.status === 503 && /application\/problem\+json/i.test(r.contentType ?? '');
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

describe(`f. MongoDB unavailable for ${OUTAGE_MS / 1000} s`, { timeout: 240_000 }, () => {
  let staffApi;
  let token;
  let kafka;
  let consumed;
  let email;
  let client;
  let dossier;
  let dltBefore;
  let probeEvent;
  let resumedAt;
  const calls = [];
  const writes = [];

  before(async () => {
    // the consumers as configured for production (notification-service's 10 mail retries, not scenario d's 2)
    const plainMs = await ensurePlain('notification-service');
    if (plainMs) figure(SCENARIO, 'notification-service restarted with its own settings', seconds(plainMs));
    staffApi = await office();
    token = await backOfficeToken();
    kafka = await kafkaTool();
    consumed = await consumedTopics(SERVICES);
    [email] = await clients(SCENARIO, 1);
    [dossier] = await dossiers(staffApi, SCENARIO, [email], 1);
    client = await signIn(email);
    assert.equal((await client.get(`/api/dossiers/${dossier.id}`)).status, 200);
    const topics = [...new Set(Object.values(consumed).flat())];
    dltBefore = await kafka.endOffsets(topics.map((t) => `${t}.dlt`));
  });

  after(async () => {
    await kill('mongo', 'CONT').catch(() => {});
    await kafka?.close();
  });

  /** One round of what browsers and back-office tools do, each call timed (the client gives up after 15 s). */
  function round(n) {
    const auth = { authorization: `Bearer ${token}`, accept: 'application/json' };
    const cookie = client.sessionHeaders();
    const jobs = [
      ['client: GET /api/dossiers (gateway, session)', () => timedFetch(`${GATEWAY_URL}/api/dossiers`, { headers: { ...cookie, accept: 'application/json' } }, 15_000)],
      ['client: GET documents of a dossier (gateway, session)', () => timedFetch(`${GATEWAY_URL}/api/dossiers/${dossier.id}/documents`, { headers: { ...cookie, accept: 'application/json' } }, 15_000)],
      ['staff: GET /api/staff/dossiers (gateway)', () => timedFetch(`${GATEWAY_URL}/api/staff/dossiers?query=${RUN}`, { headers: auth }, 15_000)],
      ['staff: GET dossier-service directly', () => timedFetch(`http://localhost:${SERVICES['dossier-service']}/api/staff/dossiers/${dossier.id}`, { headers: auth }, 15_000)],
      ['staff: GET messaging-service directly', () => timedFetch(`http://localhost:${SERVICES['messaging-service']}/api/staff/dossiers/${dossier.id}/messages`, { headers: auth }, 15_000)],
      ['staff: POST a dossier (gateway)', async () => {
        const number = `REL-${RUN}-F-OUT-${n}`;
        const r = await timedFetch(`${GATEWAY_URL}/api/staff/dossiers`, {
          method: 'POST', headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ number, description: 'Tijdens de storing', parties: [email] }),
        }, 15_000);
        writes.push({ kind: 'dossier', number, status: r.status });
        return r;
      }],
      ['staff: publish a document (gateway)', async () => {
        const title = `Tijdens de storing ${RUN} ${n}`;
        const form = new FormData();
        form.append('file', new Blob([pdf(title)], { type: 'application/pdf' }), `${title}.pdf`);
        form.append('title', title);
        form.append('category', 'CORRESPONDENCE');
        const r = await timedFetch(`${GATEWAY_URL}/api/staff/dossiers/${dossier.id}/documents`, { method: 'POST', headers: auth, body: form }, 15_000);
        writes.push({ kind: 'document', title, status: r.status, id: r.json?.id });
        return r;
      }],
      ['staff: send a message (gateway)', async () => {
        const subject = `Tijdens de storing ${RUN} ${n}`;
        const form = new FormData();
        form.append('subject', subject);
        form.append('body', 'Bericht tijdens de storing');
        const r = await timedFetch(`${GATEWAY_URL}/api/staff/dossiers/${dossier.id}/messages`, { method: 'POST', headers: auth, body: form }, 15_000);
        writes.push({ kind: 'message', subject, status: r.status, id: r.json?.id });
        return r;
      }],
    ];
    return Promise.all(jobs.map(async ([name, job]) => calls.push({ name, round: n, ...(await job()) })));
  }

  it(`answers every request within ${FAST_MS / 1000} s with 503 problem+json while MongoDB does not answer`, async () => {
    // an event that reaches every consumer of portal.dossiers.v1 while MongoDB is away: a dossier change as
    // dossier-service publishes it (the contract's example, for a dossier of its own that no one else uses)
    const example = JSON.parse(readFileSync(path.join(ROOT, 'contracts/examples/portal.dossier.changed/valid.json'), 'utf8'));
    const probeDossier = randomBytes(12).toString('hex');
    probeEvent = { ...example, id: randomUUID(), subject: `dossiers/${probeDossier}`, time: new Date().toISOString() };
    probeEvent.data = { ...example.data, dossierId: probeDossier, number: `REL-${RUN}-F-PROBE`, version: 1,
      parties: [{ accountId: 'rel-probe', email: `rel-${RUN.toLowerCase()}-f-probe@example.com`, accountType: 'PERSON' }] };

    await kill('mongo', 'STOP');
    const stoppedAt = Date.now();
    const rounds = [];
    try {
      await kafka.produce([{ topic: 'portal.dossiers.v1', key: probeDossier, value: JSON.stringify(probeEvent) }]);
      // a round every 2 s; a call still waiting does not hold up the next round
      for (let n = 1; Date.now() - stoppedAt < OUTAGE_MS - 2000; n++) {
        rounds.push(round(n));
        await Promise.race([rounds.at(-1), sleep(2000)]);
        if (Date.now() - stoppedAt < OUTAGE_MS - 2000) await sleep(Math.max(0, 2000 * n - (Date.now() - stoppedAt)));
      }
    } finally {
      const left = OUTAGE_MS - (Date.now() - stoppedAt);
      if (left > 0) await sleep(left);
      await kill('mongo', 'CONT');
    }
    resumedAt = Date.now();
    await Promise.all(rounds); // calls still waiting end now (answered, or given up after 15 s)
    const during = calls;
    const times = during.map((c) => c.ms).sort((a, b) => a - b);
    const slow = during.filter((c) => c.ms > FAST_MS);
    const notProblem = during.filter((c) => !isProblem503(c));
    figure(SCENARIO, 'calls during the outage', `${during.length}: ${during.filter(isProblem503).length} × 503 problem+json, ${
      during.filter((c) => c.status >= 200 && c.status < 300).length} × 2xx, ${during.filter((c) => c.status === 0).length} × no answer, others ${
      during.filter((c) => c.status !== 0 && c.status !== 503 && (c.status < 200 || c.status >= 300)).length}`);
    figure(SCENARIO, 'answer time during the outage', `p50 ${percentile(times, 50)} ms, p99 ${percentile(times, 99)} ms, max ${times.at(-1)} ms`);
    const describeCalls = (list) => list.map((c) => `round ${c.round}: ${c.name} → ${c.status}${c.error ? ` (${c.error})` : ''} in ${c.ms} ms${
      isProblem503(c) ? '' : `: ${c.contentType ?? ''} ${(c.text ?? '').slice(0, 160)}`}`).join('\n  ');
    assert.equal(slow.length, 0, `calls slower than ${FAST_MS} ms:\n  ${describeCalls(slow)}`);
    assert.equal(notProblem.length, 0, `calls not answered 503 problem+json:\n  ${describeCalls(notProblem)}`);
  });

  it('recovers by itself once MongoDB answers again', async () => {
    // every service serves again: each one's breaker lets trial requests through after its wait and then closes
    const auth = { authorization: `Bearer ${token}`, accept: 'application/json' };
    const session = { ...client.sessionHeaders(), accept: 'application/json' };
    let statuses;
    await waitFor('every service serves the client and the office again', async () => {
      statuses = await Promise.all([
        timedFetch(`${GATEWAY_URL}/api/dossiers`, { headers: session }),
        timedFetch(`${GATEWAY_URL}/api/dossiers/${dossier.id}/documents`, { headers: session }),
        timedFetch(`${GATEWAY_URL}/api/dossiers/${dossier.id}/messages`, { headers: session }),
        timedFetch(`${GATEWAY_URL}/api/actions`, { headers: session }),
        timedFetch(`${GATEWAY_URL}/api/me`, { headers: session }),
        timedFetch(`${GATEWAY_URL}/api/staff/dossiers?query=${RUN}`, { headers: auth }),
      ]).then((all) => all.map((r) => r.status));
      return statuses.every((status) => status === 200);
    }, { timeoutMs: 60_000, intervalMs: 500 }).catch((e) => assert.fail(`${e.message}: ${statuses}`));
    figure(SCENARIO, 'served again', `${seconds(Date.now() - resumedAt)} after MongoDB answered again`);
    const published = await staffApi.publishDocument(dossier.id, { bytes: pdf(`Na de storing ${RUN}`), fileName: 'na.pdf', title: `Na de storing ${RUN}`, category: 'CORRESPONDENCE', contentType: 'application/pdf' });
    assert.equal(published.status, 201, published.text);
    writes.push({ kind: 'document', title: `Na de storing ${RUN}`, status: 201, id: published.json.id });
    for (const component of ['mongo', 'kafka', ...Object.keys(SERVICES), 'gateway', 'gateway-2']) {
      assert.ok(pidOf(component), `${component} has a pid`);
      assert.doesNotThrow(() => process.kill(pidOf(component), 0), `${component} still runs`);
    }
  });

  it('half-wrote nothing: what was answered 201 is there with its e-mail, what was answered 503 is not', async () => {
    await waitFor('outboxes empty', async () => Object.keys(await outboxBacklog()).length === 0, { timeoutMs: 60_000 });
    const docs = await allItems(client, `/api/dossiers/${dossier.id}/documents?category=CORRESPONDENCE`);
    const msgs = await allItems(client, `/api/dossiers/${dossier.id}/messages`);
    const staffList = await staffApi.get(`/api/staff/dossiers?query=${encodeURIComponent(`REL-${RUN}-F-OUT`)}&size=100`);
    const numbers = new Set((staffList.json?.items ?? []).map((d) => d.number));
    const present = (w) => (w.kind === 'document' ? docs.some((d) => d.title === w.title)
      : w.kind === 'message' ? msgs.some((m) => m.subject === w.subject) : numbers.has(w.number));
    const accepted = writes.filter((w) => w.status === 201);
    const refused = writes.filter((w) => w.status !== 201);
    const lost = accepted.filter((w) => !present(w));
    const phantom = refused.filter((w) => present(w));
    figure(SCENARIO, 'changes tried', `${writes.length}: ${accepted.length} answered 201, ${refused.length} refused; lost ${lost.length}, written although refused ${phantom.length}`);
    assert.deepEqual(lost, [], 'every change answered 201 is there');
    assert.deepEqual(phantom.map((w) => `${w.kind} ${w.title ?? w.subject ?? w.number} (${w.status})`), [], 'no change answered 503 was written after all');

    const docsWanted = accepted.filter((w) => w.kind === 'document').length;
    const msgsWanted = accepted.filter((w) => w.kind === 'message').length;
    const count = async () => {
      const mine = (await mailsTo(email)).filter((m) => mailDossier(m) === dossier.id);
      return { documents: mine.filter(isDocumentMail).reduce((s, m) => s + mailDocumentCount(m), 0), messages: mine.filter(isMessageMail).length };
    };
    await waitFor('the e-mails of the changes made', async () => {
      const c = await count();
      return c.documents >= docsWanted && c.messages >= msgsWanted;
    }, { timeoutMs: WINDOW_MS + 90_000, intervalMs: 1000 });
    await waitFor('notification-service caught up', async () => (await lagging(kafka, { 'notification-service': consumed['notification-service'] })).length === 0, { timeoutMs: 60_000 });
    const quietUntil = Date.now() + WINDOW_MS + 3000;
    await waitFor('a document window without new e-mail', async () => Date.now() >= quietUntil, { timeoutMs: WINDOW_MS + 10_000 });
    assert.deepEqual(await count(), { documents: docsWanted, messages: msgsWanted }, 'one e-mail per change, none for the refused ones');
  });

  it('dead-lettered nothing: the event that arrived during the outage was handled by every consumer', async () => {
    await waitFor('every consumer caught up', async () => (await lagging(kafka, consumed)).length === 0, { timeoutMs: 90_000, intervalMs: 1000 });
    const parked = [];
    for (const [topic, from] of Object.entries(dltBefore)) {
      for (const record of await kafka.read(topic, from)) {
        parked.push(`${topic} by ${record.headers['kafka_dlt-original-consumer-group']}: ${record.headers['kafka_dlt-exception-cause-fqcn']} (${record.value.slice(0, 80)})`);
      }
    }
    figure(SCENARIO, 'events dead-lettered during the outage', parked.length);
    assert.deepEqual(parked, [], 'no event parked on a dead-letter topic (it would wait for an operator\'s replay)');
  });
});
