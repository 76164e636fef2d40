// Browser end-to-end test of Keycloak's wording for a new client and of the e-mails' greeting and sender: staff invites
// a client; e-mail #2 opens a welcome ("Kies uw wachtwoord", no "wijzigen", no "Uitloggen op andere apparaten"); the
// language picker names "Nederlands" and "English"; the page of 2-step verification says "2-staps verificatie"; a
// later "Wachtwoord vergeten" keeps the box; Keycloak's e-mail #2 and the portal's e-mails greet the client by name
// and come from "Notariskantoor".
// Run:  node --test e2e/polish-keycloak.test.mjs   (PORTAL_URL, KEYCLOAK_URL and MAILDEV_URL have local defaults)
// Keycloak's sender name comes from the realm export, which is imported into an empty database only: start the stack
// with `./portal up --reset` after pulling this. Every run uses new addresses, so it can run again on the same stack.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, CHROMIUM_PATH, chromiumAvailable, launchBrowser, newPage, portalReachable, screenshot } from './lib/browser.mjs';
import { KEYCLOAK_URL, backOfficeToken, mailText, staff } from './lib/portal.mjs';
import {
  SLOW,
  SUBJECT_INVITATION,
  SUBJECT_RESET,
  SUBJECT_SET_PASSWORD,
  confirmOnInvitationPage,
  escapeRegExp,
  mailTo,
  onlyLink,
  setFirstPassword,
} from './lib/onboarding.mjs';
import { onKeycloak } from './lib/sms.mjs';
import { accessibilityViolations } from './lib/a11y.mjs';

const STAMP = Date.now().toString(36);
const CLIENT = {
  type: 'PERSON', email: `welkom.${STAMP}@example.com`, firstName: 'Noor', lastName: `Bakker-${STAMP}`, language: 'nl',
};
const NAME = `${CLIENT.firstName} ${CLIENT.lastName}`;
const PASSWORD = 'Zonnebloem-Aan-De-Gracht-4';
const OFFICE_SENDER = 'Notariskantoor';
const SUBJECT_MESSAGE = 'Nieuw bericht in het klantenportaal';

/** MailDev's sender of a mail: the display name and the address. */
function sender(mail) {
  const from = (mail.from ?? [])[0] ?? {};
  return { name: from.name ?? '', address: (from.address ?? '').toLowerCase() };
}

function assertFromTheOffice(mail) {
  const from = sender(mail);
  assert.equal(from.name, OFFICE_SENDER, `the sender's display name of "${mail.subject}"`);
  assert.match(from.address, /@/, `the sender's address of "${mail.subject}"`);
}

function assertGreetsByName(mail) {
  const text = mail.text ?? '';
  assert.ok(text.trimStart().startsWith(`Geachte ${NAME},`), `"${mail.subject}" greets by name: ${text.slice(0, 120)}`);
  assert.doesNotMatch(mailText(mail), /Geachte heer, mevrouw/);
}

/** The labels of Keycloak's language picker, when the page shows one. */
async function languagePicker(page) {
  const picker = page.locator('#login-select-toggle');
  if ((await picker.count()) === 0) return undefined;
  return (await picker.locator('option').allInnerTexts()).map((label) => label.trim());
}

async function assertLanguagesInTheirOwnWords(page) {
  const labels = await languagePicker(page);
  if (labels === undefined) return;
  assert.deepEqual([...labels].sort(), ['English', 'Nederlands'], `the language picker: ${labels.join(', ')}`);
  assert.ok(!labels.some((label) => /Engels|\(/.test(label)), labels.join(', '));
}

describe('Keycloak speaks to a new client, and the e-mails greet by name (issue 20)', () => {
  let browser;
  let office;
  let page; // the new client's browser
  const contexts = [];

  const freshPage = async () => {
    const opened = await newPage(browser);
    contexts.push(opened.context);
    return opened.page;
  };

  before(async () => {
    assert.ok(chromiumAvailable(), `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
    assert.ok(await portalReachable(), `the portal does not answer at ${BASE_URL} (start the stack first)`);
    browser = await launchBrowser();
    office = staff(await backOfficeToken());
  });

  after(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
  });

  it('1. e-mail #1 (the portal\'s) and e-mail #2 (Keycloak\'s) come from the office; #2, after the address is confirmed, greets by name', async () => {
    const created = await office.request('POST', '/api/staff/accounts', { json: CLIENT });
    assert.equal(created.status, 201, created.text);

    const invitation = await mailTo(CLIENT.email, SUBJECT_INVITATION);
    assertFromTheOffice(invitation);
    // e-mail #1 reaches an address nobody has confirmed yet: nothing about the client, not even the name (ONB-1)
    assert.doesNotMatch(`${invitation.text}\n${invitation.html}`, new RegExp(escapeRegExp(CLIENT.lastName)));

    page = await freshPage();
    await confirmOnInvitationPage(page, onlyLink(invitation, /\/account-activeren\//), CLIENT.email);
    const setPassword = await mailTo(CLIENT.email, SUBJECT_SET_PASSWORD);
    assertFromTheOffice(setPassword);
    assertGreetsByName(setPassword);
    assert.match(setPassword.html ?? '', new RegExp(`>Geachte ${NAME},</p>`));
  });

  it('2. the link of e-mail #2 opens a welcome: "Kies uw wachtwoord", no "wijzigen", no box to sign out elsewhere', async () => {
    const setPassword = await mailTo(CLIENT.email, SUBJECT_SET_PASSWORD);
    await page.goto(onlyLink(setPassword, /\/login-actions\/action-token\?key=/));
    await page.getByRole('heading', { level: 1, name: 'Kies uw wachtwoord' }).waitFor(SLOW);
    assert.ok(onKeycloak(page), page.url());
    await page.getByText('Welkom bij het klantenportaal. Kies een wachtwoord om uw account te activeren.', { exact: true }).waitFor();
    await page.getByText('Minimaal 12 tekens, niet uw e-mailadres, geen veelgebruikt wachtwoord', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Instellen wachtwoord' }).waitFor();

    const body = await page.locator('body').innerText();
    assert.doesNotMatch(body, /wijzigen/i, 'nobody asked the client to change a password');
    assert.doesNotMatch(body, /Uitloggen op andere apparaten/);
    assert.equal(await page.locator('input[name="logout-sessions"]').count(), 0, 'no "log out other devices" box');
    assert.equal(await page.getByRole('checkbox').count(), 0);
    await assertLanguagesInTheirOwnWords(page);
    await screenshot(page, 'polish-keycloak-01-first-password');
    assert.deepEqual(await accessibilityViolations(page), [], 'the first-password page');

    // a refused password keeps the welcome
    await page.locator('#password-new').fill('qwerty123456');
    await page.locator('#password-confirm').fill('qwerty123456');
    await page.getByRole('button', { name: 'Instellen wachtwoord' }).click();
    await page.getByText('Dit wachtwoord wordt veel gebruikt en is daardoor makkelijk te raden. Kies een ander wachtwoord.', { exact: true }).waitFor(SLOW);
    await page.getByRole('heading', { level: 1, name: 'Kies uw wachtwoord' }).waitFor();
    assert.equal(await page.locator('input[name="logout-sessions"]').count(), 0);

    await setFirstPassword(page, PASSWORD);
  });

  it('3. Keycloak\'s page of 2-step verification says "2-staps verificatie", with the languages in their own words', async () => {
    const section = page.getByRole('region', { name: '2-staps verificatie' });
    await section.getByRole('link', { name: '2-staps verificatie instellen' }).click();
    await page.getByRole('heading', { level: 1, name: '2-staps verificatie met sms instellen' }).waitFor(SLOW);
    assert.ok(onKeycloak(page), page.url());
    const body = await page.locator('body').innerText();
    assert.doesNotMatch(body, /tweestaps|tweefactor/i, 'one term, as in the manual');
    await assertLanguagesInTheirOwnWords(page);
    await screenshot(page, 'polish-keycloak-02-two-step');

    await page.getByRole('button', { name: 'Annuleren' }).click();
    await page.waitForURL((url) => url.origin === BASE_URL, SLOW);
  });

  it('4. a portal e-mail about the client\'s dossier greets by name and comes from the office', async () => {
    const dossier = await office.createDossier({ number: `POL-${STAMP}`, description: `Welkom ${STAMP}`, parties: [CLIENT.email] });
    assert.equal(dossier.status, 201, dossier.text);
    const sent = await office.sendMessage(dossier.json.id, { subject: `Welkom ${STAMP}`, body: 'Fijn dat u er bent.' });
    assert.equal(sent.status, 201, sent.text);

    const mail = await mailTo(CLIENT.email, SUBJECT_MESSAGE);
    assertFromTheOffice(mail);
    assertGreetsByName(mail);
    assert.doesNotMatch(mailText(mail), /Fijn dat u er bent/, 'nothing of the message itself');
  });

  it('5. a forgotten password later: the page for an account that has one keeps "Uitloggen op andere apparaten"', async () => {
    const other = await freshPage();
    const signInUri = `${BASE_URL}/oauth2/authorization/keycloak`;
    await other.goto(`${KEYCLOAK_URL}/realms/notary-portal/login-actions/reset-credentials?client_id=portal-gateway`
      + `&redirect_uri=${encodeURIComponent(signInUri)}`);
    await other.locator('#username').waitFor(SLOW);
    await assertLanguagesInTheirOwnWords(other);
    await other.locator('#username').fill(CLIENT.email);
    await other.getByRole('button', { name: 'Versturen' }).click();
    await other.getByText('Als dit e-mailadres bij ons bekend is', { exact: false }).waitFor(SLOW);

    const reset = await mailTo(CLIENT.email, SUBJECT_RESET);
    assertFromTheOffice(reset);
    assertGreetsByName(reset);
    await other.goto(onlyLink(reset, /\/login-actions\/action-token\?key=/));
    await other.getByRole('heading', { level: 1, name: 'Wachtwoord instellen' }).waitFor(SLOW);
    await other.getByText('Kies een nieuw wachtwoord.', { exact: true }).waitFor();
    await other.getByRole('checkbox', { name: 'Uitloggen op andere apparaten' }).waitFor();
    assert.doesNotMatch(await other.locator('body').innerText(), /wijzigen|Welkom bij het klantenportaal/);
    await screenshot(other, 'polish-keycloak-03-reset-password');
  });
});
