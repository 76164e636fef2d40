// Browser end-to-end test of the e-mail choices ("Mijn gegevens" → "Notificaties", ME-3, NOT-1..2): Anna switches
// "Nieuwe documenten klaargezet" off, the office publishes a document, she switches it on and the office publishes
// another. Exactly one e-mail follows — in Dutch, for one document (the first one is never told of), with a
// List-Unsubscribe header — and its link opens the dossier's tab in the portal.
// Run against the running local stack:  node --test e2e/notifications-browser.test.mjs   (PORTAL_URL, KEYCLOAK_URL, MAILDEV_URL)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, CHROMIUM_PATH, DESKTOP, chromiumAvailable, launchBrowser, newPage, portalReachable, screenshot, signIn } from './lib/browser.mjs';
import { backOfficeToken, eventually, mailRecipients, mails, mailText, mailTime, staff } from './lib/portal.mjs';
import { accessibilityViolations } from './lib/a11y.mjs';
import { kafkaTool, lagging } from '../reliability/lib/kafka.mjs';

const ANNA = { username: 'anna@example.com', password: 'Portal-Demo-2026' };
const RUN = `NOT-${Date.now()}`;
const ACCOUNTS = 'portal.accounts.v1';

describe('e-mail choices in the browser (ME-3)', () => {
  let browser;
  let page;
  let office;
  let dossier;
  let kafka;
  const started = Date.now();

  /** The mails to Anna about this test's dossier. */
  const mailsAboutDossier = async () =>
    (await mails()).filter((m) => mailRecipients(m).includes(ANNA.username) && mailTime(m) >= started - 1000 && mailText(m).includes(dossier.id));

  const publish = (title) =>
    office.publishDocument(dossier.id, { bytes: Buffer.from(`%PDF-1.4\n${title}\n`), fileName: `${title}.pdf`, title, category: 'CORRESPONDENCE', contentType: 'application/pdf' });

  const documentsSwitch = () => page.getByRole('region', { name: 'Notificaties' }).getByRole('switch', { name: 'Nieuwe documenten klaargezet' });

  /** Makes a choice, then waits until its account event is on the topic and notification-service has read it. */
  async function choiceRead(choose) {
    const count = (ends) => Object.values(ends[ACCOUNTS] ?? {}).reduce((sum, offset) => sum + offset, 0);
    const before = count(await kafka.endOffsets([ACCOUNTS]));
    await choose();
    assert.ok(await eventually(async () => count(await kafka.endOffsets([ACCOUNTS])) > before || undefined,
      { timeoutMs: 30000, intervalMs: 200 }), 'the choice\'s account event was not published within 30 s');
    assert.ok(await eventually(async () => (await lagging(kafka, { 'notification-service': [ACCOUNTS] })).length === 0 || undefined,
      { timeoutMs: 30000, intervalMs: 200 }), 'notification-service did not read the choice within 30 s');
  }

  async function setDocumentsSwitch(on) {
    const toggle = documentsSwitch();
    await toggle.waitFor();
    if ((await toggle.isChecked()) !== on) {
      const saved = page.waitForResponse((r) => r.url().endsWith('/api/me/notifications') && r.request().method() === 'PUT');
      await toggle.click();
      assert.equal((await saved).status(), 200);
      await page.getByRole('region', { name: 'Notificaties' }).getByText('Uw keuze is opgeslagen.').waitFor();
    }
    assert.equal(await toggle.isChecked(), on);
  }

  before(async () => {
    assert.ok(chromiumAvailable(), `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
    assert.ok(await portalReachable(), `the portal does not answer at ${BASE_URL} (start the stack first)`);
    office = staff(await backOfficeToken());
    kafka = await kafkaTool();
    const created = await office.createDossier({ number: RUN, description: `Notificaties ${RUN}`, parties: [ANNA.username] });
    assert.equal(created.status, 201, created.text);
    dossier = created.json;
    browser = await launchBrowser();
    ({ page } = await newPage(browser, DESKTOP));
    await signIn(page, ANNA);
    const nl = page.getByRole('group', { name: /Taal|Language/ }).getByRole('button', { name: 'NL' });
    if ((await nl.getAttribute('aria-pressed')) !== 'true') await nl.click();
  });

  after(async () => {
    // leave Anna as the demo has her: every e-mail on
    if (page) await setDocumentsSwitch(true).catch(() => undefined);
    await browser?.close();
    await kafka?.close();
  });

  it('shows the three switches under "Notificaties", reached from an e-mail\'s link', async () => {
    await page.goto(`${BASE_URL}/mijn-gegevens#notificaties`);
    const section = page.getByRole('region', { name: 'Notificaties' });
    for (const name of ['Nieuwe documenten klaargezet', 'Vragenlijst klaargezet', 'Bericht van uw behandelaar']) {
      await section.getByRole('switch', { name }).waitFor();
    }
    await setDocumentsSwitch(true);
    await screenshot(page, 'notifications-01-switches');
    assert.deepEqual(await accessibilityViolations(page), [], 'Mijn gegevens');
  });

  it('switched off: a published document brings no e-mail; switched on: the next one brings exactly one', async () => {
    // The choice reaches notification-service as an account event, the document as a document event: two topics,
    // no order between them (a CI run saw the document counted before the choice arrived). A client switches well
    // before the office publishes: the office publishes once notification-service has read the choice.
    await choiceRead(() => setDocumentsSwitch(false));
    assert.equal((await publish(`${RUN} niet gemeld`)).status, 201);

    await page.reload();
    await choiceRead(() => setDocumentsSwitch(true));
    assert.equal((await publish(`${RUN} wel gemeld`)).status, 201);

    // the documents' window (10 s locally) passes before the e-mail goes
    const found = await eventually(async () => {
      const list = await mailsAboutDossier();
      return list.length ? list : undefined;
    }, { timeoutMs: 60000, intervalMs: 1000 });
    assert.ok(found, 'no e-mail about the second document within 60 s');
    assert.equal(found.length, 1, found.map((m) => m.subject).join(', '));
    const mail = found[0];
    assert.equal(mail.subject, 'Nieuw document in het klantenportaal', 'one document: the first was published while switched off');
    assert.ok(!mailText(mail).includes(RUN), 'no title in the e-mail');
    const unsubscribe = mail.headers?.['list-unsubscribe'] ?? '';
    assert.match(unsubscribe, /<http:\/\/localhost:8080\/mijn-gegevens#notificaties>/, `List-Unsubscribe: ${unsubscribe}`);

    const link = mail.text.match(/https?:\/\/\S+\/dossiers\/\S+/)?.[0];
    assert.ok(link, mail.text);
    await page.goto(link);
    await page.getByRole('tab', { name: /^Correspondentie/, selected: true }).waitFor();
    await page.getByText(`${RUN} wel gemeld`).first().waitFor();
    await screenshot(page, 'notifications-02-link-from-mail');
  });
});
