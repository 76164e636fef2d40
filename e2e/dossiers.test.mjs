// End-to-end API flows of the dossier feature (DOS-1..5, HOME-2, STF-2): search, status filter,
// progress, the Home counts, and access that follows the parties — through the gateway, signed in
// through Keycloak.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { anonymous, backOfficeToken, eventually, portalReachable, signIn, staff, PORTAL_URL } from './lib/portal.mjs';

const ANNA = 'anna@example.com';
const JANSEN = 'jansen.bv@example.com';
const RUN = `E2E-${Date.now()}`;

describe(`dossiers: search, filter, progress, access (${RUN})`, () => {
  let office;
  let anna;
  let piet;
  const ids = {};

  const list = (client, params) => client.get(`/api/dossiers?${new URLSearchParams(params)}`);
  const numbers = (response) => response.json.items.map((d) => d.number).sort();

  before(async () => {
    assert.ok(await portalReachable(), `the gateway does not answer at ${PORTAL_URL}`);
    office = staff(await backOfficeToken());
    [anna, piet] = await Promise.all([signIn(ANNA), signIn('piet@example.com')]);
    for (const [key, description, status] of [
      ['A', `Aankoop woning (Dorpsstraat 1) ${RUN}`, 'IN_PROGRESS'],
      ['B', `Testament ${RUN}`, 'COMPLETED'],
      ['C', `Schenking ${RUN}`, 'ON_HOLD'],
    ]) {
      const created = await office.createDossier({ number: `${RUN}-${key}`, description, status, parties: [ANNA] });
      assert.equal(created.status, 201, created.text);
      ids[key] = created.json.id;
    }
  });

  it('lists only the dossiers in progress unless other statuses are asked for (DOS-1)', async () => {
    const inProgress = await list(anna, { query: RUN });
    assert.deepEqual(numbers(inProgress), [`${RUN}-A`]);

    const more = await anna.get(`/api/dossiers?query=${RUN}&status=IN_PROGRESS&status=COMPLETED`);
    assert.deepEqual(numbers(more), [`${RUN}-A`, `${RUN}-B`]);

    const bad = await list(anna, { status: 'ASLEEP' });
    assert.equal(bad.status, 400);
  });

  it('searches number and description, case-insensitively and literally (DOS-2)', async () => {
    assert.deepEqual(numbers(await list(anna, { query: `${RUN}-a`.toLowerCase() })), [`${RUN}-A`]);
    const literal = await anna.get(`/api/dossiers?query=${encodeURIComponent(`(DORPSSTRAAT 1) ${RUN}`)}`);
    assert.deepEqual(numbers(literal), [`${RUN}-A`]);
    assert.equal((await list(anna, { query: `.*${RUN}` })).json.totalItems, 0);
  });

  it('counts the Home tile and names the statuses for the filter (HOME-2)', async () => {
    const summary = await anna.get('/api/dossiers/summary');
    assert.equal(summary.status, 200, summary.text);
    assert.ok(summary.json.inProgress >= 1 && summary.json.total >= summary.json.inProgress + 2, summary.text);
    for (const status of ['IN_PROGRESS', 'COMPLETED', 'ON_HOLD']) {
      assert.ok(summary.json.statuses.includes(status), `${status} missing in ${summary.text}`);
    }
  });

  it('shows progress as done/total, (0/0) without steps (DOS-4)', async () => {
    const before = await anna.get(`/api/dossiers/${ids.A}`);
    assert.deepEqual([before.json.progress.done, before.json.progress.total], [0, 0]);

    const steps = [
      { title: 'Intake', done: true }, { title: 'Stukken ontvangen', done: true },
      { title: 'Ondertekening', done: false }, { title: 'Inschrijving kadaster', done: false },
    ];
    const put = await office.request('PUT', `/api/staff/dossiers/${ids.A}/progress`, { json: { steps } });
    assert.equal(put.status, 200, put.text);
    const after = await anna.get(`/api/dossiers/${ids.A}`);
    assert.deepEqual([after.json.progress.done, after.json.progress.total], [2, 4]);
    assert.deepEqual(after.json.progress.steps.map((s) => s.title), steps.map((s) => s.title));
  });

  it('gives access with the parties and takes it away within seconds (documents included)', async () => {
    const published = await eventually(async () => {
      const r = await office.publishDocument(ids.A, {
        bytes: Buffer.from('%PDF-1.4 access test'), fileName: 'toegang.pdf', title: 'Toegang', category: 'DOCUMENT',
      });
      return r.status === 404 ? undefined : r;
    });
    assert.equal(published?.status, 201, published?.text);
    const content = `/api/documents/${published.json.id}/content`;
    assert.equal((await anna.get(content, { headers: { accept: '*/*' } })).status, 200);
    assert.equal((await piet.get(`/api/dossiers/${ids.A}`)).status, 404);

    const moved = await office.request('PUT', `/api/staff/dossiers/${ids.A}/parties`, { json: { parties: [JANSEN] } });
    assert.equal(moved.status, 200, moved.text);

    assert.equal((await anna.get(`/api/dossiers/${ids.A}`)).status, 404);
    const revoked = await eventually(async () => {
      const r = await anna.get(content, { headers: { accept: '*/*' } });
      return r.status === 404 ? r : undefined;
    }, { timeoutMs: 10000, intervalMs: 250 });
    assert.ok(revoked, 'anna could still download the document 10 s after she stopped being a party');
    assert.equal((await anna.get(`/api/dossiers/${ids.A}/documents?category=DOCUMENT`)).status, 404);

    // piet is an extra account of the company whose main account is now a party
    assert.equal((await piet.get(`/api/dossiers/${ids.A}`)).status, 200);
    const pietDownload = await eventually(async () => {
      const r = await piet.get(content, { headers: { accept: '*/*' } });
      return r.status === 200 ? r : undefined;
    });
    assert.ok(pietDownload, 'the company extra account never got access to the document');
  });

  it('keeps the staff API to staff (403) and everything to signed-in users (401)', async () => {
    assert.equal((await anna.get(`/api/staff/dossiers?query=${RUN}`)).status, 403);
    assert.equal((await anonymous().get(`/api/dossiers/${ids.B}`)).status, 401);
    const found = await office.get(`/api/staff/dossiers?query=${RUN}`);
    assert.equal(found.json.totalItems, 3, found.text);
  });
});
