// Browser end-to-end test of "Accounts" | "Extra accounts" under "Mijn gegevens" (ME-4): the company's main account
// adds an extra account (required fields, 409 for an address in use), sees it as "Uitgenodigd", opens its details and
// deletes it through the confirmation dialog (by keyboard), after which it is gone; axe on every state.
// Run against the running local stack:  node --test e2e/accounts-browser.test.mjs   (PORTAL_URL defaults to http://localhost:8080)
// Requires /usr/bin/chromium (Debian package `chromium`) and `npm ci` in e2e/ for playwright-core and axe-core.
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
} from './lib/browser.mjs';
import { accessibilityViolations } from './lib/a11y.mjs';

const MAIN = { username: 'jansen.bv@example.com', password: 'Portal-Demo-2026' };
const STAMP = Date.now().toString(36);
const EXTRA = { firstName: 'Eva', lastName: `Extra ${STAMP}`, email: `e2e-extra-${STAMP}@example.com` };
const EXTRA_NAME = `${EXTRA.firstName} ${EXTRA.lastName}`;

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Signs in through the welcome page and Keycloak's form. Ends on Home, or on "Mijn gegevens" when this is the
 * account's first sign-in (ONB-4).
 */
async function signIn(page, { username, password }) {
  await page.goto(`${BASE_URL}/`);
  await page.getByRole('link', { name: /^(Inloggen|Sign in)$/ }).click();
  await page.locator('#username').waitFor();
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await Promise.all([
    page.waitForURL((url) => url.origin === new URL(BASE_URL).origin, { timeout: 30000 }),
    page.locator('#kc-login').click(),
  ]);
  await page.getByRole('heading', { level: 1, name: /^(Home|Mijn gegevens|My details)$/ }).waitFor();
}

/** The extra accounts as the API lists them, asked with the browser's session. */
async function listedAccounts(page) {
  const response = await page.request.get(`${BASE_URL}/api/me/accounts`);
  assert.equal(response.status(), 200, await response.text());
  return response.json();
}

describe('extra accounts of a company in the browser (ME-4)', () => {
  let browser;
  let context;
  let page;

  before(async () => {
    assert.ok(chromiumAvailable(), `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
    assert.ok(await portalReachable(), `the portal does not answer at ${BASE_URL} (start the stack first)`);
    browser = await launchBrowser();
    ({ context, page } = await newPage(browser, DESKTOP));
  });

  after(async () => {
    // A run that stopped halfway leaves no extra account behind.
    try {
      const left = page ? (await listedAccounts(page)).filter((a) => a.email === EXTRA.email) : [];
      const cookies = left.length ? await context.cookies(BASE_URL) : [];
      const xsrf = cookies.find((c) => c.name === 'XSRF-TOKEN')?.value;
      for (const account of left) {
        await page.request.delete(`${BASE_URL}/api/me/accounts/${account.id}`, { headers: { 'X-XSRF-TOKEN': decodeURIComponent(xsrf ?? '') } });
      }
    } catch {
      /* best effort */
    }
    await browser?.close();
  });

  it('opens "Mijn gegevens" of the main account with "Accounts" | "Extra accounts"', async () => {
    await signIn(page, MAIN);
    // A previous run may have left the account in English: start from Dutch.
    const nl = page.getByRole('group', { name: /Taal|Language/ }).getByRole('button', { name: 'NL' });
    if ((await nl.getAttribute('aria-pressed')) !== 'true') {
      await nl.click();
      await page.getByRole('link', { name: 'Mijn gegevens' }).first().waitFor();
    }
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn gegevens' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn gegevens' }).waitFor();
    const personal = page.getByRole('region', { name: 'Persoonlijke gegevens' });
    await personal.getByText(MAIN.username).waitFor();
    await personal.getByText('Uw e-mailadres wijzigt u via het notariskantoor.').waitFor();

    const accounts = page.getByRole('region', { name: 'Accounts' });
    await accounts.getByRole('heading', { level: 3, name: 'Extra accounts' }).waitFor();
    await accounts.getByRole('button', { name: 'Extra account toevoegen' }).waitFor();
    assert.equal(await page.title(), 'Mijn gegevens – Klantenportaal');
    await screenshot(page, 'desktop-accounts');
    assert.deepEqual(await accessibilityViolations(page), [], 'Mijn gegevens of a main account');
  });

  it('adds an extra account, which is listed as "Uitgenodigd" (fields required; an address in use is refused)', async () => {
    const accounts = page.getByRole('region', { name: 'Accounts' });
    await accounts.getByRole('button', { name: 'Extra account toevoegen' }).click();
    const form = page.getByRole('region', { name: 'Extra account toevoegen' });
    await form.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await form.getByText('Vul de voornaam in.').waitFor();
    await form.getByText('Vul de achternaam in.').waitFor();
    await form.getByText('Vul het e-mailadres in.').waitFor();
    assert.equal(await form.getByLabel('Voornaam').getAttribute('aria-invalid'), 'true');
    assert.equal(await form.getByLabel('Voornaam').evaluate((el) => el === document.activeElement), true, 'focus on the first field');
    assert.deepEqual(await accessibilityViolations(page), [], 'form with errors');

    await form.getByLabel('Voornaam').fill(EXTRA.firstName);
    await form.getByLabel('Achternaam').fill(EXTRA.lastName);
    await form.getByLabel('E-mailadres').fill(EXTRA.email);
    const created = page.waitForResponse((r) => r.url().endsWith('/api/me/accounts') && r.request().method() === 'POST');
    await form.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    assert.equal((await created).status(), 201);
    await accounts.getByRole('status').filter({ hasText: `${EXTRA_NAME} ontvangt een uitnodiging per e-mail.` }).waitFor();

    const row = page.getByRole('row', { name: new RegExp(escapeRegExp(EXTRA_NAME)) });
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(escapeRegExp(EXTRA.email)));
    assert.match(await row.innerText(), /Uitgenodigd/);
    await screenshot(page, 'desktop-accounts-added');
    assert.deepEqual(await accessibilityViolations(page), [], 'list with the new account');

    // The same address again: 409, said next to the field.
    await accounts.getByRole('button', { name: 'Extra account toevoegen' }).click();
    await form.getByLabel('Voornaam').fill('Eva');
    await form.getByLabel('Achternaam').fill('Dubbel');
    await form.getByLabel('E-mailadres').fill(EXTRA.email);
    await form.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await form.getByText('Er bestaat al een account met dit e-mailadres.').waitFor();
    assert.equal(await form.getByLabel('E-mailadres').getAttribute('aria-invalid'), 'true');
    await form.getByRole('button', { name: 'Annuleren' }).click();
    await form.waitFor({ state: 'detached' });
    assert.equal((await listedAccounts(page)).filter((a) => a.email === EXTRA.email).length, 1);
  });

  it('shows the details of the extra account ("Bekijken")', async () => {
    const view = page.getByRole('button', { name: `Bekijken ${EXTRA_NAME}` });
    await view.click();
    const dialog = page.getByRole('dialog', { name: `Gegevens van ${EXTRA_NAME}` });
    await dialog.waitFor();
    await dialog.getByText(EXTRA.email).waitFor();
    await dialog.getByText('Uitgenodigd', { exact: true }).waitFor();
    await dialog.getByText('Nog niet geactiveerd').waitFor();
    await screenshot(page, 'desktop-accounts-details');
    assert.deepEqual(await accessibilityViolations(page), [], 'details dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await view.evaluate((el) => el === document.activeElement), true, 'focus back on "Bekijken"');
  });

  it('deletes the extra account after confirming in the dialog, and it is gone', async () => {
    const remove = page.getByRole('button', { name: `Verwijderen ${EXTRA_NAME}` });
    await remove.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: `${EXTRA_NAME} verwijderen?` });
    await dialog.waitFor();
    await dialog.getByText(`${EXTRA_NAME} kan daarna direct niet meer inloggen.`).waitFor();
    const cancel = dialog.getByRole('button', { name: 'Annuleren' });
    assert.equal(await cancel.evaluate((el) => el === document.activeElement), true, 'focus starts on "Annuleren"');
    await screenshot(page, 'desktop-accounts-delete');
    assert.deepEqual(await accessibilityViolations(page), [], 'delete dialog');

    // Escape cancels; nothing is deleted.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await remove.evaluate((el) => el === document.activeElement), true, 'focus back on "Verwijderen"');

    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Shift+Tab');
    assert.equal(await dialog.getByRole('button', { name: 'Verwijderen' }).evaluate((el) => el === document.activeElement), true);
    const deleted = page.waitForResponse((r) => /\/api\/me\/accounts\/[^/]+$/.test(r.url()) && r.request().method() === 'DELETE');
    await page.keyboard.press('Enter');
    assert.equal((await deleted).status(), 204);
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('row', { name: new RegExp(escapeRegExp(EXTRA_NAME)) }).waitFor({ state: 'detached' });
    await page.getByRole('region', { name: 'Accounts' }).getByRole('status').filter({ hasText: `${EXTRA_NAME} is verwijderd.` }).waitFor();
    assert.deepEqual(await accessibilityViolations(page), [], 'list after deleting');

    // Gone for the server too, also after a reload.
    assert.equal((await listedAccounts(page)).some((a) => a.email === EXTRA.email), false);
    await page.reload();
    await page.getByRole('heading', { level: 3, name: 'Extra accounts' }).waitFor();
    await page.getByRole('button', { name: 'Extra account toevoegen' }).waitFor();
    assert.equal(await page.getByText(EXTRA.email).count(), 0);
  });

  it('shows the extra accounts on a phone', async () => {
    const phone = await browser.newContext({ viewport: PHONE, storageState: await context.storageState(), locale: 'nl-NL' });
    try {
      const p = await phone.newPage();
      await p.goto(`${BASE_URL}/mijn-gegevens`);
      await p.getByRole('heading', { level: 3, name: 'Extra accounts' }).waitFor();
      await p.getByRole('button', { name: 'Extra account toevoegen' }).waitFor();
      await screenshot(p, 'phone-accounts');
      assert.deepEqual(await accessibilityViolations(p), [], 'Mijn gegevens on a phone');
    } finally {
      await phone.close();
    }
  });
});
