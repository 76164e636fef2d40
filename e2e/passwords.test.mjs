// Passwords end to end, on Keycloak only (ONB-3, ONB-6, ONB-7): the forgotten-password flow with its
// neutral answer, the reset e-mail, the password policy's reasons, single use and "signed in afterwards";
// and the realm resource portal-accounts/set-password-email that the identity-service calls for e-mail #2.
//
// Needs Keycloak (KEYCLOAK_URL, default http://localhost:8180) with the realm import, and MailDev
// (MAILDEV_URL, default http://localhost:1080) as the realm's SMTP server. Creates its own users through
// the admin API (admin / admin: KEYCLOAK_ADMIN_USER, KEYCLOAK_ADMIN_PASSWORD; local only) and removes them.
// Never follows a redirect to the portal (http://localhost:8080): it checks where Keycloak sends the
// browser and that Keycloak left an SSO session, so it runs with or without the gateway.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import {
  KEYCLOAK_URL, MAILDEV_URL, REALM, backOfficeToken, browserContext, eventually, keycloakAdmin, mailRecipients, mails,
  mailText, mailTime, readApiResponse, readResponse,
} from './lib/portal.mjs';

const REALM_URL = `${KEYCLOAK_URL}/realms/${REALM}`;
const ADMIN_URL = `${KEYCLOAK_URL}/admin/realms/${REALM}`;
const PORTAL = 'http://localhost:8080';
const GATEWAY_CALLBACK = `${PORTAL}/login/oauth2/code/keycloak`;
const GATEWAY_SIGN_IN = `${PORTAL}/oauth2/authorization/keycloak`;
const GOOD_PASSWORD = 'Paardenbloem-Zonnig-Kantoor-7';
const NEUTRAL_NL = 'Als dit e-mailadres bij ons bekend is, ontvangt u binnen enkele minuten een e-mail';
const LINK_USED_NL = 'Deze link is verlopen of al gebruikt.';

// ------------------------------------------------------------------------------------------------
// Helpers
// ------------------------------------------------------------------------------------------------

async function keycloakReachable() {
  try {
    const res = await fetch(`${REALM_URL}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(3000) });
    await res.arrayBuffer();
    const mail = await fetch(`${MAILDEV_URL}/email`, { signal: AbortSignal.timeout(3000) });
    await mail.arrayBuffer();
    return res.ok && mail.ok;
  } catch {
    return false;
  }
}

const admin = keycloakAdmin;

const createdUsers = [];
const contexts = [];

/** A fresh portal account without password, like the identity-service creates one. */
async function createUser({ locale = 'nl', firstName = 'Test', lastName = 'Wachtwoord', enabled = true } = {}) {
  const email = `pw-${Date.now()}-${randomBytes(3).toString('hex')}@example.com`;
  const res = await admin('POST', '/users', {
    username: email, email, emailVerified: false, enabled, firstName, lastName,
    attributes: { locale: [locale], account_type: ['PERSON'] },
  });
  assert.equal(res.status, 201, `create user: ${res.status} ${res.text}`);
  const id = res.headers.get('location').split('/').pop();
  createdUsers.push(id);
  return { id, email };
}

async function identityServiceToken() {
  return backOfficeToken({
    clientId: 'identity-service',
    clientSecret: process.env.IDENTITY_SERVICE_CLIENT_SECRET ?? 'identity-service-local-secret',
  });
}

function setPasswordEmail(body, token) {
  const headers = { 'content-type': 'application/json', accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return fetch(`${REALM_URL}/portal-accounts/set-password-email`, { method: 'POST', headers, body: JSON.stringify(body) })
    .then(readResponse);
}

function decodeHtml(value) {
  return value
    .replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCharCode(parseInt(n, 16)));
}

/** Visible text of a page (tags removed, entities decoded, white space collapsed). */
function pageText(html) {
  return decodeHtml(html.replace(/<script[\s\S]*?<\/script>/gi, ' ').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
}

function formAction(html, formId) {
  const form = html.match(new RegExp(`<form\\b[^>]*id="${formId}"[^>]*>`, 'i'))?.[0];
  const action = form?.match(/\baction="([^"]*)"/i)?.[1];
  assert.ok(action, `no form #${formId} on the page: ${pageText(html).slice(0, 300)}`);
  return decodeHtml(action);
}

/** The page's message (Keycloak's alert), or undefined. */
function alertText(html) {
  const raw = html.match(/kc-feedback-text">([\s\S]*?)<\/span>/)?.[1];
  return raw === undefined ? undefined : pageText(raw);
}

/**
 * A browser (a Playwright request context: its own cookies), following redirects within Keycloak; it stops at the
 * first redirect that leaves Keycloak (the portal) and reports it as `left`.
 */
function browser() {
  const context = browserContext();
  contexts.push(context);
  const exchange = async (url, options = {}) => (await context).fetch(url, {
    ...options, maxRedirects: 0, headers: { accept: 'text/html', 'accept-language': 'nl-NL,nl;q=0.9' },
  });
  const go = async (url, options) => {
    let current = url;
    let res = await exchange(current, options);
    for (let hop = 0; hop < 10 && res.status() >= 300 && res.status() < 400; hop++) {
      const next = new URL(res.headers().location, current).toString();
      await res.dispose();
      if (!next.startsWith(KEYCLOAK_URL)) return { status: res.status(), url: current, left: next, html: '' };
      current = next;
      res = await exchange(current);
    }
    const page = await readApiResponse(res);
    return { status: page.status, url: current, left: undefined, html: page.text };
  };
  return {
    get: (url) => go(url),
    post: (url, form) => go(url, { method: 'POST', form }),
    /** Keycloak's SSO cookie (a user session) is set. */
    signedInAtKeycloak: async () => (await (await context).storageState()).cookies.some((c) => c.name === 'KEYCLOAK_IDENTITY'),
  };
}

/** The authorization request the gateway makes when a client clicks "Inloggen" (PKCE, state). */
function gatewayAuthorizationRequest(state) {
  const verifier = randomBytes(32).toString('base64url');
  const url = new URL(`${REALM_URL}/protocol/openid-connect/auth`);
  url.search = new URLSearchParams({
    client_id: 'portal-gateway', response_type: 'code', scope: 'openid', redirect_uri: GATEWAY_CALLBACK, state,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

/** The newest mail to `address` sent after `since` whose subject matches. */
async function mailTo(address, subject, since) {
  const found = await eventually(async () => (await mails())
    .filter((m) => mailRecipients(m).includes(address) && mailTime(m) >= since - 1000 && subject.test(m.subject ?? ''))
    .sort((a, b) => mailTime(b) - mailTime(a))[0], { timeoutMs: 20000 });
  assert.ok(found, `no mail "${subject}" to ${address} in MailDev`);
  return found;
}

function linkIn(mail, pattern) {
  const link = decodeHtml(mailText(mail)).match(pattern)?.[0];
  assert.ok(link, `no link ${pattern} in mail "${mail.subject}"`);
  return link;
}

/** Opens the login page and asks for a reset link for `address` on Keycloak's "Wachtwoord vergeten" page. */
async function requestResetLink(page, address, state = `s-${randomBytes(4).toString('hex')}`) {
  const login = await page.get(gatewayAuthorizationRequest(state));
  assert.equal(login.status, 200, 'login page');
  const forgot = login.html.match(/<a[^>]*href="([^"]*reset-credentials[^"]*)"[^>]*>\s*([^<]*?)\s*<\/a>/);
  assert.ok(forgot, 'the login page links to the forgotten-password page');
  assert.equal(decodeHtml(forgot[2]), 'Wachtwoord vergeten');
  const resetPage = await page.get(new URL(decodeHtml(forgot[1]), login.url).toString());
  assert.equal(resetPage.status, 200);
  assert.match(pageText(resetPage.html), /Wachtwoord vergeten/);
  const answer = await page.post(formAction(resetPage.html, 'kc-reset-password-form'), { username: address });
  assert.equal(answer.status, 200);
  return { answer: alertText(answer.html), state };
}

/** Sets a password on the update-password page; returns the result of the POST. */
async function submitPassword(page, html, password, confirm = password) {
  return page.post(formAction(html, 'kc-passwd-update-form'), { 'password-new': password, 'password-confirm': confirm });
}

// ------------------------------------------------------------------------------------------------

describe('passwords (Keycloak)', async () => {
  let reachable = false;
  before(async () => {
    reachable = await keycloakReachable();
  });

  after(async () => {
    for (const context of contexts) await (await context).dispose();
    if (!reachable) return;
    for (const id of createdUsers) await admin('DELETE', `/users/${id}`);
  });

  test('forgotten password: neutral answer, reset e-mail, reasons for a refused password, signed in afterwards, single use', async (t) => {
    if (!reachable) return t.skip(`Keycloak (${KEYCLOAK_URL}) or MailDev (${MAILDEV_URL}) not reachable`);
    const user = await createUser();
    await admin('PUT', `/users/${user.id}/reset-password`, { type: 'password', value: 'Oud-Wachtwoord-Lang-1', temporary: false });
    const since = Date.now();

    // Unknown address: the neutral answer, and no e-mail for it.
    const unknown = `nobody-${randomBytes(4).toString('hex')}@example.com`;
    const first = await requestResetLink(browser(), unknown);
    assert.match(first.answer ?? '', new RegExp(NEUTRAL_NL));

    // Known address: the same answer, and the e-mail.
    const page = browser();
    const known = await requestResetLink(page, user.email);
    assert.equal(known.answer, first.answer, 'the same answer whether the address exists or not');
    const mail = await mailTo(user.email, /^Stel een nieuw wachtwoord in voor het klantenportaal$/, since);
    assert.match(mailText(mail), /Instellen wachtwoord/);
    assert.match(mailText(mail), /1 uur geldig/);
    assert.equal((await mails()).filter((m) => mailRecipients(m).includes(unknown)).length, 0, 'no e-mail to an unknown address');

    // The link, in the same browser: the rules before typing, the reasons for refused passwords.
    const link = linkIn(mail, /https?:\/\/[^\s"<>]+\/login-actions\/action-token\?[^\s"<>]+/);
    const form = await page.get(link);
    assert.equal(form.status, 200);
    const formText = pageText(form.html);
    assert.match(formText, /Minimaal 12 tekens, niet uw e-mailadres, geen veelgebruikt wachtwoord/);
    assert.match(formText, /Instellen wachtwoord/);

    const tooShort = await submitPassword(page, form.html, 'Kort-1');
    assert.equal(alertText(tooShort.html), 'Dit wachtwoord is te kort. Gebruik minimaal 12 tekens.');
    const common = await submitPassword(page, tooShort.html, 'qwerty123456');
    assert.equal(alertText(common.html), 'Dit wachtwoord wordt veel gebruikt en is daardoor makkelijk te raden. Kies een ander wachtwoord.');
    const ownAddress = await submitPassword(page, common.html, user.email);
    assert.match(alertText(ownAddress.html) ?? '', /niet uw (e-mailadres|gebruikersnaam)/);
    const mismatch = await submitPassword(page, ownAddress.html, GOOD_PASSWORD, `${GOOD_PASSWORD}x`);
    assert.match(pageText(mismatch.html), /De twee wachtwoorden zijn niet gelijk/);

    // A good one: Keycloak finishes the gateway's own sign-in (code and state to its callback) with an SSO session.
    const done = await submitPassword(page, mismatch.html, GOOD_PASSWORD);
    assert.ok(done.left, `redirected to the portal (status ${done.status}: ${alertText(done.html) ?? pageText(done.html).slice(0, 200)})`);
    const callback = new URL(done.left);
    assert.equal(`${callback.origin}${callback.pathname}`, GATEWAY_CALLBACK);
    assert.equal(callback.searchParams.get('state'), known.state);
    assert.ok(callback.searchParams.get('code'), 'authorization code for the gateway');
    assert.ok(await page.signedInAtKeycloak(), 'Keycloak left an SSO session');

    // Single use: the link again, in another browser.
    const again = await browser().get(link);
    assert.equal(again.status, 400);
    assert.match(pageText(again.html), new RegExp(LINK_USED_NL));
    assert.match(again.html, /id="portal-new-link"[^>]*href="[^"]*reset-credentials\?client_id=portal-gateway/);

    // The identity-service sees the password change (view-events) to send e-mail #3.
    const events = await readResponse(await fetch(`${ADMIN_URL}/events?type=UPDATE_CREDENTIAL&user=${user.id}`, {
      headers: { authorization: `Bearer ${await identityServiceToken()}` },
    }));
    assert.equal(events.status, 200, `events: ${events.text}`);
    assert.ok(events.json.some((e) => e.userId === user.id && e.type === 'UPDATE_CREDENTIAL'), 'an UPDATE_CREDENTIAL event');
  });

  test('forgotten password: a link opened in a fresh browser ends signed in too', async (t) => {
    if (!reachable) return t.skip(`Keycloak (${KEYCLOAK_URL}) or MailDev (${MAILDEV_URL}) not reachable`);
    const user = await createUser({ locale: 'en' });
    const since = Date.now();
    await requestResetLink(browser(), user.email);
    const mail = await mailTo(user.email, /^Set a new password for the client portal$/, since);
    assert.match(mailText(mail), /Set password/);

    const fresh = browser();
    const form = await fresh.get(linkIn(mail, /https?:\/\/[^\s"<>]+\/login-actions\/action-token\?[^\s"<>]+/));
    assert.equal(form.status, 200);
    assert.match(pageText(form.html), /At least 12 characters, not your email address, not a commonly used password/);
    const done = await submitPassword(fresh, form.html, GOOD_PASSWORD);
    assert.ok(done.left, `redirected to the portal (${alertText(done.html) ?? pageText(done.html).slice(0, 200)})`);
    const target = new URL(done.left);
    assert.equal(`${target.origin}${target.pathname}`, GATEWAY_SIGN_IN, 'to the gateway\'s sign-in start');
    assert.equal(target.searchParams.get('code'), null, 'no authorization code nobody would redeem');
    assert.ok(await fresh.signedInAtKeycloak(), 'Keycloak left an SSO session');

    // What the gateway does next: its authorization request is answered at once, without a login page.
    const state = 'after-reset';
    const signIn = await fresh.get(gatewayAuthorizationRequest(state));
    assert.ok(signIn.left?.startsWith(`${GATEWAY_CALLBACK}?`), `signed in without a password (${signIn.left ?? signIn.status})`);
    assert.equal(new URL(signIn.left).searchParams.get('state'), state);
  });

  test('set-password e-mail: only for a caller that manages users', async (t) => {
    if (!reachable) return t.skip(`Keycloak (${KEYCLOAK_URL}) or MailDev (${MAILDEV_URL}) not reachable`);
    const user = await createUser();
    const body = { userId: user.id, redirectUri: GATEWAY_SIGN_IN };

    const anonymous = await setPasswordEmail(body);
    assert.equal(anonymous.status, 401);
    assert.match(anonymous.headers.get('www-authenticate') ?? '', /^Bearer/);

    const clientToken = await backOfficeToken();
    assert.equal((await setPasswordEmail(body, clientToken)).status, 403, 'a client token without manage-users');
    assert.equal((await setPasswordEmail(body, 'not-a-token')).status, 401);

    const token = await identityServiceToken();
    assert.equal((await setPasswordEmail({ userId: 'no-such-user' }, token)).status, 404);
    assert.equal((await setPasswordEmail({ ...body, redirectUri: 'https://elsewhere.example/' }, token)).status, 400);
    assert.equal((await setPasswordEmail({ ...body, lifespanSeconds: 10 }, token)).status, 400);
    const disabled = await createUser({ enabled: false });
    const refused = await setPasswordEmail({ userId: disabled.id }, token);
    assert.equal(refused.status, 400);
    assert.equal(refused.json?.error, 'user_disabled');
  });

  test('set-password e-mail: in the user\'s language, single-use link to the set-password page, signed in afterwards', async (t) => {
    if (!reachable) return t.skip(`Keycloak (${KEYCLOAK_URL}) or MailDev (${MAILDEV_URL}) not reachable`);
    const token = await identityServiceToken();

    // English account: English e-mail.
    const english = await createUser({ locale: 'en', firstName: 'Emma', lastName: 'Smith' });
    let since = Date.now();
    assert.equal((await setPasswordEmail({ userId: english.id, redirectUri: GATEWAY_SIGN_IN }, token)).status, 204);
    const englishMail = await mailTo(english.email, /^Set your password for the client portal$/, since);
    assert.match(mailText(englishMail), /Dear Emma Smith/);
    assert.match(mailText(englishMail), /valid for 7 days/);

    // Dutch account (the default): Dutch e-mail with "Instellen wachtwoord".
    const user = await createUser({ firstName: 'Anna', lastName: 'Jansen' });
    since = Date.now();
    const sent = await setPasswordEmail({ userId: user.id, redirectUri: GATEWAY_SIGN_IN, lifespanSeconds: 3 * 24 * 3600 }, token);
    assert.equal(sent.status, 204, sent.text);
    const mail = await mailTo(user.email, /^Stel uw wachtwoord in voor het klantenportaal$/, since);
    assert.match(mail.html, /<a [^>]*href="[^"]*action-token[^"]*"[^>]*>Instellen wachtwoord<\/a>/);
    assert.match(mailText(mail), /3 dagen geldig/);
    const link = decodeHtml(mail.html.match(/<a [^>]*href="([^"]*action-token[^"]*)"/)[1]);

    // The link opens the set-password page with the rules; a refused password says why.
    const page = browser();
    const form = await page.get(link);
    assert.equal(form.status, 200);
    assert.match(pageText(form.html), /Kies uw wachtwoord/, 'an account without a password is welcomed');
    assert.doesNotMatch(pageText(form.html), /wijzigen|Uitloggen op andere apparaten/);
    assert.match(pageText(form.html), /Minimaal 12 tekens, niet uw e-mailadres, geen veelgebruikt wachtwoord/);
    const common = await submitPassword(page, form.html, 'qwerty123456');
    assert.equal(alertText(common.html), 'Dit wachtwoord wordt veel gebruikt en is daardoor makkelijk te raden. Kies een ander wachtwoord.');

    // A good one: signed in (SSO session) and on to the portal's sign-in start.
    const done = await submitPassword(page, common.html, GOOD_PASSWORD);
    assert.ok(done.left, `redirected to the portal (${alertText(done.html) ?? pageText(done.html).slice(0, 200)})`);
    const target = new URL(done.left);
    assert.equal(`${target.origin}${target.pathname}`, GATEWAY_SIGN_IN);
    assert.equal(target.searchParams.get('code'), null);
    assert.ok(await page.signedInAtKeycloak(), 'Keycloak left an SSO session');
    const signIn = await page.get(gatewayAuthorizationRequest('after-set-password'));
    assert.ok(signIn.left?.startsWith(`${GATEWAY_CALLBACK}?`), 'the gateway\'s sign-in completes without a password');

    const account = await admin('GET', `/users/${user.id}`);
    assert.equal(account.json.emailVerified, true, 'the link proved the address');

    // Single use.
    const again = await browser().get(link);
    assert.equal(again.status, 400);
    assert.match(pageText(again.html), new RegExp(LINK_USED_NL));
    assert.match(again.html, /id="portal-new-link"/);
  });

  test('a used link offers a new one, which ends signed in at the portal', async (t) => {
    if (!reachable) return t.skip(`Keycloak (${KEYCLOAK_URL}) or MailDev (${MAILDEV_URL}) not reachable`);
    const user = await createUser();
    let since = Date.now();
    assert.equal((await setPasswordEmail({ userId: user.id }, await identityServiceToken())).status, 204, 'redirectUri defaults to the sign-in URI');
    const invitation = await mailTo(user.email, /^Stel uw wachtwoord in voor het klantenportaal$/, since);
    const link = linkIn(invitation, /https?:\/\/[^\s"<>]+\/login-actions\/action-token\?[^\s"<>]+/);
    const first = browser();
    const form = await first.get(link);
    const done = await submitPassword(first, form.html, GOOD_PASSWORD);
    assert.ok(done.left?.startsWith(GATEWAY_SIGN_IN), `first use signs in (${done.left})`);

    // Later, elsewhere: the used link, its "new link" button, the neutral answer, the new e-mail.
    const page = browser();
    const used = await page.get(link);
    assert.equal(used.status, 400);
    const newLink = decodeHtml(used.html.match(/id="portal-new-link"[^>]*href="([^"]+)"/)?.[1] ?? '');
    assert.match(newLink, /reset-credentials\?.*client_id=portal-gateway/);
    assert.ok(new URL(newLink, KEYCLOAK_URL).searchParams.get('redirect_uri') === GATEWAY_SIGN_IN, newLink);
    const resetPage = await page.get(new URL(newLink, used.url).toString());
    assert.equal(resetPage.status, 200);
    since = Date.now();
    const answer = await page.post(formAction(resetPage.html, 'kc-reset-password-form'), { username: user.email });
    assert.match(alertText(answer.html) ?? '', new RegExp(NEUTRAL_NL));
    const reset = await mailTo(user.email, /^Stel een nieuw wachtwoord in voor het klantenportaal$/, since);
    const resetForm = await page.get(linkIn(reset, /https?:\/\/[^\s"<>]+\/login-actions\/action-token\?[^\s"<>]+/));
    const after = await submitPassword(page, resetForm.html, `${GOOD_PASSWORD}-2`);
    assert.ok(after.left, `redirected to the portal (${alertText(after.html) ?? pageText(after.html).slice(0, 200)})`);
    const target = new URL(after.left);
    assert.equal(`${target.origin}${target.pathname}`, GATEWAY_SIGN_IN);
    assert.equal(target.searchParams.get('code'), null);
    assert.ok(await page.signedInAtKeycloak(), 'Keycloak left an SSO session');
  });

  test('set-password link: a tampered link is refused in plain words', async (t) => {
    if (!reachable) return t.skip(`Keycloak (${KEYCLOAK_URL}) or MailDev (${MAILDEV_URL}) not reachable`);
    const user = await createUser();
    const since = Date.now();
    assert.equal((await setPasswordEmail({ userId: user.id }, await identityServiceToken())).status, 204);
    const mail = await mailTo(user.email, /^Stel uw wachtwoord in voor het klantenportaal$/, since);
    const link = new URL(linkIn(mail, /https?:\/\/[^\s"<>]+\/login-actions\/action-token\?[^\s"<>]+/));
    const key = link.searchParams.get('key');
    link.searchParams.set('key', `${key.slice(0, -4)}${key.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`);
    const page = await browser().get(link.toString());
    assert.equal(page.status, 400);
    assert.match(pageText(page.html), new RegExp(LINK_USED_NL));
  });

  test('set-password link: a changed e-mail address makes it invalid', async (t) => {
    if (!reachable) return t.skip(`Keycloak (${KEYCLOAK_URL}) or MailDev (${MAILDEV_URL}) not reachable`);
    const user = await createUser();
    const since = Date.now();
    assert.equal((await setPasswordEmail({ userId: user.id }, await identityServiceToken())).status, 204);
    const mail = await mailTo(user.email, /^Stel uw wachtwoord in voor het klantenportaal$/, since);
    const link = linkIn(mail, /https?:\/\/[^\s"<>]+\/login-actions\/action-token\?[^\s"<>]+/);

    const changed = `changed-${user.email}`;
    const account = (await admin('GET', `/users/${user.id}`)).json;
    assert.equal((await admin('PUT', `/users/${user.id}`, { ...account, email: changed })).status, 204);
    const page = await browser().get(link);
    assert.equal(page.status, 400);
    assert.match(pageText(page.html), new RegExp(LINK_USED_NL));
  });
});
