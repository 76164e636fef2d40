// b. A service killed (SIGKILL) between its database write and the relay of the event: document-service right
// after it answered 201 to a published document, and messaging-service right after a message. The broker is
// paused before the writes, so the events are surely still in the services' outboxes when they die (the
// scenario checks the outbox metric). Restarted, each event is relayed and consumed once: the document and the
// message are visible once, and exactly one e-mail tells of each.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  RUN, SERVICES, durationMs, figure, isDocumentMail, isMessageMail, kill, mailDocumentCount, mailDossier, mailsTo, metric,
  outboxBacklog, restart, seconds, stackEnv, waitFor,
} from './lib/stack.mjs';
import { consumedTopics, kafkaTool, lagging } from './lib/kafka.mjs';
import { allItems, clients, dossiers, office, publishDocument, sendMessage, signIn } from './lib/work.mjs';
import { UPLOAD_LIMIT_FOR_E } from './lib/overrides.mjs';

const SCENARIO = 'b';
const WINDOW_MS = durationMs(stackEnv('DOCUMENT_MAIL_WINDOW', '2m'));

describe('b. services killed between their database write and the relay of the event', { timeout: 180_000 }, () => {
  let staffApi;
  let kafka;
  let consumed;
  let email;
  let client;
  let dossier;
  let document;
  let message;
  let topicsBefore;
  let restartedAt;

  before(async () => {
    staffApi = await office();
    kafka = await kafkaTool();
    consumed = await consumedTopics(SERVICES);
    [email] = await clients(SCENARIO, 1);
    [dossier] = await dossiers(staffApi, SCENARIO, [email], 1);
    client = await signIn(email);
    topicsBefore = await kafka.endOffsets(['portal.documents.v1', 'portal.messages.v1']);
  });

  after(async () => {
    await kill('kafka', 'CONT').catch(() => {});
    await kafka?.close();
  });

  it('kills document-service and messaging-service with their events written but not relayed', async () => {
    await kill('kafka', 'STOP');
    try {
      const published = await publishDocument(staffApi, dossier.id, `Na de schrijfactie ${RUN}`);
      assert.equal(published.status, 201, published.text);
      document = published.json;
      const sent = await sendMessage(staffApi, dossier.id, `Na de schrijfactie ${RUN}`);
      assert.equal(sent.status, 201, sent.text);
      message = sent.json;
      // the events are in the outboxes: written with the document and the message, not yet published
      const pending = { document: await metric('document-service', 'portal_outbox_pending'), messaging: await metric('messaging-service', 'portal_outbox_pending') };
      figure(SCENARIO, 'events waiting in the outbox when killed', `document-service ${pending.document}, messaging-service ${pending.messaging}`);
      assert.ok(pending.document >= 1 && pending.messaging >= 1, `events pending in both outboxes: ${JSON.stringify(pending)}`);
      await Promise.all([kill('document-service', 'KILL'), kill('messaging-service', 'KILL')]);
    } finally {
      await kill('kafka', 'CONT');
    }
    // document-service comes back with the larger upload limit scenario e needs (it changes nothing here)
    const started = Date.now();
    const [documentMs, messagingMs] = await Promise.all([
      restart('document-service', UPLOAD_LIMIT_FOR_E), restart('messaging-service')]);
    restartedAt = Date.now();
    figure(SCENARIO, 'restart until ready', `document-service ${seconds(documentMs)}, messaging-service ${seconds(messagingMs)} (in parallel, ${seconds(restartedAt - started)})`);
  });

  it('relays each event after the restart and the client sees the document and the message once', async () => {
    await waitFor('outboxes empty after the restart', async () => Object.keys(await outboxBacklog()).length === 0, { timeoutMs: 30_000 });
    const seen = await waitFor('document and message visible', async () => {
      const docs = (await allItems(client, `/api/dossiers/${dossier.id}/documents?category=CORRESPONDENCE`)).map((d) => d.id);
      const msgs = (await allItems(client, `/api/dossiers/${dossier.id}/messages`)).map((m) => m.id);
      return docs.includes(document.id) && msgs.includes(message.id) && { docs, msgs };
    }, { timeoutMs: 30_000 });
    assert.deepEqual(seen.docs, [document.id]);
    assert.deepEqual(seen.msgs, [message.id]);
    let deliveries = 0;
    for (const topic of Object.keys(topicsBefore)) {
      deliveries += (await kafka.read(topic, topicsBefore[topic])).filter((r) => r.key === dossier.id).length;
    }
    figure(SCENARIO, 'times the two events were published (at least once)', deliveries);
    assert.ok(deliveries >= 2, `both events were relayed (${deliveries} records)`);
  });

  it('sends exactly one e-mail for the document and one for the message', async () => {
    const count = async () => {
      const mine = (await mailsTo(email)).filter((m) => mailDossier(m) === dossier.id);
      return {
        documents: mine.filter(isDocumentMail).reduce((sum, m) => sum + mailDocumentCount(m), 0),
        messages: mine.filter(isMessageMail).length,
      };
    };
    await waitFor('both e-mails', async () => {
      const c = await count();
      return c.documents >= 1 && c.messages >= 1;
    }, { timeoutMs: WINDOW_MS + 60_000 });
    figure(SCENARIO, 'both e-mails arrived', `${seconds(Date.now() - restartedAt)} after the services were ready again (the document's after its window of ${seconds(WINDOW_MS)})`);
    // the mails come from notification-service, which was not killed: once it has caught up, only the window can add one
    await waitFor('notification-service caught up', async () => (await lagging(kafka, { 'notification-service': consumed['notification-service'] })).length === 0, { timeoutMs: 60_000 });
    const quietUntil = Date.now() + WINDOW_MS + 3000;
    await waitFor('a document window without new e-mail', async () => Date.now() >= quietUntil, { timeoutMs: WINDOW_MS + 10_000 });
    const final = await count();
    figure(SCENARIO, 'e-mails (document told of / message)', `${final.documents} / ${final.messages}`);
    assert.deepEqual(final, { documents: 1, messages: 1 });
  });
});
