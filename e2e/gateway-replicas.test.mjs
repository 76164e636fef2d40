// Two gateway replicas on one session store, as in production behind a load balancer: `./portal up` runs a second
// gateway on port 8088 (GATEWAY_REPLICA_URL) beside the one on 8080, both keeping browser sessions in MongoDB.
// A client signed in through one replica (real Keycloak sign-in) is served by the other — reads, a change with the
// CSRF token, signing out — and Keycloak's back-channel logout of its session (ended by an administrator here), which
// reaches one replica, ends the session for both,
// even while the client keeps calling.
// Run:  node --test e2e/gateway-replicas.test.mjs   (PORTAL_URL, GATEWAY_REPLICA_URL, KEYCLOAK_URL have local defaults)
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PORTAL_URL, eventually, keycloakAdmin, portalReachable, readResponse, signIn } from './lib/portal.mjs';

const REPLICA_URL = (process.env.GATEWAY_REPLICA_URL ?? 'http://localhost:8088').replace(/\/$/, '');
const ANNA = 'anna@example.com';

/** A call through the second replica with the session (and CSRF) headers the first one gave the client. */
async function viaReplica(client, method, path, body) {
  const headers = { accept: 'application/json', ...client.sessionHeaders() };
  const init = { method, headers, redirect: 'manual' };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return readResponse(await fetch(`${REPLICA_URL}${path}`, init));
}

describe('gateway replicas share browser sessions', () => {
  before(async () => {
    assert.ok(await portalReachable(), `the portal does not answer at ${PORTAL_URL}`);
    const replica = await fetch(`${REPLICA_URL}/actuator/health/readiness`).catch(() => undefined);
    assert.equal(replica?.status, 200, `the second gateway does not answer at ${REPLICA_URL}`);
  });

  it('serves a client signed in through the other replica: reads, a change, signing out', async () => {
    const anna = await signIn(ANNA);
    assert.equal((await anna.get('/api/me')).status, 200);

    const me = await viaReplica(anna, 'GET', '/api/me');
    assert.equal(me.status, 200, me.text);
    assert.equal(me.json.email, ANNA);
    const dossiers = await viaReplica(anna, 'GET', '/api/dossiers');
    assert.equal(dossiers.status, 200, dossiers.text);

    // a change through the replica: the CSRF token the first replica issued is accepted there too
    const choices = (await anna.get('/api/me/notifications')).json;
    const saved = await viaReplica(anna, 'PUT', '/api/me/notifications', choices);
    assert.equal(saved.status, 200, saved.text);

    // signing out through the replica ends the session on the first one too, and then Keycloak's (ID token hint)
    const signedOut = await viaReplica(anna, 'POST', '/logout');
    assert.equal(signedOut.status, 302, signedOut.text);
    assert.equal((await anna.get('/api/me')).status, 401);
    const keycloakSignOut = await fetch(signedOut.headers.get('location'), { redirect: 'manual' });
    assert.equal(keycloakSignOut.status, 302);
  });

  it('ends the session on every replica when Keycloak ends its Keycloak session (back-channel logout)', async () => {
    const anna = await signIn(ANNA);
    assert.equal((await viaReplica(anna, 'GET', '/api/me')).status, 200);
    const [user] = (await keycloakAdmin('GET', `/users?email=${encodeURIComponent(ANNA)}&exact=true`)).json;
    const newest = (await keycloakAdmin('GET', `/users/${user.id}/sessions`)).json.sort((a, b) => b.start - a.start)[0];

    // the web app keeps calling while the session ends; no call that was running may bring it back
    let polling = true;
    const poller = (async () => {
      while (polling) await anna.get('/api/me');
    })();
    const loggedOut = await keycloakAdmin('DELETE', `/sessions/${newest.id}`);
    assert.equal(loggedOut.status, 204, loggedOut.text);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    polling = false;
    await poller;

    let statuses;
    await eventually(async () => {
      statuses = [(await viaReplica(anna, 'GET', '/api/me')).status, (await anna.get('/api/me')).status];
      return statuses.every((status) => status === 401);
    });
    assert.deepEqual(statuses, [401, 401], 'replica and first gateway, after the back-channel logout');
  });
});
