// Browser end-to-end test of the office workspace "Kantoor" (OFF-1), in Chromium against the running stack: the
// handler's day. The demo staff member signs in with password and SMS code (MailDev), lands on the Werkvoorraad,
// makes a dossier with a client invited in the same step, publishes two documents by drag-and-drop and marks a
// progress step done; the client (a second browser context) takes the invitation, sees all that and replies with an
// attachment; the reply shows in the Werkvoorraad, the handler answers it (which takes it off), sends a questionnaire,
// the client completes it, and the handler reads the answers and opens the PDF. Also: a staff account without a second
// factor must set one up before the workspace opens, and a client gets "Geen toegang" and 403 there.
// Run:  node --test e2e/office-browser.test.mjs   (PORTAL_URL, KEYCLOAK_URL and MAILDEV_URL have local defaults)
// notaris@example.com is sent one text per run: its limit is 5 per hour, so run it at most a few times an hour on one stack.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, CHROMIUM_PATH, PHONE, chromiumAvailable, launchBrowser, newPage, portalReachable, screenshot, signIn,
} from './lib/browser.mjs';
import { DEMO_PASSWORD, backOfficeToken, eventually, keycloakAdmin, staff } from './lib/portal.mjs';
import { onePagePdf, pdfText } from './lib/pdf.mjs';
import { SLOW, activateInvitedAccount, assertPlainWords } from './lib/onboarding.mjs';
import { accessibilityViolations } from './lib/a11y.mjs';
import { codeOfThisSignIn, passwordThenSmsPage, texts, typeCode } from './lib/sms.mjs';

const STAMP = Date.now().toString(36);
const NOTARIS = { username: 'notaris@example.com', password: DEMO_PASSWORD, sms: '+31620000001' };
const CLIENT = { email: `kantoor.${STAMP}@example.com`, firstName: 'Karin', lastName: `Klant-${STAMP}`, password: 'Grachtenpand-Aan-De-Vecht-7' };
const NUMBER = `K-${STAMP}`.toUpperCase();
const QUESTIONNAIRE = { key: `kantoor-${STAMP}`, title: `Gegevens koper ${STAMP}` };
const FILES = [
  { name: 'concept-akte.pdf', title: 'Concept akte', category: 'Documenten' },
  { name: 'brief-notaris.pdf', title: 'Begeleidende brief', category: 'Correspondentie' },
];

/** Axe finds nothing serious on the page; a screenshot of it to look at. */
async function looksRight(page, name) {
  await screenshot(page, name);
  assert.deepEqual(await accessibilityViolations(page), [], name);
}

async function stackIsThere() {
  assert.ok(chromiumAvailable(), `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
  assert.ok(await portalReachable(), `the portal does not answer at ${BASE_URL} (start the stack first)`);
}

describe('Kantoor: the handler\'s day', () => {
  let browser;
  let office;
  let client;
  let dossierUrl;

  before(async () => {
    await stackIsThere();
    // a one-question questionnaire of this run, as the office's tools upload one
    const uploaded = await staff(await backOfficeToken()).request('POST', '/api/staff/questionnaires', {
      json: {
        key: QUESTIONNAIRE.key, title: QUESTIONNAIRE.title, intro: 'Eén vraag.',
        pages: [{ id: 'koper', title: 'Koper', questions: [{ id: 'beroep', type: 'shortText', label: 'Uw beroep', required: true, maxLength: 120 }] }],
      },
    });
    assert.ok([200, 201].includes(uploaded.status), uploaded.text);
    // the Dutch pages this test reads, whatever language an earlier run left the handler in
    const [notaris] = (await keycloakAdmin('GET', `/users?email=${encodeURIComponent(NOTARIS.username)}&exact=true`)).json;
    const dutch = await keycloakAdmin('PUT', `/users/${notaris.id}`, { ...notaris, attributes: { ...notaris.attributes, locale: ['nl'] } });
    assert.equal(dutch.status, 204, dutch.text);
    browser = await launchBrowser();
    ({ page: office } = await newPage(browser));
    ({ page: client } = await newPage(browser));
  });

  after(async () => {
    await browser?.close();
  });

  it('1. the handler signs in with password and SMS code and lands on the Werkvoorraad', async () => {
    const seen = await texts(NOTARIS.sms);
    await passwordThenSmsPage(office, NOTARIS);
    const code = await codeOfThisSignIn(office, NOTARIS.sms, seen);
    await Promise.all([office.waitForURL((url) => url.origin === BASE_URL, SLOW), typeCode(office, code)]);
    await office.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor(SLOW);
    assert.equal(new URL(office.url()).pathname, '/kantoor');
    const nav = office.getByRole('navigation', { name: 'Hoofdmenu' });
    for (const label of ['Werkvoorraad', 'Dossiers']) await nav.getByRole('link', { name: label }).waitFor();
    assert.equal(await nav.getByRole('link', { name: 'Acties' }).count(), 0, 'no client pages for staff');
    await looksRight(office, 'office-01-werkvoorraad');
  });

  it('2. "Nieuw dossier" with a client invited in the same step', async () => {
    await office.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Dossiers' }).click();
    await office.getByRole('heading', { level: 1, name: 'Dossiers' }).waitFor();
    await looksRight(office, 'office-02-dossiers');
    await office.getByRole('link', { name: 'Nieuw dossier' }).click();
    await office.getByRole('heading', { level: 1, name: 'Nieuw dossier' }).waitFor();

    // nothing filled in: each field says what it needs, nothing is sent
    await office.getByRole('button', { name: 'Dossier aanmaken' }).click();
    await office.getByText('Vul een dossiernummer in.').waitFor();
    await office.getByText('Vul een omschrijving in.').waitFor();

    await office.getByLabel('Dossiernummer').fill(NUMBER);
    await office.getByLabel('Omschrijving').fill('Levering appartement Vechtkade 7');
    await office.getByRole('button', { name: 'Nieuwe cliënt uitnodigen' }).click();
    const dialog = office.getByRole('dialog', { name: 'Nieuwe cliënt uitnodigen' });
    await dialog.getByLabel('Voornaam').fill(CLIENT.firstName);
    await dialog.getByLabel('Achternaam').fill(CLIENT.lastName);
    await dialog.getByLabel('E-mailadres').fill(CLIENT.email);
    await looksRight(office, 'office-03-uitnodigen');
    await dialog.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await office.getByRole('button', { name: `Verwijderen ${CLIENT.firstName} ${CLIENT.lastName}` }).waitFor();
    assert.equal(await office.getByText('Vul een dossiernummer in.').count(), 0, 'a message goes once its field is filled in');
    await looksRight(office, 'office-04-nieuw-dossier');

    await office.getByRole('button', { name: 'Dossier aanmaken' }).click();
    await office.getByRole('heading', { level: 1, name: `Dossier ${NUMBER}` }).waitFor(SLOW);
    dossierUrl = office.url();
    assert.match(new URL(dossierUrl).pathname, /^\/kantoor\/dossiers\/[^/]+$/);
  });

  it('3. two documents published by drag-and-drop, each with its title and category', async () => {
    await office.getByRole('tab', { name: 'Documenten' }).click();
    const dataTransfer = await office.evaluateHandle((files) => {
      const transfer = new DataTransfer();
      for (const file of files) transfer.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: 'application/pdf' }));
      return transfer;
    }, FILES.map((f) => ({ name: f.name, bytes: [...onePagePdf(f.title)] })));
    await office.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer });
    for (const file of FILES) {
      await office.getByLabel(`Titel van ${file.name}`).fill(file.title);
      await office.getByLabel(`Categorie van ${file.name}`).selectOption({ label: file.category });
    }
    await looksRight(office, 'office-05-publiceren');
    await office.getByRole('button', { name: 'Publiceren' }).click();
    await office.getByText('2 van 2 gepubliceerd.').waitFor(SLOW);
    const correspondence = office.getByRole('region', { name: 'Correspondentie' });
    await correspondence.getByRole('link', { name: 'Begeleidende brief' }).waitFor();
    await office.getByRole('region', { name: 'Documenten' }).getByRole('link', { name: 'Concept akte' }).waitFor();
    await correspondence.getByText('Nog door niemand geopend').waitFor();
  });

  it('4. a progress step is added and marked done, with its date', async () => {
    await office.getByRole('tab', { name: 'Gegevens' }).click();
    await office.getByLabel('Nieuwe stap').fill('Concept akte opgesteld');
    await office.getByRole('button', { name: 'Stap toevoegen' }).click();
    await office.getByLabel('Nieuwe stap').fill('Akte gepasseerd');
    await office.getByRole('button', { name: 'Stap toevoegen' }).click();
    await office.getByLabel('Concept akte opgesteld afgerond').check();
    await office.getByRole('button', { name: 'Voortgang opslaan' }).click();
    await office.getByText('Opgeslagen.').waitFor();
    const dated = office.locator('.progress-editor li').first().locator('time');
    await dated.waitFor();
    assert.match(await dated.getAttribute('datetime'), /^\d{4}-\d{2}-\d{2}T/);
    await looksRight(office, 'office-06-dossier');
  });

  it('5. the client takes the invitation, sees the documents and progress, and replies with an attachment', async () => {
    await activateInvitedAccount(client, CLIENT.email, CLIENT.password);
    await client.goto(`${BASE_URL}/dossiers`);
    await client.getByRole('link', { name: new RegExp(`dossier ${NUMBER}`, 'i') }).click();
    await client.getByRole('button', { name: 'Voortgang (1/2)' }).click();
    await client.getByText('Concept akte opgesteld').waitFor();
    await client.getByRole('tab', { name: /^Documenten/ }).click();
    await client.getByText('Concept akte').first().waitFor();
    await client.getByRole('tab', { name: /^Correspondentie/ }).click();
    await client.getByText('Begeleidende brief').first().waitFor();

    await client.getByRole('tab', { name: /^Berichten/ }).click();
    await client.getByRole('button', { name: 'Nieuw bericht' }).click();
    const form = client.getByRole('region', { name: 'Nieuw bericht' });
    await form.getByLabel('Onderwerp').fill('Vraag over de concept akte');
    await form.getByLabel('Bericht', { exact: true }).fill('Bijgaand mijn paspoort. Klopt de leveringsdatum?');
    await form.getByRole('button', { name: 'Bijlagen toevoegen' }).click();
    const dialog = client.getByRole('dialog', { name: 'Bijlagen toevoegen' });
    const chooser = client.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Bladeren' }).click();
    await (await chooser).setFiles({ name: 'paspoort.pdf', mimeType: 'application/pdf', buffer: onePagePdf('Paspoort') });
    await dialog.getByRole('button', { name: 'Upload 1 bestand' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 30000 });
    await form.getByRole('list', { name: 'Bijlagen' }).getByText('paspoort.pdf').waitFor();
    await form.getByRole('button', { name: 'Versturen' }).click();
    await client.getByText('Vraag over de concept akte').first().waitFor(SLOW);
  });

  it('6. the reply is in the Werkvoorraad; the handler answers it, which takes it off', async () => {
    await office.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Werkvoorraad' }).click();
    const item = office.locator('.work-item', { hasText: `${CLIENT.firstName} ${CLIENT.lastName}` }).filter({ hasText: 'Nieuw bericht' });
    // "Vernieuwen" loads the queue again: counted once the number of items is back
    const refreshed = async () => {
      await office.getByRole('button', { name: 'Vernieuwen' }).click();
      await office.locator('.result-count').filter({ hasText: /\d/ }).waitFor();
    };
    assert.ok(await eventually(async () => {
      await refreshed();
      return (await item.count()) === 1;
    }, { timeoutMs: 30000, intervalMs: 1000 }), 'the client\'s message is on the Werkvoorraad');
    await looksRight(office, 'office-07-werkvoorraad-bericht');
    // the dossier list says so too
    await office.goto(`${BASE_URL}/kantoor/dossiers?query=${NUMBER}`);
    await office.getByRole('row', { name: new RegExp(NUMBER) }).getByText('1 nieuw bericht').waitFor(SLOW);
    await office.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Werkvoorraad' }).click();
    await item.getByRole('link', { name: /Openen/ }).click();
    await office.getByRole('tab', { name: 'Berichten', selected: true }).waitFor();
    const incoming = office.locator('.office-message-in', { hasText: 'Vraag over de concept akte' });
    await incoming.getByRole('link', { name: 'paspoort.pdf' }).waitFor();
    await incoming.getByRole('button', { name: /Beantwoorden/ }).click();
    await office.getByLabel('Onderwerp').waitFor();
    assert.equal(await office.getByLabel('Onderwerp').inputValue(), 'Re: Vraag over de concept akte');
    await office.getByLabel('Bericht', { exact: true }).fill('De levering staat gepland op 1 maart.');
    await looksRight(office, 'office-08-beantwoorden');
    await office.getByRole('button', { name: 'Versturen' }).click();
    await office.getByText('Het bericht is verstuurd.').waitFor();

    await office.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Werkvoorraad' }).click();
    assert.ok(await eventually(async () => {
      await refreshed();
      return (await item.count()) === 0;
    }, { timeoutMs: 30000, intervalMs: 1000 }), 'answering took the message off the Werkvoorraad');
  });

  it('7. the handler sends a questionnaire; the client completes it; the handler reads the answers and opens the PDF', async () => {
    await office.goto(`${dossierUrl}?tab=vragenlijsten`);
    await office.getByLabel('Vragenlijst', { exact: true }).selectOption({ label: `${QUESTIONNAIRE.title} (v1)` });
    await office.getByLabel('Ontvanger').selectOption({ label: `${CLIENT.firstName} ${CLIENT.lastName} (${CLIENT.email})` });
    await looksRight(office, 'office-09-vragenlijst-versturen');
    await office.getByRole('button', { name: 'Versturen' }).click();
    await office.getByText('De vragenlijst is verstuurd. De cliënt krijgt een e-mail.').waitFor();
    await office.getByText('Open: 0 van 1 pagina’s bewaard').waitFor();

    await client.goto(`${BASE_URL}/acties`);
    await client.getByRole('link', { name: `Invullen vragenlijst ${QUESTIONNAIRE.title}` }).click(SLOW);
    await client.getByLabel('Uw beroep').fill('Scheepsbouwer');
    await client.getByRole('button', { name: 'Volgende' }).click();
    await client.getByRole('heading', { level: 2, name: 'Controleer uw antwoorden' }).waitFor(SLOW);
    await client.getByRole('button', { name: 'Voltooien' }).click();
    await client.getByRole('button', { name: 'Afdrukken' }).waitFor(SLOW);

    await office.reload();
    await office.getByRole('button', { name: `Antwoorden bekijken ${QUESTIONNAIRE.title}` }).click(SLOW);
    await office.getByText('Scheepsbouwer').waitFor();
    await looksRight(office, 'office-10-antwoorden');
    const pdfLink = office.getByRole('link', { name: `PDF openen ${QUESTIONNAIRE.title}` });
    const response = await office.request.get(new URL(await pdfLink.getAttribute('href'), BASE_URL).toString());
    assert.equal(response.status(), 200);
    assert.match(await pdfText(await response.body()), /Scheepsbouwer/);
  });

  it('8. Cliënten and Vragenlijsten: the client found by name, the questionnaire previewed as the client sees it', async () => {
    await office.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten' }).click();
    await office.getByRole('heading', { level: 1, name: 'Cliënten' }).waitFor();
    await office.getByLabel('Zoeken op naam, e-mailadres of bedrijfsnaam').fill(CLIENT.lastName);
    await office.getByRole('button', { name: 'Zoeken' }).click();
    await office.getByRole('link', { name: new RegExp(`${CLIENT.firstName} ${CLIENT.lastName}`) }).first().waitFor(SLOW);
    await looksRight(office, 'office-14-clienten');
    await office.getByRole('link', { name: new RegExp(`${CLIENT.firstName} ${CLIENT.lastName}`) }).first().click();
    await office.getByRole('heading', { level: 1 }).filter({ hasText: CLIENT.lastName }).waitFor(SLOW);
    await office.getByRole('link', { name: new RegExp(NUMBER) }).first().waitFor(SLOW);
    await looksRight(office, 'office-15-client');

    await office.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Vragenlijsten' }).click();
    await office.getByRole('heading', { level: 1, name: 'Vragenlijsten' }).waitFor();
    await office.getByText(QUESTIONNAIRE.title).first().waitFor(SLOW);
    await looksRight(office, 'office-16-vragenlijsten');
    await office.goto(`${BASE_URL}/kantoor/vragenlijsten/${QUESTIONNAIRE.key}/versies/1`);
    await office.getByLabel('Uw beroep').waitFor(SLOW);
    await looksRight(office, 'office-17-voorbeeld');
  });

  it('9. a client on /kantoor sees "Geen toegang", and the staff API answers 403', async () => {
    await client.goto(`${BASE_URL}/kantoor/dossiers`);
    await client.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
    await assertPlainWords(client);
    assert.equal((await client.request.get(`${BASE_URL}/api/staff/dossiers`)).status(), 403);
    assert.equal((await client.request.get(`${BASE_URL}/api/staff/dossiers/${dossierUrl.split('/').pop()}`)).status(), 403);
  });

  it('10. the workspace in English and on a phone', async () => {
    // the same session as the handler's page, at phone size
    const phone = await office.context().newPage();
    await phone.setViewportSize(PHONE);
    await phone.goto(dossierUrl);
    await phone.getByRole('heading', { level: 1, name: `Dossier ${NUMBER}` }).waitFor(SLOW);
    await looksRight(phone, 'office-11-dossier-phone');
    // On a phone the language switch is in the header's menu.
    await phone.getByRole('button', { name: 'Menu', exact: true }).click();
    await phone.getByRole('button', { name: 'EN', exact: true }).click();
    await phone.getByRole('heading', { level: 1, name: `File ${NUMBER}` }).waitFor();
    await phone.keyboard.press('Escape');
    await phone.getByRole('button', { name: 'Menu', exact: true, expanded: false }).waitFor();
    await looksRight(phone, 'office-12-dossier-phone-en');
    await phone.goto(`${BASE_URL}/kantoor/dossiers`);
    await phone.getByRole('heading', { level: 1, name: 'Files' }).waitFor();
    await looksRight(phone, 'office-13-dossiers-phone-en');
    await phone.getByRole('button', { name: 'Menu', exact: true }).click();
    await phone.getByRole('button', { name: 'NL', exact: true }).click();
    await phone.getByRole('heading', { level: 1, name: 'Dossiers' }).waitFor();
    await phone.close();
  });
});

describe('Kantoor: staff without a second factor', () => {
  before(stackIsThere);

  it('must set one up at sign-in before the workspace opens', async () => {
    const email = `medewerker.${STAMP}@example.com`;
    const created = await keycloakAdmin('POST', '/users', {
      username: email, email, emailVerified: true, enabled: true, firstName: 'Mees', lastName: 'Medewerker',
      credentials: [{ type: 'password', value: DEMO_PASSWORD, temporary: false }],
    });
    assert.equal(created.status, 201, created.text);
    const [user] = (await keycloakAdmin('GET', `/users?email=${encodeURIComponent(email)}&exact=true`)).json;
    const role = (await keycloakAdmin('GET', '/roles/staff')).json;
    assert.equal((await keycloakAdmin('POST', `/users/${user.id}/role-mappings/realm`, [role])).status, 204);

    const browser = await launchBrowser();
    try {
      const { page } = await newPage(browser);
      await page.goto(`${BASE_URL}/kantoor`);
      await page.getByRole('link', { name: 'Inloggen' }).click();
      await page.locator('#username').waitFor(SLOW);
      await page.locator('#username').fill(email);
      await page.locator('#password').fill(DEMO_PASSWORD);
      await page.locator('#kc-login').click();
      await page.getByRole('heading', { name: '2-staps verificatie met sms instellen' }).waitFor(SLOW);
      await page.getByText('Het notariskantoor vereist 2-staps verificatie voor uw account.').waitFor();
      assert.notEqual(new URL(page.url()).origin, BASE_URL, 'still on the identity provider: no way past this step');
      assert.equal((await page.request.get(`${BASE_URL}/api/me`)).status(), 401, 'no portal session yet');
    } finally {
      await browser.close();
      await keycloakAdmin('DELETE', `/users/${user.id}`);
    }
  });
});
