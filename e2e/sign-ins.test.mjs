// Browser end-to-end test of "Recente aanmeldingen" under "Mijn gegevens" (TRL-1), in Chromium against the running
// stack: a client types a wrong password once and then the right one on Keycloak's sign-in page; GET /api/me/sign-ins
// lists the sign-in and the failed attempt, newest first, each with the browser and system in words and the network
// (never the full address); the section shows them, with "Was u dit niet? Wijzig uw wachtwoord" leading to Keycloak's
// change-password page through the gateway's sign-in. Axe on the section, desktop and phone.
// Run:  node --test e2e/sign-ins.test.mjs   (PORTAL_URL and KEYCLOAK_URL have local defaults)
// Needs the provider jar and the realm of this change (after changing the realm: ./portal up --reset), /usr/bin/chromium
// and `npm ci` in e2e/. Every run uses a new client account (made in Keycloak with the demo password, as
// ensureClientAccount does), so that no other test's sign-ins come between the two of this one.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, CHROMIUM_PATH, DESKTOP, PHONE, chromiumAvailable, launchBrowser, portalReachable, screenshot } from './lib/browser.mjs';
import { DEMO_PASSWORD, ensureClientAccount, eventually } from './lib/portal.mjs';
import { accessibilityViolations } from './lib/a11y.mjs';

const STAMP = Date.now().toString(36);
const CLIENT = { username: `aanmeldingen.${STAMP}@example.com`, password: DEMO_PASSWORD };
// The browser says it is Firefox on Windows, so that the words are known exactly (Chromium's own header names its
// version, which changes with every update).
const USER_AGENT = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const SLOW = { timeout: 30000 };
const NETWORK = /^(\d{1,3}\.\d{1,3}\.\d{1,3}\.0\/24|[0-9a-f:]+\/64)$/;

/** Keycloak's sign-in page, reached from the portal's welcome page. */
async function openSignInPage(page) {
  await page.goto(`${BASE_URL}/`);
  await page.getByRole('link', { name: /^(Inloggen|Sign in)$/ }).click();
  await page.locator('#username').waitFor(SLOW);
}

/** The sign-ins as the API lists them, asked with the browser's session. */
async function listedSignIns(page) {
  const response = await page.request.get(`${BASE_URL}/api/me/sign-ins`);
  assert.equal(response.status(), 200, await response.text());
  return (await response.json()).items;
}

describe('recent sign-ins in the browser (TRL-1)', () => {
  let browser;
  let context;
  let page;

  before(async () => {
    assert.ok(chromiumAvailable(), `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
    assert.ok(await portalReachable(), `the portal does not answer at ${BASE_URL} (start the stack first)`);
    await ensureClientAccount(CLIENT.username, { firstName: 'Aanmelding', lastName: `Test ${STAMP}` });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: DESKTOP, locale: 'nl-NL', userAgent: USER_AGENT });
    context.setDefaultTimeout(Number(process.env.E2E_TIMEOUT_MS ?? 15000));
    page = await context.newPage();
  });

  after(async () => {
    await context?.close();
    await browser?.close();
  });

  it('1. a wrong password is refused on Keycloak\'s page, the right one signs in', async () => {
    await openSignInPage(page);
    await page.locator('#username').fill(CLIENT.username);
    await page.locator('#password').fill(`${CLIENT.password}-verkeerd`);
    await page.locator('#kc-login').click();
    // Keycloak shows its page again with the error at the field
    await page.locator('#input-error-username, #input-error-password').first().waitFor(SLOW);
    assert.notEqual(new URL(page.url()).origin, BASE_URL, 'still on Keycloak\'s page');

    // Keycloak's brute-force protection counts failures closer together than a second as an attack: wait a little
    await page.waitForTimeout(1500);
    if (await page.locator('#username').isEditable().catch(() => false)) {
      await page.locator('#username').fill(CLIENT.username);
    }
    await page.locator('#password').fill(CLIENT.password);
    await Promise.all([page.waitForURL((url) => url.origin === BASE_URL, SLOW), page.locator('#kc-login').click()]);
    // the first sign-in of an account opens "Mijn gegevens" (ONB-4), a later one Home
    await page.getByRole('heading', { level: 1, name: /^(Home|Mijn gegevens)$/ }).waitFor(SLOW);
  });

  it('2. GET /api/me/sign-ins lists the sign-in and the failed attempt, newest first, with browser, system and network', async () => {
    const items = await eventually(async () => {
      const listed = await listedSignIns(page);
      return listed.length >= 2 ? listed : undefined;
    });
    assert.ok(items, 'two sign-ins listed');
    // a new account: exactly these two
    assert.equal(items.length, 2, JSON.stringify(items));
    const [signIn, failed] = items;

    assert.equal(signIn.outcome, 'SUCCESS');
    assert.equal(signIn.reason, null);
    assert.equal(failed.outcome, 'FAILED');
    assert.equal(failed.reason, 'WRONG_PASSWORD');
    assert.ok(Date.parse(signIn.at) >= Date.parse(failed.at), 'newest first');
    assert.ok(Date.now() - Date.parse(failed.at) < 10 * 60_000, 'stored just now');
    for (const item of items) {
      assert.equal(item.browser, 'Firefox 133', JSON.stringify(item));
      assert.equal(item.system, 'Windows 10/11', JSON.stringify(item));
      assert.match(item.network ?? '', NETWORK, 'the network, never the full address');
      assert.deepEqual(Object.keys(item).sort(), ['at', 'browser', 'network', 'outcome', 'reason', 'system']);
    }
  });

  it('3. "Recente aanmeldingen" on "Mijn gegevens" shows them, with "Was u dit niet? Wijzig uw wachtwoord"', async () => {
    await page.goto(`${BASE_URL}/mijn-gegevens`);
    const section = page.getByRole('region', { name: 'Recente aanmeldingen' });
    const table = section.getByRole('table', { name: 'Recente aanmeldingen' });
    await table.waitFor(SLOW);

    const rows = table.getByRole('row');
    assert.equal(await rows.count(), 3, 'a header row and two sign-ins');
    const first = rows.nth(1);
    const second = rows.nth(2);
    assert.match(await first.getByRole('rowheader').innerText(), /^vandaag \d{2}:\d{2}$/);
    assert.equal((await first.getByRole('cell').nth(0).innerText()).trim(), 'Aangemeld');
    assert.equal((await first.getByRole('cell').nth(1).innerText()).trim(), 'Firefox 133 op Windows 10/11');
    assert.match((await first.getByRole('cell').nth(2).innerText()).trim(), NETWORK);
    assert.equal((await second.getByRole('cell').nth(0).innerText()).trim(), 'Mislukte poging: verkeerd wachtwoord');

    await section.getByText('Was u dit niet?').waitFor();
    const change = section.getByRole('link', { name: 'Wijzig uw wachtwoord' });
    assert.equal(
      await change.getAttribute('href'),
      '/oauth2/authorization/keycloak?kc_action=UPDATE_PASSWORD&return=%2Fmijn-gegevens%3Fonderdeel%3Dwachtwoord',
    );

    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'sign-ins-desktop');
    assert.deepEqual(await accessibilityViolations(page), [], 'axe on "Mijn gegevens" with the sign-ins');

    await page.setViewportSize(PHONE);
    await table.waitFor();
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'sign-ins-phone');
    assert.deepEqual(await accessibilityViolations(page), [], 'axe on a phone');
    await page.setViewportSize(DESKTOP);
  });

  it('4. "Wijzig uw wachtwoord" opens Keycloak\'s change-password page', async () => {
    await page.goto(`${BASE_URL}/mijn-gegevens`);
    const section = page.getByRole('region', { name: 'Recente aanmeldingen' });
    await Promise.all([
      page.waitForURL((url) => url.origin !== BASE_URL, SLOW),
      section.getByRole('link', { name: 'Wijzig uw wachtwoord' }).click(),
    ]);
    // Keycloak's update-password page (UPDATE_PASSWORD started with kc_action), after a fresh sign-in when needed
    await page.locator('#password-new, #password').first().waitFor(SLOW);
    assert.match(page.url(), /\/realms\/notary-portal\//);
  });
});
