// Messages and what clients deliver, through the gateway as the office's tools and clients' browsers
// call it (MSG-1..6, DOC-3..6, STF-4): the office writes with a file, the client reads it (receipt),
// uploads with tus (one upload cut off and resumed), removes a wrong file, replies; the office reads
// the reply (receipt) and downloads the delivered file byte for byte; nobody else sees any of it.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import {
  PORTAL_URL,
  backOfficeToken,
  eventually,
  mailRecipients,
  mailText,
  mails,
  portalReachable,
  signIn,
  staff,
} from './lib/portal.mjs';

const ANNA = 'anna@example.com';
const RUN = `MSG-${Date.now()}`;
const isProblem = (r) => /application\/problem\+json/i.test(r.contentType);
const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');

function pdf(size, seed = 'x') {
  return Buffer.concat([Buffer.from(`%PDF-1.7\n% ${seed}\n`), randomBytes(size)]);
}

/** tus creation through the gateway; returns the upload's path. */
async function tusCreate(client, dossierId, fileName, length) {
  const created = await client.send('POST', '/api/uploads/tus', undefined, {
    headers: {
      'tus-resumable': '1.0.0',
      'upload-length': String(length),
      'upload-metadata': `filename ${b64(fileName)},dossierId ${b64(dossierId)},filetype ${b64('application/pdf')}`,
    },
  });
  assert.equal(created.status, 201, created.text);
  return created.headers.get('location');
}

function tusPatch(client, location, offset, bytes) {
  return client.send('PATCH', location, new Uint8Array(bytes), {
    headers: { 'tus-resumable': '1.0.0', 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' },
  });
}

/** A PATCH that announces all remaining bytes, sends `sent` of them and then drops the connection. */
function tusPatchCutOff(client, location, bytes, sent) {
  return new Promise((resolve) => {
    const request = http.request(new URL(location, PORTAL_URL), {
      method: 'PATCH',
      headers: {
        ...client.sessionHeaders(),
        'tus-resumable': '1.0.0',
        'upload-offset': '0',
        'content-type': 'application/offset+octet-stream',
        'content-length': String(bytes.length),
      },
    });
    request.on('error', () => resolve());
    request.write(bytes.subarray(0, sent), () => setTimeout(() => { request.destroy(); resolve(); }, 300));
  });
}

async function offsetOf(client, location) {
  const head = await client.send('HEAD', location, undefined, { headers: { 'tus-resumable': '1.0.0' } });
  return head.status === 200 ? Number(head.headers.get('upload-offset')) : undefined;
}

describe(`messages and deliveries (${RUN})`, () => {
  let office;
  let anna;
  let bob;
  let dossier;
  let officeMessage;
  const officeFile = pdf(20_000, 'office');
  const delivered = pdf(3 * 1024 * 1024, 'paspoort');

  before(async () => {
    assert.ok(await portalReachable(), 'the gateway does not answer (start the stack first)');
    office = staff(await backOfficeToken());
    [anna, bob] = await Promise.all([signIn(ANNA), signIn('piet@example.com')]);
    const created = await office.createDossier({ number: RUN, description: `Berichten ${RUN}`, parties: [ANNA] });
    assert.equal(created.status, 201, created.text);
    dossier = created.json;
  });

  it('lets the office send a message with a file; the client is mailed a link only', async () => {
    const sent = await office.sendMessage(dossier.id, {
      subject: `Graag uw paspoort ${RUN}`,
      body: 'Wilt u een kopie van uw paspoort aanleveren?',
      files: [{ bytes: officeFile, fileName: 'checklist.pdf', contentType: 'application/pdf' }],
    });
    assert.equal(sent.status, 201, sent.text);
    officeMessage = sent.json;
    assert.equal(officeMessage.direction, 'INCOMING');
    assert.equal(officeMessage.attachments.length, 1);

    const mail = await eventually(async () => (await mails()).find((m) =>
      mailRecipients(m).includes(ANNA) && mailText(m).includes(`/dossiers/${dossier.id}?tab=berichten`)), { timeoutMs: 30000 });
    assert.ok(mail, 'the "new message" e-mail arrived');
    assert.equal(mail.subject, 'Nieuw bericht in het klantenportaal');
    assert.ok(!mailText(mail).includes(RUN) && !mailText(mail).includes('paspoort'), 'no subject or text in the e-mail');
  });

  it('shows the client the unread message; opening it reads it and gives the office its receipt', async () => {
    let counts = await anna.get(`/api/dossiers/${dossier.id}/messages/counts`);
    assert.deepEqual(counts.json, { total: 1, unread: 1 });
    const list = await anna.get(`/api/dossiers/${dossier.id}/messages`);
    assert.equal(list.json.items[0].read, false);
    assert.equal(list.json.items[0].body, undefined, 'the list does not carry bodies');

    const opened = await anna.get(`/api/messages/${officeMessage.id}`);
    assert.equal(opened.status, 200);
    assert.equal(opened.json.body, 'Wilt u een kopie van uw paspoort aanleveren?');
    counts = await anna.get(`/api/dossiers/${dossier.id}/messages/counts`);
    assert.equal(counts.json.unread, 0);

    const file = await anna.get(`/api/documents/${officeMessage.attachments[0].documentId}/content`);
    assert.equal(file.status, 200);
    assert.ok(file.bytes.equals(officeFile), 'the office file downloads byte for byte');

    const forOffice = await office.get(`/api/staff/dossiers/${dossier.id}/messages`);
    assert.ok(forOffice.json.items[0].readByClientAt, 'the office sees when the client read it');
  });

  let reply;
  it('lets the client upload resumably, remove a wrong file and reply with the right one', async () => {
    const location = await tusCreate(anna, dossier.id, 'paspoort anna.pdf', delivered.length);
    const half = Math.floor(delivered.length / 2);
    await tusPatchCutOff(anna, location, delivered, half);
    // bytes of the dropped request may still be arriving at the server: wait until the offset settles
    let resumedAt;
    await eventually(async () => {
      const offset = await offsetOf(anna, location);
      const settled = offset > 0 && offset === resumedAt;
      resumedAt = offset;
      return settled;
    }, { intervalMs: 300 });
    assert.ok(resumedAt >= half - 512 * 1024, `resumes near where it stopped: ${resumedAt} of ${half} bytes were kept`);
    const rest = await tusPatch(anna, location, resumedAt, delivered.subarray(resumedAt));
    assert.equal(rest.status, 204, rest.text);
    const uploadId = location.split('/').pop();

    const wrongLocation = await tusCreate(anna, dossier.id, 'verkeerd.pdf', 5000);
    assert.equal((await tusPatch(anna, wrongLocation, 0, pdf(5000 - 20, 'verkeerd').subarray(0, 5000))).status, 204);
    const wrongId = wrongLocation.split('/').pop();
    assert.equal((await anna.send('DELETE', `/api/uploads/${wrongId}`)).status, 204, 'the trash bin removes it');

    const html = Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>');
    const htmlLocation = await tusCreate(anna, dossier.id, 'foto.jpg', html.length);
    const refused = await tusPatch(anna, htmlLocation, 0, html);
    assert.equal(refused.status, 415);
    assert.ok(isProblem(refused) && refused.json.detail.includes("'foto.jpg'"), refused.text);
    // The web app says it in the user's language from the code and its parameters, not from the English detail.
    assert.equal(refused.json.code, 'upload.refused-type', refused.text);
    assert.deepEqual({ file: refused.json.params?.file, kind: refused.json.params?.kind }, { file: 'foto.jpg', kind: 'web-page' });

    const sent = await anna.send('POST', `/api/dossiers/${dossier.id}/messages`, {
      subject: 'Re: Graag uw paspoort',
      body: 'Hierbij mijn paspoort.',
      inReplyTo: officeMessage.id,
      uploads: [uploadId],
    });
    assert.equal(sent.status, 201, sent.text);
    reply = sent.json;
    assert.equal(reply.direction, 'OUTGOING');
    assert.deepEqual(reply.attachments.map((a) => a.fileName), ['paspoort anna.pdf']);

    const missing = await anna.send('POST', `/api/dossiers/${dossier.id}/messages`, { subject: '', body: '' });
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.json.errors.map((e) => e.field).sort(), ['body', 'subject']);
  });

  it('files the delivered document under "Door mij aangeleverd" and lets the office download it byte for byte', async () => {
    const documentId = reply.attachments[0].documentId;
    const tab = await eventually(async () => {
      const listed = await anna.get(`/api/dossiers/${dossier.id}/documents?category=DELIVERED`);
      return listed.json?.items?.length ? listed : undefined;
    });
    assert.deepEqual(tab.json.items.map((d) => d.id), [documentId]);

    const forOffice = await office.get(`/api/staff/dossiers/${dossier.id}/documents?category=DELIVERED`);
    assert.equal(forOffice.status, 200);
    assert.equal(forOffice.json.items[0].fileName, 'paspoort anna.pdf');
    const download = await office.get(`/api/documents/${documentId}/content`);
    assert.equal(download.status, 200);
    assert.ok(download.bytes.equals(delivered), 'byte for byte');
    assert.match(download.headers.get('content-disposition'), /^attachment;/);
    assert.equal(download.headers.get('x-content-type-options'), 'nosniff');

    const messages = await office.get(`/api/staff/dossiers/${dossier.id}/messages`);
    const clientMessage = messages.json.items.find((m) => m.id === reply.id);
    assert.equal(clientMessage.body, 'Hierbij mijn paspoort.');
    const read = await office.request('PUT', `/api/staff/messages/${reply.id}/read`);
    assert.equal(read.status, 200);
    const seen = await anna.get(`/api/dossiers/${dossier.id}/messages`);
    assert.ok(seen.json.items.find((m) => m.id === reply.id).readByOfficeAt, 'the client sees that the office read it');
  });

  it('answers 404 to another client for every message, upload and attachment', async () => {
    const uploadLocation = await tusCreate(anna, dossier.id, 'nog een.pdf', 100);
    for (const path of [
      `/api/dossiers/${dossier.id}/messages`,
      `/api/dossiers/${dossier.id}/messages/counts`,
      `/api/messages/${officeMessage.id}`,
      `/api/messages/${reply.id}`,
      `/api/documents/${reply.attachments[0].documentId}/content`,
      `/api/documents/${officeMessage.attachments[0].documentId}/content`,
      `/api/uploads/${uploadLocation.split('/').pop()}`,
    ]) {
      const response = await bob.get(path);
      assert.equal(response.status, 404, `${path} → ${response.status}`);
    }
    const write = await bob.send('POST', `/api/dossiers/${dossier.id}/messages`, { subject: 'x', body: 'y' });
    assert.equal(write.status, 404);
    const head = await bob.send('HEAD', uploadLocation, undefined, { headers: { 'tus-resumable': '1.0.0' } });
    assert.equal(head.status, 404);
  });
});
