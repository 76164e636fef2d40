// Browser end-to-end test of onboarding (ONB-1..7) and of a company's extra account (ME-4), in Chromium against the
// running stack: staff invites a new client (e-mail #1), the invitation page with its neutral answer, Keycloak's
// set-password page (e-mail #2) with the policy's reasons, the first sign-in on "Mijn gegevens", e-mail #3 and the
// account ACTIVE; used links refused in plain words; "Wachtwoord vergeten"; an extra account that completes the same
// flow, sees the company's dossier and is signed out when the main account deletes it; a demo user opens Home.
// Run:  node --test e2e/onboarding-browser.test.mjs   (PORTAL_URL, KEYCLOAK_URL and MAILDEV_URL have local defaults)
// Requires /usr/bin/chromium and `npm ci` in e2e/. Every run uses new addresses, so it can run again on the same stack.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL,
  CHROMIUM_PATH,
  chromiumAvailable,
  launchBrowser,
  newPage,
  portalReachable,
  screenshot,
  signIn as signInAtHome,
} from './lib/browser.mjs';
import { DEMO_PASSWORD, backOfficeToken, eventually, mailRecipients, mails, mailText, staff } from './lib/portal.mjs';
import {
  SLOW,
  SUBJECT_INVITATION,
  SUBJECT_PASSWORD_SET,
  SUBJECT_RESET,
  SUBJECT_SET_PASSWORD,
  assertPlainWords,
  confirmOnInvitationPage,
  escapeRegExp,
  linksIn,
  mailTo,
  mailsTo,
  onlyLink,
  openSetPasswordPage,
  setFirstPassword,
  submitPassword,
} from './lib/onboarding.mjs';
import { accessibilityViolations } from './lib/a11y.mjs';

const STAMP = Date.now().toString(36);
const CLIENT = {
  type: 'PERSON', email: `nieuw.${STAMP}@example.com`, firstName: 'Noor', lastName: `Nieuwenhuis-${STAMP}`,
  language: 'nl', phone: '+31612345678',
};
const EXTRA = { firstName: 'Erik', lastName: `Extra-${STAMP}`, email: `extra.${STAMP}@example.com` };
const EXTRA_NAME = `${EXTRA.firstName} ${EXTRA.lastName}`;
const MAIN = { username: 'jansen.bv@example.com', password: DEMO_PASSWORD };
const DEMO = { username: 'anna@example.com', password: DEMO_PASSWORD };
const COMPANY_DOSSIER = { number: '2026-0002', description: 'Oprichting holding Bakkerij Jansen B.V.' };

const PASSWORD = 'Paardenbloem-Zonnig-Kantoor-7';
const NEW_PASSWORD = 'Lentebries-Over-Het-Kanaal-9';

const NEUTRAL_ANSWER = 'Als dit het e-mailadres is waarvoor u bent uitgenodigd, ontvangt u binnen enkele minuten een tweede e-mail';
const LINK_USED = 'Deze link is verlopen of al gebruikt.';

// ------------------------------------------------------------------------------------------------
// Helpers
// ------------------------------------------------------------------------------------------------

/** Signs in through the welcome page; ends on Home, or on "Mijn gegevens" at an account's first sign-in. */
async function signIn(page, { username, password }) {
  await page.goto(`${BASE_URL}/`);
  await page.getByRole('link', { name: 'Inloggen' }).click();
  await page.locator('#username').waitFor(SLOW);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await Promise.all([page.waitForURL((url) => url.origin === BASE_URL, SLOW), page.locator('#kc-login').click()]);
  await page.getByRole('heading', { level: 1, name: /^(Home|Mijn gegevens)$/ }).waitFor(SLOW);
}

/** Keycloak's set-password page: a refused password stays on it with the reason. */
async function refusedPassword(page, password, reason) {
  await submitPassword(page, password);
  await page.getByText(reason, { exact: true }).waitFor(SLOW);
  assert.equal(new URL(page.url()).origin === BASE_URL, false, 'still on Keycloak\'s page');
}

// ------------------------------------------------------------------------------------------------

describe('onboarding in the browser (ONB-1..7, ME-4)', () => {
  let browser;
  let office;
  let accountId;
  let invitationLink; // e-mail #1
  let setPasswordLink; // e-mail #2
  let client; // the new client's browser, signed in after step 3
  let main; // the company's main account
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
    // A run that stopped halfway leaves no extra account of the demo company behind.
    try {
      const response = main ? await main.request.get(`${BASE_URL}/api/me/accounts`) : undefined;
      const left = response?.ok() ? (await response.json()).filter((a) => a.email === EXTRA.email) : [];
      const xsrf = left.length ? (await main.context().cookies(BASE_URL)).find((c) => c.name === 'XSRF-TOKEN')?.value : '';
      for (const account of left) {
        await main.request.delete(`${BASE_URL}/api/me/accounts/${account.id}`, { headers: { 'X-XSRF-TOKEN': decodeURIComponent(xsrf ?? '') } });
      }
    } catch {
      /* best effort */
    }
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
  });

  it('1. staff invites a new client; e-mail #1 brings the link and nothing confidential (ONB-1)', async () => {
    const created = await office.request('POST', '/api/staff/accounts', { json: CLIENT });
    assert.equal(created.status, 201, created.text);
    accountId = created.json.id;
    assert.equal(created.json.state, 'INVITED');
    const again = await office.request('POST', '/api/staff/accounts', { json: CLIENT });
    assert.equal(again.status, 409, 'the same address twice');

    const mail = await mailTo(CLIENT.email, SUBJECT_INVITATION);
    assert.deepEqual(mailRecipients(mail).filter((r, i, all) => all.indexOf(r) === i), [CLIENT.email], 'to the invited address only');
    invitationLink = onlyLink(mail, new RegExp(`^${escapeRegExp(BASE_URL)}/account-activeren/[\\w-]{20,}$`));
    assert.ok(mail.text.includes(invitationLink), 'the link also in the text part');
    assert.deepEqual([...new Set(linksIn(mail))], [invitationLink], 'no other link');
    assert.match(mailText(mail), /tweede e-mail/);

    // Nothing that tells a reader of a forwarded or intercepted mail about the client.
    const body = `${mail.text}\n${mail.html}`;
    for (const secret of [CLIENT.firstName, CLIENT.lastName, CLIENT.email, CLIENT.phone, '612345678', accountId]) {
      assert.equal(body.toLowerCase().includes(secret.toLowerCase()), false, `e-mail #1 contains "${secret}"`);
    }
    assert.doesNotMatch(body, /\b\d{4}-\d{4}\b|wachtwoord:/i, 'no dossier number, no password');
    assert.equal((await mailsTo(CLIENT.email, SUBJECT_INVITATION)).length, 1, 'one invitation');
  });

  it('2. the invitation page: a wrong address gets the same neutral answer and no e-mail #2; the right one gets e-mail #2 (ONB-2)', async () => {
    assert.ok(invitationLink, 'needs the link of step 1');
    const page = await freshPage();
    await page.goto(invitationLink);
    await page.getByRole('heading', { level: 1, name: 'Account activeren' }).waitFor();
    await page.getByText('Vul uw e-mailadres in. Is dit het e-mailadres waarvoor u bent uitgenodigd').waitFor();
    assert.equal(await page.title(), 'Account activeren – Klantenportaal');
    await screenshot(page, 'onboarding-01-invitation-page');
    assert.deepEqual(await accessibilityViolations(page), [], 'invitation page');

    const wrong = await confirmOnInvitationPage(page, invitationLink, `ander.${STAMP}@example.com`);
    assert.equal(wrong.status, 202);
    assert.match(wrong.text, new RegExp(escapeRegExp(NEUTRAL_ANSWER)));
    await screenshot(page, 'onboarding-02-neutral-answer');
    assert.deepEqual(await accessibilityViolations(page), [], 'neutral answer');

    // The link still works (a wrong address uses nothing up); the right address, typed with other capitals.
    const right = await confirmOnInvitationPage(page, invitationLink, CLIENT.email.toUpperCase());
    assert.deepEqual(right, wrong, 'the same answer, in the API and on the page, whether the address matches or not');

    // E-mail #2 is sent synchronously by the confirm call, so a mail caused by the wrong address would be in MailDev
    // before the right one: exactly one proves the wrong address sent nothing.
    const mail = await mailTo(CLIENT.email, SUBJECT_SET_PASSWORD);
    assert.equal((await mailsTo(CLIENT.email, SUBJECT_SET_PASSWORD)).length, 1, 'exactly one set-password mail');
    assert.equal((await mails()).some((m) => mailRecipients(m).includes(`ander.${STAMP}@example.com`)), false, 'nothing to the typed wrong address');
    setPasswordLink = onlyLink(mail, /\/realms\/notary-portal\/login-actions\/action-token\?key=/);
    assert.match(mailText(mail), /Instellen wachtwoord/);
    client = page;
  });

  it('3. the set-password page gives the reasons; a good password lands signed in on Mijn gegevens; e-mail #3; ACTIVE (ONB-3..5)', async () => {
    assert.ok(setPasswordLink && client, 'needs e-mail #2 of step 2');
    const page = client;
    await openSetPasswordPage(page, setPasswordLink);
    await screenshot(page, 'onboarding-03-set-password-page');
    assert.deepEqual(await accessibilityViolations(page), [], 'Keycloak\'s set-password page');

    await refusedPassword(page, 'Kort-1', 'Dit wachtwoord is te kort. Gebruik minimaal 12 tekens.');
    await screenshot(page, 'onboarding-04-password-too-short');
    await refusedPassword(page, 'Welkom123456', 'Dit wachtwoord wordt veel gebruikt en is daardoor makkelijk te raden. Kies een ander wachtwoord.');
    await screenshot(page, 'onboarding-05-password-common');
    assert.deepEqual(await accessibilityViolations(page), [], 'set-password page with a reason');

    await setFirstPassword(page, PASSWORD);
    const personal = page.getByRole('region', { name: 'Persoonlijke gegevens' });
    await personal.getByText(CLIENT.email).waitFor();
    await personal.getByText(`${CLIENT.firstName} ${CLIENT.lastName}`).waitFor();
    assert.equal(await page.title(), 'Mijn gegevens – Klantenportaal');
    await screenshot(page, 'onboarding-06-first-sign-in-my-details');
    assert.deepEqual(await accessibilityViolations(page), [], 'Mijn gegevens at the first sign-in');

    const confirmation = await mailTo(CLIENT.email, SUBJECT_PASSWORD_SET);
    assert.match(mailText(confirmation), /zojuist ingesteld/);
    const account = await eventually(async () => {
      const current = await office.get(`/api/staff/accounts/${accountId}`);
      return current.json?.state === 'ACTIVE' ? current.json : undefined;
    }, { timeoutMs: 30000 });
    assert.ok(account, `account ${accountId} became ACTIVE: ${(await office.get(`/api/staff/accounts/${accountId}`)).text}`);
    assert.ok(account.activatedAt, 'activatedAt is set');
    assert.equal((await mailsTo(CLIENT.email, SUBJECT_SET_PASSWORD)).length, 1, 'still exactly one set-password mail');
  });

  it('4. the used links of e-mails #1 and #2 are refused in plain words, with an offer of a new link (ONB-7)', async () => {
    assert.ok(invitationLink && setPasswordLink, 'needs the links of steps 1 and 2');
    const page = await freshPage();
    await page.goto(invitationLink);
    await page.getByRole('heading', { level: 1, name: 'Account activeren' }).waitFor();
    await page.getByText(LINK_USED, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Stuur mij een nieuwe link' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Al een wachtwoord ingesteld?' }).waitFor();
    await assertPlainWords(page);
    await screenshot(page, 'onboarding-07-used-invitation-link');
    assert.deepEqual(await accessibilityViolations(page), [], 'used invitation link');

    // A fresh browser: Keycloak refuses a set-password link while another account is signed in in the same one.
    const other = await freshPage();
    const response = await other.goto(setPasswordLink);
    assert.equal(response.status(), 400);
    await other.getByText(LINK_USED, { exact: true }).waitFor();
    const newLink = other.getByRole('link', { name: 'Nieuwe link aanvragen' });
    assert.match(await newLink.getAttribute('href'), /reset-credentials\?.*client_id=portal-gateway/);
    await assertPlainWords(other);
    await screenshot(other, 'onboarding-08-used-password-link');
    assert.deepEqual(await accessibilityViolations(other), [], 'Keycloak\'s page of a used link');
  });

  it('5. "Wachtwoord vergeten" on the sign-in page: the reset e-mail\'s link lands signed in (ONB-6)', async () => {
    assert.ok(accountId, 'needs the account of step 1');
    const page = await freshPage();
    await page.goto(`${BASE_URL}/`);
    await page.getByRole('link', { name: 'Inloggen' }).click();
    await page.locator('#username').waitFor(SLOW);
    await page.getByRole('link', { name: 'Wachtwoord vergeten' }).click();
    await page.locator('#username').fill(CLIENT.email);
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.getByText('Als dit e-mailadres bij ons bekend is, ontvangt u binnen enkele minuten een e-mail', { exact: false }).waitFor(SLOW);
    await screenshot(page, 'onboarding-09-forgot-password');
    assert.deepEqual(await accessibilityViolations(page), [], 'Keycloak\'s neutral answer');

    const mail = await mailTo(CLIENT.email, SUBJECT_RESET);
    await openSetPasswordPage(page, onlyLink(mail, /\/login-actions\/action-token\?key=/));
    await submitPassword(page, NEW_PASSWORD);
    await page.waitForURL((url) => url.origin === BASE_URL, SLOW);
    // Not the first sign-in any more: Home.
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor(SLOW);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    const me = await page.request.get(`${BASE_URL}/api/me`);
    assert.equal(me.status(), 200);
    assert.equal((await me.json()).email, CLIENT.email);
    await screenshot(page, 'onboarding-10-reset-signed-in');
  });

  it('6. an extra account of a company: added by the main account, onboarded, sees the company dossier, signed out when deleted (ME-4)', async (t) => {
    main = await freshPage();
    await signIn(main, MAIN);
    const nl = main.getByRole('group', { name: /Taal|Language/ }).getByRole('button', { name: 'NL' });
    if ((await nl.getAttribute('aria-pressed')) !== 'true') await nl.click();
    await main.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn gegevens' }).click();
    const accounts = main.getByRole('region', { name: 'Accounts' });
    await accounts.getByRole('button', { name: 'Extra account toevoegen' }).click();
    const form = main.getByRole('region', { name: 'Extra account toevoegen' });
    await form.getByLabel('Voornaam').fill(EXTRA.firstName);
    await form.getByLabel('Achternaam').fill(EXTRA.lastName);
    await form.getByLabel('E-mailadres').fill(EXTRA.email);
    const created = main.waitForResponse((r) => r.url().endsWith('/api/me/accounts') && r.request().method() === 'POST');
    await form.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    assert.equal((await created).status(), 201);
    await main.getByRole('row', { name: new RegExp(escapeRegExp(EXTRA_NAME)) }).waitFor();
    await screenshot(main, 'onboarding-11-extra-account-added');

    // The extra account's own browser: e-mail #1, the invitation page, e-mail #2, the password, the first sign-in.
    const extra = await freshPage();
    const invitation = await mailTo(EXTRA.email, SUBJECT_INVITATION);
    const answer = await confirmOnInvitationPage(extra, onlyLink(invitation, /\/account-activeren\//), EXTRA.email);
    assert.match(answer.text, new RegExp(escapeRegExp(NEUTRAL_ANSWER)));
    const setPassword = await mailTo(EXTRA.email, SUBJECT_SET_PASSWORD);
    await openSetPasswordPage(extra, onlyLink(setPassword, /\/login-actions\/action-token\?key=/));
    await setFirstPassword(extra, PASSWORD);
    await extra.getByRole('region', { name: 'Persoonlijke gegevens' }).getByText(EXTRA.email).waitFor();

    await extra.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Dossiers' }).click();
    await extra.getByLabel('Zoeken op omschrijving of dossiernummer').fill(COMPANY_DOSSIER.number);
    await extra.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await extra.getByRole('row', { name: new RegExp(`${escapeRegExp(COMPANY_DOSSIER.number)}.*${escapeRegExp(COMPANY_DOSSIER.description)}`) }).waitFor();
    await screenshot(extra, 'onboarding-12-extra-account-dossiers');

    // Signed in until the deletion, so that a 401 afterwards means something.
    const stillSignedIn = (await extra.request.get(`${BASE_URL}/api/me`)).status();
    assert.equal(stillSignedIn, 200);

    // The main account sees it active (once identity-service has seen the password: a few seconds), and deletes it.
    const active = await eventually(async () => {
      const listed = await (await main.request.get(`${BASE_URL}/api/me/accounts`)).json();
      return listed.find((a) => a.email === EXTRA.email)?.state === 'ACTIVE';
    }, { timeoutMs: 30000 });
    assert.ok(active, 'the extra account became ACTIVE');
    await main.reload();
    const row = main.getByRole('row', { name: new RegExp(escapeRegExp(EXTRA_NAME)) });
    await row.getByText('Actief').waitFor();
    await main.getByRole('button', { name: `Verwijderen ${EXTRA_NAME}` }).click();
    const dialog = main.getByRole('alertdialog', { name: `${EXTRA_NAME} verwijderen?` });
    const deleted = main.waitForResponse((r) => /\/api\/me\/accounts\/[^/]+$/.test(r.url()) && r.request().method() === 'DELETE');
    await dialog.getByRole('button', { name: 'Verwijderen' }).click();
    assert.equal((await deleted).status(), 204);
    const deletedAt = Date.now();
    t.diagnostic(`extra account deleted; its browser signed in until then: ${stillSignedIn}`);

    // Its open session ends within seconds (Keycloak's back-channel logout to the gateway).
    let last;
    const signedOut = await eventually(async () => {
      last = await extra.request.get(`${BASE_URL}/api/me`);
      return last.status() === 401;
    }, { timeoutMs: 10000, intervalMs: 250 });
    const seconds = ((Date.now() - deletedAt) / 1000).toFixed(1);
    assert.ok(signedOut, `the deleted account's session still answers ${last.status()} ${seconds} s after the deletion`);
    t.diagnostic(`the deleted account's session got 401 after ${seconds} s`);
    // The app, on its next call, shows the signed-out welcome page.
    await extra.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Home' }).click();
    await extra.getByRole('heading', { level: 1, name: 'Welkom bij het klantenportaal' }).waitFor();
    await extra.getByRole('link', { name: 'Inloggen' }).waitFor();
    await screenshot(extra, 'onboarding-13-extra-account-signed-out');
    assert.deepEqual(await accessibilityViolations(extra), [], 'welcome page after being signed out');
  });

  it('7. a demo user signs in on Home, not on Mijn gegevens (ONB-4)', async () => {
    const page = await freshPage();
    await signInAtHome(page, DEMO);
    assert.equal(new URL(page.url()).pathname, '/');
    const me = await page.request.get(`${BASE_URL}/api/me`);
    assert.equal(me.status(), 200);
    assert.notEqual((await me.json()).firstSignIn, true);
    await screenshot(page, 'onboarding-14-demo-user-home');
  });
});
