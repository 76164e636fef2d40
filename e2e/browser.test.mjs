// Browser end-to-end test of the client portal (web app + gateway + Keycloak + services).
// Run against the running local stack:  node --test e2e/   (PORTAL_URL defaults to http://localhost:8080)
// Requires /usr/bin/chromium (Debian package `chromium`) and `npm ci` in e2e/ for playwright-core.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
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

const USER = { username: 'anna@example.com', password: 'Portal-Demo-2026' };
const DOSSIER_NUMBER = '2026-0001';

describe('client portal in the browser', () => {
  let browser;
  let context;
  let page;
  let dossierUrl;

  before(async () => {
    assert.ok(chromiumAvailable(), `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
    assert.ok(await portalReachable(), `the portal does not answer at ${BASE_URL} (start the stack first)`);
    browser = await launchBrowser();
    ({ context, page } = await newPage(browser, DESKTOP));
  });

  after(async () => {
    await browser?.close();
  });

  it('shows the welcome page and signs in through Keycloak (ONB-8, HOME-1)', async () => {
    await page.goto(`${BASE_URL}/`);
    await page.getByRole('link', { name: /^(Inloggen|Sign in)$/ }).waitFor();
    await screenshot(page, 'desktop-welcome');
    assert.deepEqual(await accessibilityViolations(page), [], 'welcome page');
    await signIn(page, USER);
    // A previous run may have left the account in English: start from Dutch.
    const nl = page.getByRole('group', { name: /Taal|Language/ }).getByRole('button', { name: 'NL' });
    if ((await nl.getAttribute('aria-pressed')) !== 'true') {
      await nl.click();
      await page.getByRole('link', { name: 'Mijn gegevens' }).first().waitFor();
    }
    assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
  });

  it('shows the dossier numbers on the Home tiles (HOME-2, HOME-3)', async () => {
    const tile = page.getByTestId('tile-dossiers');
    await tile.getByText(/\d+ in behandeling/).waitFor();
    await tile.getByText(/\d+ totaal/).waitFor();
    const actions = page.getByTestId('tile-actions');
    await actions.locator('.tile-figure').waitFor();
    assert.match(await actions.locator('.tile-figure').innerText(), /^(\d+|–)$/);
    assert.equal(await page.title(), 'Home – Klantenportaal');
    await screenshot(page, 'desktop-home');
    assert.deepEqual(await accessibilityViolations(page), [], 'Home');
  });

  it('offers the status filter and shows other statuses only when ticked (DOS-1)', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Dossiers' }).click();
    // other tests give Anna dossiers of their own: look for the completed demo dossier by its number
    await page.getByLabel('Zoeken op omschrijving of dossiernummer').fill('2025-0107');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByText('Geen dossiers gevonden').waitFor();
    const completed = page.getByRole('row').filter({ hasText: '2025-0107' });
    assert.equal(await completed.count(), 0, 'a completed dossier is listed without the filter');
    await page.getByRole('checkbox', { name: 'Afgerond' }).click();
    await completed.waitFor();
    assert.match(await completed.innerText(), /Afgerond/);
    await page.waitForURL(/status=COMPLETED/);
    await screenshot(page, 'desktop-dossiers-filtered');
    assert.deepEqual(await accessibilityViolations(page), [], 'dossier list');
    await page.getByRole('checkbox', { name: 'Afgerond' }).click();
    await completed.waitFor({ state: 'detached' });
    await page.getByLabel('Zoeken op omschrijving of dossiernummer').fill('');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL((url) => !url.search.includes('query='));
  });

  it('lists the dossiers and opens one (DOS-1..3)', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Dossiers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dossiers' }).waitFor();
    await page.getByLabel('Zoeken op omschrijving of dossiernummer').waitFor();
    await page.getByText(/\d+ dossiers? gevonden/).waitFor();
    await screenshot(page, 'desktop-dossiers');

    // Search by number keeps the state in the URL.
    await page.getByLabel('Zoeken op omschrijving of dossiernummer').fill(DOSSIER_NUMBER);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL(/query=2026-0001/);
    const row = page.getByRole('row').filter({ hasText: DOSSIER_NUMBER });
    await row.waitFor();
    assert.match(await row.innerText(), /In behandeling/);

    await row.getByRole('link', { name: /Openen/ }).click();
    await page.waitForURL(/\/dossiers\/[^/?]+/);
    dossierUrl = page.url().split('?')[0];
  });

  it('shows the progress, collapsed by default (DOS-4)', async () => {
    const toggle = page.getByRole('button', { name: 'Voortgang (3/6)' });
    await toggle.waitFor();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await toggle.click();
    await page.locator('button.disclosure[aria-expanded="true"]').waitFor();
    const steps = page.locator('.steps li');
    await steps.first().waitFor();
    assert.equal(await steps.count(), 6);
    assert.equal(await page.locator('.steps li.step-done').count(), 3);
  });

  it('shows the correspondence with a working download (DOS-5, DOC-1, DOC-4)', async () => {
    const tab = page.getByRole('tab', { name: /Correspondentie/ });
    await tab.click();
    await page.getByRole('tab', { name: /Correspondentie/, selected: true }).waitFor();
    const item = page.getByRole('tabpanel').getByRole('listitem').filter({ hasText: 'Bevestiging opdracht' });
    await item.waitFor();
    const link = item.getByRole('link', { name: /Download/ });
    const href = await link.getAttribute('href');
    assert.match(href, /^\/api\/documents\/[^/]+\/content$/);
    await screenshot(page, 'desktop-dossier');
    assert.deepEqual(await accessibilityViolations(page), [], 'dossier page');

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.equal(await download.failure(), null);
    const response = await page.request.get(`${BASE_URL}${href}`);
    assert.equal(response.status(), 200);
    assert.ok((await response.body()).length > 0, 'the document has content');
    // Keyboard: arrow right moves to the next tab (WAI-ARIA tabs pattern).
    await tab.focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('tab', { name: /Documenten/, selected: true }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'tab');
  });

  it('shows Home and the dossier on a phone', async () => {
    const phone = await browser.newContext({ viewport: PHONE, storageState: await context.storageState(), locale: 'nl-NL' });
    try {
      const p = await phone.newPage();
      await p.goto(`${BASE_URL}/`);
      await p.getByTestId('tile-dossiers').getByText(/\d+ in behandeling/).waitFor();
      await screenshot(p, 'phone-home');
      await p.goto(dossierUrl);
      await p.getByRole('button', { name: /Voortgang/ }).click();
      await p.getByRole('tab', { name: /Correspondentie/ }).waitFor();
      await p.getByRole('tabpanel').getByRole('listitem').filter({ hasText: 'Bevestiging opdracht' }).waitFor();
      await screenshot(p, 'phone-dossier');
    } finally {
      await phone.close();
    }
  });

  it('switches to English at once (ME-1)', async () => {
    await page.goto(`${dossierUrl}?tab=correspondentie`);
    await page.getByRole('tab', { name: /Correspondentie/ }).waitFor();
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/me/language') && r.request().method() === 'PUT');
    await page.getByRole('group', { name: 'Taal' }).getByRole('button', { name: 'EN' }).click();
    assert.equal((await saved).status(), 204);
    await page.getByRole('tab', { name: /Correspondence/ }).waitFor();
    await page.getByText('In progress').first().waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await screenshot(page, 'desktop-dossier-en');
    // The choice is stored: it survives a reload.
    await page.reload();
    await page.getByRole('tab', { name: /Correspondence/ }).waitFor();
    // Back to Dutch so the next run starts from the default.
    const savedDutch = page.waitForResponse((r) => r.url().endsWith('/api/me/language') && r.request().method() === 'PUT');
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'NL' }).click();
    assert.equal((await savedDutch).status(), 204);
    await page.getByRole('tab', { name: /Correspondentie/ }).waitFor();
  });

  it('closes a dossier to a client as soon as staff remove her as a party', async () => {
    const office = staff(await backOfficeToken());
    const number = `E2E-${Date.now()}-R`;
    const created = await office.createDossier({ number, description: 'Verkoop garage', parties: [USER.username] });
    assert.equal(created.status, 201, created.text);
    await page.goto(`${BASE_URL}/dossiers/${created.json.id}`);
    await page.getByRole('heading', { level: 1, name: 'Verkoop garage' }).waitFor();

    const moved = await office.request('PUT', `/api/staff/dossiers/${created.json.id}/parties`,
      { json: { parties: ['jansen.bv@example.com'] } });
    assert.equal(moved.status, 200, moved.text);
    await page.reload();
    // the page showed it a moment ago: a plain "no access any more", not "not found"
    await page.getByRole('heading', { level: 1, name: 'U heeft geen toegang meer tot dit dossier' }).waitFor();
    assert.equal(await page.getByText('Verkoop garage').count(), 0);
  });

  it('signs out and returns to the welcome page (ONB-8)', async () => {
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('link', { name: /^(Inloggen|Sign in)$/ }).waitFor({ timeout: 30000 });
    assert.equal(new URL(page.url()).origin, new URL(BASE_URL).origin);
    // The session is really gone.
    const me = await page.request.get(`${BASE_URL}/api/me`);
    assert.equal(me.status(), 401);
  });
});
