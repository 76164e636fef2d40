// End-to-end checks of the portal's foundations against the running stack: a tool reads its own
// writes across services, bad input gets a problem (never a 5xx) through the gateway, and a client
// cannot take over an e-mail address through Keycloak's own account API.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  KEYCLOAK_URL,
  REALM,
  accountConsoleToken,
  backOfficeToken,
  portalReachable,
  readResponse,
  signIn,
  staff,
} from './lib/portal.mjs';

const ANNA = 'anna@example.com';
const RUN = `FND-${Date.now()}`;
const isProblem = (response) => /application\/problem\+json/i.test(response.contentType);

describe(`foundations (${RUN})`, () => {
  let office;
  let anna;

  before(async () => {
    assert.ok(await portalReachable(), 'the gateway does not answer (start the stack first)');
    office = staff(await backOfficeToken());
    anna = await signIn(ANNA);
  });

  it('lets a tool publish to a dossier it created a moment ago (201, not 404)', async () => {
    for (let i = 0; i < 3; i++) {
      const created = await office.createDossier({ number: `${RUN}-${i}`, description: `Direct ${RUN}`, parties: [ANNA] });
      assert.equal(created.status, 201, created.text);
      const published = await office.publishDocument(created.json.id, {
        bytes: Buffer.from('%PDF-1.4 direct'), fileName: 'direct.pdf', title: `Direct ${i}`, category: 'DOCUMENT',
      });
      assert.equal(published.status, 201, `publish right after create: ${published.status} ${published.text}`);
      const listed = await anna.get(`/api/dossiers/${created.json.id}/documents?category=DOCUMENT`);
      assert.equal(listed.status, 200, listed.text);
      assert.equal(listed.json.items[0].id, published.json.id);
    }
  });

  it('answers bad query text with a 400 problem naming the field, through the gateway', async () => {
    for (const query of ['a%00b', '%C0%80']) {
      const response = await anna.get(`/api/dossiers?query=${query}`);
      assert.equal(response.status, 400, `query=${query}: ${response.status} ${response.text}`);
      assert.ok(isProblem(response), response.contentType);
      assert.equal(response.json.errors[0].field, 'query');
    }
    const lookup = await office.get('/api/staff/accounts/lookup?email=a%00@b');
    assert.equal(lookup.status, 400, lookup.text);
    assert.equal(lookup.json.errors[0].field, 'email');
  });

  it("refuses a client's change of its own e-mail address in Keycloak's account API", async () => {
    const token = await accountConsoleToken(ANNA);
    const account = `${KEYCLOAK_URL}/realms/${REALM}/account/`;
    const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
    const before = await readResponse(await fetch(account, { headers }));
    assert.equal(before.status, 200, before.text);
    assert.equal(before.json.email, ANNA);

    const changed = await readResponse(await fetch(account, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ ...before.json, email: `takeover-${RUN}@example.com` }),
    }));
    assert.ok(changed.status >= 400 && changed.status < 500, `change of e-mail: ${changed.status} ${changed.text}`);

    const after = await readResponse(await fetch(account, { headers }));
    assert.equal(after.json.email, ANNA, 'the address that identifies the client is unchanged');
    const lookup = await office.lookupAccount(`takeover-${RUN}@example.com`);
    assert.equal(lookup.status, 404);
  });
});
