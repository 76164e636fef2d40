// d. Poison records on every topic a service reads (as the services' /actuator/deadletters list them): one that is
// not JSON on every partition, and one that is JSON but fails in the handler (data missing) on one partition.
// Each consumer parks each of them on <topic>.dlt after the configured attempts (not JSON: one, never retried;
// failing: 1 + retries, after their back-off), keeps going (real events after them on every topic are handled:
// e-mails, attachments and questionnaire PDFs filed, every consumer group's offsets past them), and the documented
// replay (./portal dead-letters <service> <topic>) sends each parked record once; a replayed event that was
// handled already has no second effect. Runs last: the replayed poison is parked again.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  RUN, SERVICES, durationMs, figure, isDocumentMail, isMessageMail, isQuestionnaireMail, mailDocumentCount, mailDossier,
  mailsTo, portal, seconds, stackEnv, waitFor,
} from './lib/stack.mjs';
import { consumedTopics, kafkaTool, lagging } from './lib/kafka.mjs';
import { MAIL_RETRIES_FOR_D, ensureRunsWith } from './lib/overrides.mjs';
import {
  clients, completeQuestionnaire, dossiers, office, pdf, publishDocument, questionnaireDefinition, sendQuestionnaire, signIn,
} from './lib/work.mjs';

const SCENARIO = 'd';
const WINDOW_MS = durationMs(stackEnv('DOCUMENT_MAIL_WINDOW', '2m'));
/** The retries each consumer is configured with here: portal.consumer.retries (support: 4, 0.5 s doubling to 5 s), notification-service's MAIL_RETRIES. */
const RETRIES = { 'notification-service': { retries: Number(MAIL_RETRIES_FOR_D.MAIL_RETRIES), maxMs: 30_000 } };
const DEFAULT_RETRIES = { retries: 4, maxMs: 5000 };
const backOffMs = ({ retries, maxMs }) => Array.from({ length: retries }, (_, i) => Math.min(500 * 2 ** i, maxMs)).reduce((a, b) => a + b, 0);
/** A record that is JSON of the expected shape but fails in the handler, per event type a consumer acts on. */
const FAILING_TYPES = {
  'portal.dossiers.v1': ['portal.dossier.changed'],
  'portal.documents.v1': ['portal.document.published'],
  'portal.accounts.v1': ['portal.account.changed'],
  'portal.messages.v1': ['portal.message.sent-by-office'],
  'portal.questionnaires.v1': ['portal.questionnaire.assigned', 'portal.questionnaire.completed'],
  'notification.document-digests.v1': ['digest'],
};
/** Which consumers act on a type (the others ignore it, so it is no poison to them). */
const ACTS_ON = {
  'portal.document.published': ['notification-service'],
  'portal.account.changed': ['notification-service'],
  'portal.questionnaire.assigned': ['notification-service', 'dossier-service'],
  'portal.questionnaire.completed': ['document-service', 'dossier-service'],
};
const isJackson = (record) => /jackson/i.test(record.headers['kafka_dlt-exception-cause-fqcn'] ?? '');

describe('d. poison records on every consumed topic', { timeout: 240_000 }, () => {
  let staffApi;
  let kafka;
  let consumed;
  let topics;
  let consumers;
  let dltBefore;
  const poisons = []; // { topic, partition, offset, value, failing, producedAt }
  let email;
  let client;
  let dossier;
  let message;
  let pdfId;
  let invitee;

  before(async () => {
    const ms = await ensureRunsWith('notification-service', MAIL_RETRIES_FOR_D);
    if (ms) figure(SCENARIO, `notification-service restarted with MAIL_RETRIES=${MAIL_RETRIES_FOR_D.MAIL_RETRIES}`, seconds(ms));
    staffApi = await office();
    kafka = await kafkaTool();
    consumed = await consumedTopics(SERVICES);
    topics = [...new Set(Object.values(consumed).flat())].sort();
    consumers = Object.fromEntries(topics.map((t) => [t, Object.keys(consumed).filter((s) => consumed[s].includes(t))]));
    dltBefore = await kafka.endOffsets(topics.map((t) => `${t}.dlt`));
    [email] = await clients(SCENARIO, 1);
    client = await signIn(email);
    invitee = `rel-${RUN.toLowerCase()}-d-invite@example.com`;
  });

  after(async () => {
    await kafka?.close();
  });

  /** Records parked on <topic>.dlt since the scenario began. */
  const parked = (topic) => kafka.read(`${topic}.dlt`, dltBefore[`${topic}.dlt`]);

  it('parks every poison record on <topic>.dlt after the configured attempts', async () => {
    figure(SCENARIO, 'topics and their consumers', topics.map((t) => `${t}: ${consumers[t].join(', ')}`).join('; '));
    for (const topic of topics) {
      const partitions = await kafka.partitions(topic);
      const records = [];
      for (let partition = 0; partition < partitions; partition++) {
        records.push({ topic, partition, key: `poison-${RUN}`, value: `not json: reliability ${RUN} ${topic} partition ${partition}`, failing: false });
      }
      for (const type of FAILING_TYPES[topic] ?? []) {
        const value = type === 'digest'
          ? { id: `poison-${RUN}-${topic}`, digestId: `poison-${RUN}`, dossierId: null, accountId: null, count: 1, tab: null }
          : { specversion: '1.0', id: `poison-${RUN}-${type}`, type, source: '/reliability', time: new Date().toISOString(), data: null };
        records.push({ topic, partition: 0, key: `poison-${RUN}`, value: JSON.stringify(value), failing: true, type });
      }
      const results = await kafka.produce(records.map(({ topic: t, partition, key, value }) => ({ topic: t, partition, key, value })));
      const producedAt = Date.now();
      results.forEach((r, i) => poisons.push({ ...records[i], offset: r.offset, producedAt }));
    }

    const expected = (topic) => consumers[topic].flatMap((group) => poisons
      .filter((p) => p.topic === topic && (!p.failing || (ACTS_ON[p.type] ?? consumers[topic]).includes(group)))
      .map((p) => ({ group, poison: p })));
    const all = topics.flatMap(expected);
    let found;
    await waitFor(`all ${all.length} poison records parked by their consumers`, async () => {
      found = [];
      for (const topic of topics) {
        const records = await parked(topic);
        for (const { group, poison } of expected(topic)) {
          const record = records.find((r) => r.headers['kafka_dlt-original-consumer-group'] === group
            && r.headers['kafka_dlt-original-topic'] === topic && Number(r.headers['kafka_dlt-original-partition']) === poison.partition
            && Number(r.headers['kafka_dlt-original-offset']) === poison.offset);
          if (record) found.push({ group, poison, record });
        }
      }
      return found.length === all.length;
    }, { timeoutMs: 120_000, intervalMs: 1000 }).catch((e) => assert.fail(`${e.message}: ${found?.length} of ${all.length} parked`));

    const problems = [];
    const timing = {};
    for (const { group, poison, record } of found) {
      assert.equal(record.value, poison.value, 'parked as it was sent');
      assert.equal(record.key, poison.key);
      const after = record.timestamp - Number(record.headers['kafka_dlt-original-timestamp']);
      if (!poison.failing) {
        if (!isJackson(record)) problems.push(`${group} ${poison.topic}: not-JSON parked with ${record.headers['kafka_dlt-exception-cause-fqcn']} (not as unreadable)`);
      } else {
        const configured = RETRIES[group] ?? DEFAULT_RETRIES;
        const floor = backOffMs(configured);
        (timing[group] ??= []).push(after);
        if (isJackson(record)) problems.push(`${group} ${poison.topic} ${poison.type}: parked as unreadable, not after its retries`);
        if (after < floor - 250) problems.push(`${group} ${poison.topic} ${poison.type}: parked ${after} ms after it was sent, before its ${configured.retries} retries' back-off of ${floor} ms`);
      }
    }
    for (const [group, times] of Object.entries(timing)) {
      const configured = RETRIES[group] ?? DEFAULT_RETRIES;
      figure(SCENARIO, `${group}: failing record parked after`, `${seconds(Math.min(...times))} – ${seconds(Math.max(...times))} (${configured.retries + 1} attempts, back-off ${seconds(backOffMs(configured))})`);
    }
    figure(SCENARIO, 'poison records parked', `${found.length} (${found.filter((f) => !f.poison.failing).length} not JSON, parked at the first attempt; ${found.filter((f) => f.poison.failing).length} failing in the handler)`);
    assert.deepEqual(problems, []);
  });

  it('keeps going: real events after the poison on every topic are handled by every consumer', async () => {
    const started = Date.now();
    [dossier] = await dossiers(staffApi, SCENARIO, [email], 1); // portal.dossiers.v1
    const sent = await staffApi.sendMessage(dossier.id, {
      subject: `Na het gif ${RUN}`, body: 'Met bijlage', files: [{ bytes: pdf(`bijlage ${RUN}`), fileName: 'bijlage.pdf', contentType: 'application/pdf' }],
    }); // portal.messages.v1: a mail, and document-service files the attachment
    assert.equal(sent.status, 201, sent.text);
    message = sent.json;
    const published = await publishDocument(staffApi, dossier.id, `Na het gif ${RUN}`); // portal.documents.v1, then a digest
    assert.equal(published.status, 201, published.text);
    const key = await questionnaireDefinition(staffApi);
    const assignment = await sendQuestionnaire(staffApi, key, dossier.id, email); // portal.questionnaires.v1: assigned
    pdfId = await completeQuestionnaire(client, assignment, 'ja'); // and completed: document-service files the PDF
    const invited = await staffApi.request('POST', '/api/staff/accounts', {
      json: { type: 'PERSON', email: invitee, firstName: 'Nieuwe', lastName: 'Klant', language: 'nl' },
    }); // portal.accounts.v1: the invitation
    assert.equal(invited.status, 201, invited.text);

    const effects = async () => {
      const mine = (await mailsTo(email)).filter((m) => mailDossier(m) === dossier.id || isQuestionnaireMail(m));
      const attachment = await client.get(`/api/documents/${message.attachments[0].documentId}/content`);
      const delivered = await client.get(`/api/dossiers/${dossier.id}/documents?category=DELIVERED`);
      return {
        messageMails: mine.filter(isMessageMail).length,
        documentsToldOf: mine.filter(isDocumentMail).reduce((s, m) => s + mailDocumentCount(m), 0),
        questionnaireMails: mine.filter(isQuestionnaireMail).length,
        invitationMails: (await mailsTo(invitee)).length,
        attachmentFiled: attachment.status === 200,
        questionnairePdfFiled: (delivered.json?.items ?? []).some((d) => d.id === pdfId),
      };
    };
    const want = { messageMails: 1, documentsToldOf: 1, questionnaireMails: 1, invitationMails: 1, attachmentFiled: true, questionnairePdfFiled: true };
    let got;
    await waitFor('every effect of the real events', async () => {
      got = await effects();
      return JSON.stringify(got) === JSON.stringify(want);
    }, { timeoutMs: WINDOW_MS + 60_000, intervalMs: 1000 }).catch((e) => assert.fail(`${e.message}: ${JSON.stringify(got)}`));
    figure(SCENARIO, 'real events after the poison handled', `e-mails (message, document digest, questionnaire, invitation), attachment and questionnaire PDF filed, in ${seconds(Date.now() - started)}`);
    await waitFor('every consumer group past the poison and the events after it', async () => (await lagging(kafka, consumed)).length === 0, { timeoutMs: 60_000, intervalMs: 1000 });
  });

  it('replays each parked record once with ./portal dead-letters <service> <topic>; a handled event has no second effect', async () => {
    // a real event that was handled already, parked as if its mail had failed: replayed, it must not mail again
    const [messageEvent] = (await kafka.read('portal.messages.v1')).filter((r) => r.key === dossier.id && JSON.parse(r.value).data?.messageId === message.id);
    assert.ok(messageEvent, 'the message event is on portal.messages.v1');
    await kafka.produce([{ topic: 'portal.messages.v1.dlt', key: messageEvent.key, value: messageEvent.value, headers: {
      'kafka_dlt-original-topic': 'portal.messages.v1', 'kafka_dlt-original-consumer-group': 'notification-service',
      'kafka_dlt-exception-message': 'reliability: a mail that failed (simulated)' } }]);

    const replayer = 'notification-service';
    const problems = [];
    const counts = [];
    for (const topic of topics.filter((t) => consumers[t].includes(replayer))) {
      const dlt = `${topic}.dlt`;
      const position = (await kafka.committed([`${replayer}.dead-letter-replay`], [dlt]))[`${replayer}.dead-letter-replay`][dlt];
      const waiting = await kafka.read(dlt, position);
      const own = waiting.filter((r) => r.headers['kafka_dlt-original-consumer-group'] === replayer);
      const topicEnd = (await kafka.endOffsets([topic]))[topic];
      const result = await portal(['dead-letters', replayer, topic]);
      const replayed = JSON.parse(result.output.trim().split('\n').pop()).replayed;
      const resent = await kafka.read(topic, topicEnd);
      const values = (list) => list.map((r) => r.value).sort();
      // each consumer group parks its own copy; a service replays the copies its group parked, once each
      if (JSON.stringify(values(resent)) !== JSON.stringify(values(own))) {
        problems.push(`${topic}: sent ${resent.length} records back, ${own.length} were parked by ${replayer}, not each once`);
      }
      if (resent.some((r) => r.headers['portal-replay-for'] !== replayer)) {
        problems.push(`${topic}: a replayed record does not name ${replayer} as the group it is replayed for`);
      }
      counts.push({ topic, waiting: waiting.length, own: own.length, replayed });
    }
    figure(SCENARIO, `./portal dead-letters ${replayer} <topic>: replayed / parked by ${replayer}`, counts.map((c) => `${c.topic} ${c.replayed}/${c.own}`).join(', '));
    assert.deepEqual(problems, [], 'every record the service parked sent back exactly once, for its own group only');

    // the handled message event came back once: still one mail, and the attachment filed once
    await waitFor('consumers caught up after the replay', async () => (await lagging(kafka, { [replayer]: consumed[replayer] })).length === 0, { timeoutMs: 60_000, intervalMs: 1000 });
    const mails = (await mailsTo(email)).filter((m) => mailDossier(m) === dossier.id && isMessageMail(m)).length;
    const shown = await client.get(`/api/messages/${message.id}`);
    assert.equal(mails, 1, 'a replayed event that was handled already sends no second mail');
    assert.equal(shown.json?.attachments?.length, 1, 'and files no second attachment');

    // each service replays the records it parked: one parked by four consumers must not go back four times
    const extra = counts.filter((c) => c.replayed !== c.own);
    assert.deepEqual(extra.map((c) => `${c.topic}: replayed ${c.replayed}, of which parked by ${replayer} ${c.own}`), [],
      `./portal dead-letters ${replayer} <topic> replays only what ${replayer} parked (each parked event once); the records other consumers parked on the shared <topic>.dlt go back to the topic too, to every consumer, and are parked again by each`);
  });
});
