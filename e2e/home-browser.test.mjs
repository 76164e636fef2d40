// Browser end-to-end test of issue 22 (NEW-1, NEW-2, TRL-1): the office publishes a document and asks for "Kopie
// paspoort" on a progress step → Anna's Home shows both → she opens the document from "Nieuw voor u" (gone from the
// list, read in its tab) → "Aanleveren" → the attachment dialog → sent → the request is fulfilled, gone from her list,
// and the office sees it fulfilled → the Activiteit tab shows each step with who and when → tampering with one stored
// record makes the trail's check fail. Screenshots nl/en, desktop and phone; axe on each page.
// Run against the running local stack:  node --test e2e/home-browser.test.mjs
// Requires /usr/bin/chromium and `npm ci` in e2e/ (playwright-core, axe-core, mongodb).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import {
  BASE_URL, CHROMIUM_PATH, DESKTOP, PHONE, chromiumAvailable, launchBrowser, newPage, portalReachable, screenshot, setLanguage, signIn,
} from './lib/browser.mjs';
import { backOfficeToken, eventually, staff } from './lib/portal.mjs';
import { accessibilityViolations } from './lib/a11y.mjs';
import { onePagePdf as pdf } from './lib/pdf.mjs';

const USER = { username: 'anna@example.com', password: 'Portal-Demo-2026' };
const STAMP = Date.now().toString(36);
const NUMBER = `E2E-HOME-${STAMP}`;
const TITLE = `Conceptakte ${STAMP}`;
const PASSPORT = `paspoort-${STAMP}.pdf`;
const MONGODB_URI = process.env.MONGODB_URI ?? 'mongodb://localhost:27017';
const DOSSIER_SERVICE_URL = process.env.DOSSIER_SERVICE_URL ?? 'http://localhost:8082';

/** dossier-service's check of every trail (answers requests from this machine only). */
async function trailCheck() {
  const res = await fetch(`${DOSSIER_SERVICE_URL}/actuator/trail`);
  assert.equal(res.status, 200);
  return res.json();
}

describe('Home: what is new, what we need, and the activity trail (issue 22)', () => {
  let browser;
  let page;
  let dir;
  let office;
  let dossierId;
  let documentId;
  let stepId;

  before(async () => {
    assert.ok(chromiumAvailable(), `Chromium not found at ${CHROMIUM_PATH}`);
    assert.ok(await portalReachable(), `the portal does not answer at ${BASE_URL} (start the stack first)`);
    dir = await mkdtemp(path.join(tmpdir(), 'portal-e2e-home-'));
    await writeFile(path.join(dir, PASSPORT), pdf('Kopie paspoort'));
    office = staff(await backOfficeToken());
    const created = await office.createDossier({ number: NUMBER, description: 'Aankoop woning Kerkstraat 1', parties: [USER.username] });
    assert.equal(created.status, 201, created.text);
    dossierId = created.json.id;
    const published = await office.publishDocument(dossierId, { bytes: pdf(TITLE), fileName: 'concept.pdf', title: TITLE, category: 'CORRESPONDENCE', contentType: 'application/pdf' });
    assert.equal(published.status, 201, published.text);
    documentId = published.json.id;
    const progress = await office.request('PUT', `/api/staff/dossiers/${dossierId}/progress`, {
      json: {
        steps: [
          { title: 'Intake', done: true },
          {
            title: 'Identificatie', done: false, explanation: 'Wij stellen uw identiteit vast voor de akte.', plannedDate: '2099-12-20',
            request: { kind: 'DOCUMENT', name: 'Kopie paspoort', dueDate: '2099-12-15' },
          },
          { title: 'Ondertekening', done: false, explanation: 'U tekent de akte bij ons op kantoor.', plannedDate: '2099-12-22' },
        ],
      },
    });
    assert.equal(progress.status, 200, progress.text);
    stepId = progress.json.progress.steps[1].id;
    browser = await launchBrowser();
    ({ page } = await newPage(browser, DESKTOP));
    await signIn(page, USER);
    await setLanguage(page, 'Nederlands');
  });

  after(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const newForYou = () => page.getByRole('region', { name: /^Nieuw voor u/ });
  const needed = () => page.getByRole('region', { name: /^Wat wij van u nodig hebben/ });
  const documentItem = () => newForYou().getByRole('link', { name: new RegExp(`Nieuw document: Correspondentie\\s*,\\s*Dossier ${NUMBER}`) });
  const requestItem = () => needed().getByRole('listitem').filter({ hasText: 'Kopie paspoort' }).filter({ hasText: NUMBER });

  it('shows the new document under "Nieuw voor u" and the request under "Wat wij van u nodig hebben"', async () => {
    assert.ok(await eventually(async () => {
      await page.goto(`${BASE_URL}/`);
      await newForYou().waitFor();
      return (await documentItem().count()) === 1 && (await requestItem().count()) === 1;
    }, { timeoutMs: 30000, intervalMs: 1000 }), 'the document and the request on Home');
    await requestItem().getByText(/uiterlijk 15 december 2099/).waitFor();
    await requestItem().getByRole('button', { name: /Aanleveren/ }).waitFor();
    await screenshot(page, 'desktop-home-lists');
    assert.deepEqual(await accessibilityViolations(page), [], 'Home with both lists');
  });

  it('opens the document from "Nieuw voor u": read in its tab, gone from the list', async () => {
    await documentItem().click();
    await page.waitForURL(new RegExp(`/dossiers/${dossierId}\\?.*tab=correspondentie`));
    const row = page.getByRole('listitem').filter({ hasText: TITLE });
    await row.getByText('Ongelezen').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: /Download/ }).click()]);
    assert.ok(await download.path(), 'the document was downloaded');
    assert.ok(await eventually(async () => {
      await page.reload();
      await page.getByRole('listitem').filter({ hasText: TITLE }).waitFor();
      return (await page.getByRole('listitem').filter({ hasText: TITLE }).getByText('Ongelezen').count()) === 0;
    }, { timeoutMs: 15000, intervalMs: 1000 }), 'read in its tab');
    await page.goto(`${BASE_URL}/`);
    await needed().waitFor();
    await requestItem().waitFor();
    assert.equal(await documentItem().count(), 0, 'the document is no longer new');
  });

  it('"Aanleveren" sends the passport through the attachment dialog; the request is fulfilled', async () => {
    await requestItem().getByRole('button', { name: /Aanleveren/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Aanleveren: Kopie paspoort' });
    await dialog.waitFor();
    assert.equal(await dialog.getByLabel('Onderwerp').inputValue(), 'Aanlevering: Kopie paspoort');
    await dialog.getByRole('button', { name: 'Bijlagen toevoegen' }).click();
    const attach = page.getByRole('dialog', { name: 'Bijlagen toevoegen' });
    await attach.waitFor();
    const chooser = page.waitForEvent('filechooser');
    await attach.getByRole('button', { name: 'Bladeren' }).click();
    await (await chooser).setFiles([path.join(dir, PASSPORT)]);
    await attach.getByRole('button', { name: 'Upload 1 bestand' }).click();
    await attach.waitFor({ state: 'hidden', timeout: 30000 });
    await dialog.getByText(PASSPORT).waitFor();
    await screenshot(page, 'desktop-home-deliver');
    assert.deepEqual(await accessibilityViolations(page), [], 'the delivery dialog');
    const sent = page.waitForResponse((r) => r.url().endsWith(`/api/dossiers/${dossierId}/messages`) && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Versturen' }).click();
    const response = await sent;
    assert.equal(response.status(), 201);
    assert.equal(JSON.parse(response.request().postData()).requestId, stepId);
    await page.getByText('Kopie paspoort is aangeleverd. Dank u wel.').waitFor();
    assert.equal(await requestItem().count(), 0, 'gone from the list');

    const fulfilled = await eventually(async () => {
      const dossier = await office.get(`/api/staff/dossiers/${dossierId}`);
      const request = dossier.json.progress.steps[1].request;
      return request.fulfilledAt ? request : false;
    }, { timeoutMs: 20000, intervalMs: 500 });
    assert.ok(fulfilled, 'the office sees the request fulfilled');
    assert.equal(fulfilled.fulfilledBy, 'Anna de Vries');
    assert.ok(fulfilled.fulfilledMessageId);
    await page.reload();
    await needed().waitFor();
    assert.equal(await requestItem().count(), 0, 'still gone after a reload: fulfilled on the server');
  });

  it('the progress explains each step; the Activiteit tab shows who did what and when', async () => {
    await page.goto(`${BASE_URL}/dossiers/${dossierId}?voortgang=open&stap=${stepId}`);
    await page.getByText('Wij stellen uw identiteit vast voor de akte.').waitFor();
    await page.getByText(/Aangeleverd op .*: Kopie paspoort/).waitFor();
    await page.getByText(/Gepland: 22 december 2099/).waitFor();
    await screenshot(page, 'desktop-dossier-progress-explained');
    assert.deepEqual(await accessibilityViolations(page), [], 'progress with explanations');

    await page.getByRole('tab', { name: /^Activiteit/ }).click();
    await page.waitForURL(/tab=activiteit/);
    const list = page.getByRole('list', { name: 'Activiteit in dit dossier, nieuwste eerst' });
    const expected = [
      /heeft het dossier aangemaakt/, /heeft een document gepubliceerd/, /heeft de voortgang bijgewerkt/,
      /Anna de Vries heeft een document geopend/, /Kopie paspoort aangeleverd door Anna de Vries/,
      /Anna de Vries heeft een bericht verstuurd/,
    ];
    assert.ok(await eventually(async () => {
      await page.reload();
      await list.waitFor();
      for (const line of expected) if ((await list.getByText(line).count()) === 0) return false;
      return true;
    }, { timeoutMs: 20000, intervalMs: 1000 }), 'every step in the Activiteit tab');
    assert.ok((await list.locator('time[datetime]').count()) >= expected.length, 'each record says when');
    await screenshot(page, 'desktop-dossier-activity');
    assert.deepEqual(await accessibilityViolations(page), [], 'Activiteit tab');
  });

  it('a record changed in the database makes the trail check fail; put back, it passes', async () => {
    const before = await trailCheck();
    assert.deepEqual(before.problems.filter((p) => p.dossierId === dossierId), []);
    const mongo = new MongoClient(MONGODB_URI, { directConnection: true });
    await mongo.connect();
    try {
      const trail = mongo.db('dossier').collection('trail');
      const record = await trail.findOne({ dossierId, kind: 'DOCUMENT_OPENED' });
      assert.ok(record, 'the opening is on record');
      await trail.updateOne({ _id: record._id }, { $set: { actorName: 'Iemand anders' } });
      try {
        const after = await trailCheck();
        assert.deepEqual(after.problems.filter((p) => p.dossierId === dossierId),
          [{ dossierId, seq: record.seq, toSeq: null, problem: 'CHANGED' }]);
      } finally {
        await trail.updateOne({ _id: record._id }, { $set: { actorName: record.actorName } });
      }
      assert.deepEqual((await trailCheck()).problems.filter((p) => p.dossierId === dossierId), []);
    } finally {
      await mongo.close();
    }
  });

  it('screenshots: Home and Activiteit in English, and on a phone', async () => {
    const { page: phone } = await newPage(browser, PHONE);
    await signIn(phone, USER);
    await phone.goto(`${BASE_URL}/`);
    await phone.getByRole('region', { name: /^Nieuw voor u/ }).waitFor();
    await screenshot(phone, 'phone-home-lists');
    assert.deepEqual(await accessibilityViolations(phone), [], 'Home on a phone');
    await phone.goto(`${BASE_URL}/dossiers/${dossierId}?tab=activiteit`);
    await phone.getByRole('list', { name: 'Activiteit in dit dossier, nieuwste eerst' }).waitFor();
    await screenshot(phone, 'phone-dossier-activity');

    await setLanguage(page, 'English');
    try {
      await page.goto(`${BASE_URL}/`);
      await page.getByRole('region', { name: /^New for you/ }).waitFor();
      await page.getByRole('region', { name: /^What we need from you/ }).waitFor();
      await screenshot(page, 'desktop-home-lists-en');
      assert.deepEqual(await accessibilityViolations(page), [], 'Home in English');
      await page.goto(`${BASE_URL}/dossiers/${dossierId}?tab=activiteit`);
      await page.getByText(/Anna de Vries opened a document|Anna de Vries has opened a document/).waitFor();
      await screenshot(page, 'desktop-dossier-activity-en');
    } finally {
      await setLanguage(page, 'Nederlands');
    }
  });
});
