// Browser end-to-end test of what the client's dossier list and dossier page tell of news (issue 20, items 2, 3, 7):
// (a) a search that matches only under a status the filter hides says so, and one click shows it;
// (b) a document the office publishes makes its dossier "1 nieuw" with a recent "Laatste activiteit", first when sorted
//     by last activity (and readable as a card on a phone);
// (c) a message with an attachment: "Door mij aangeleverd" follows without a reload, and the file names its message.
// Run against the running local stack:  node --test e2e/polish-dossier-list.test.mjs   (PORTAL_URL, KEYCLOAK_URL)
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

const ANNA = { username: 'anna@example.com', password: 'Portal-Demo-2026' };
// The demo data's completed dossier of Anna's (scripts/demo-data.mjs): 2025-0107 "Testament", status Afgerond.
const COMPLETED = { number: '2025-0107', description: 'Testament' };

// Unique per run. The two dossiers of this run sort last by number ("0000-…" below every real number) and are
// found together by searching the stamp; A is created first, B second, so B is the more recent one until the office
// publishes a document in A.
const STAMP = Date.now().toString(36);
const SEARCH = `e2e-activiteit-${STAMP}`;
const DOSSIER_A = { number: `0000-${SEARCH}-a`, description: `Levering ${STAMP} A` };
const DOSSIER_B = { number: `0000-${SEARCH}-b`, description: `Levering ${STAMP} B` };
const ATTACHMENT = `e2e-stukken-${STAMP}.pdf`;
const SUBJECT = `Stukken voor het dossier (${STAMP})`;

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const searchBox = (page) => page.getByLabel('Zoeken op omschrijving of dossiernummer');
/** The rows of the dossier table, as their dossier numbers, in order. */
const listedNumbers = (page) =>
  page.locator('table.dossier-table tbody tr').evaluateAll((rows) => rows.map((row) => row.querySelector('td')?.textContent?.trim()));

async function search(page, text) {
  await searchBox(page).fill(text);
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await page.waitForURL((url) => url.searchParams.get('query') === text);
}

describe('the dossier list tells what is new (issue 20: 2, 3, 7)', () => {
  let browser;
  let context;
  let page;
  let office;
  let dir;
  const ids = {};

  before(async () => {
    assert.ok(chromiumAvailable(), `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
    assert.ok(await portalReachable(), `the portal does not answer at ${BASE_URL} (start the stack first)`);
    office = staff(await backOfficeToken());
    for (const [key, dossier] of [['a', DOSSIER_A], ['b', DOSSIER_B]]) {
      const created = await office.createDossier({ ...dossier, status: 'IN_PROGRESS', parties: [ANNA.username] });
      assert.equal(created.status, 201, created.text);
      ids[key] = created.json.id;
      // B's creation must be the later moment
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    dir = await mkdtemp(path.join(tmpdir(), 'portal-e2e-dossier-list-'));
    await writeFile(path.join(dir, ATTACHMENT), pdf('Kopie paspoort'));
    browser = await launchBrowser();
    ({ context, page } = await newPage(browser, DESKTOP));
    await signIn(page, ANNA);
    // A previous run may have left the account in English: start from Dutch.
    const nl = page.getByRole('group', { name: /Taal|Language/ }).getByRole('button', { name: 'NL' });
    if ((await nl.getAttribute('aria-pressed')) !== 'true') {
      await nl.click();
      await page.getByRole('link', { name: 'Mijn gegevens' }).first().waitFor();
    }
  });

  after(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('(a) a search that matches only under a hidden status says so, and "Toon ook Afgerond" shows it', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Dossiers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dossiers' }).waitFor();
    await search(page, COMPLETED.description);

    const completedRow = page.getByRole('row').filter({ hasText: COMPLETED.number });
    assert.equal(await completedRow.count(), 0, 'the completed dossier is not listed without its status ticked');
    // Other tests may give Anna dossiers in progress with the same word: then some are listed ("Nog …").
    const hint = page.getByRole('status').filter({ hasText: new RegExp(`dossiers? met status .*Afgerond.* (past|passen) bij ‘${escapeRegExp(COMPLETED.description)}’`) });
    await hint.waitFor();
    if ((await page.locator('table.dossier-table tbody tr').count()) === 0) {
      await page.getByRole('heading', { name: 'Geen dossiers gevonden met de gekozen status' }).waitFor();
    }
    await screenshot(page, 'desktop-dossiers-hidden-matches');
    assert.deepEqual(await accessibilityViolations(page), [], 'dossier list with the hint');

    await page.getByRole('button', { name: /^Toon ook .*Afgerond/ }).click();

    await completedRow.waitFor();
    assert.match(await completedRow.innerText(), /Afgerond/);
    await page.waitForURL(/status=COMPLETED/);
    assert.equal(await page.getByRole('checkbox', { name: 'Afgerond' }).isChecked(), true);
    assert.equal(await page.getByRole('status').filter({ hasText: /met status .*Afgerond/ }).count(), 0, 'the hint about Afgerond is gone');
    // The focus did not go down with the button: it is on the count of results.
    await page.waitForFunction(() => /\d+ dossiers? gevonden/.test(document.activeElement?.textContent ?? ''));
  });

  it('(b) a document the office publishes makes its dossier "1 nieuw" with a recent last activity, first by last activity', async () => {
    const published = await office.publishDocument(ids.a, {
      bytes: pdf(`Brief ${STAMP}`),
      fileName: `brief-${STAMP}.pdf`,
      title: `Brief ${STAMP}`,
      category: 'CORRESPONDENCE',
      contentType: 'application/pdf',
    });
    assert.equal(published.status, 201, published.text);
    const publishedAt = Date.parse(published.json.publishedAt ?? new Date().toISOString());

    await page.goto(`${BASE_URL}/dossiers?query=${encodeURIComponent(SEARCH)}`);
    await page.getByText('2 dossiers gevonden').waitFor();
    // The default order stays by number, newest first: B before A.
    assert.deepEqual(await listedNumbers(page), [DOSSIER_B.number, DOSSIER_A.number]);

    const rowA = page.getByRole('row').filter({ hasText: DOSSIER_A.number });
    const rowB = page.getByRole('row').filter({ hasText: DOSSIER_B.number });
    await rowA.getByText('1 ongelezen', { exact: true }).waitFor({ state: 'attached' });
    assert.equal(await rowA.getByText('1 nieuw', { exact: true }).isVisible(), true, 'the visible badge');
    assert.equal(await rowB.getByText(/\d+ (nieuw|ongelezen)$/).count(), 0, 'nothing new in B');
    await page.getByRole('columnheader', { name: 'Laatste activiteit' }).waitFor();

    // The document's event reaches the dossier-service moments later: sort by last activity until A comes first.
    await page.getByLabel('Sorteren op').selectOption({ label: 'Laatste activiteit' });
    await page.waitForURL(/sort=lastActivity/);
    const deadline = Date.now() + 30000;
    while ((await listedNumbers(page))[0] !== DOSSIER_A.number) {
      assert.ok(Date.now() < deadline, `A is not first by last activity: ${await listedNumbers(page)}`);
      await page.waitForTimeout(1000);
      await page.reload();
      await page.getByText('2 dossiers gevonden').waitFor();
    }
    assert.deepEqual(await listedNumbers(page), [DOSSIER_A.number, DOSSIER_B.number]);
    const lastActivity = Date.parse(await rowA.locator('time').getAttribute('datetime'));
    assert.ok(Math.abs(lastActivity - publishedAt) < 5000, `A's last activity (${new Date(lastActivity).toISOString()}) is the publication`);
    assert.ok(Math.abs(Date.now() - lastActivity) < 5 * 60 * 1000, 'A\'s last activity is recent');
    assert.ok(lastActivity > Date.parse(await rowB.locator('time').getAttribute('datetime')), 'A after B');
    await screenshot(page, 'desktop-dossiers-news');
    assert.deepEqual(await accessibilityViolations(page), [], 'dossier list with news');

    // On a phone the rows are cards: badge and last activity stay readable within 390 px.
    const phone = await browser.newContext({ viewport: PHONE, storageState: await context.storageState(), locale: 'nl-NL' });
    try {
      const p = await phone.newPage();
      await p.goto(`${BASE_URL}/dossiers?query=${encodeURIComponent(SEARCH)}&sort=lastActivity`);
      const card = p.getByRole('row').filter({ hasText: DOSSIER_A.number });
      const badge = card.getByText('1 nieuw', { exact: true });
      await badge.waitFor();
      for (const part of [badge, card.locator('time')]) {
        const box = await part.boundingBox();
        assert.ok(box && box.width > 0 && box.x >= 0 && box.x + box.width <= PHONE.width, `within the phone's width: ${JSON.stringify(box)}`);
      }
      assert.equal(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no sideways scrolling');
      await screenshot(p, 'phone-dossiers-news');
      assert.deepEqual(await accessibilityViolations(p), [], 'dossier list on a phone');
    } finally {
      await phone.close();
    }
  });

  it('(c) a message with an attachment: "Door mij aangeleverd" follows without a reload, and the file names the message', async () => {
    await page.goto(`${BASE_URL}/dossiers/${encodeURIComponent(ids.a)}?tab=berichten`);
    await page.getByRole('tab', { name: /^Berichten/, selected: true }).waitFor();
    const deliveredTab = page.getByRole('tab', { name: /^Door mij aangeleverd/ });
    await page.getByRole('tab', { name: /^Door mij aangeleverd\s*,\s*0 items/ }).waitFor();
    // Marks this document; a reload would lose it.
    await page.evaluate(() => {
      window.__e2eNoReload = true;
    });

    await page.getByRole('button', { name: 'Nieuw bericht' }).click();
    const form = page.getByRole('region', { name: 'Nieuw bericht' });
    await form.getByLabel('Onderwerp').fill(SUBJECT);
    await form.getByLabel('Bericht', { exact: true }).fill(`Hierbij een kopie van mijn paspoort (e2e ${STAMP}).`);
    await form.getByRole('button', { name: 'Bijlagen toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bijlagen toevoegen' });
    await dialog.waitFor();
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Bladeren' }).click();
    await (await chooser).setFiles([path.join(dir, ATTACHMENT)]);
    await dialog.getByRole('button', { name: 'Upload 1 bestand' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 30000 });
    await form.getByRole('list', { name: 'Bijlagen' }).getByText(ATTACHMENT).waitFor();

    const posted = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/dossiers/${encodeURIComponent(ids.a)}/messages`,
    );
    await form.getByRole('button', { name: 'Versturen' }).click();
    const response = await posted;
    assert.equal(response.status(), 201, await response.text());
    const sent = await response.json();

    // At once "wordt verwerkt" (said politely), then confirmed by the counts, all without a reload.
    const status = page.getByRole('status').filter({ hasText: /„Door mij aangeleverd”/ });
    await status.filter({ hasText: /wordt verwerkt|staat nu/ }).waitFor({ state: 'attached' });
    await status.filter({ hasText: '1 bestand staat nu in „Door mij aangeleverd”.' }).waitFor({ state: 'attached', timeout: 30000 });
    await page.getByRole('tab', { name: /^Door mij aangeleverd\s*,\s*1 items/ }).waitFor();
    assert.equal(await deliveredTab.getByText(/wordt verwerkt/).count(), 0, 'no longer pending');

    await deliveredTab.click();
    const panel = page.getByRole('tabpanel');
    const item = panel.getByRole('listitem').filter({ hasText: ATTACHMENT.replace(/\.pdf$/, '') }).first();
    await item.waitFor();
    const link = item.getByRole('link', { name: `Bij bericht: ${SUBJECT}` });
    await link.waitFor();
    assert.equal(await page.evaluate(() => window.__e2eNoReload === true), true, 'the page was not reloaded');
    await screenshot(page, 'desktop-delivered-with-message');
    assert.deepEqual(await accessibilityViolations(page), [], 'Door mij aangeleverd with the message named');

    // The link opens that message in Berichten, with the focus on it.
    await link.click();
    await page.getByRole('tab', { name: /^Berichten/, selected: true }).waitFor();
    await page.waitForURL((url) => url.searchParams.get('bericht') === sent.id);
    const toggle = page.locator(`li[data-message-id="${sent.id}"]`).getByRole('button', { name: new RegExp(escapeRegExp(SUBJECT)) });
    await page.waitForFunction((id) => document.activeElement?.closest('li')?.getAttribute('data-message-id') === id, sent.id);
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await page.locator(`li[data-message-id="${sent.id}"]`).getByRole('link', { name: new RegExp(`Download ?${escapeRegExp(ATTACHMENT)}`) }).waitFor();
  });
});
