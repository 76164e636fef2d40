// Helper for the browser end-to-end test: headless Debian Chromium driven by playwright-core
// (no browser download; the binary comes from `apt-get install chromium`).
import { chromium } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BASE_URL = (process.env.PORTAL_URL ?? 'http://localhost:8080').replace(/\/$/, '');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumAvailable() {
  return existsSync(CHROMIUM_PATH);
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** A fresh context (own cookies) with a Dutch browser locale; downloads accepted. */
export async function newPage(browser, viewport = DESKTOP) {
  const context = await browser.newContext({ viewport, locale: 'nl-NL', acceptDownloads: true });
  context.setDefaultTimeout(Number(process.env.E2E_TIMEOUT_MS ?? 15000));
  const page = await context.newPage();
  return { context, page };
}

/** Saves a full-page screenshot as e2e/screenshots/<name>.png and returns its path. */
export async function screenshot(page, name) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Signs in through the portal's welcome page and the identity provider's login form.
 * Ends on the portal's Home page.
 */
export async function signIn(page, { username, password }) {
  await page.goto(`${BASE_URL}/`);
  await page.getByRole('link', { name: /^(Inloggen|Sign in)$/ }).click();
  await page.locator('#username').waitFor();
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await Promise.all([page.waitForURL((url) => url.origin === new URL(BASE_URL).origin, { timeout: 30000 }), page.locator('#kc-login').click()]);
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
}

/**
 * Chooses the language on "Mijn gegevens" ("Nederlands" or "English") unless it is the account's already, and waits
 * until it is saved: a test starts from the language it expects, whatever an earlier run left.
 */
export async function setLanguage(page, label) {
  await page.goto(`${BASE_URL}/mijn-gegevens`);
  const button = page.getByRole('button', { name: label, exact: true });
  await button.waitFor();
  if ((await button.getAttribute('aria-pressed')) !== 'true') {
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/me/language') && r.request().method() === 'PUT');
    await button.click();
    if ((await saved).status() !== 204) throw new Error(`the language ${label} was not saved`);
  }
}

/** Returns true when something answers at the portal's URL (so the test can skip with a clear reason). */
export async function portalReachable() {
  try {
    const response = await fetch(`${BASE_URL}/actuator/health/readiness`, { signal: AbortSignal.timeout(3000) });
    if (response.ok) return true;
    const root = await fetch(`${BASE_URL}/`, { signal: AbortSignal.timeout(3000) });
    return root.status < 500;
  } catch {
    return false;
  }
}
