// Two-step verification by SMS on Keycloak's pages, as a person goes through it: the texts arrive in MailDev
// (<number without +>@sms.localhost). Shared by the client's and the office's browser tests.
import assert from 'node:assert/strict';
import { BASE_URL } from './browser.mjs';
import { KEYCLOAK_URL, eventually, mailRecipients, mails, mailTime } from './portal.mjs';
import { SLOW } from './onboarding.mjs';

export const SENT = 'We hebben een sms met een code gestuurd naar';
export const NOT_YET_SENT = 'De code komt per sms naar';
export const TOO_SOON = /U kunt over (\d+) seconden? opnieuw een code laten versturen\./;
export const RESENT = 'We hebben een nieuwe code gestuurd. Een eerdere code werkt niet meer.';

export const onKeycloak = (page) => new URL(page.url()).origin === new URL(KEYCLOAK_URL).origin;
export const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The text messages to an E.164 number: MailDev mails to <number without +>@sms.localhost, oldest first. */
export async function textsTo(e164) {
  const address = `${e164.slice(1)}@sms.localhost`;
  return (await mails()).filter((m) => mailRecipients(m).includes(address)).sort((a, b) => mailTime(a) - mailTime(b));
}

/** The code of the first text message to `e164` that is not among `seen` (mail ids), waiting for it. */
export async function newCode(e164, seen) {
  const text = await eventually(async () => (await textsTo(e164)).find((m) => !seen.includes(m.id)), { timeoutMs: 30000 });
  assert.ok(text, `no new text message to ${e164} in MailDev`);
  assert.equal(text.subject, 'SMS');
  const code = text.text.match(/klantenportaal is (\d{6})\. De code is 5 minuten geldig\./)?.[1];
  assert.ok(code, `no code in the text: ${text.text}`);
  return code;
}

export const texts = async (e164) => (await textsTo(e164)).map((m) => m.id);

/** The SMS page's first line (the masked number is kept on one line with no-break spaces). */
export const smsIntro = async (page) => (await page.locator('#portal-sms-intro').innerText()).replace(/\u00a0/g, ' ');

/** Password on Keycloak's sign-in page; ends on the second step, "Code uit de sms". */
export async function passwordThenSmsPage(page, { username, password }) {
  await page.goto(`${BASE_URL}/`);
  await page.getByRole('link', { name: 'Inloggen' }).click();
  await page.locator('#username').waitFor(SLOW);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
  await page.getByRole('heading', { name: 'Code uit de sms' }).waitFor(SLOW);
  assert.ok(onKeycloak(page), `the second step is Keycloak's page: ${page.url()}`);
  await page.getByRole('button', { name: 'Code opnieuw versturen' }).waitFor();
}

/** What the SMS page says about sending: sent now, or not yet because the last text is less than 30 s old. */
export async function sendState(page) {
  const body = await page.locator('body').innerText();
  if (body.includes(SENT)) return { sent: true };
  assert.ok(body.includes(NOT_YET_SENT), body);
  const wait = body.match(TOO_SOON);
  assert.ok(wait, `neither sent nor a reason why not: ${body}`);
  return { sent: false, seconds: Number(wait[1]) };
}

/** "Code opnieuw versturen" after the wait the page asked for; the page confirms a new code was sent. */
export async function resendAfter(page, seconds) {
  await pause(seconds * 1000 + 500); // the limit's own interval, as the page stated it
  await page.getByRole('button', { name: 'Code opnieuw versturen' }).click();
  await page.getByText(RESENT).waitFor(SLOW);
  assert.ok((await smsIntro(page)).startsWith(SENT));
}

/**
 * On the SMS page of a sign-in: the code of this sign-in, sent when the page opened, or — when the account was sent a
 * text less than 30 seconds ago — sent with "Code opnieuw versturen" once the page's wait is over.
 * `seen`: the texts to the number before this sign-in began.
 */
export async function codeOfThisSignIn(page, e164, seen) {
  const state = await sendState(page);
  if (!state.sent) await resendAfter(page, state.seconds);
  return newCode(e164, seen);
}

/** Types a code on the SMS page and presses "Inloggen". */
export async function typeCode(page, code) {
  await page.getByLabel('Code', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
}
