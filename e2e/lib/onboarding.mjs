// Onboarding steps in the browser, shared by the browser tests that need a fresh client: the invitation page, Keycloak's
// set-password page and the first sign-in on "Mijn gegevens", and the mails in MailDev that carry their links.
import assert from 'node:assert/strict';
import { BASE_URL } from './browser.mjs';
import { eventually, mailRecipients, mails } from './portal.mjs';

export const SUBJECT_INVITATION = 'Uw account voor het klantenportaal'; // e-mail #1, from the portal
export const SUBJECT_SET_PASSWORD = 'Stel uw wachtwoord in voor het klantenportaal'; // e-mail #2, from Keycloak
export const SUBJECT_PASSWORD_SET = 'Uw wachtwoord is ingesteld'; // e-mail #3, from the portal
export const SUBJECT_RESET = 'Stel een nieuw wachtwoord in voor het klantenportaal'; // "Wachtwoord vergeten"

export const SLOW = { timeout: 30000 }; // Keycloak's pages and the sign-in round trip on a busy 2-core machine

export const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function mailsTo(address, subject) {
  return mails().then((all) => all.filter((m) => mailRecipients(m).includes(address) && m.subject === subject));
}

export async function mailTo(address, subject) {
  const found = await eventually(async () => (await mailsTo(address, subject))[0], { timeoutMs: 30000 });
  assert.ok(found, `no mail "${subject}" to ${address} in MailDev`);
  return found;
}

/** The links of a mail's HTML part (entities decoded). */
export function linksIn(mail) {
  return [...(mail.html ?? '').matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
}

export function onlyLink(mail, pattern) {
  const link = linksIn(mail).find((href) => pattern.test(href));
  assert.ok(link, `no link ${pattern} in mail "${mail.subject}": ${linksIn(mail).join(', ')}`);
  return link;
}

/** A page that refuses something must say so in words, without a stack trace or a framework's error page. */
export async function assertPlainWords(page) {
  const text = await page.locator('body').innerText();
  assert.doesNotMatch(text, /Exception|Whitelabel|stack ?trace|\bat [\w.$]+\(|Internal Server Error|\bnull\b|undefined/i, text);
}

/**
 * The invitation page (ONB-2): types the address and sends it; returns the API's answer and the page's visible
 * answer, so that two answers can be compared.
 */
export async function confirmOnInvitationPage(page, link, address) {
  await page.goto(link);
  await page.getByRole('heading', { level: 1, name: 'Account activeren' }).waitFor();
  await page.getByLabel('E-mailadres').fill(address);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/confirm') && r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Versturen' }).click(),
  ]);
  const answer = page.locator('.answer');
  await answer.getByRole('heading', { level: 2, name: 'Controleer uw e-mail' }).waitFor();
  return { status: response.status(), body: await response.text(), text: await answer.innerText() };
}

/** Keycloak's set-password page: fills both fields and presses "Instellen wachtwoord". */
export async function submitPassword(page, password) {
  await page.locator('#password-new').fill(password);
  await page.locator('#password-confirm').fill(password);
  await page.getByRole('button', { name: 'Instellen wachtwoord' }).click();
}

/** Keycloak's password page: "Kies uw wachtwoord" for an account without a password yet, else "Wachtwoord instellen". */
export const SET_PASSWORD_HEADING = /^(Kies uw wachtwoord|Wachtwoord instellen)$/;

/** Opens a set-password link (e-mail #2 or the reset e-mail): Keycloak's page with the rules before typing. */
export async function openSetPasswordPage(page, link) {
  await page.goto(link);
  await page.getByRole('heading', { name: SET_PASSWORD_HEADING }).waitFor(SLOW);
  await page.getByText('Minimaal 12 tekens, niet uw e-mailadres, geen veelgebruikt wachtwoord', { exact: false }).waitFor();
}

/** A good first password: signed in, on "Mijn gegevens" with the welcome note (ONB-3, ONB-4), which the server records. */
export async function setFirstPassword(page, password) {
  const onboarded = page.waitForResponse((r) => r.url().endsWith('/api/me/onboarded') && r.request().method() === 'PUT', SLOW);
  await submitPassword(page, password);
  await page.waitForURL(`${BASE_URL}/mijn-gegevens`, SLOW);
  await page.getByRole('heading', { level: 1, name: 'Mijn gegevens' }).waitFor();
  await page.getByText('Welkom bij het klantenportaal. Controleer uw gegevens en kies uw taal.').waitFor();
  assert.equal((await onboarded).status(), 204, 'the first sign-in is recorded as seen');
}

/**
 * A new client from start to first sign-in, without the checks onboarding-browser.test.mjs makes on the way: staff
 * invites `client` (the staff API's account body), the invitation page sends e-mail #2, its link sets `password`, and
 * `page` ends signed in on "Mijn gegevens". Returns the account as staff created it.
 */
export async function onboardClient(page, office, client, password) {
  const created = await office.request('POST', '/api/staff/accounts', { json: client });
  assert.equal(created.status, 201, created.text);
  await activateInvitedAccount(page, client.email, password);
  return created.json;
}

/** An invited client takes the invitation (e-mail #1 → e-mail #2 → first password); `page` ends on "Mijn gegevens". */
export async function activateInvitedAccount(page, email, password) {
  const invitation = await mailTo(email, SUBJECT_INVITATION);
  await confirmOnInvitationPage(page, onlyLink(invitation, /\/account-activeren\//), email);
  const setPassword = await mailTo(email, SUBJECT_SET_PASSWORD);
  await openSetPasswordPage(page, onlyLink(setPassword, /\/login-actions\/action-token\?key=/));
  await setFirstPassword(page, password);
}
