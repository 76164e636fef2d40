// Browser end-to-end test of ADV-1: Anna shares dossier 2026-0001 with her mortgage adviser (read and deliver, until
// a date) → the adviser's invitation e-mail → onboarding → the adviser sees only that dossier, labelled with who shared
// it until when, downloads the draft deed and sends a message with an attachment → Anna sees "last used" and the
// activity → Anna revokes → the adviser's next click gives a plain "no access any more" page, not an error.
// Screenshots nl/en, desktop and phone; axe on each page.
// Run against the running local stack:  node --test e2e/advisers-browser.test.mjs
// Requires /usr/bin/chromium and `npm ci` in e2e/ (playwright-core, axe-core).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  BASE_URL, CHROMIUM_PATH, DESKTOP, PHONE, chromiumAvailable, launchBrowser, newPage, portalReachable, screenshot, setLanguage, signIn,
} from './lib/browser.mjs';
import { eventually, keycloakAdmin, mailText, signIn as apiSignIn } from './lib/portal.mjs';
import { accessibilityViolations } from './lib/a11y.mjs';
import { onePagePdf as pdf } from './lib/pdf.mjs';
import {
  SLOW, SUBJECT_SET_PASSWORD, confirmOnInvitationPage, mailTo, onlyLink, openSetPasswordPage, setFirstPassword,
} from './lib/onboarding.mjs';

const ANNA = { username: 'anna@example.com', password: 'Portal-Demo-2026' };
const DOSSIER_NUMBER = '2026-0001';
const SUBJECT_SHARED = 'Een dossier is met u gedeeld in het klantenportaal';
const ADVISER_PASSWORD = 'Hypotheek-Advies-2026';
const STAMP = Date.now().toString(36);
const OFFER = `hypotheekofferte-${STAMP}.pdf`;

/** 45 days from today as the date input takes it and as the portal shows it (dd-mm-yyyy). */
const until = (() => {
  const date = new Date();
  date.setDate(date.getDate() + 45);
  const pad = (n) => String(n).padStart(2, '0');
  return { input: `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`, shown: `${pad(date.getDate())}-${pad(date.getMonth() + 1)}-${date.getFullYear()}` };
})();

describe('access for advisers in the browser (ADV-1)', () => {
  let browser;
  let annaPage;
  let adviserPage;
  let dir;
  let dossierId;
  let adviser;

  before(async () => {
    assert.ok(chromiumAvailable(), `Chromium not found at ${CHROMIUM_PATH}`);
    assert.ok(await portalReachable(), `the portal does not answer at ${BASE_URL} (start the stack first)`);
    dir = await mkdtemp(path.join(tmpdir(), 'portal-e2e-advisers-'));
    await writeFile(path.join(dir, OFFER), pdf('Hypotheekofferte'));
    // adviseur@example.com on a fresh stack; on a stack where an earlier run made it, a new address, so that the
    // invitation and onboarding are what this run tests
    const known = await keycloakAdmin('GET', `/users?email=${encodeURIComponent('adviseur@example.com')}&exact=true`);
    adviser = known.json?.length ? `adviseur+${STAMP}@example.com` : 'adviseur@example.com';
    const anna = await apiSignIn(ANNA.username);
    const found = await anna.get(`/api/dossiers?query=${DOSSIER_NUMBER}`);
    dossierId = found.json.items.find((d) => d.number === DOSSIER_NUMBER)?.id;
    assert.ok(dossierId, `Anna's dossier ${DOSSIER_NUMBER} (demo data)`);
    browser = await launchBrowser();
    ({ page: annaPage } = await newPage(browser, DESKTOP));
    ({ page: adviserPage } = await newPage(browser, DESKTOP));
    await signIn(annaPage, ANNA);
    await setLanguage(annaPage, 'Nederlands');
  });

  after(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it(`Anna shares ${DOSSIER_NUMBER} from the dossier page: "Inzien en aanleveren" until a date`, async () => {
    await annaPage.goto(`${BASE_URL}/dossiers/${dossierId}`);
    await annaPage.getByRole('button', { name: 'Delen' }).click();
    const form = annaPage.getByRole('region', { name: 'Toegang geven' });
    await form.waitFor();
    await form.getByLabel('E-mailadres').fill(adviser);
    await form.getByLabel('Naam').fill('Ada Adviseur');
    await form.getByRole('radio', { name: 'Inzien en aanleveren' }).check();
    await form.getByLabel('Tot en met').fill(until.input);
    await screenshot(annaPage, 'desktop-dossier-share');
    assert.deepEqual(await accessibilityViolations(annaPage), [], 'the share panel');
    const made = annaPage.waitForResponse((r) => r.url().endsWith(`/api/dossiers/${dossierId}/grants`) && r.request().method() === 'POST');
    await form.getByRole('button', { name: 'Toegang geven' }).click();
    const response = await made;
    assert.equal(response.status(), 201, await response.text());
    await annaPage.getByText(`Ada Adviseur heeft nu toegang tot dossier ${DOSSIER_NUMBER}`, { exact: false }).waitFor();
  });

  it('the adviser gets an invitation that says who shared what, and goes through onboarding', async () => {
    const invitation = await mailTo(adviser, SUBJECT_SHARED);
    const text = mailText(invitation);
    assert.match(text, new RegExp(`Anna de Vries heeft dossier ${DOSSIER_NUMBER} met u gedeeld`));
    assert.doesNotMatch(text, /Concept-akte|Dorpsstraat/, 'no dossier content in the e-mail');
    await confirmOnInvitationPage(adviserPage, onlyLink(invitation, /\/account-activeren\//), adviser);
    const setPassword = await mailTo(adviser, SUBJECT_SET_PASSWORD);
    await openSetPasswordPage(adviserPage, onlyLink(setPassword, /\/login-actions\/action-token\?key=/));
    await setFirstPassword(adviserPage, ADVISER_PASSWORD);
    assert.equal(await adviserPage.getByRole('heading', { name: 'Toegang voor anderen' }).count(), 0, 'an adviser grants nothing');
    assert.equal(await adviserPage.getByRole('link', { name: 'Acties' }).count(), 0, 'no Acties for an adviser');
    await screenshot(adviserPage, 'desktop-adviser-my-details');
    assert.deepEqual(await accessibilityViolations(adviserPage), [], "the adviser's Mijn gegevens");
  });

  it('the adviser sees only the shared dossier, labelled, and downloads the draft deed', async () => {
    await adviserPage.goto(`${BASE_URL}/dossiers`);
    const row = adviserPage.getByRole('link', { name: new RegExp(DOSSIER_NUMBER) });
    await row.first().waitFor();
    await adviserPage.getByText(`Gedeeld door Anna de Vries tot ${until.shown}`).first().waitFor();
    assert.equal(await adviserPage.getByText('2026-0003').count(), 0, "none of Anna's other dossiers");
    await screenshot(adviserPage, 'desktop-adviser-dossiers');
    assert.deepEqual(await accessibilityViolations(adviserPage), [], "the adviser's dossier list");
    await row.first().click();
    await adviserPage.waitForURL(new RegExp(`/dossiers/${dossierId}`));
    await adviserPage.getByText(`Gedeeld door Anna de Vries tot ${until.shown}`).waitFor();
    assert.equal(await adviserPage.getByRole('tab', { name: /^Activiteit/ }).count(), 0, 'no Activiteit tab');
    assert.equal(await adviserPage.getByRole('button', { name: 'Delen' }).count(), 0, 'no Delen');
    await adviserPage.getByRole('tab', { name: /^Documenten/ }).click();
    const deed = adviserPage.getByRole('listitem').filter({ hasText: 'Concept-akte van levering' });
    await deed.waitFor();
    const [download] = await Promise.all([adviserPage.waitForEvent('download'), deed.getByRole('link', { name: /Download/ }).click()]);
    assert.equal(await download.failure(), null);
    assert.ok(await download.path(), 'the draft deed was downloaded');
    await screenshot(adviserPage, 'desktop-adviser-dossier');
    assert.deepEqual(await accessibilityViolations(adviserPage), [], "the adviser's dossier page");
  });

  it('the adviser sends a message with an attachment to the office', async () => {
    await adviserPage.getByRole('tab', { name: /^Berichten/ }).click();
    await adviserPage.getByRole('button', { name: 'Nieuw bericht' }).click();
    const form = adviserPage.getByRole('region', { name: 'Nieuw bericht' });
    await form.waitFor();
    await form.getByLabel('Onderwerp').fill('Hypotheekofferte');
    await form.getByLabel('Bericht', { exact: true }).fill('Hierbij de hypotheekofferte voor de woning.');
    await form.getByRole('button', { name: 'Bijlagen toevoegen' }).click();
    const attach = adviserPage.getByRole('dialog', { name: 'Bijlagen toevoegen' });
    await attach.waitFor();
    const chooser = adviserPage.waitForEvent('filechooser');
    await attach.getByRole('button', { name: 'Bladeren' }).click();
    await (await chooser).setFiles([path.join(dir, OFFER)]);
    await attach.getByRole('button', { name: 'Upload 1 bestand' }).click();
    await attach.waitFor({ state: 'hidden', timeout: 30000 });
    const sent = adviserPage.waitForResponse((r) => r.url().endsWith(`/api/dossiers/${dossierId}/messages`) && r.request().method() === 'POST');
    await form.getByRole('button', { name: 'Versturen' }).click();
    assert.equal((await sent).status(), 201);
    await adviserPage.getByText('Hypotheekofferte').first().waitFor();
  });

  it('Anna sees when the grant was last used, and the activity', async () => {
    await annaPage.goto(`${BASE_URL}/mijn-gegevens`);
    const section = annaPage.getByRole('region', { name: 'Toegang voor anderen' });
    await section.waitFor();
    const grant = section.getByRole('listitem').filter({ hasText: adviser });
    await grant.waitFor();
    await grant.getByText('Actief').waitFor();
    await grant.getByText(/Laatst gebruikt: (?!nog niet)/).waitFor();
    await screenshot(annaPage, 'desktop-my-details-access-for-others');
    assert.deepEqual(await accessibilityViolations(annaPage), [], 'Toegang voor anderen');
    await annaPage.goto(`${BASE_URL}/dossiers/${dossierId}?tab=activiteit`);
    const list = annaPage.getByRole('list', { name: 'Activiteit in dit dossier, nieuwste eerst' });
    assert.ok(await eventually(async () => {
      await annaPage.reload();
      await list.waitFor();
      return (await list.getByText(/Ada Adviseur/).count()) >= 2; // the grant, its use or the message
    }, { timeoutMs: 20000, intervalMs: 1000 }), 'the grant and the adviser in the Activiteit tab');
  });

  it('Anna revokes; the adviser\'s next click gives "U heeft geen toegang meer tot dit dossier"', async () => {
    await annaPage.goto(`${BASE_URL}/mijn-gegevens`);
    const grant = annaPage.getByRole('region', { name: 'Toegang voor anderen' }).getByRole('listitem').filter({ hasText: adviser });
    await grant.getByRole('button', { name: /Intrekken/ }).click();
    const confirm = annaPage.getByRole('alertdialog', { name: 'Toegang van Ada Adviseur intrekken?' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Intrekken' }).click();
    await annaPage.getByText('De toegang van Ada Adviseur is ingetrokken.').waitFor();
    await grant.getByText('Ingetrokken').waitFor();

    await adviserPage.getByRole('tab', { name: /^Documenten/ }).click();
    await adviserPage.getByRole('heading', { level: 1, name: 'U heeft geen toegang meer tot dit dossier' }).waitFor(SLOW);
    const text = await adviserPage.locator('main').innerText();
    assert.doesNotMatch(text, /Exception|Error|fout|404/i, text);
    await screenshot(adviserPage, 'desktop-adviser-access-ended');
    assert.deepEqual(await accessibilityViolations(adviserPage), [], 'the access-ended page');
    await adviserPage.goto(`${BASE_URL}/dossiers`);
    await adviserPage.getByRole('heading', { level: 1 }).first().waitFor();
    assert.equal(await adviserPage.getByText(DOSSIER_NUMBER).count(), 0, 'no longer in the list');
  });

  it('in English and on a phone: "Access for others" and "Share"', async () => {
    const { page } = await newPage(browser, PHONE);
    await signIn(page, ANNA);
    await setLanguage(page, 'English');
    await page.getByRole('heading', { name: 'Access for others' }).waitFor();
    await screenshot(page, 'phone-en-my-details-access-for-others');
    assert.deepEqual(await accessibilityViolations(page), [], 'Access for others, en, phone');
    await page.goto(`${BASE_URL}/dossiers/${dossierId}`);
    await page.getByRole('button', { name: 'Share' }).click();
    await page.getByRole('region', { name: 'Give access' }).waitFor();
    await screenshot(page, 'phone-en-dossier-share');
    assert.deepEqual(await accessibilityViolations(page), [], 'Share, en, phone');
    await setLanguage(page, 'Nederlands');
    await page.close();
  });
});
