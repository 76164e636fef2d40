// What the second attack run found (issue 18), checked from outside against the running stack: SMS limits that
// parallel requests cannot race, no password-only door into Keycloak, an administrator's sign-out of all of a user's
// sessions ending every portal session on both gateway replicas, and requests the services' firewall or text rule
// refuses answered 400 problem+json instead of 500 or being stored.
// Run:  node --test e2e/security-review.test.mjs   (PORTAL_URL, GATEWAY_REPLICA_URL, KEYCLOAK_URL have local defaults)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launchBrowser, newPage } from './lib/browser.mjs';
import {
  DEMO_PASSWORD,
  KEYCLOAK_URL,
  REALM,
  accountConsoleToken,
  backOfficeToken,
  ensureClientAccount,
  eventually,
  keycloakAdmin,
  mailRecipients,
  mails,
  portalReachable,
  readResponse,
  signIn,
  staff,
} from './lib/portal.mjs';

const RUN = Date.now().toString(36);
const REPLICA_URL = (process.env.GATEWAY_REPLICA_URL ?? 'http://localhost:8088').replace(/\/$/, '');
const ANNA = 'anna@example.com';
const SANNE = 'sanne@example.com';
const isProblem = (response) => /application\/problem\+json/i.test(response.contentType);
const SLOW = { timeout: 30000 };

describe(`what the second attack run found (${RUN})`, () => {
  let officeToken;
  let office;
  let anna;
  let dossier;

  before(async () => {
    assert.ok(await portalReachable(), 'the gateway does not answer (start the stack first)');
    officeToken = await backOfficeToken();
    office = staff(officeToken);
    anna = await signIn(ANNA);
    const created = await office.createDossier({ number: `SEC-${RUN}`, description: 'Aanvalstest', parties: [ANNA] });
    assert.equal(created.status, 201, created.text);
    dossier = created.json;
  });

  describe('SMS limits under parallel requests', () => {
    let browser;
    after(async () => browser?.close());

    it('four set-up pages posting four numbers at once send one text', async () => {
      const email = `sms-race-${RUN}@example.com`;
      await ensureClientAccount(email, { firstName: 'Sam', lastName: `Race-${RUN}` });
      browser = await launchBrowser();
      // four browsers signing in at once: each is on the set-up page (the sign-in finishes only after it)
      const setUp = `${BASE_URL}/oauth2/authorization/keycloak?kc_action=portal-sms-setup`;
      const pages = [];
      for (let i = 0; i < 4; i++) {
        const { page } = await newPage(browser);
        await page.goto(setUp);
        await page.locator('#username').fill(email);
        await page.locator('#password').fill(DEMO_PASSWORD);
        await page.locator('#kc-login').click();
        pages.push(page);
      }
      const digits = String(Date.now()).slice(-7);
      const numbers = pages.map((_, i) => `+3161${i}${digits.slice(1)}`); // 06 1…: a range in use
      for (const [i, each] of pages.entries()) {
        await each.getByRole('heading', { name: '2-staps verificatie met sms instellen' }).waitFor(SLOW);
        await each.getByLabel('Mobiel nummer').fill(numbers[i]);
      }

      await Promise.all(pages.map((each) => each.getByRole('button', { name: 'Code versturen' }).click()));

      const outcomes = await Promise.all(pages.map(async (each) => {
        await each.waitForLoadState();
        const body = await each.locator('body').innerText();
        if (body.includes('We hebben een sms met een code gestuurd naar')) return 'sent';
        assert.match(body, /U kunt over \d+ seconden? opnieuw een code laten versturen\./, body);
        return 'too soon';
      }));
      assert.deepEqual(outcomes.filter((o) => o === 'sent'), ['sent'], `outcomes: ${outcomes}`);
      const addresses = numbers.map((n) => `${n.slice(1)}@sms.localhost`);
      const texts = await eventually(async () => {
        const found = (await mails()).filter((m) => mailRecipients(m).some((r) => addresses.includes(r)));
        return found.length ? found : undefined;
      });
      assert.equal(texts.length, 1, 'one text for four parallel requests');
    });
  });

  describe('no password-only door into Keycloak', () => {
    const passwordGrant = (clientId, extra = {}) => fetch(`${KEYCLOAK_URL}/realms/${REALM}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', client_id: clientId, username: SANNE, password: DEMO_PASSWORD, ...extra }),
    }).then(readResponse);

    for (const [clientId, extra] of [
      ['admin-cli', {}],
      ['account-console', {}],
      ['portal-gateway', { client_secret: 'portal-gateway-local-secret' }],
      ['back-office', { client_secret: 'back-office-local-secret' }],
    ]) {
      it(`${clientId} gives no token for a password alone`, async () => {
        const answer = await passwordGrant(clientId, extra);
        assert.ok([400, 401].includes(answer.status), `${clientId}: ${answer.status} ${answer.text}`);
        assert.equal(answer.json?.access_token, undefined);
      });
    }

    it("Keycloak's account API refuses a client's change of name (the office's record)", async () => {
      const token = await accountConsoleToken(ANNA);
      const account = `${KEYCLOAK_URL}/realms/${REALM}/account/`;
      const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
      const before = await readResponse(await fetch(account, { headers }));
      assert.equal(before.status, 200, before.text);
      const changed = await readResponse(await fetch(account, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ ...before.json, firstName: `Iemand-${RUN}` }),
      }));
      const after = await readResponse(await fetch(account, { headers }));
      assert.equal(after.json.firstName, before.json.firstName, `change answered ${changed.status}: ${changed.text}`);
    });
  });

  it("an administrator's sign-out of all of a user's sessions ends every portal session, on both replicas", async () => {
    const email = `logout-all-${RUN}@example.com`;
    const userId = await ensureClientAccount(email, { firstName: 'Lou', lastName: `Logout-${RUN}` });
    const browsers = [await signIn(email), await signIn(email)];
    const viaReplica = async (client) => (await readResponse(await fetch(`${REPLICA_URL}/api/dossiers`, {
      headers: { accept: 'application/json', ...client.sessionHeaders() }, redirect: 'manual',
    }))).status;
    for (const client of browsers) assert.equal((await client.get('/api/dossiers')).status, 200);

    const loggedOut = await keycloakAdmin('POST', `/users/${userId}/logout`);
    assert.equal(loggedOut.status, 204, loggedOut.text);

    let statuses;
    await eventually(async () => {
      statuses = [];
      for (const client of browsers) statuses.push((await client.get('/api/dossiers')).status, await viaReplica(client));
      return statuses.every((status) => status === 401);
    }, { timeoutMs: 10000 });
    assert.deepEqual(statuses, [401, 401, 401, 401], 'two browsers, each on both replicas');
  });

  describe('requests the rules refuse are a 400 problem, never a 500 or stored', () => {
    const formWithLineBreakInAName = 'a%0d%0ab=1';

    it('a form parameter name with a line break', async () => {
      const form = { 'content-type': 'application/x-www-form-urlencoded' };
      const calls = [
        await anna.send('POST', '/api/public/invitations/not-a-token/confirm', new TextEncoder().encode(formWithLineBreakInAName), { headers: form }),
        await anna.send('POST', `/api/dossiers/${dossier.id}/messages`, new TextEncoder().encode(formWithLineBreakInAName), { headers: form }),
        await readResponse(await fetch(`${BASE_URL}/api/staff/dossiers`, {
          method: 'POST', body: formWithLineBreakInAName,
          headers: { ...form, authorization: `Bearer ${officeToken}`, accept: 'application/json' },
        })),
      ];
      for (const answer of calls) {
        assert.equal(answer.status, 400, answer.text);
        assert.ok(isProblem(answer), answer.contentType);
      }
    });

    it('text fields that are not strings, or hold control characters, name the field', async () => {
      const cases = [
        [await anna.send('POST', `/api/dossiers/${dossier.id}/messages`, { subject: '\u0000', body: 'Hallo' }), 'subject'],
        [await anna.send('POST', `/api/dossiers/${dossier.id}/messages`, { subject: 'Vraag', body: '\u0000' }), 'body'],
        [await anna.send('POST', `/api/dossiers/${dossier.id}/messages`, { subject: 1, body: true }), 'subject'],
        [await office.createDossier({ number: `SEC-\u0000-${RUN}`, description: 'x', parties: [ANNA] }), 'number'],
        [await office.sendMessage(dossier.id, { subject: 'Bericht\u0007', body: 'Tekst' }), 'subject'],
      ];
      for (const [answer, field] of cases) {
        assert.equal(answer.status, 400, `${field}: ${answer.status} ${answer.text}`);
        assert.ok(isProblem(answer), answer.contentType);
        assert.equal(answer.json.errors?.[0]?.field, field, answer.text);
      }
      const messages = await anna.get(`/api/dossiers/${dossier.id}/messages`);
      assert.equal(messages.json.items.length, 0, 'nothing was stored');
    });
  });
});
