// Browser end-to-end test of the messages ("Berichten", MSG-1..6): read a message from the office, reply with
// attachments through the Dutch attachment dialog (Uppy + tus), see the attachment under "Door mij aangeleverd", and
// check with the office's API that both sides see what was read and sent.
// Run against the running local stack:  node --test e2e/messages-browser.test.mjs   (PORTAL_URL, KEYCLOAK_URL)
// Requires /usr/bin/chromium (Debian package `chromium`) and `npm ci` in e2e/ for playwright-core and axe-core.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  BASE_URL,
  CHROMIUM_PATH,
  DESKTOP,
  PHONE,
  SCREENSHOT_DIR,
  chromiumAvailable,
  launchBrowser,
  newPage,
  portalReachable,
  screenshot,
  signIn,
} from './lib/browser.mjs';
import { backOfficeToken, staff } from './lib/portal.mjs';
import { accessibilityViolations } from './lib/a11y.mjs';
import { onePagePdf as pdf } from './lib/pdf.mjs';

const USER = { username: 'anna@example.com', password: 'Portal-Demo-2026' };
const DOSSIER_NUMBER = '2026-0001';

// Unique per run, so that this run's files are found again among those of earlier runs.
const STAMP = Date.now().toString(36);
const FILES = {
  passport: `e2e-paspoort-${STAMP}.pdf`,
  photo: `e2e-foto-${STAMP}.png`,
  statement: `e2e-bankafschrift-${STAMP}.pdf`,
};


/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The Berichten tab with these counts. Its accessible name is "Berichten, 5 items, 2 ongelezen" (the visible figures are
 * hidden from screen readers, a visually hidden text says it in full); browsers may put a space before the comma.
 */
const berichtenTab = (page, total, unread) =>
  page.getByRole('tab', { name: new RegExp(`^Berichten\\s*,\\s*${total ?? '\\d+'} items, ${unread ?? '\\d+'} ongelezen$`) });

/** The counts of the Berichten tab, read from its text. */
async function messageCounts(page) {
  const name = await page.getByRole('tab', { name: /^Berichten/ }).evaluate((tab) => tab.textContent);
  const match = /(\d+) items, (\d+) ongelezen/.exec(name ?? '');
  assert.ok(match, `no counts in the Berichten tab: ${name}`);
  return { total: Number(match[1]), unread: Number(match[2]) };
}

/** A viewport screenshot (a modal dialog is fixed to the viewport; a full-page capture cuts through it). */
async function viewportScreenshot(page, name) {
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

describe('messages in the browser (MSG-1..6)', () => {
  let browser;
  let context;
  let page;
  let dir;
  let dossierUrl;
  let dossierId;
  let counts;
  /** The office's message that was opened (GET /api/messages/{id}). */
  let officeMessage;
  /** The reply as the server answered the POST. */
  let sent;

  before(async () => {
    assert.ok(chromiumAvailable(), `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
    assert.ok(await portalReachable(), `the portal does not answer at ${BASE_URL} (start the stack first)`);
    dir = await mkdtemp(path.join(tmpdir(), 'portal-e2e-messages-'));
    await writeFile(path.join(dir, FILES.passport), pdf('Kopie paspoort'));
    await writeFile(path.join(dir, FILES.photo), PNG);
    await writeFile(path.join(dir, FILES.statement), pdf('Bankafschrift'));
    // an unread message from the office, whatever earlier tests read
    const office = staff(await backOfficeToken());
    const found = await office.get(`/api/staff/dossiers?query=${DOSSIER_NUMBER}`);
    const demo = found.json.items.find((d) => d.number === DOSSIER_NUMBER);
    assert.ok(demo, `demo dossier ${DOSSIER_NUMBER} exists`);
    const sentByOffice = await office.sendMessage(demo.id, {
      subject: `Graag nog een kopie (${STAMP})`,
      body: 'Beste mevrouw De Vries,\n\nWilt u nog een kopie van uw paspoort sturen?\n\nMet vriendelijke groet,\nMr. N. Notaris',
    });
    assert.equal(sentByOffice.status, 201, sentByOffice.text);
    browser = await launchBrowser();
    ({ context, page } = await newPage(browser, DESKTOP));
  });

  after(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('opens the Berichten tab of dossier 2026-0001 with unread messages from the office (MSG-1)', async () => {
    await signIn(page, USER);
    // A previous run may have left the account in English: start from Dutch.
    const nl = page.getByRole('group', { name: /Taal|Language/ }).getByRole('button', { name: 'NL' });
    if ((await nl.getAttribute('aria-pressed')) !== 'true') {
      await nl.click();
      await page.getByRole('link', { name: 'Mijn gegevens' }).first().waitFor();
    }
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Dossiers' }).click();
    await page.getByLabel('Zoeken op omschrijving of dossiernummer').fill(DOSSIER_NUMBER);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    const row = page.getByRole('row').filter({ hasText: DOSSIER_NUMBER });
    await row.getByRole('link', { name: /Openen/ }).click();
    await page.waitForURL(/\/dossiers\/[^/?]+/);
    dossierUrl = page.url().split('?')[0];
    dossierId = decodeURIComponent(new URL(dossierUrl).pathname.split('/').at(-1));

    await page.getByRole('tab', { name: /^Berichten/ }).click();
    await page.getByRole('tab', { name: /^Berichten/, selected: true }).waitFor();
    await page.waitForURL(/tab=berichten/);
    const list = page.getByRole('list', { name: 'Berichten in dit dossier' });
    await list.waitFor();
    await berichtenTab(page).waitFor();
    counts = await messageCounts(page);
    assert.ok(counts.unread >= 1, `an unread message from the office (counts: ${JSON.stringify(counts)})`);
    // Both directions have their own icon with a text alternative.
    assert.ok((await list.getByRole('button', { name: /Inkomend bericht/ }).count()) >= 1);
    await screenshot(page, 'desktop-messages');
    assert.deepEqual(await accessibilityViolations(page), [], 'Berichten tab');
  });

  it('opens an unread message with one click: it shows its text and the unread count drops at once (MSG-2)', async () => {
    const firstUnread = page.getByRole('button', { name: /Inkomend bericht\s*Nieuw/ }).first();
    await firstUnread.waitFor();
    // Pin it by its id: once read, its name no longer says "Nieuw".
    const id = await firstUnread.locator('xpath=ancestor::li[1]').getAttribute('data-message-id');
    const unread = page.locator(`li[data-message-id="${id}"]`).getByRole('button', { name: /Inkomend bericht/ });
    const opened = page.waitForResponse((r) => r.request().method() === 'GET' && /^\/api\/messages\/[^/]+$/.test(new URL(r.url()).pathname));
    await unread.click();
    await berichtenTab(page, counts.total, counts.unread - 1).waitFor();
    const response = await opened;
    assert.equal(response.status(), 200);
    officeMessage = await response.json();
    assert.equal(officeMessage.id, id);
    assert.equal(officeMessage.direction, 'INCOMING');
    assert.equal(await unread.getAttribute('aria-expanded'), 'true');
    assert.equal(await unread.getByText('Nieuw', { exact: true }).count(), 0, 'the "Nieuw" badge is gone');
    const detail = page.locator(`#${await unread.getAttribute('aria-controls')}`);
    const firstLine = officeMessage.body.split('\n').find((line) => line.trim());
    if (firstLine) await detail.getByText(firstLine.trim(), { exact: false }).first().waitFor();
    await detail.getByRole('button', { name: 'Beantwoorden' }).waitFor();
    // Still read after a reload: the server marked it.
    await page.reload();
    await berichtenTab(page, counts.total, counts.unread - 1).waitFor();
    counts = { total: counts.total, unread: counts.unread - 1 };
    const again = page.locator(`li[data-message-id="${officeMessage.id}"]`).getByRole('button', { name: /Inkomend bericht/ });
    await again.click();
    await page.getByRole('button', { name: 'Beantwoorden' }).waitFor();
    await screenshot(page, 'desktop-message-open');
    assert.deepEqual(await accessibilityViolations(page), [], 'opened message');
  });

  it('replies with attachments through the Dutch dialog: Bladeren, the cross, + Meer toevoegen, Upload 2 bestanden (MSG-3, MSG-5)', async () => {
    await page.getByRole('button', { name: 'Beantwoorden' }).click();
    const form = page.getByRole('region', { name: 'Beantwoorden' });
    await form.waitFor();
    const expectedSubject = /^\s*re\s*:/i.test(officeMessage.subject) ? officeMessage.subject : `Re: ${officeMessage.subject}`;
    assert.equal(await form.getByLabel('Onderwerp').inputValue(), expectedSubject);
    await form.getByLabel('Bericht', { exact: true }).fill(`Hierbij de gevraagde stukken (e2e ${STAMP}).`);

    await form.getByRole('button', { name: 'Bijlagen toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bijlagen toevoegen' });
    await dialog.waitFor();

    // "Bladeren": choose two files at once through the dialog's file input.
    let chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Bladeren' }).click();
    await (await chooser).setFiles([path.join(dir, FILES.passport), path.join(dir, FILES.photo)]);
    await dialog.getByRole('button', { name: 'Upload 2 bestanden' }).waitFor();
    await dialog.getByText(FILES.passport).waitFor();
    await dialog.getByText(FILES.photo).waitFor();

    // The black cross removes the photo before uploading.
    await dialog.getByRole('button', { name: `Verwijder bestand ${FILES.photo}` }).click();
    await dialog.getByRole('button', { name: 'Upload 1 bestand' }).waitFor();
    assert.equal(await dialog.getByText(FILES.photo).count(), 0);

    // "+ Meer toevoegen" adds another one.
    await dialog.getByRole('button', { name: 'Meer toevoegen' }).click();
    chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Bladeren' }).click();
    await (await chooser).setFiles([path.join(dir, FILES.statement)]);
    const upload = dialog.getByRole('button', { name: 'Upload 2 bestanden' });
    await upload.waitFor();
    await dialog.getByText(FILES.statement).waitFor();
    await dialog.getByRole('button', { name: 'Annuleer' }).waitFor();
    await viewportScreenshot(page, 'desktop-attachments-dialog');
    assert.deepEqual(await accessibilityViolations(page), [], 'attachment dialog');

    // Upload with tus; the dialog closes and the form lists the server's view of the files.
    const tusCreations = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/uploads/tus') tusCreations.push(r);
    });
    await upload.click();
    await dialog.waitFor({ state: 'hidden', timeout: 30000 });
    const attached = form.getByRole('list', { name: 'Bijlagen' });
    await attached.getByText(FILES.passport).waitFor();
    await attached.getByText(FILES.statement).waitFor();
    assert.equal(await attached.getByRole('listitem').count(), 2);
    assert.equal(tusCreations.length, 2, 'one tus upload per file');
    for (const request of tusCreations) {
      const headers = await request.allHeaders();
      assert.ok(headers['x-xsrf-token'], 'the tus request carries the CSRF header');
      assert.match(headers['upload-metadata'] ?? '', /(^|,)filename /);
      assert.match(headers['upload-metadata'] ?? '', /(^|,)dossierId /);
    }

    // The trash bin removes the wrong one before sending.
    const removed = page.waitForResponse((r) => r.request().method() === 'DELETE' && /^\/api\/uploads\/[^/]+$/.test(new URL(r.url()).pathname));
    await form.getByRole('button', { name: `Verwijder ${FILES.statement}` }).click();
    assert.equal((await removed).status(), 204);
    await attached.getByText(FILES.statement).waitFor({ state: 'detached' });
    assert.equal(await attached.getByRole('listitem').count(), 1);
    await screenshot(page, 'desktop-reply-form');
    assert.deepEqual(await accessibilityViolations(page), [], 'reply form with attachment');

    // "Versturen".
    const posted = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/dossiers/${encodeURIComponent(dossierId)}/messages`,
    );
    await form.getByRole('button', { name: 'Versturen' }).click();
    const response = await posted;
    assert.equal(response.status(), 201, await response.text());
    sent = await response.json();
    assert.equal(sent.direction, 'OUTGOING');
    assert.equal(sent.inReplyTo, officeMessage.id);
    assert.equal(sent.subject, expectedSubject);
    assert.deepEqual(sent.attachments.map((a) => a.fileName), [FILES.passport]);
    await page.getByRole('status').filter({ hasText: 'Uw bericht is verstuurd.' }).waitFor();
  });

  it('lists the sent message as outgoing with its attachment (MSG-1)', async () => {
    await berichtenTab(page, counts.total + 1, counts.unread).waitFor();
    const item = page.locator(`li[data-message-id="${sent.id}"]`);
    const toggle = item.getByRole('button', { name: new RegExp(`^Uitgaand bericht.*${escapeRegExp(sent.subject)}`) });
    await toggle.waitFor();
    assert.match(await toggle.innerText(), /1 bijlage/);
    // Newest first: the reply is at the top.
    const first = page.getByRole('list', { name: 'Berichten in dit dossier' }).getByRole('listitem').first();
    assert.equal(await first.getAttribute('data-message-id'), sent.id);
    await toggle.click();
    await item.getByRole('link', { name: new RegExp(`Download ?${escapeRegExp(FILES.passport)}`) }).waitFor();
    await item.getByText(/Nog niet gelezen door het kantoor|Gelezen door het kantoor op/).waitFor();
    await screenshot(page, 'desktop-message-sent');
  });

  it('shows the sent attachment under "Door mij aangeleverd" (MSG-6)', async () => {
    await page.getByRole('tab', { name: /^Door mij aangeleverd/ }).click();
    await page.getByRole('tab', { name: /^Door mij aangeleverd/, selected: true }).waitFor();
    const base = FILES.passport.replace(/\.pdf$/, '');
    await page.getByRole('tabpanel').getByRole('listitem').filter({ hasText: base }).first().waitFor();
    assert.equal(await page.getByRole('tabpanel').getByRole('listitem').filter({ hasText: FILES.statement.replace(/\.pdf$/, '') }).count(), 0);
    await screenshot(page, 'desktop-delivered');
  });

  it('works on a phone: the list, an open message, the form with its messages and the dialog', async () => {
    const phone = await browser.newContext({ viewport: PHONE, storageState: await context.storageState(), locale: 'nl-NL' });
    try {
      const p = await phone.newPage();
      await p.goto(`${dossierUrl}?tab=berichten`);
      await p.getByRole('list', { name: 'Berichten in dit dossier' }).waitFor();
      await screenshot(p, 'phone-messages');
      await p.locator(`li[data-message-id="${officeMessage.id}"]`).getByRole('button', { name: /Inkomend bericht/ }).click();
      await p.getByRole('button', { name: 'Beantwoorden' }).waitFor();
      await screenshot(p, 'phone-message-open');

      await p.getByRole('button', { name: 'Nieuw bericht' }).click();
      const form = p.getByRole('region', { name: 'Nieuw bericht' });
      await form.getByRole('button', { name: 'Versturen' }).click();
      await form.getByText('Vul een onderwerp in.').waitFor();
      await form.getByText('Schrijf uw bericht.').waitFor();
      assert.equal(await form.getByLabel('Onderwerp').getAttribute('aria-invalid'), 'true');
      await screenshot(p, 'phone-compose-errors');

      await form.getByRole('button', { name: 'Bijlagen toevoegen' }).click();
      const dialog = p.getByRole('dialog', { name: 'Bijlagen toevoegen' });
      await dialog.getByRole('button', { name: 'Bladeren' }).waitFor();
      await viewportScreenshot(p, 'phone-attachments-dialog');
      await p.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await form.getByRole('button', { name: 'Annuleren' }).click();
      await p.getByRole('button', { name: 'Nieuw bericht' }).waitFor();
    } finally {
      await phone.close();
    }
  });

  it("lets the office see the client's reply and that the client read the office's message (STF-4)", async () => {
    const office = staff(await backOfficeToken());
    // Earlier runs add messages too: page through the office's list until both messages are found.
    const items = [];
    for (let pageNumber = 0, pages = 1; pageNumber < pages && pageNumber < 50; pageNumber++) {
      const result = await office.get(`/api/staff/dossiers/${encodeURIComponent(dossierId)}/messages?page=${pageNumber}&size=100`);
      assert.equal(result.status, 200, result.text);
      if (Array.isArray(result.json)) {
        items.push(...result.json);
        break;
      }
      items.push(...result.json.items);
      pages = result.json.totalPages;
      if ([sent.id, officeMessage.id].every((id) => items.some((m) => m.id === id))) break;
    }
    const reply = items.find((m) => m.id === sent.id);
    assert.ok(reply, "the client's reply is in the office's list");
    assert.equal(reply.inReplyTo, officeMessage.id);
    assert.deepEqual(reply.attachments.map((a) => a.fileName), [FILES.passport]);
    const read = items.find((m) => m.id === officeMessage.id);
    assert.ok(read, "the office's message is in the office's list");
    assert.ok(read.readByClientAt, 'the office sees when the client read its message');
    assert.ok(Date.parse(read.readByClientAt) > 0);
  });
});
