// a. The broker paused (SIGSTOP, 20 s), then killed (SIGKILL) and started again, while the office publishes
// documents and sends messages and clients complete questionnaires: afterwards every one is visible to its client
// exactly once, and every e-mail arrived exactly once (documents: the digests of a dossier tell of as many documents
// as were published to it; messages: one mail each; questionnaires: one "waiting" mail per questionnaire), and each
// is in its dossier's activity trail exactly once, the trail's check finding nothing changed or removed.
// No call is refused meanwhile: the services take every write while the broker is paused or down.
// RELIABILITY_N (1000): documents + messages + questionnaire completions together (50 % / 30 % / 20 %).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  RUN, SERVICES, durationMs, figure, isDocumentMail, isMessageMail, isQuestionnaireMail, kill, mailAssignment,
  mailDocumentCount, mailDossier, mailsTo, outboxBacklog, pool, restart, seconds, sleep, stackEnv, waitFor,
} from './lib/stack.mjs';
import { consumedTopics, kafkaTool, lagging } from './lib/kafka.mjs';
import {
  allItems, clients, compareIds, completeQuestionnaire, dossiers, office, publishDocument, questionnaireDefinition,
  sendMessage, sendQuestionnaire, signIn, trailAgainst, trailProblems,
} from './lib/work.mjs';

const SCENARIO = 'a';
const N = Number(process.env.RELIABILITY_N ?? 1000);
const PAUSE_MS = Number(process.env.RELIABILITY_PAUSE_SECONDS ?? 20) * 1000;
const CLIENTS = 4;
const DOSSIERS = 20;
const CONCURRENCY = 8;
const WINDOW_MS = durationMs(stackEnv('DOCUMENT_MAIL_WINDOW', '2m'));
const TOPICS = ['portal.documents.v1', 'portal.messages.v1', 'portal.questionnaires.v1'];

describe(`a. broker paused ${PAUSE_MS / 1000} s, then killed and restarted, while ${N} items are published`, { timeout: 330_000 }, () => {
  let staffApi;
  let kafka;
  let consumed;
  let emails;
  let files;
  let signedIn;
  let questionnaireKey;
  let topicsBefore;
  const published = { documents: [], messages: [], questionnaires: [] };

  before(async () => {
    staffApi = await office();
    kafka = await kafkaTool();
    consumed = await consumedTopics(SERVICES);
    emails = await clients(SCENARIO, CLIENTS);
    files = await dossiers(staffApi, SCENARIO, emails, DOSSIERS);
    signedIn = Object.fromEntries(await Promise.all(emails.map(async (email) => [email, await signIn(email)])));
    questionnaireKey = await questionnaireDefinition(staffApi);
    topicsBefore = await kafka.endOffsets(TOPICS);
  });

  after(async () => {
    await kill('kafka', 'CONT').catch(() => {});
    await kafka?.close();
  });

  /**
   * One item: a document, a message, or a questionnaire sent and completed by its client. Not retried: the services
   * take every write while the broker is paused or down (the outbox relays it later), so one refused call fails the
   * scenario.
   */
  async function publish(item) {
    if (item.kind === 'document') {
      const r = await publishDocument(staffApi, item.dossier.id, `Document ${RUN} ${item.n}`);
      assert.equal(r.status, 201, `document ${item.n} refused: ${r.status} ${r.text}`);
      published.documents.push({ id: r.json.id, dossier: item.dossier });
    } else if (item.kind === 'message') {
      const r = await sendMessage(staffApi, item.dossier.id, `Bericht ${RUN} ${item.n}`);
      assert.equal(r.status, 201, `message ${item.n} refused: ${r.status} ${r.text}`);
      published.messages.push({ id: r.json.id, dossier: item.dossier });
    } else {
      const assignment = await sendQuestionnaire(staffApi, questionnaireKey, item.dossier.id, item.dossier.email);
      const pdfId = await completeQuestionnaire(signedIn[item.dossier.email], assignment, `Antwoord ${item.n}`);
      published.questionnaires.push({ assignment, pdf: pdfId, dossier: item.dossier });
    }
  }

  it('takes every publication while the broker is paused and while it is down', async () => {
    const documents = Math.round(N * 0.5);
    const messages = Math.round(N * 0.3);
    const kinds = [...Array(documents).fill('document'), ...Array(messages).fill('message'), ...Array(N - documents - messages).fill('questionnaire')];
    // interleaved, each kind over all dossiers
    const items = kinds.map((kind, n) => ({ kind, n, dossier: files[n % DOSSIERS], order: (n * 7919) % N })).sort((x, y) => x.order - y.order);
    const groups = [items.slice(0, Math.floor(N * 0.2)), items.slice(Math.floor(N * 0.2), Math.floor(N * 0.6)), items.slice(Math.floor(N * 0.6))];
    const started = Date.now();

    await pool(groups[0], CONCURRENCY, publish);
    figure(SCENARIO, 'published before the pause', `${groups[0].length} in ${seconds(Date.now() - started)}`);

    await kill('kafka', 'STOP');
    const pausedAt = Date.now();
    let duringPause = 0;
    const paused = sleep(PAUSE_MS).then(() => kill('kafka', 'CONT'));
    await pool(groups[1], CONCURRENCY, async (item) => {
      await publish(item);
      if (Date.now() - pausedAt < PAUSE_MS) duringPause++;
    });
    await paused;
    figure(SCENARIO, 'published while the broker was paused', `${duringPause} (pause ${seconds(PAUSE_MS)})`);

    await kill('kafka', 'KILL');
    const killedAt = Date.now();
    let back;
    const restarted = restart('kafka').then((ms) => { back = Date.now(); return ms; });
    let whileDown = 0;
    await pool(groups[2], CONCURRENCY, async (item) => {
      await publish(item);
      if (!back) whileDown++;
    });
    const restartMs = await restarted;
    figure(SCENARIO, 'broker killed, ./portal restart kafka until its port answers', seconds(restartMs));
    figure(SCENARIO, 'published while the broker was down or starting', `${whileDown} (down ${seconds(back - killedAt)})`);
    figure(SCENARIO, 'items published', `${published.documents.length} documents, ${published.messages.length} messages, ${published.questionnaires.length} questionnaires completed, in ${seconds(Date.now() - started)}`);
    assert.equal(published.documents.length + published.messages.length + published.questionnaires.length, N);
  });

  it('shows every document, message and completed questionnaire to its client, each once', async () => {
    const started = Date.now();
    let missing;
    await waitFor('every item visible to its client', async () => {
      missing = { documents: 0, messages: 0, questionnaires: 0, doubled: [] };
      await pool(files, 4, async (dossier) => {
        const client = signedIn[dossier.email];
        const docs = (await allItems(client, `/api/dossiers/${dossier.id}/documents?category=CORRESPONDENCE`)).map((d) => d.id);
        const delivered = (await allItems(client, `/api/dossiers/${dossier.id}/documents?category=DELIVERED`)).map((d) => d.id);
        const msgs = (await allItems(client, `/api/dossiers/${dossier.id}/messages`)).map((m) => m.id);
        const d = compareIds(published.documents.filter((x) => x.dossier.id === dossier.id).map((x) => x.id), docs);
        const m = compareIds(published.messages.filter((x) => x.dossier.id === dossier.id).map((x) => x.id), msgs);
        const q = compareIds(published.questionnaires.filter((x) => x.dossier.id === dossier.id).map((x) => x.pdf), delivered);
        missing.documents += d.missing.length;
        missing.messages += m.missing.length;
        missing.questionnaires += q.missing.length;
        missing.doubled.push(...d.doubled, ...m.doubled, ...q.doubled);
      });
      return missing.documents + missing.messages + missing.questionnaires === 0 && missing;
    }, { timeoutMs: 180_000, intervalMs: 2000 }).catch((e) => assert.fail(`${e.message}; missing ${JSON.stringify(missing)}`));
    assert.deepEqual(missing.doubled, [], 'no item listed twice');
    figure(SCENARIO, 'all items visible to their clients', `after ${seconds(Date.now() - started)} more`);
  });

  it('mails every client exactly once per message and questionnaire, and tells of every document exactly once', async () => {
    const expected = new Map(files.map((d) => [d.id, { documents: 0, messages: 0 }]));
    for (const x of published.documents) expected.get(x.dossier.id).documents++;
    for (const x of published.messages) expected.get(x.dossier.id).messages++;
    const assignments = new Set(published.questionnaires.map((x) => x.assignment));

    const count = async () => {
      const seen = new Map(files.map((d) => [d.id, { documents: 0, messages: 0, documentMails: 0 }]));
      const questionnaireMails = new Map();
      let foreign = 0;
      for (const email of emails) {
        for (const mail of await mailsTo(email)) {
          if (isQuestionnaireMail(mail)) {
            const id = mailAssignment(mail);
            questionnaireMails.set(id, (questionnaireMails.get(id) ?? 0) + 1);
            continue;
          }
          const per = seen.get(mailDossier(mail));
          if (!per) { foreign++; continue; }
          if (isDocumentMail(mail)) { per.documents += mailDocumentCount(mail); per.documentMails++; } else if (isMessageMail(mail)) per.messages++;
          else foreign++;
        }
      }
      let documentsShort = 0; let documentsOver = 0; let messagesShort = 0; let messagesOver = 0; let digests = 0;
      for (const [id, want] of expected) {
        const got = seen.get(id);
        digests += got.documentMails;
        documentsShort += Math.max(0, want.documents - got.documents);
        documentsOver += Math.max(0, got.documents - want.documents);
        messagesShort += Math.max(0, want.messages - got.messages);
        messagesOver += Math.max(0, got.messages - want.messages);
      }
      const questionnairesShort = [...assignments].filter((id) => !questionnaireMails.has(id)).length;
      const questionnairesOver = [...questionnaireMails.values()].reduce((sum, n) => sum + n - 1, 0)
        + [...questionnaireMails.keys()].filter((id) => !assignments.has(id)).length;
      return { documentsShort, documentsOver, messagesShort, messagesOver, questionnairesShort, questionnairesOver, digests, foreign };
    };

    const started = Date.now();
    let last;
    await waitFor('every e-mail arrived', async () => {
      last = await count();
      return last.documentsShort + last.messagesShort + last.questionnairesShort === 0;
    }, { timeoutMs: 240_000, intervalMs: 2000 }).catch((e) => assert.fail(`${e.message}; ${JSON.stringify(last)}`));
    figure(SCENARIO, 'all e-mails arrived', `after ${seconds(Date.now() - started)} more`);

    // then nothing more may come: every consumer has caught up, no event waits in an outbox, and a
    // document window (DOCUMENT_MAIL_WINDOW) plus the digest check has passed since
    await waitFor('consumers caught up and outboxes empty', async () =>
      (await lagging(kafka, consumed)).length === 0 && Object.keys(await outboxBacklog()).length === 0, { timeoutMs: 120_000, intervalMs: 1000 });
    const quietUntil = Date.now() + WINDOW_MS + 3000;
    await waitFor(`a document window (${seconds(WINDOW_MS)}) without new e-mail`, async () => Date.now() >= quietUntil, { timeoutMs: WINDOW_MS + 10_000, intervalMs: 500 });
    last = await count();
    figure(SCENARIO, 'e-mails', `${last.digests} document digests telling of ${published.documents.length} documents, ${published.messages.length} message mails, ${assignments.size} questionnaire mails`);
    figure(SCENARIO, 'e-mails missing / doubled', `${last.documentsShort + last.messagesShort + last.questionnairesShort} / ${last.documentsOver + last.messagesOver + last.questionnairesOver}`);
    assert.deepEqual(
      [last.documentsShort, last.messagesShort, last.questionnairesShort, last.documentsOver, last.messagesOver, last.questionnairesOver, last.foreign],
      [0, 0, 0, 0, 0, 0, 0],
      `missing and doubled: ${JSON.stringify(last)}`,
    );
  });

  it('records every publication, message and completion once in its dossier\'s activity trail, which stays intact', async () => {
    const expected = [
      ...published.documents.map((x) => ({ dossier: x.dossier.id, kind: 'DOCUMENT_PUBLISHED', objectId: x.id })),
      ...published.messages.map((x) => ({ dossier: x.dossier.id, kind: 'MESSAGE_SENT', objectId: x.id })),
      ...published.questionnaires.map((x) => ({ dossier: x.dossier.id, kind: 'QUESTIONNAIRE_COMPLETED', objectId: x.assignment })),
    ];
    const ids = files.map((d) => d.id);
    let last;
    await waitFor('every record in the trail', async () => {
      last = await trailAgainst(staffApi, ids, expected);
      return last.missing.length === 0;
    }, { timeoutMs: 120_000, intervalMs: 2000 }).catch((e) => assert.fail(`${e.message}; missing ${last.missing.length}`));
    figure(SCENARIO, 'trail records missing / doubled', `${last.missing.length} / ${last.doubled.length} (of ${expected.length})`);
    assert.deepEqual(last.doubled, [], 'no record twice');
    assert.deepEqual(await trailProblems(ids), [], 'the trail check finds nothing changed or removed');
  });

  it('relayed events more than once at most, never lost (figure: repeats the consumers absorbed)', async () => {
    const ours = new Set(files.map((d) => d.id));
    let events = 0;
    let repeats = 0;
    for (const topic of TOPICS) {
      const ids = new Map();
      for (const record of await kafka.read(topic, topicsBefore[topic])) {
        if (!ours.has(record.key)) continue;
        const id = JSON.parse(record.value).id;
        ids.set(id, (ids.get(id) ?? 0) + 1);
      }
      events += ids.size;
      repeats += [...ids.values()].reduce((sum, n) => sum + n - 1, 0);
    }
    figure(SCENARIO, 'events on the topics / published more than once (at least once: consumers deduplicate)', `${events} / ${repeats}`);
    assert.ok(events >= N, `at least one event per item (${events})`);
  });
});
