// API end-to-end test of the thin slice, as a back-office tool and a client's browser would call it.
// Run against the running stack:  cd e2e && node --test api.test.mjs
// (PORTAL_URL / KEYCLOAK_URL / MAILDEV_URL default to http://localhost:8080 / :8180 / :1080.)
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  PORTAL_URL,
  anonymous,
  backOfficeToken,
  eventually,
  mailRecipients,
  mailText,
  mailTime,
  mails,
  portalReachable,
  signIn,
  staff,
} from './lib/portal.mjs';

const ANNA = 'anna@example.com';
const JANSEN = 'jansen.bv@example.com';
const RUN = `E2E-${Date.now()}`;
const STARTED_AT = Date.now() - 2000; // a little slack for clock differences with MailDev

const isProblem = (response) => /application\/problem\+json/i.test(response.contentType);

describe(`thin slice through the gateway (${RUN})`, () => {
  let office;
  let anna;
  let jansen;
  let dossier;
  let document;
  const title = `Conceptakte ${RUN}`;
  const marker = `E2E-CONTENT-${RUN}`;
  // random bytes with a readable marker and bytes that are not valid UTF-8 (a lone 0xff, a broken
  // two-byte sequence, NUL)
  const content = Buffer.concat([
    Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0x80]),
    Buffer.from(marker, 'ascii'),
    randomBytes(4096),
  ]);
  const fileName = '../brief aan cliënt.pdf'; // a path in the name: the download must not echo it

  before(async () => {
    assert.ok(await portalReachable(), `the gateway does not answer at ${PORTAL_URL} (start the stack first)`);
    office = staff(await backOfficeToken());
    [anna, jansen] = await Promise.all([signIn(ANNA), signIn(JANSEN)]);
  });

  it('answers 401 to anonymous API calls', async () => {
    const visitor = anonymous();
    for (const path of ['/api/me', '/api/dossiers']) {
      const response = await visitor.get(path);
      assert.equal(response.status, 401, `${path} → ${response.status}`);
    }
  });

  it('lets staff create a dossier for anna', async () => {
    const response = await office.createDossier({
      number: `${RUN}-1`,
      description: `Levering woning ${RUN}`,
      status: 'IN_PROGRESS',
      parties: [ANNA],
    });
    assert.equal(response.status, 201, response.text);
    assert.ok(response.json?.id, 'the created dossier has an id');
    dossier = response.json;
  });

  it("shows anna's profile", async () => {
    const response = await anna.get('/api/me');
    assert.equal(response.status, 200, response.text);
    const me = response.json;
    assert.equal(me.email, ANNA);
    assert.ok(me.name, 'name');
    assert.ok(Array.isArray(me.roles) && me.roles.includes('client'), `roles ${JSON.stringify(me.roles)}`);
    assert.ok(['nl', 'en'].includes(me.language), `language ${me.language}`);
  });

  it("lists the new dossier in anna's dossiers", async () => {
    const response = await anna.get(`/api/dossiers?query=${encodeURIComponent(dossier.number ?? `${RUN}-1`)}&size=50`);
    assert.equal(response.status, 200, response.text);
    const item = response.json.items.find((d) => d.id === dossier.id);
    assert.ok(item, `dossier ${dossier.id} not in ${JSON.stringify(response.json.items)}`);
    assert.equal(item.number, `${RUN}-1`);
    assert.equal(item.description, `Levering woning ${RUN}`);
    assert.equal(item.status, 'IN_PROGRESS');
  });

  it('lets staff publish a document in the dossier', async () => {
    // document-service learns about the dossier from the dossier event: allow it a moment
    const response = await eventually(async () => {
      const r = await office.publishDocument(dossier.id, { bytes: content, fileName, title, category: 'CORRESPONDENCE' });
      return r.status === 404 ? undefined : r;
    });
    assert.ok(response, 'document-service kept answering 404 for the new dossier');
    assert.equal(response.status, 201, response.text);
    assert.ok(response.json?.id, 'the published document has an id');
    document = response.json;
  });

  it('lets anna list and download the document with exactly the same bytes', async () => {
    const listed = await eventually(async () => {
      const r = await anna.get(`/api/dossiers/${dossier.id}/documents`);
      return r.status === 200 && r.json.items.some((d) => d.id === document.id) ? r : undefined;
    });
    assert.ok(listed, `document ${document.id} never appeared in anna's list`);
    const item = listed.json.items.find((d) => d.id === document.id);
    assert.equal(item.title, title);
    assert.equal(item.category, 'CORRESPONDENCE');

    const download = await anna.get(`/api/documents/${document.id}/content`, { headers: { accept: '*/*' } });
    assert.equal(download.status, 200, download.text.slice(0, 200));
    assert.ok(download.bytes.equals(content), `downloaded ${download.bytes.length} bytes differ from the ${content.length} uploaded`);

    const disposition = download.headers.get('content-disposition') ?? '';
    assert.match(disposition, /^attachment\s*;/i, `Content-Disposition: ${disposition}`);
    assert.match(disposition, /filename\*?=/i, `no filename in ${disposition}`);
    const names = [...disposition.matchAll(/filename\*?=("(?:[^"\\]|\\.)*"|[^;]+)/gi)].map((m) => m[1]);
    for (const name of names) {
      const raw = name.replace(/^"|"$/g, '').replace(/^UTF-8''/i, '').replace(/\\(.)/g, '$1');
      let decoded = raw;
      try { decoded = decodeURIComponent(raw); } catch { /* not percent-encoded */ }
      assert.doesNotMatch(decoded, /[\r\n/\\]|^\.\.|\.\.[/\\]/, `unsafe filename ${decoded}`);
    }
  });

  it('e-mails anna a link to the portal within 30 s, without the title or the content', async () => {
    const toAnna = () => mails().then((all) => all.filter((m) => mailRecipients(m).includes(ANNA) && mailTime(m) >= STARTED_AT));
    const found = await eventually(async () => {
      const list = await toAnna();
      return list.some((m) => mailText(m).includes(PORTAL_URL)) ? list : undefined;
    }, { timeoutMs: 30000, intervalMs: 1000 });
    assert.ok(found, `no mail to ${ANNA} with a link to ${PORTAL_URL} within 30 s`);
    for (const mail of found) {
      const text = mailText(mail);
      assert.ok(!text.includes(title), `mail "${mail.subject}" contains the document title`);
      assert.ok(!text.includes(marker), `mail "${mail.subject}" contains the document content`);
      assert.ok(!(mail.attachments ?? []).length, `mail "${mail.subject}" has attachments`);
    }
  });

  it("answers 404 to someone who is not a party (dossier, its documents, the content)", async () => {
    for (const path of [
      `/api/dossiers/${dossier.id}`,
      `/api/dossiers/${dossier.id}/documents`,
      `/api/documents/${document.id}/content`,
    ]) {
      const response = await jansen.get(path, { headers: { accept: '*/*' } });
      assert.equal(response.status, 404, `${JANSEN} ${path} → ${response.status}`);
      assert.ok(!response.bytes.includes(Buffer.from(marker)), `${path} leaked the content`);
      assert.ok(!response.text.includes(title), `${path} leaked the title`);
    }
  });

  it('forbids a client to use the staff API (403)', async () => {
    const response = await anna.send('POST', '/api/staff/dossiers', {
      number: `${RUN}-client`, description: 'not allowed', parties: [ANNA],
    });
    assert.equal(response.status, 403, response.text);
  });

  it('rejects a party e-mail that has no account (400 problem+json)', async () => {
    const response = await office.createDossier({
      number: `${RUN}-2`, description: 'unknown party', parties: [`nobody-${RUN}@example.com`],
    });
    assert.equal(response.status, 400, response.text);
    assert.ok(isProblem(response), `content type ${response.contentType}`);
    assert.equal(response.json.status, 400);
    assert.ok(response.json.title, 'problem has a title');
  });

  it('rejects a dossier without a number and names the field (400)', async () => {
    const response = await office.createDossier({ description: 'no number', parties: [ANNA] });
    assert.equal(response.status, 400, response.text);
    assert.ok(isProblem(response), `content type ${response.contentType}`);
    assert.match(JSON.stringify(response.json), /\bnumber\b/, `the problem does not name "number": ${response.text}`);
  });

  it('rejects a duplicate dossier number (409)', async () => {
    const response = await office.createDossier({ number: `${RUN}-1`, description: 'duplicate', parties: [ANNA] });
    assert.equal(response.status, 409, response.text);
    assert.ok(isProblem(response), `content type ${response.contentType}`);
  });

  it('refuses a state-changing browser call without the CSRF header (403)', async () => {
    // make sure the CSRF cookie exists, so only the header is missing
    await anna.get('/api/me');
    const response = await anna.send('PUT', '/api/me/language', { language: 'en' }, { csrf: false });
    assert.equal(response.status, 403, response.text);
    // and the same call with the header goes through
    const allowed = await anna.send('PUT', '/api/me/language', { language: 'nl' });
    assert.equal(allowed.status, 204, allowed.text);
  });
});
