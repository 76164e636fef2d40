// c. The consumer that sends the e-mails (notification-service) killed with SIGKILL in the middle of a batch, while
// the office keeps sending messages and publishing documents; restarted, it neither skips nor doubles: one mail
// per message, and the document digests of each dossier tell of every document exactly once. The activity trail's
// consumer (dossier-service) is killed at the same moment: every message and document is in its dossier's trail
// exactly once afterwards, and the trail's check finds nothing changed or removed. A kill between the
// SMTP server taking a mail and the service recording it hands the server that mail again with the same Message-ID,
// which the recipient's mailbox keeps once: that is counted as one mail, and the repeats are shown as a figure.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  RUN, SERVICES, durationMs, figure, isDocumentMail, isMessageMail, kill, mailDocumentCount, mailDossier, mailsTo,
  outboxBacklog, pool, restart, seconds, stackEnv, waitFor,
} from './lib/stack.mjs';
import { consumedTopics, kafkaTool, lagging } from './lib/kafka.mjs';
import { MAIL_RETRIES_FOR_D } from './lib/overrides.mjs';
import { clients, dossiers, office, publishDocument, sendMessage, trailAgainst, trailProblems } from './lib/work.mjs';

const SCENARIO = 'c';
const MESSAGES = Number(process.env.RELIABILITY_C_MESSAGES ?? 160);
const DOCUMENTS = Number(process.env.RELIABILITY_C_DOCUMENTS ?? 40);
const DOSSIERS = 8;
const WINDOW_MS = durationMs(stackEnv('DOCUMENT_MAIL_WINDOW', '2m'));

describe('c. notification-service and dossier-service killed in the middle of a batch', { timeout: 330_000 }, () => {
  let staffApi;
  let kafka;
  let consumed;
  let emails;
  let files;
  const sent = [];

  before(async () => {
    staffApi = await office();
    kafka = await kafkaTool();
    consumed = await consumedTopics(SERVICES);
    emails = await clients(SCENARIO, 2);
    files = await dossiers(staffApi, SCENARIO, emails, DOSSIERS);
  });

  after(async () => {
    await kafka?.close();
  });

  const messageMails = async () => (await Promise.all(emails.map(mailsTo))).flat().filter(isMessageMail)
    .filter((m) => files.some((d) => d.id === mailDossier(m))).length;

  it('is killed while it works through the events, which keep coming, and restarted', async () => {
    // three bursts: the first is in the consumer's hands when it is killed, the second arrives while it is down,
    // the third while it starts again
    const burst = (messages, documents, offset) => [
      ...Array.from({ length: messages }, (_, n) => ({ kind: 'message', n: offset + n })),
      ...Array.from({ length: documents }, (_, n) => ({ kind: 'document', n: offset + n })),
    ].sort((x, y) => (x.n % 5) - (y.n % 5));
    const publish = (items) => pool(items, 6, async (item) => {
      const dossier = files[item.n % DOSSIERS];
      const r = item.kind === 'message'
        ? await sendMessage(staffApi, dossier.id, `Bericht ${RUN} ${item.n}`)
        : await publishDocument(staffApi, dossier.id, `Document ${RUN} ${item.n}`);
      assert.equal(r.status, 201, r.text);
      sent.push({ kind: item.kind, dossier: dossier.id, id: r.json.id });
    });
    const third = Math.floor(MESSAGES / 3);
    const thirdDocs = Math.floor(DOCUMENTS / 3);
    // killed once a part of the first burst's mails went out, while the burst is still being published: a
    // consumer that keeps up with the publishing has nothing left in hand once the whole burst is out
    const firstBurst = publish(burst(third, thirdDocs, 0));
    await waitFor('the first mails of the burst', async () => (await messageMails()) >= third / 4, { timeoutMs: 60_000, intervalMs: 100 });
    await kill('notification-service', 'KILL');
    await kill('dossier-service', 'KILL');
    await firstBurst;
    try {
      // what the dead consumer had not committed: fetched and in hand, or not yet fetched
      const behind = (await lagging(kafka, consumed)).filter((l) => l.group === 'notification-service')
        .reduce((sum, l) => sum + l.end - l.committed, 0);
      const mailsAtKill = await messageMails();
      figure(SCENARIO, 'killed with', `${mailsAtKill} of the first ${third} message mails sent, ${behind} events not yet committed by the consumer`);
      assert.ok(behind > 0, 'the consumer had events in hand when it was killed');
      await publish(burst(third, thirdDocs, 1000));
    } finally {
      // notification-service comes back with the fewer mail retries scenario d needs (no mail fails here)
      const restarting = restart('notification-service', MAIL_RETRIES_FOR_D);
      const trailRestarting = restart('dossier-service');
      await publish(burst(MESSAGES - 2 * third, DOCUMENTS - 2 * thirdDocs, 2000));
      figure(SCENARIO, 'restart until ready', `notification-service ${seconds(await restarting)}, dossier-service ${seconds(await trailRestarting)}`);
    }
    figure(SCENARIO, 'published', `${sent.filter((x) => x.kind === 'message').length} messages and ${sent.filter((x) => x.kind === 'document').length} documents in three bursts: before the kill, while down, while starting`);
  });

  it('sends every mail exactly once after the restart: nothing skipped, nothing doubled', async () => {
    const expected = new Map(files.map((d) => [d.id, { messages: 0, documents: 0 }]));
    for (const item of sent) expected.get(item.dossier)[item.kind === 'message' ? 'messages' : 'documents']++;
    let repeats = 0;
    const count = async () => {
      const got = new Map(files.map((d) => [d.id, { messages: 0, documents: 0 }]));
      const all = (await Promise.all(emails.map(mailsTo))).flat();
      const seen = new Set();
      repeats = 0;
      for (const mail of all) {
        assert.ok(mail.messageId, 'every mail has a Message-ID');
        if (seen.has(mail.messageId)) { repeats++; continue; }
        seen.add(mail.messageId);
        const per = got.get(mailDossier(mail));
        if (!per) continue;
        if (isMessageMail(mail)) per.messages++;
        else if (isDocumentMail(mail)) per.documents += mailDocumentCount(mail);
      }
      let short = 0; let over = 0;
      for (const [id, want] of expected) {
        const have = got.get(id);
        for (const kind of ['messages', 'documents']) {
          short += Math.max(0, want[kind] - have[kind]);
          over += Math.max(0, have[kind] - want[kind]);
        }
      }
      return { short, over };
    };
    const started = Date.now();
    let last;
    await waitFor('every mail', async () => { last = await count(); return last.short === 0; }, { timeoutMs: 150_000, intervalMs: 1000 })
      .catch((e) => assert.fail(`${e.message}: ${JSON.stringify(last)}`));
    figure(SCENARIO, 'all mails arrived', `${seconds(Date.now() - started)} after the restart`);
    await waitFor('consumers caught up and outboxes empty', async () =>
      (await lagging(kafka, consumed)).length === 0 && Object.keys(await outboxBacklog()).length === 0, { timeoutMs: 90_000, intervalMs: 1000 });
    const quietUntil = Date.now() + WINDOW_MS + 3000;
    await waitFor('a document window without new e-mail', async () => Date.now() >= quietUntil, { timeoutMs: WINDOW_MS + 10_000 });
    last = await count();
    figure(SCENARIO, 'mails missing / doubled', `${last.short} / ${last.over} (of ${MESSAGES} message mails and ${DOCUMENTS} documents told of)`);
    figure(SCENARIO, 'handed to SMTP again with the same Message-ID', `${repeats}`);
    assert.deepEqual(last, { short: 0, over: 0 });
  });

  it('records every message and document once in its dossier\'s activity trail, which stays intact', async () => {
    const expected = sent.map((x) => ({ dossier: x.dossier, kind: x.kind === 'message' ? 'MESSAGE_SENT' : 'DOCUMENT_PUBLISHED', objectId: x.id }));
    const ids = files.map((d) => d.id);
    // the consumers caught up in the test before: everything is in the trail now, or it was lost
    const { missing, doubled } = await trailAgainst(staffApi, ids, expected);
    figure(SCENARIO, 'trail records missing / doubled', `${missing.length} / ${doubled.length} (of ${expected.length})`);
    assert.deepEqual({ missing, doubled }, { missing: [], doubled: [] });
    assert.deepEqual(await trailProblems(ids), [], 'the trail check finds nothing changed or removed');
  });
});
