// Browser end-to-end test of the questionnaires ("Acties", "Vragenlijst", ACT-1..5, HOME-3, DOC-3): the office sends
// "Aankoop woning" to Anna; she fills in two pages, signs out, signs in again and continues on page 3 with her answers
// in place, meets a server-side refusal of a wrong IBAN next to the field, completes, prints, finds the PDF under
// "Door mij aangeleverd" with every answer in its text, and the Acties count is back to what it was. Another client gets 404 for the questionnaire.
// Run against the running local stack:  node --test e2e/questionnaires-browser.test.mjs   (PORTAL_URL, KEYCLOAK_URL)
// Requires /usr/bin/chromium (Debian package `chromium`) and `npm ci` in e2e/ for playwright-core and axe-core.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
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
import { backOfficeToken, signIn as apiSignIn, staff } from './lib/portal.mjs';
import { accessibilityViolations } from './lib/a11y.mjs';
import { pdfText } from './lib/pdf.mjs';

const ANNA = { username: 'anna@example.com', password: 'Portal-Demo-2026' };
const PIET = 'piet@example.com';
const DOSSIER_NUMBER = '2026-0001';
const QUESTIONNAIRE = 'aankoop-woning';
const WRONG_IBAN = 'NL91ABNA0417164301';

/** In 30 days, as YYYY-MM-DD. */
const dueDate = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10);
/** A date as the client types it, day first (the date fields are text fields: 15-04-1990). */
const dayFirst = (iso) => iso.split('-').reverse().join('-');

async function noViolations(page, what) {
  const violations = await accessibilityViolations(page);
  assert.deepEqual(violations, [], `axe on ${what}:\n${violations.join('\n')}`);
}

/** The figure on Home's Acties tile. */
async function actionsTileCount(page) {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Home' }).click();
  const tile = page.getByTestId('tile-actions');
  await tile.locator('.tile-figure').first().waitFor();
  const text = await tile.locator('.tile-figure').first().textContent();
  return Number(text.trim());
}

/** The error text that the field's aria-describedby points at. */
const errorOf = (locator) =>
  locator.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter((id) => id.endsWith('-error'))
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

// Four pages and the check page: five steps, as the list of steps beside the page shows them.
const stepHeading = (page, step, title) => page.getByRole('heading', { level: 2, name: `Stap ${step} van 5 ${title}` });
const next = (page) => page.getByRole('button', { name: 'Volgende' }).click();
const previous = (page) => page.getByRole('button', { name: 'Vorige' }).click();

describe('questionnaires in the browser (ACT-1..5)', () => {
  let browser;
  let context;
  let page;
  let dossierId;
  let assignmentId;
  let openBefore;
  let pdfHref;

  before(async () => {
    assert.ok(chromiumAvailable(), `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
    assert.ok(await portalReachable(), `the portal does not answer at ${BASE_URL} (start the stack first)`);
    // What Anna has open before, then a fresh "Aankoop woning" from the office, whatever earlier runs left behind.
    const anna = await apiSignIn(ANNA.username, ANNA.password);
    const summary = await anna.get('/api/actions/summary');
    assert.equal(summary.status, 200, summary.text);
    openBefore = summary.json.open;
    const before = await anna.get('/api/actions');
    const known = new Set((before.json?.items ?? []).map((i) => i.assignmentId));

    const office = staff(await backOfficeToken());
    const found = await office.get(`/api/staff/dossiers?query=${DOSSIER_NUMBER}`);
    const demo = found.json.items.find((d) => d.number === DOSSIER_NUMBER);
    assert.ok(demo, `demo dossier ${DOSSIER_NUMBER} exists`);
    dossierId = demo.id;
    const sent = await office.request('POST', `/api/staff/dossiers/${dossierId}/questionnaires`, {
      json: { questionnaire: QUESTIONNAIRE, recipient: ANNA.username, dueDate },
    });
    assert.ok([200, 201].includes(sent.status), `sending the questionnaire: ${sent.status} ${sent.text}`);
    assignmentId = sent.json?.id ?? sent.json?.assignmentId;
    if (!assignmentId) {
      const after = await anna.get('/api/actions');
      assignmentId = after.json.items.find((i) => !known.has(i.assignmentId))?.assignmentId;
    }
    assert.ok(assignmentId, `the new assignment's id (answer: ${sent.text})`);

    browser = await launchBrowser();
    ({ context, page } = await newPage(browser, DESKTOP));
  });

  after(async () => {
    await browser?.close();
  });

  it('counts the questionnaire on Home and lists it under Acties with dossier and due date (ACT-1, HOME-3)', async () => {
    await signIn(page, ANNA);
    // A previous run may have left the account in English: start from Dutch.
    const nl = page.getByRole('group', { name: /Taal|Language/ }).getByRole('button', { name: 'NL' });
    if ((await nl.getAttribute('aria-pressed')) !== 'true') {
      await nl.click();
      await page.getByRole('link', { name: 'Mijn gegevens' }).first().waitFor();
    }
    assert.equal(await actionsTileCount(page), openBefore + 1);
    await page.getByTestId('tile-actions').click();
    await page.getByRole('heading', { level: 1, name: 'Acties' }).waitFor();
    const card = page.getByRole('listitem').filter({ has: page.locator(`a[href="/acties/${assignmentId}"]`) });
    await card.waitFor();
    assert.match(await card.textContent(), new RegExp(`Dossier ${DOSSIER_NUMBER}`));
    assert.match(await card.textContent(), /Uiterlijk \d{1,2} \w+ \d{4}/);
    await screenshot(page, 'questionnaire-01-acties');
    await noViolations(page, 'Acties');
    await card.getByRole('link', { name: 'Invullen vragenlijst Aankoop woning' }).click();
    await stepHeading(page, 1, 'Uw gegevens').waitFor();
  });

  it('saves each page with "Volgende" (ACT-2)', async () => {
    await page.getByLabel('Voornamen (voluit)').fill('Ëlla Maria');
    await page.getByLabel('Achternaam').fill("van 't Hoff");
    await page.getByLabel('Geboortedatum').fill('12-04-1985');
    await page.getByLabel('Burgerservicenummer (BSN)').fill('111222333');
    await page.getByLabel('Telefoonnummer').fill('06 12345678');
    // a question shown by an answer on the same page
    await page.getByRole('radio', { name: 'Gehuwd', exact: true }).check();
    const voorwaarden = page.getByRole('group', { name: 'Bent u onder huwelijkse voorwaarden getrouwd?' });
    await voorwaarden.waitFor();
    await voorwaarden.getByRole('radio', { name: 'Nee' }).check();
    await screenshot(page, 'questionnaire-02-uw-gegevens');
    await noViolations(page, 'page 1');
    const saved = page.waitForResponse((r) => r.url().includes('/pages/persoonlijk') && r.request().method() === 'PUT');
    await next(page);
    assert.equal((await saved).status(), 200);
    await stepHeading(page, 2, 'De woning').waitFor();
    await page.getByLabel('Straat en huisnummer').fill('Keizersgracht 123');
    await page.getByLabel('Postcode').fill('1015 CJ');
    await page.getByLabel('Plaats').fill('Amsterdam');
    await page.getByLabel('Koopsom').fill('450.000');
    await page.getByLabel('Gewenste datum van levering').fill(dayFirst(dueDate));
    await page.getByRole('group', { name: 'Gaat u zelf in de woning wonen?' }).getByRole('radio', { name: 'Ja' }).check();
    // a repeating group with two blocks
    await page.getByRole('button', { name: 'Bewoner toevoegen' }).click();
    await page.getByLabel('Naam (Bewoner 1)').fill('Bram van Dijk');
    await page.getByRole('group', { name: /^Relatie tot u \(Bewoner 1\)/ }).getByRole('radio', { name: 'Partner' }).check();
    await page.getByRole('button', { name: 'Bewoner toevoegen' }).click();
    await page.getByLabel('Naam (Bewoner 2)').fill('Zoë van Dijk');
    await page.getByLabel('Geboortedatum (Bewoner 2)').fill('01-09-2016');
    await page.getByRole('group', { name: /^Relatie tot u \(Bewoner 2\)/ }).getByRole('radio', { name: 'Kind' }).check();
    await screenshot(page, 'questionnaire-03-de-woning');
    await noViolations(page, 'group');
    // "Volgende" shows the next page at once and saves in the background: wait for the save before signing out.
    const savedWoning = page.waitForResponse((r) => r.url().includes('/pages/woning') && r.request().method() === 'PUT');
    await next(page);
    await stepHeading(page, 3, 'Financiering').waitFor();
    assert.equal((await savedWoning).status(), 200);
  });

  it('continues on page 3 after signing out and in, with the earlier answers in place', async () => {
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('link', { name: /^(Inloggen|Sign in)$/ }).waitFor({ timeout: 30000 });
    await signIn(page, ANNA);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Acties' }).click();
    await page.locator(`a[href="/acties/${assignmentId}"]`).click();
    await stepHeading(page, 3, 'Financiering').waitFor();
    await previous(page);
    await stepHeading(page, 2, 'De woning').waitFor();
    assert.equal(await page.getByLabel('Straat en huisnummer').inputValue(), 'Keizersgracht 123');
    assert.equal(await page.getByLabel('Postcode').inputValue(), '1015 CJ');
    assert.equal(await page.getByLabel('Naam (Bewoner 2)').inputValue(), 'Zoë van Dijk');
    await previous(page);
    await stepHeading(page, 1, 'Uw gegevens').waitFor();
    assert.equal(await page.getByLabel('Burgerservicenummer (BSN)').inputValue(), '111222333');
    assert.equal(await page.getByLabel('Geboortedatum').inputValue(), '12-04-1985');
    await next(page);
    await stepHeading(page, 2, 'De woning').waitFor();
    await next(page);
    await stepHeading(page, 3, 'Financiering').waitFor();
  });

  it('shows a conditional question and the browser’s own errors next to the fields', async () => {
    await page.getByRole('group', { name: 'Sluit u een hypotheek af voor deze woning?' }).getByRole('radio', { name: 'Ja' }).check();
    const lender = page.getByLabel('Geldverstrekker');
    await lender.waitFor();
    await next(page);
    const summary = page.getByRole('heading', { name: 'Niet alle vragen zijn goed beantwoord' });
    await summary.waitFor();
    assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), 'focus on the error summary');
    assert.equal(await lender.getAttribute('aria-invalid'), 'true');
    await lender.fill('Coöperatieve Rabobank U.A.');
    await page.getByLabel('Hoofdsom van de hypotheek').fill('350.000,00');
  });

  it('shows the server’s refusal of a wrong IBAN next to the IBAN field, and saves the corrected page (ACT-5)', async () => {
    const iban = page.getByLabel('IBAN voor de nota van afrekening');
    await iban.fill('NL91 ABNA 0417 1643 00');
    // The browser checks the IBAN it shows; the request carries a wrong one, which only the server can refuse.
    const pageUrl = `**/api/questionnaires/assignments/${assignmentId}/pages/financiering`;
    await page.route(pageUrl, (route) => {
      const body = JSON.parse(route.request().postData());
      body.answers.iban = WRONG_IBAN;
      return route.continue({ postData: JSON.stringify(body) });
    });
    const refused = page.waitForResponse((r) => r.url().includes('/pages/financiering') && r.request().method() === 'PUT');
    await next(page);
    const response = await refused;
    assert.equal(response.status(), 400);
    const problem = await response.json();
    assert.ok(problem.errors.some((e) => e.field === 'iban' && e.code === 'format'), JSON.stringify(problem));
    await page.getByRole('heading', { name: 'Niet alle vragen zijn goed beantwoord' }).waitFor();
    assert.equal(await iban.getAttribute('aria-invalid'), 'true');
    assert.match(await errorOf(iban), /Vul een geldig IBAN in/);
    await stepHeading(page, 3, 'Financiering').waitFor();
    await screenshot(page, 'questionnaire-04-server-iban');
    await noViolations(page, 'server error');

    // The same refusal when the PUT is sent by hand, with the session and the CSRF header.
    const byHand = await page.evaluate(
      async ({ id, wrong }) => {
        const token = decodeURIComponent(document.cookie.match(/XSRF-TOKEN=([^;]+)/)?.[1] ?? '');
        const r = await fetch(`/api/questionnaires/assignments/${id}/pages/financiering`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token, Accept: 'application/problem+json' },
          body: JSON.stringify({ answers: { hypotheek: false, iban: wrong } }),
        });
        return { status: r.status, body: await r.json() };
      },
      { id: assignmentId, wrong: WRONG_IBAN },
    );
    assert.equal(byHand.status, 400);
    assert.ok(byHand.body.errors.some((e) => e.field === 'iban'), JSON.stringify(byHand.body));

    await page.unroute(pageUrl);
    await iban.fill('NL91ABNA0417164300');
    await next(page);
    await stepHeading(page, 4, 'Tot slot').waitFor();
  });

  it('fills the last page and reaches "Controleer uw antwoorden"', async () => {
    const documents = page.getByRole('group', { name: /^Welke stukken kunt u al aanleveren\?/ });
    await documents.getByRole('checkbox', { name: 'Getekende koopovereenkomst' }).check();
    await documents.getByRole('checkbox', { name: 'Kopie paspoort of identiteitskaart' }).check();
    await page.getByRole('group', { name: 'Wilt u iemand volmacht geven om voor u te tekenen?' }).getByRole('radio', { name: 'Nee' }).check();
    await page.getByLabel(/Opmerkingen of vragen voor de notaris/).fill(`E2E ${new Date().toISOString()}: de sleuteloverdracht graag in de ochtend.`);
    await next(page);
    await page.getByRole('heading', { level: 2, name: 'Controleer uw antwoorden' }).waitFor();
    const answer = async (term) => (await page.locator('dt', { hasText: term }).first().locator('xpath=following-sibling::dd[1]').textContent()).trim();
    assert.equal(await answer('Voornamen (voluit)'), 'Ëlla Maria');
    assert.equal(await answer('IBAN voor de nota van afrekening'), 'NL91ABNA0417164300');
    assert.equal(await answer('Bent u onder huwelijkse voorwaarden getrouwd?'), 'Nee');
    await page.getByRole('heading', { level: 4, name: 'Bewoner 2' }).waitFor();
    await screenshot(page, 'questionnaire-05-controleer');
    await noViolations(page, 'check page');
  });

  it('"Voltooien" shows the result with "Afdrukken" and the PDF (ACT-3)', async () => {
    await page.getByRole('button', { name: 'Voltooien' }).click();
    await page.getByRole('heading', { level: 2, name: 'Uw antwoorden' }).waitFor({ timeout: 30000 });
    await page.getByRole('button', { name: 'Afdrukken' }).waitFor();
    const pdfLink = page.getByRole('link', { name: 'Download pdf' });
    await pdfLink.waitFor({ timeout: 30000 });
    pdfHref = await pdfLink.getAttribute('href');
    assert.match(pdfHref, /^\/api\/documents\/[^/]+\/content$/);
    await screenshot(page, 'questionnaire-06-resultaat');
    await noViolations(page, 'result');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible(), false, 'no navigation in print');
    assert.equal(await page.getByRole('button', { name: 'Afdrukken' }).isVisible(), false, 'no buttons in print');
    await screenshot(page, 'questionnaire-07-afdrukken');
    await page.emulateMedia({ media: 'screen' });
  });

  it('stores the PDF under "Door mij aangeleverd" of the dossier (ACT-4, DOC-3)', async () => {
    await page.goto(`${BASE_URL}/dossiers/${dossierId}?tab=aangeleverd`);
    await page.getByRole('tab', { name: /^Door mij aangeleverd/, selected: true }).waitFor();
    const link = page.locator(`a[href="${pdfHref}"]`);
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.equal(await download.failure(), null);
    const bytes = await readFile(await download.path());
    assert.equal(bytes.subarray(0, 4).toString('latin1'), '%PDF');
    const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
    for (const expected of ['Aankoop woning', DOSSIER_NUMBER, 'Ëlla Maria', "van 't Hoff", '111222333', 'Keizersgracht 123',
      '1015 CJ', 'Zoë van Dijk', 'Coöperatieve Rabobank U.A.', 'NL91ABNA0417164300', 'Getekende koopovereenkomst']) {
      assert.ok(text.includes(expected), `the PDF holds "${expected}":\n${text}`);
    }
    await screenshot(page, 'questionnaire-08-door-mij-aangeleverd');
  });

  it('takes the completed questionnaire off Acties: the count is back to what it was (ACT-5)', async () => {
    assert.equal(await actionsTileCount(page), openBefore);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Acties' }).click();
    await page.getByRole('heading', { level: 1, name: 'Acties' }).waitFor();
    await page.locator('.loading').waitFor({ state: 'detached' });
    assert.equal(await page.locator(`a[href="/acties/${assignmentId}"]`).count(), 0);
  });

  it('shows the completed questionnaire read-only when opened again, on a phone too', async () => {
    const phone = await newPage(browser, PHONE);
    try {
      await signIn(phone.page, ANNA);
      await phone.page.goto(`${BASE_URL}/acties/${assignmentId}`);
      await phone.page.getByRole('heading', { level: 2, name: 'Uw antwoorden' }).waitFor();
      assert.equal(await phone.page.getByRole('button', { name: 'Volgende' }).count(), 0);
      assert.equal(await phone.page.getByRole('textbox').count(), 0);
      await screenshot(phone.page, 'questionnaire-09-resultaat-telefoon');
      await noViolations(phone.page, 'result on a phone');
    } finally {
      await phone.context.close();
    }
  });

  it('gives another client 404 for the questionnaire', async () => {
    const piet = await apiSignIn(PIET);
    const answer = await piet.get(`/api/questionnaires/assignments/${assignmentId}`);
    assert.equal(answer.status, 404, answer.text);
    const put = await piet.send('PUT', `/api/questionnaires/assignments/${assignmentId}/pages/tot-slot`, { answers: {} });
    assert.equal(put.status, 404, put.text);
  });
});
