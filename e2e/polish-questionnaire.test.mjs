// Browser end-to-end test of the details of filling in a questionnaire (issue 20, item 10), on "Aankoop woning" that the
// office sends to Anna for dossier 2026-0001:
// - a date is typed day first in a text field (not the browser's date field, which followed the browser's locale):
//   15041990 is shown as 15-04-1990 and kept as 15 april 1990; 31-02-1990 is refused with a Dutch error, as typed;
// - a postcode typed 1015cj is shown, kept and printed as 1015 CJ;
// - "Stap x van n" says as many steps as the list of steps beside the page;
// - a click on "Volgende", "Vorige" or a step shows that step at once (measured in the page with performance.now, from
//   the click until the new heading is there and visible: under 400 ms; the save no longer holds up the next page).
// Run against the running local stack:  node --test e2e/polish-questionnaire.test.mjs   (PORTAL_URL, KEYCLOAK_URL)
// Requires /usr/bin/chromium (Debian package `chromium`) and `npm ci` in e2e/ for playwright-core.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, CHROMIUM_PATH, DESKTOP, chromiumAvailable, launchBrowser, newPage, portalReachable, screenshot, signIn } from './lib/browser.mjs';
import { backOfficeToken, signIn as apiSignIn, staff } from './lib/portal.mjs';
import { pdfText } from './lib/pdf.mjs';

const ANNA = { username: 'anna@example.com', password: 'Portal-Demo-2026' };
const DOSSIER_NUMBER = '2026-0001';
const QUESTIONNAIRE = 'aankoop-woning';
/** How long a click may take to show the next step. */
const STEP_WITHIN_MS = 400;

/** In 30 days: as YYYY-MM-DD (the API) and day first (as typed). */
const dueDate = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10);
const dayFirst = (iso) => iso.split('-').reverse().join('-');

/** The error text that the field's aria-describedby points at. */
const errorOf = (locator) =>
  locator.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter((id) => id.endsWith('-error'))
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

/** The text of the answer to a question on the check page or the result. */
const answerTo = async (page, question) =>
  (await page.locator('dt', { hasText: question }).first().locator('xpath=following-sibling::dd[1]').textContent()).trim();

const stepHeading = (page, text) => page.getByRole('heading', { level: 2, name: text });

/**
 * Clicks `target` and answers the milliseconds from the click until a level-2 heading starting with `prefix` is in the
 * page and visible, up to the next frame: measured in the page, so neither the test's round trips nor its polling count.
 */
async function msUntilStep(page, target, prefix) {
  await page.evaluate((prefix) => {
    window.__stepShown = new Promise((resolve) => {
      let clickedAt = 0;
      document.addEventListener('click', () => (clickedAt = performance.now()), { capture: true, once: true });
      const shown = () => [...document.querySelectorAll('h2')].some((h) => h.textContent.trim().startsWith(prefix) && h.checkVisibility());
      const observer = new MutationObserver(() => {
        if (!clickedAt || !shown()) return;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - clickedAt));
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  }, prefix);
  await target.click();
  return page.evaluate(() => window.__stepShown);
}

describe('filling in a questionnaire: dates, postcodes, steps and speed (issue 20, item 10)', () => {
  let browser;
  let page;
  let assignmentId;
  let pdfHref;

  before(async () => {
    assert.ok(chromiumAvailable(), `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
    assert.ok(await portalReachable(), `the portal does not answer at ${BASE_URL} (start the stack first)`);
    const anna = await apiSignIn(ANNA.username, ANNA.password);
    const known = new Set(((await anna.get('/api/actions')).json?.items ?? []).map((i) => i.assignmentId));
    const office = staff(await backOfficeToken());
    const found = await office.get(`/api/staff/dossiers?query=${DOSSIER_NUMBER}`);
    const dossier = found.json.items.find((d) => d.number === DOSSIER_NUMBER);
    assert.ok(dossier, `demo dossier ${DOSSIER_NUMBER} exists`);
    const sent = await office.request('POST', `/api/staff/dossiers/${dossier.id}/questionnaires`, {
      json: { questionnaire: QUESTIONNAIRE, recipient: ANNA.username, dueDate },
    });
    assert.ok([200, 201].includes(sent.status), `sending the questionnaire: ${sent.status} ${sent.text}`);
    assignmentId = sent.json?.id ?? sent.json?.assignmentId;
    if (!assignmentId) {
      const now = await anna.get('/api/actions');
      assignmentId = now.json.items.find((i) => !known.has(i.assignmentId))?.assignmentId;
    }
    assert.ok(assignmentId, `the new assignment's id (answer: ${sent.text})`);

    browser = await launchBrowser();
    ({ page } = await newPage(browser, DESKTOP));
    await signIn(page, ANNA);
    // A previous run may have left the account in English: start from Dutch.
    const nl = page.getByRole('group', { name: /Taal|Language/ }).getByRole('button', { name: 'NL' });
    if ((await nl.getAttribute('aria-pressed')) !== 'true') {
      await nl.click();
      await page.getByRole('link', { name: 'Mijn gegevens' }).first().waitFor();
    }
    await page.goto(`${BASE_URL}/acties/${assignmentId}`);
    await stepHeading(page, /^Stap 1 van \d+ Uw gegevens$/).waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  it('"Stap x van n" says as many steps as the list of steps beside it', async () => {
    const steps = await page.getByRole('navigation', { name: 'Stappen van de vragenlijst' }).getByRole('listitem').count();
    const heading = (await stepHeading(page, /^Stap 1 van/).textContent()).trim();
    assert.equal(steps, 5, 'four pages and "Controleer uw antwoorden"');
    assert.match(heading, new RegExp(`^Stap 1 van ${steps} Uw gegevens$`));
  });

  it('takes a date typed day first, refuses one that does not exist with a Dutch error, and never changes it', async () => {
    await page.getByLabel('Voornamen (voluit)').fill('Anna');
    await page.getByLabel('Achternaam').fill('de Vries');
    await page.getByLabel('Burgerservicenummer (BSN)').fill('111222333');
    await page.getByRole('radio', { name: 'Ongehuwd', exact: true }).check();
    const date = page.getByLabel('Geboortedatum');
    assert.equal(await date.getAttribute('type'), 'text');
    assert.equal(await date.getAttribute('inputmode'), 'numeric');
    assert.match(await page.locator(`#${await date.getAttribute('id')}-hint`).textContent(), /dd-mm-jjjj/);

    await date.pressSequentially('31-02-1990');
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByRole('heading', { name: 'Niet alle vragen zijn goed beantwoord' }).waitFor();
    assert.match(await errorOf(date), /Vul een bestaande datum in als dd-mm-jjjj/);
    assert.equal(await date.getAttribute('aria-invalid'), 'true');
    assert.equal(await date.inputValue(), '31-02-1990', 'the refused date stays as typed');
    await stepHeading(page, /^Stap 1 van 5 Uw gegevens$/).waitFor();
    await screenshot(page, 'polish-questionnaire-01-datum-fout');

    await date.fill('');
    await date.pressSequentially('15041990');
    await date.press('Tab');
    assert.equal(await date.inputValue(), '15-04-1990');
  });

  it('shows the next step at once on "Volgende", "Vorige" and a step in the list', async () => {
    const saved = page.waitForResponse((r) => r.url().includes('/pages/persoonlijk') && r.request().method() === 'PUT');
    const onNext = await msUntilStep(page, page.getByRole('button', { name: 'Volgende' }), 'Stap 2 van 5');
    assert.equal((await saved).status(), 200);
    const onPrevious = await msUntilStep(page, page.getByRole('button', { name: 'Vorige' }), 'Stap 1 van 5');
    const onStep = await msUntilStep(
      page,
      page.getByRole('navigation', { name: 'Stappen van de vragenlijst' }).getByRole('link', { name: /^De woning/ }),
      'Stap 2 van 5',
    );
    console.log(`click to next step: Volgende ${Math.round(onNext)} ms, Vorige ${Math.round(onPrevious)} ms, step ${Math.round(onStep)} ms`);
    assert.ok(onNext < STEP_WITHIN_MS, `"Volgende" showed the next step after ${Math.round(onNext)} ms`);
    assert.ok(onPrevious < STEP_WITHIN_MS, `"Vorige" showed the step before after ${Math.round(onPrevious)} ms`);
    assert.ok(onStep < STEP_WITHIN_MS, `a step in the list showed after ${Math.round(onStep)} ms`);
  });

  it('writes a postcode as 1015 CJ', async () => {
    await page.getByLabel('Straat en huisnummer').fill('Keizersgracht 123');
    const postcode = page.getByLabel('Postcode');
    await postcode.pressSequentially('1015cj');
    await postcode.press('Tab');
    assert.equal(await postcode.inputValue(), '1015 CJ');
    await page.getByLabel('Plaats').fill('Amsterdam');
    await page.getByLabel('Koopsom').fill('450.000');
    await page.getByLabel('Gewenste datum van levering').fill(dayFirst(dueDate));
    await page.getByRole('group', { name: 'Gaat u zelf in de woning wonen?' }).getByRole('radio', { name: 'Ja' }).check();
    await page.getByRole('button', { name: 'Volgende' }).click();
    await stepHeading(page, /^Stap 3 van 5 Financiering$/).waitFor();

    await page.getByRole('group', { name: 'Sluit u een hypotheek af voor deze woning?' }).getByRole('radio', { name: 'Nee' }).check();
    await page.getByLabel('IBAN voor de nota van afrekening').fill('NL91ABNA0417164300');
    await page.getByRole('button', { name: 'Volgende' }).click();
    await stepHeading(page, /^Stap 4 van 5 Tot slot$/).waitFor();
    await page.getByRole('group', { name: 'Wilt u iemand volmacht geven om voor u te tekenen?' }).getByRole('radio', { name: 'Nee' }).check();
    await page.getByRole('button', { name: 'Volgende' }).click();
    await stepHeading(page, /^Stap 5 van 5 Controleer uw antwoorden$/).waitFor();
  });

  it('shows the date and the postcode tidy on the check page, and the server keeps them so', async () => {
    assert.equal(await answerTo(page, 'Geboortedatum'), '15 april 1990');
    assert.equal(await answerTo(page, 'Postcode'), '1015 CJ');
    await screenshot(page, 'polish-questionnaire-02-controleer');
    const kept = await page.evaluate(async (id) => (await fetch(`/api/questionnaires/assignments/${id}`)).json(), assignmentId);
    assert.equal(kept.answers.persoonlijk.geboortedatum, '1990-04-15');
    assert.equal(kept.answers.woning.postcode, '1015 CJ');
  });

  it('shows them so in the result and the PDF', async () => {
    await page.getByRole('button', { name: 'Voltooien' }).click();
    await page.getByRole('heading', { level: 2, name: 'Uw antwoorden' }).waitFor({ timeout: 30000 });
    assert.equal(await answerTo(page, 'Geboortedatum'), '15 april 1990');
    assert.equal(await answerTo(page, 'Postcode'), '1015 CJ');
    const pdfLink = page.getByRole('link', { name: 'Download pdf' });
    await pdfLink.waitFor({ timeout: 30000 });
    pdfHref = await pdfLink.getAttribute('href');
    const response = await page.request.get(new URL(pdfHref, BASE_URL).toString());
    assert.equal(response.status(), 200);
    const text = (await pdfText(await response.body())).replace(/\s+/g, ' ');
    for (const expected of ['15 april 1990', '1015 CJ']) assert.ok(text.includes(expected), `the PDF holds "${expected}":\n${text}`);
    await screenshot(page, 'polish-questionnaire-03-resultaat');
  });
});
