// Browser end-to-end test of two-step verification (ME-2, NOT-4) as a client, in Chromium against the running stack:
// a fresh client sets up SMS verification from "Mijn gegevens" → "2-staps verificatie" (Keycloak's required action
// portal-sms-setup, started through the gateway), reading the text in MailDev, and is shown a recovery code once; signs
// in with password + SMS code ("Code opnieuw versturen" on the way); signs in with "Herstelcode gebruiken" once, is shown
// a new recovery code, and the old one is refused afterwards; 5 wrong SMS codes lock that code. Anna (no second
// factor) signs in with her password alone; Sanne (demo user with SMS) signs in with an SMS code — her recovery code is
// left alone, so the demo keeps working.
// Run:  node --test e2e/two-factor-browser.test.mjs   (PORTAL_URL, KEYCLOAK_URL and MAILDEV_URL have local defaults)
// Every run uses a new client and a new mobile number. Sanne's SMS counts against her limit of 5 per hour: run it at
// most a few times an hour on one stack.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  BASE_URL,
  CHROMIUM_PATH,
  chromiumAvailable,
  launchBrowser,
  newPage,
  portalReachable,
  screenshot,
  signIn as signInWithPasswordOnly,
} from './lib/browser.mjs';
import { DEMO_PASSWORD, backOfficeToken, staff } from './lib/portal.mjs';
import { SLOW, assertPlainWords, onboardClient } from './lib/onboarding.mjs';
import { accessibilityViolations } from './lib/a11y.mjs';
import {
  SENT, TOO_SOON, codeOfThisSignIn, newCode, onKeycloak, passwordThenSmsPage, pause, resendAfter, sendState, smsIntro, texts,
  typeCode,
} from './lib/sms.mjs';

const STAMP = Date.now().toString(36);
// A fresh Dutch mobile number per run, typed the way a client would ("06 …"); Keycloak keeps it as +316…
const MOBILE_DIGITS = `1${String(Date.now()).slice(-7)}`; // 06 1…: a range in use (06 0… is not)
const MOBILE_TYPED = `06 ${MOBILE_DIGITS}`;
const MOBILE_E164 = `+316${MOBILE_DIGITS}`;
const MOBILE_MASKED = `+31 6 •••• ••${MOBILE_DIGITS.slice(-2)}`;
const CLIENT = {
  type: 'PERSON', email: `tweestaps.${STAMP}@example.com`, firstName: 'Tess', lastName: `Tweestaps-${STAMP}`, language: 'nl',
};
const PASSWORD = 'Zeilboot-Op-Het-Veluwemeer-4';
const ANNA = { username: 'anna@example.com', password: DEMO_PASSWORD };
const SANNE = { username: 'sanne@example.com', password: DEMO_PASSWORD, sms: '+31612345678', masked: '+31 6 •••• ••78' };

const RECOVERY_CODE = /^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/; // 16 of 23456789ABCDEFGHJKLMNPQRSTUVWXYZ
const LOCKED = 'U heeft 5 keer een verkeerde code ingevuld. Deze code werkt daarom niet meer. Kies „Code opnieuw versturen” voor een nieuwe code.';

// Keycloak's brute-force protection locks an account for a minute when two failures come closer together than this
// ("quick login check"): wrong codes are typed at least this far apart.
const realm = JSON.parse(await readFile(new URL('../keycloak/realm/notary-portal-realm.json', import.meta.url), 'utf8'));
const QUICK_LOGIN_CHECK_MS = realm.quickLoginCheckMilliSeconds ?? 1000;

// ------------------------------------------------------------------------------------------------
// Helpers
// ------------------------------------------------------------------------------------------------


/** Axe finds nothing on the page; a screenshot of it to look at. */
async function looksRight(page, name) {
  await screenshot(page, name);
  assert.deepEqual(await accessibilityViolations(page), [], name);
}

/** The portal's "Uitloggen": back on the welcome page, the portal's session gone. */
async function signOut(page) {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.getByRole('link', { name: 'Inloggen' }).waitFor(SLOW);
  assert.equal((await page.request.get(`${BASE_URL}/api/me`)).status(), 401);
}

/** The recovery code shown once (portal-recovery-code-show.ftl), read from the page. */
async function shownRecoveryCode(page) {
  await page.getByRole('heading', { name: 'Uw herstelcode' }).waitFor(SLOW);
  await page.getByText('U ziet deze code maar één keer. Druk hem af of download hem voordat u verdergaat.').waitFor();
  await page.getByRole('button', { name: 'Afdrukken' }).waitFor();
  const code = (await page.locator('#portal-recovery-code').innerText()).trim();
  assert.match(code, RECOVERY_CODE);
  const download = await page.getByRole('link', { name: 'Downloaden als tekstbestand' }).getAttribute('href');
  assert.ok(decodeURIComponent(download.replace(/\+/g, ' ')).includes(code), 'the download holds the code');
  return code;
}

/** "Ik heb de herstelcode bewaard": back in the portal. */
async function recoveryCodeSaved(page) {
  await Promise.all([
    page.waitForURL((url) => url.origin === BASE_URL, SLOW),
    page.getByRole('button', { name: 'Ik heb de herstelcode bewaard' }).click(),
  ]);
}

/** "Herstelcode gebruiken" on the SMS page: the recovery-code form. */
async function useRecoveryCode(page) {
  await page.getByText('Telefoon kwijt of geen sms ontvangen?').waitFor();
  await page.getByRole('button', { name: 'Herstelcode gebruiken' }).click();
  await page.getByRole('heading', { name: 'Inloggen met uw herstelcode' }).waitFor(SLOW);
}

// ------------------------------------------------------------------------------------------------

describe('two-step verification in the browser (ME-2, NOT-4)', () => {
  let browser;
  let office;
  let page; // the new client's browser, from step 1 to step 4
  let firstRecoveryCode;
  let secondRecoveryCode;
  let textsBeforeStep4; // the texts to the client's number before the sign-in of steps 4 and 5 began
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

  it('1. a new client sets up SMS verification from Mijn gegevens, with the code from the text, and is shown a recovery code once', async () => {
    page = await freshPage();
    await onboardClient(page, office, CLIENT, PASSWORD);

    const section = page.getByRole('region', { name: '2-staps verificatie' });
    await section.getByText('Uit.', { exact: true }).waitFor();
    const setUp = section.getByRole('link', { name: '2-staps verificatie instellen' });
    assert.match(await setUp.getAttribute('href'), /^\/oauth2\/authorization\/keycloak\?kc_action=portal-sms-setup&/);
    await setUp.click();

    // Keycloak's page, in the portal's look: the number.
    await page.getByRole('heading', { name: '2-staps verificatie met sms instellen' }).waitFor(SLOW);
    assert.ok(onKeycloak(page), page.url());
    await page.getByRole('button', { name: 'Annuleren' }).waitFor();
    await looksRight(page, 'two-factor-01-set-up-number');
    await page.getByLabel('Mobiel nummer').fill(MOBILE_TYPED);
    const seen = await texts(MOBILE_E164);
    await page.getByRole('button', { name: 'Code versturen' }).click();

    // The code to that number, as a text in MailDev.
    await page.getByRole('heading', { name: 'Bevestig uw mobiele nummer' }).waitFor(SLOW);
    assert.equal(await smsIntro(page), `${SENT} ${MOBILE_MASKED}.`);
    await page.getByRole('button', { name: 'Ander nummer invullen' }).waitFor();
    await looksRight(page, 'two-factor-02-set-up-code');
    const code = await newCode(MOBILE_E164, seen);
    await page.getByLabel('Code', { exact: true }).fill(code);
    await page.getByRole('button', { name: 'Bevestigen' }).click();

    // The recovery code, shown once.
    firstRecoveryCode = await shownRecoveryCode(page);
    await page.getByText('Bent u uw telefoon kwijt, dan kunt u met deze herstelcode toch inloggen.', { exact: false }).waitFor();
    await looksRight(page, 'two-factor-03-recovery-code');
    await recoveryCodeSaved(page);

    // Back on Mijn gegevens, which says it worked and what is on now.
    await page.waitForURL(/\/mijn-gegevens\?actie=success/, SLOW);
    await section.getByText('Uw instelling voor 2-staps verificatie is opgeslagen.').waitFor();
    await section.getByText(`Bij het inloggen sturen wij een code naar ${MOBILE_MASKED}.`).waitFor();
    await section.getByText('U heeft een herstelcode.', { exact: false }).waitFor();
    await looksRight(page, 'two-factor-04-my-details-on');
  });

  it('2. sign-in asks for the SMS code after the password; "Code opnieuw versturen" sends a new one within the limit', async (t) => {
    assert.ok(firstRecoveryCode, 'needs the set-up of step 1');
    await signOut(page);
    const seen = await texts(MOBILE_E164);
    await passwordThenSmsPage(page, { username: CLIENT.email, password: PASSWORD });
    assert.ok((await smsIntro(page)).endsWith(`${MOBILE_MASKED}.`), await smsIntro(page));
    await page.getByRole('button', { name: 'Herstelcode gebruiken' }).waitFor();
    await looksRight(page, 'two-factor-05-sign-in-sms-code');

    const state = await sendState(page);
    let code;
    if (state.sent) {
      // Opening the page sent a code; asking for another at once is refused with the wait, and the code stays good.
      t.diagnostic('the sign-in sent a code when the page opened');
      code = await newCode(MOBILE_E164, seen);
      await page.getByRole('button', { name: 'Code opnieuw versturen' }).click();
      await page.getByText(TOO_SOON).waitFor(SLOW);
      assert.equal((await texts(MOBILE_E164)).length, seen.length + 1, 'no second text within 30 seconds');
    } else {
      // The set-up's text is less than 30 seconds old: the page says where the code will go and how long to wait.
      t.diagnostic(`the set-up's text was recent: the page asked to wait ${state.seconds} s`);
      assert.ok(state.seconds >= 1 && state.seconds <= 30, `wait ${state.seconds} s`);
      await screenshot(page, 'two-factor-06-sign-in-wait-for-resend');
      await resendAfter(page, state.seconds);
      code = await newCode(MOBILE_E164, seen);
    }
    await Promise.all([page.waitForURL((url) => url.origin === BASE_URL, SLOW), typeCode(page, code)]);
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor(SLOW);
    const me = await page.request.get(`${BASE_URL}/api/me`);
    assert.equal((await me.json()).email, CLIENT.email);
  });

  it('3. "Herstelcode gebruiken" signs in once with the recovery code, and a new one is shown at once', async () => {
    assert.ok(firstRecoveryCode, 'needs the recovery code of step 1');
    await signOut(page);
    await passwordThenSmsPage(page, { username: CLIENT.email, password: PASSWORD });
    await useRecoveryCode(page);
    await page.getByRole('button', { name: 'Terug naar de sms-code' }).waitFor();
    await looksRight(page, 'two-factor-07-recovery-code-form');
    // Typed as a person might copy it: lower case, spaces instead of dashes.
    await page.getByLabel('Herstelcode').fill(firstRecoveryCode.toLowerCase().replace(/-/g, ' '));
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();

    secondRecoveryCode = await shownRecoveryCode(page);
    await page.getByText('U bent ingelogd met uw herstelcode. Die werkt nu niet meer; hieronder staat uw nieuwe herstelcode.').waitFor();
    assert.notEqual(secondRecoveryCode, firstRecoveryCode, 'a new recovery code');
    await looksRight(page, 'two-factor-08-new-recovery-code-after-use');
    await recoveryCodeSaved(page);
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor(SLOW);
    assert.equal((await page.request.get(`${BASE_URL}/api/me`)).status(), 200);
    const status = await (await page.request.get(`${BASE_URL}/api/me/two-factor`)).json();
    assert.equal(status.recoveryCode, true, 'the new recovery code is stored');
    assert.equal(status.sms?.phoneNumber, MOBILE_MASKED);
  });

  it('4. the used recovery code is refused the next time', async () => {
    assert.ok(secondRecoveryCode, 'needs the sign-in of step 3');
    await signOut(page);
    textsBeforeStep4 = await texts(MOBILE_E164);
    await passwordThenSmsPage(page, { username: CLIENT.email, password: PASSWORD });
    await useRecoveryCode(page);
    await page.getByLabel('Herstelcode').fill(firstRecoveryCode);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByText('Deze herstelcode klopt niet. Controleer de code en probeer het opnieuw.').waitFor(SLOW);
    await page.getByRole('heading', { name: 'Inloggen met uw herstelcode' }).waitFor();
    assert.ok(onKeycloak(page), 'still on the recovery-code page');
    assert.equal(await page.getByLabel('Herstelcode').getAttribute('aria-invalid'), 'true');
    await assertPlainWords(page);
    await looksRight(page, 'two-factor-09-used-recovery-code-refused');
  });

  it('5. five wrong SMS codes lock the code: the right one no longer works, and the page says so', async () => {
    assert.ok(textsBeforeStep4, 'continues the sign-in of step 4');
    await page.getByRole('button', { name: 'Terug naar de sms-code' }).click();
    await page.getByRole('heading', { name: 'Code uit de sms' }).waitFor(SLOW);
    // This sign-in's code: sent when its SMS page first opened, when it opens again now, or on "Code opnieuw versturen".
    const code = await codeOfThisSignIn(page, MOBILE_E164, textsBeforeStep4);
    const wrong = (i) => String((Number(code) + 1 + i * 111111) % 1000000).padStart(6, '0'); // never the right code

    for (let i = 0; i < 5; i++) {
      await pause(QUICK_LOGIN_CHECK_MS + 200); // not two failures within Keycloak's quick-login window
      await typeCode(page, wrong(i));
      if (i < 4) {
        const left = 4 - i;
        await page.getByText(`Deze code klopt niet. U kunt het nog ${left} keer proberen.`).waitFor(SLOW);
        assert.equal(await page.getByLabel('Code', { exact: true }).getAttribute('aria-invalid'), 'true');
      } else {
        await page.getByText(LOCKED).waitFor(SLOW);
      }
    }
    await screenshot(page, 'two-factor-10-code-locked');

    // The right code, now: still locked, still on Keycloak's page, not signed in.
    await pause(QUICK_LOGIN_CHECK_MS + 200);
    await typeCode(page, code);
    await page.getByText(LOCKED).waitFor(SLOW);
    await page.getByRole('heading', { name: 'Code uit de sms' }).waitFor();
    assert.ok(onKeycloak(page), `not signed in with a locked code: ${page.url()}`);
    assert.equal((await page.request.get(`${BASE_URL}/api/me`)).status(), 401);
    await assertPlainWords(page);
    assert.doesNotMatch(await page.locator('body').innerText(), /te vaak een verkeerde code/, 'not Keycloak\'s account lock-out');
    await looksRight(page, 'two-factor-11-right-code-after-lock');
  });

  it('6. a client without two-step verification signs in with the password alone', async () => {
    const anna = await freshPage();
    await signInWithPasswordOnly(anna, ANNA); // password, then straight back to the portal's Home
    const status = await (await anna.request.get(`${BASE_URL}/api/me/two-factor`)).json();
    assert.equal(status.sms, null);
    assert.equal(status.recoveryCode, false);
  });

  it('7. the demo user Sanne signs in with an SMS code (her recovery code is not used)', async (t) => {
    const sanne = await freshPage();
    const seen = await texts(SANNE.sms);
    await passwordThenSmsPage(sanne, SANNE);
    assert.ok((await smsIntro(sanne)).endsWith(`${SANNE.masked}.`), await smsIntro(sanne));
    await sanne.getByRole('button', { name: 'Herstelcode gebruiken' }).waitFor(); // offered, not pressed
    const body = await sanne.locator('body').innerText();
    assert.doesNotMatch(body, /U heeft het afgelopen uur al \d+ codes laten versturen/,
      'Sanne was sent 5 texts in the last hour (this test, run often, on one stack): try again later or after ./portal up --reset');
    const code = await codeOfThisSignIn(sanne, SANNE.sms, seen);
    t.diagnostic(`Sanne's texts in MailDev: ${(await texts(SANNE.sms)).length}`);
    await Promise.all([sanne.waitForURL((url) => url.origin === BASE_URL, SLOW), typeCode(sanne, code)]);
    await sanne.getByRole('heading', { level: 1, name: /^(Home|Mijn gegevens)$/ }).waitFor(SLOW);
    const status = await (await sanne.request.get(`${BASE_URL}/api/me/two-factor`)).json();
    assert.equal(status.sms?.phoneNumber, SANNE.masked);
    assert.equal(status.recoveryCode, true, 'Sanne keeps her recovery code');
  });
});
