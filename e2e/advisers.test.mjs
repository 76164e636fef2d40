// End-to-end test of ADV-1 through the gateway, as browsers call it: a client's grant lets an adviser in exactly as
// far as it reaches, and no further. Every client route an adviser could try × (own grant, revoked grant, expired
// grant, a dossier never shared), the adviser's list, the grant usable at once and refused at once after revoking,
// and the rules of granting (limits, who may grant, the office's "no sharing").
// Run against the running local stack:  node --test e2e/advisers.test.mjs
// Requires `npm ci` in e2e/ (mongodb: the expired grant is made by moving its end into the past in dossier-service's
// store, since the stack's clock cannot be moved).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MongoClient, ObjectId } from 'mongodb';
import { backOfficeToken, ensureClientAccount, portalReachable, signIn, staff } from './lib/portal.mjs';
import { onePagePdf as pdf } from './lib/pdf.mjs';

const STAMP = Date.now().toString(36);
const ADVISER = `adviseur-${STAMP}@example.com`;
const MONGODB_URI = process.env.MONGODB_URI ?? 'mongodb://localhost:27017';
const isProblem = (response) => /application\/problem\+json/i.test(response.contentType ?? '');

/** A date counted from today in the office's calendar (Europe/Amsterdam), as grants count their days: from 23:00 or
 * 22:00 UTC on it is already the next day there. */
const isoDate = (daysFromToday) => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + daysFromToday);
  return date.toISOString().slice(0, 10);
};

describe(`access for advisers through the gateway (${STAMP})`, () => {
  let office;
  let anna;
  let adviser;
  let mongo;
  /** The four dossiers of the matrix: own grant, revoked grant, expired grant, never shared. */
  const dossiers = {};
  const documents = {};
  const assignments = {};
  const grants = {};

  async function dossierWithDocument(key) {
    const created = await office.createDossier({ number: `E2E-ADV-${key}-${STAMP}`, description: `Adviseur ${key}`, parties: ['anna@example.com'] });
    assert.equal(created.status, 201, created.text);
    dossiers[key] = created.json.id;
    const published = await office.publishDocument(created.json.id, {
      bytes: pdf(`Concept ${key}`), fileName: `concept-${key}.pdf`, title: `Concept ${key}`, category: 'DOCUMENT', contentType: 'application/pdf',
    });
    assert.equal(published.status, 201, published.text);
    documents[key] = published.json.id;
    const sent = await office.request('POST', `/api/staff/dossiers/${created.json.id}/questionnaires`, {
      json: { questionnaire: 'aankoop-woning', recipient: 'anna@example.com', dueDate: isoDate(14) },
    });
    assert.equal(sent.status, 201, sent.text);
    assignments[key] = sent.json.id;
  }

  async function grant(key, scope = 'READ_DELIVER', until = isoDate(30)) {
    const made = await anna.send('POST', `/api/dossiers/${dossiers[key]}/grants`, { email: ADVISER, name: 'Ada Adviseur', scope, until });
    assert.equal(made.status, 201, made.text);
    grants[key] = made.json.id;
    return made.json;
  }

  before(async () => {
    assert.ok(await portalReachable(), 'the portal does not answer (start the stack first)');
    office = staff(await backOfficeToken());
    await ensureClientAccount(ADVISER, { firstName: 'Ada', lastName: 'Adviseur' });
    anna = await signIn('anna@example.com');
    adviser = await signIn(ADVISER);
    for (const key of ['own', 'revoked', 'expired', 'other']) await dossierWithDocument(key);
    await grant('own');
    await grant('revoked');
    await grant('expired');
    const revoked = await anna.send('DELETE', `/api/dossiers/${dossiers.revoked}/grants/${grants.revoked}`);
    assert.equal(revoked.status, 204, revoked.text);
    mongo = new MongoClient(MONGODB_URI, { directConnection: true });
    const stored = mongo.db('dossier').collection('dossiers');
    const byId = { _id: ObjectId.isValid(dossiers.expired) ? new ObjectId(dossiers.expired) : dossiers.expired };
    const place = (await stored.findOne(byId)).grants.findIndex((g) => (g._id ?? g.id) === grants.expired);
    assert.ok(place >= 0, 'the grant is stored in its dossier');
    const expired = await stored.updateOne(byId, { $set: { [`grants.${place}.expiresAt`]: new Date(Date.now() - 1000) } });
    assert.equal(expired.modifiedCount, 1, 'the expired grant was moved into the past');
  });

  after(async () => {
    await mongo?.close();
  });

  it('a grant is usable at once: the adviser reads the dossier right after it is made', async () => {
    const fresh = await office.createDossier({ number: `E2E-ADV-fresh-${STAMP}`, description: 'Adviseur fresh', parties: ['anna@example.com'] });
    assert.equal(fresh.status, 201, fresh.text);
    const made = await anna.send('POST', `/api/dossiers/${fresh.json.id}/grants`, { email: ADVISER, name: 'Ada Adviseur', scope: 'READ' });
    assert.equal(made.status, 201, made.text);
    assert.equal(made.json.until, isoDate(30), 'the default end is 30 days from today');
    const read = await adviser.get(`/api/dossiers/${fresh.json.id}`);
    assert.equal(read.status, 200, read.text);
    assert.equal(read.json.sharedBy, 'Anna de Vries');
    assert.equal(read.json.access, 'READ');
    const revoked = await anna.send('DELETE', `/api/dossiers/${fresh.json.id}/grants/${made.json.id}`);
    assert.equal(revoked.status, 204);
    const after = await adviser.get(`/api/dossiers/${fresh.json.id}`);
    assert.equal(after.status, 404, 'revoking takes effect at the next call');
  });

  it("the adviser's list holds the shared dossier only, labelled with who shared it until when", async () => {
    const list = await adviser.get('/api/dossiers?size=100');
    assert.equal(list.status, 200, list.text);
    const ids = list.json.items.map((d) => d.id);
    assert.ok(ids.includes(dossiers.own), 'the granted dossier is listed');
    for (const key of ['revoked', 'expired', 'other']) assert.ok(!ids.includes(dossiers[key]), `${key} is not listed`);
    const own = list.json.items.find((d) => d.id === dossiers.own);
    assert.equal(own.sharedBy, 'Anna de Vries');
    assert.equal(own.sharedUntil, isoDate(30));
    assert.equal(own.access, 'READ_DELIVER');
  });

  // route × (own grant, revoked, expired, other): the answer for the own grant; every other column is 404
  const ROUTES = [
    ['GET', (k) => `/api/dossiers/${dossiers[k]}`, 200],
    ['GET', (k) => `/api/dossiers/${dossiers[k]}/documents`, 200],
    ['GET', (k) => `/api/dossiers/${dossiers[k]}/documents/counts`, 200],
    ['GET', (k) => `/api/documents/${documents[k]}/content`, 200],
    ['GET', (k) => `/api/dossiers/${dossiers[k]}/messages`, 200],
    ['POST', (k) => `/api/dossiers/${dossiers[k]}/messages`, 201, { subject: 'Hypotheekofferte', body: 'De offerte volgt.' }],
    ['GET', (k) => `/api/dossiers/${dossiers[k]}/activity`, 404],
    ['GET', (k) => `/api/dossiers/${dossiers[k]}/grants`, 404],
    ['POST', (k) => `/api/dossiers/${dossiers[k]}/grants`, 404, { email: `derde-${STAMP}@example.com`, name: 'Derde', scope: 'READ' }],
    ['GET', (k) => `/api/questionnaires/assignments/${assignments[k]}`, 404],
  ];

  for (const [method, path, own, body] of ROUTES) {
    const name = `${method} ${path('none').replace('undefined', '{id}')}`;
    it(`${name}: ${own} with the own grant, 404 with a revoked or expired grant or none`, async () => {
      for (const key of ['own', 'revoked', 'expired', 'other']) {
        const answer = method === 'GET' ? await adviser.get(path(key)) : await adviser.send(method, path(key), body);
        const expected = key === 'own' ? own : 404;
        assert.equal(answer.status, expected, `${method} ${path(key)} (${key}): ${answer.text?.slice(0, 300)}`);
        if (expected === 404) assert.ok(isProblem(answer), `${key}: a problem+json answer`);
      }
    });
  }

  it("the adviser sees only their own messages, not the client's conversation with the office", async () => {
    const sent = await office.sendMessage(dossiers.own, { subject: 'Voor Anna', body: 'Alleen voor de cliënt.' });
    assert.equal(sent.status, 201, sent.text);
    const list = await adviser.get(`/api/dossiers/${dossiers.own}/messages`);
    assert.equal(list.status, 200, list.text);
    assert.ok(list.json.items.length >= 1, 'the adviser sees the message they sent');
    assert.ok(list.json.items.every((m) => m.subject !== 'Voor Anna'), "the office's message to the client is not shown");
    const officeMessage = await adviser.get(`/api/messages/${sent.json.id}`);
    assert.equal(officeMessage.status, 404);
  });

  it('outside the grant: staff routes 403, the client-only pages show nothing of the client', async () => {
    assert.equal((await adviser.get(`/api/staff/dossiers/${dossiers.own}`)).status, 403);
    assert.equal((await adviser.get('/api/me/accounts')).status, 403);
    const actions = await adviser.get('/api/actions');
    assert.equal(actions.status, 200, actions.text);
    assert.ok(!JSON.stringify(actions.json).includes(dossiers.own), "no questionnaire of the client's dossier");
    const grantsOfAnna = await adviser.get('/api/grants');
    assert.equal(grantsOfAnna.status, 200);
    assert.deepEqual(grantsOfAnna.json, [], 'an adviser has granted nothing and sees no grant of the client');
  });

  it('a read-only grant reads but cannot deliver', async () => {
    const made = await anna.send('PATCH', `/api/dossiers/${dossiers.own}/grants/${grants.own}`, { until: isoDate(10) });
    assert.equal(made.status, 200, made.text);
    assert.equal(made.json.until, isoDate(10), 'shortened');
    const longer = await anna.send('PATCH', `/api/dossiers/${dossiers.own}/grants/${grants.own}`, { until: isoDate(20) });
    assert.equal(longer.status, 400, 'a grant is only shortened');
    const readOnly = await office.createDossier({ number: `E2E-ADV-read-${STAMP}`, description: 'Adviseur read', parties: ['anna@example.com'] });
    const granted = await anna.send('POST', `/api/dossiers/${readOnly.json.id}/grants`, { email: ADVISER, name: 'Ada Adviseur', scope: 'READ' });
    assert.equal(granted.status, 201, granted.text);
    assert.equal((await adviser.get(`/api/dossiers/${readOnly.json.id}`)).status, 200);
    const delivered = await adviser.send('POST', `/api/dossiers/${readOnly.json.id}/messages`, { subject: 'Offerte', body: 'Hierbij.' });
    assert.equal(delivered.status, 404, 'no delivering on a read-only grant');
  });

  it('the rules of granting: limits, a party, the office forbidding it, and what anna and the office see', async () => {
    const tooLate = await anna.send('POST', `/api/dossiers/${dossiers.other}/grants`, { email: ADVISER, name: 'Ada', scope: 'READ', until: isoDate(400) });
    assert.equal(tooLate.status, 400);
    assert.ok(isProblem(tooLate));
    const past = await anna.send('POST', `/api/dossiers/${dossiers.other}/grants`, { email: ADVISER, name: 'Ada', scope: 'READ', until: isoDate(-1) });
    assert.equal(past.status, 400);
    const party = await anna.send('POST', `/api/dossiers/${dossiers.other}/grants`, { email: 'anna@example.com', name: 'Anna', scope: 'READ' });
    assert.equal(party.status, 409);
    const badScope = await anna.send('POST', `/api/dossiers/${dossiers.other}/grants`, { email: ADVISER, name: 'Ada', scope: 'WRITE' });
    assert.equal(badScope.status, 400);

    const forbid = await office.request('PUT', `/api/staff/dossiers/${dossiers.other}/grant-policy`, { json: { grantsAllowed: false } });
    assert.equal(forbid.status, 200, forbid.text);
    const refused = await anna.send('POST', `/api/dossiers/${dossiers.other}/grants`, { email: ADVISER, name: 'Ada', scope: 'READ' });
    assert.equal(refused.status, 403, refused.text);

    const mine = await anna.get('/api/grants');
    assert.equal(mine.status, 200);
    const own = mine.json.find((g) => g.id === grants.own);
    assert.equal(own.state, 'ACTIVE');
    assert.ok(own.lastUsedAt, 'the adviser used the grant: last used is set');
    assert.equal(mine.json.find((g) => g.id === grants.revoked).state, 'REVOKED');
    assert.equal(mine.json.find((g) => g.id === grants.expired).state, 'EXPIRED');

    const seenByOffice = await office.get(`/api/staff/dossiers/${dossiers.own}/grants`);
    assert.equal(seenByOffice.status, 200, seenByOffice.text);
    assert.equal(seenByOffice.json[0].email, ADVISER);
    const revokedByOffice = await office.request('DELETE', `/api/staff/dossiers/${dossiers.own}/grants/${grants.own}`);
    assert.equal(revokedByOffice.status, 204);
    assert.equal((await adviser.get(`/api/dossiers/${dossiers.own}`)).status, 404, "the office's revocation applies at once");
  });
});
