// Browser end-to-end test of the client's portal polish (issue 20: items 4, 5, 8, 9 and the smaller ones):
// - on a phone (390×844) the header is one bar of at most 64 px with a "Menu" disclosure that works by keyboard;
// - the attachment dialog is the portal's titled dialog, its close button inside the box, a focus ring on every control,
//   and on a phone it leads with "Bladeren";
// - the greeting names the person and the company, with no double full stop;
// - "Mijn gegevens" has one language control and links to its sections;
// - the dossier tabs move with the arrow keys, and the phone's tab tiles have their count in the same place.
// Screenshots (nl/en, 1280 and 390) of Home, Mijn gegevens and the open attachment dialog go to e2e/screenshots/polish-*.
// Run against the running local stack:  node --test e2e/polish-client.test.mjs   (PORTAL_URL)
// Requires /usr/bin/chromium (Debian package `chromium`) and `npm ci` in e2e/ for playwright-core and axe-core.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  BASE_URL,
  CHROMIUM_PATH,
  DESKTOP,
  PHONE,
  SCREENSHOT_DIR,
  chromiumAvailable,
  launchBrowser,
  newPage,
  portalReachable,
  screenshot,
  signIn,
} from './lib/browser.mjs';
import { DEMO_PASSWORD } from './lib/portal.mjs';
import { accessibilityViolations } from './lib/a11y.mjs';
import { onePagePdf } from './lib/pdf.mjs';

const ANNA = { username: 'anna@example.com', password: DEMO_PASSWORD };
// A colleague at the company: in the demo realm firstName "Piet", lastName "Jansen", company_name "Bakkerij Jansen B.V.".
const PIET = { username: 'piet@example.com', password: DEMO_PASSWORD };
// The company's main account: its name in the realm is the company's own ("Bakkerij Jansen" "B.V.").
const JANSEN_BV = { username: 'jansen.bv@example.com', password: DEMO_PASSWORD };
const DOSSIER_NUMBER = '2026-0001';
const MAX_PHONE_HEADER = 64;

const TEXT = {
  nl: {
    home: 'Home',
    myDetails: 'Mijn gegevens',
    dossiers: 'Dossiers',
    mainMenu: 'Hoofdmenu',
    newMessage: 'Nieuw bericht',
    addAttachments: 'Bijlagen toevoegen',
    browse: 'Bladeren',
    close: 'Sluiten',
    cancel: 'Annuleren',
    sections: 'Op deze pagina',
    language: 'Nederlands',
  },
  en: {
    home: 'Home',
    myDetails: 'My details',
    dossiers: 'Files',
    mainMenu: 'Main menu',
    newMessage: 'New message',
    addAttachments: 'Add attachments',
    browse: 'Browse',
    close: 'Close',
    cancel: 'Cancel',
    sections: 'On this page',
    language: 'English',
  },
};

/** A viewport screenshot (a modal dialog is fixed to the viewport; a full-page capture cuts through it). */
async function viewportScreenshot(page, name) {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
}

/** axe's serious and critical findings only. */
async function seriousViolations(page) {
  return (await accessibilityViolations(page)).filter((line) => /\((serious|critical)\)/.test(line));
}

async function headerHeight(page) {
  const box = await page.locator('header.site-header').boundingBox();
  assert.ok(box, 'the header is on the page');
  return box.height;
}

/** Starts an account in Dutch whatever an earlier run left (on Home, on a wide screen, the header's NL/EN). */
async function ensureDutch(page) {
  const nl = page.getByRole('group', { name: /^(Taal|Language)$/ }).getByRole('button', { name: 'NL' });
  if ((await nl.getAttribute('aria-pressed')) !== 'true') {
    await nl.click();
    await page.getByRole('link', { name: 'Mijn gegevens' }).first().waitFor();
  }
}

/** Switches the language with "Mijn gegevens"' own control (the page's only one) and waits for the page to follow. */
async function chooseLanguage(page, lang) {
  await page.goto(`${BASE_URL}/mijn-gegevens`);
  const button = page.getByRole('button', { name: TEXT[lang].language, exact: true });
  await button.waitFor();
  if ((await button.getAttribute('aria-pressed')) !== 'true') {
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/me/language') && r.request().method() === 'PUT');
    await button.click();
    assert.equal((await saved).status(), 204);
  }
  await page.getByRole('heading', { level: 1, name: TEXT[lang].myDetails }).waitFor();
}

/**
 * Whether the focused element shows a focus indicator (an outline or a box-shadow); `again` when this element was
 * reported before (it is marked), so that a walk with Tab knows it has gone round.
 */
function focusRingOfActiveElement(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { name: '(nothing)', ring: false, again: false };
    const again = el.dataset.e2eFocusSeen === '1';
    el.dataset.e2eFocusSeen = '1';
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    // The name as a screen reader has it (near enough): aria-label, else the text without aria-hidden parts ("×").
    const spoken = el.cloneNode(true);
    spoken.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
    return {
      name: (el.getAttribute('aria-label') || spoken.textContent || el.tagName).trim().slice(0, 60),
      ring: Boolean(outline || shadow),
      again,
    };
  });
}

/** Presses Tab until the "Menu" button has the focus (skip link and the portal's name come first). */
async function tabToMenuButton(page) {
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.classList.contains('menu-button'))) return;
  }
  assert.fail('"Menu" is not reached with Tab');
}

describe('the client portal, polished (issue 20)', () => {
  let browser;
  let dir;
  let pdfFile;
  /** Anna's wide-screen page and her session, reused at phone size. */
  let anna;
  let dossierUrl;

  before(async () => {
    assert.ok(chromiumAvailable(), `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
    assert.ok(await portalReachable(), `the portal does not answer at ${BASE_URL} (start the stack first)`);
    dir = await mkdtemp(path.join(tmpdir(), 'portal-e2e-polish-'));
    pdfFile = path.join(dir, 'e2e-polish-kopie-paspoort.pdf');
    await writeFile(pdfFile, onePagePdf('Kopie paspoort'));
    browser = await launchBrowser();
    anna = await newPage(browser, DESKTOP);
    await signIn(anna.page, ANNA);
    await ensureDutch(anna.page);
    // The demo dossier's address, found the way a client finds it.
    const page = anna.page;
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Dossiers' }).click();
    await page.getByLabel('Zoeken op omschrijving of dossiernummer').fill(DOSSIER_NUMBER);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('row').filter({ hasText: DOSSIER_NUMBER }).getByRole('link', { name: /Openen/ }).click();
    await page.waitForURL(/\/dossiers\/[^/?]+/);
    dossierUrl = page.url().split('?')[0];
  });

  after(async () => {
    // Leave Anna in Dutch for the other tests.
    if (anna) await chooseLanguage(anna.page, 'nl').catch(() => undefined);
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** A phone-sized page in Anna's session. */
  async function annaOnPhone() {
    const context = await browser.newContext({ viewport: PHONE, storageState: await anna.context.storageState(), locale: 'nl-NL' });
    return { context, page: await context.newPage() };
  }

  for (const lang of ['nl', 'en']) {
    it(`keeps the phone's header at most ${MAX_PHONE_HEADER} px high on Home, Dossiers, a dossier and Mijn gegevens (${lang})`, async () => {
      await chooseLanguage(anna.page, lang);
      const phone = await annaOnPhone();
      try {
        const p = phone.page;
        const h1 = (name) => () => p.getByRole('heading', { level: 1, name }).waitFor();
        const pages = [
          { url: `${BASE_URL}/`, ready: h1(TEXT[lang].home) },
          { url: `${BASE_URL}/dossiers`, ready: h1(TEXT[lang].dossiers) },
          { url: dossierUrl, ready: () => p.getByRole('tab', { selected: true }).waitFor() },
          { url: `${BASE_URL}/mijn-gegevens`, ready: h1(TEXT[lang].myDetails) },
        ];
        for (const { url, ready } of pages) {
          await p.goto(url);
          await ready();
          const height = await headerHeight(p);
          assert.ok(height <= MAX_PHONE_HEADER, `header on ${url} is ${height} px high`);
          // Closed: only the portal's name and "Menu".
          assert.equal(await p.getByRole('button', { name: 'Menu', exact: true }).getAttribute('aria-expanded'), 'false');
          assert.equal(await p.getByRole('navigation', { name: TEXT[lang].mainMenu }).count(), 0);
        }
        await p.goto(`${BASE_URL}/`);
        await p.getByRole('heading', { level: 1, name: TEXT[lang].home }).waitFor();
        await screenshot(p, `polish-phone-home-${lang}`);
        assert.deepEqual(await seriousViolations(p), [], `Home on a phone (${lang})`);
        await p.goto(`${BASE_URL}/mijn-gegevens`);
        await p.getByRole('heading', { level: 1, name: TEXT[lang].myDetails }).waitFor();
        await screenshot(p, `polish-phone-my-details-${lang}`);
        assert.deepEqual(await seriousViolations(p), [], `Mijn gegevens on a phone (${lang})`);
      } finally {
        await phone.context.close();
      }
      // The same pages on a wide screen.
      await anna.page.goto(`${BASE_URL}/`);
      await anna.page.getByRole('heading', { level: 1, name: TEXT[lang].home }).waitFor();
      await screenshot(anna.page, `polish-desktop-home-${lang}`);
      assert.deepEqual(await seriousViolations(anna.page), [], `Home (${lang})`);
      await anna.page.goto(`${BASE_URL}/mijn-gegevens`);
      await anna.page.getByRole('heading', { level: 1, name: TEXT[lang].myDetails }).waitFor();
      await screenshot(anna.page, `polish-desktop-my-details-${lang}`);
      assert.deepEqual(await seriousViolations(anna.page), [], `Mijn gegevens (${lang})`);
    });
  }

  it('opens and closes the phone menu with the keyboard; Escape puts the focus back on "Menu"', async () => {
    await chooseLanguage(anna.page, 'nl');
    const phone = await annaOnPhone();
    try {
      const p = phone.page;
      await p.goto(`${BASE_URL}/`);
      await p.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
      await tabToMenuButton(p);
      const menu = p.getByRole('button', { name: 'Menu', exact: true });
      assert.ok((await focusRingOfActiveElement(p)).ring, '"Menu" shows its focus');
      await p.keyboard.press('Enter');
      assert.equal(await menu.getAttribute('aria-expanded'), 'true');
      const nav = p.getByRole('navigation', { name: 'Hoofdmenu' });
      await nav.getByRole('link', { name: 'Mijn gegevens' }).waitFor();
      await p.getByRole('button', { name: 'Uitloggen' }).waitFor();
      await p.getByRole('group', { name: 'Taal' }).waitFor();
      await screenshot(p, 'polish-phone-menu-open');
      assert.deepEqual(await seriousViolations(p), [], 'open menu');

      await p.keyboard.press('Tab');
      assert.equal(await p.evaluate(() => document.activeElement?.textContent), 'Home');
      assert.ok((await focusRingOfActiveElement(p)).ring, 'a menu link shows its focus');
      await p.keyboard.press('Escape');
      assert.equal(await menu.getAttribute('aria-expanded'), 'false');
      assert.ok(await p.evaluate(() => document.activeElement?.classList.contains('menu-button')), 'focus back on "Menu"');
      assert.equal(await nav.count(), 0);

      // Space opens it too; a chosen page closes it.
      await p.keyboard.press('Space');
      assert.equal(await menu.getAttribute('aria-expanded'), 'true');
      await nav.getByRole('link', { name: 'Dossiers' }).click();
      await p.getByRole('heading', { level: 1, name: 'Dossiers' }).waitFor();
      assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    } finally {
      await phone.context.close();
    }
  });

  /** Opens the attachment dialog from "Nieuw bericht" by keyboard (so that focus rings show) and returns it. */
  async function openAttachmentDialog(p, lang) {
    await p.goto(`${dossierUrl}?tab=berichten`);
    await p.getByRole('button', { name: TEXT[lang].newMessage }).click();
    const form = p.getByRole('region', { name: TEXT[lang].newMessage });
    const add = form.getByRole('button', { name: TEXT[lang].addAttachments });
    await add.focus();
    await p.keyboard.press('Enter');
    const dialog = p.getByRole('dialog', { name: TEXT[lang].addAttachments });
    await dialog.waitFor();
    return { form, dialog };
  }

  async function closeAttachmentDialog(p, lang, form, dialog) {
    await p.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await form.getByRole('button', { name: TEXT[lang].cancel, exact: true }).click();
  }

  for (const lang of ['nl', 'en']) {
    it(`shows the attachment dialog as a titled dialog with its close button inside and a focus ring on every control (${lang})`, async () => {
      await chooseLanguage(anna.page, lang);
      const p = anna.page;
      const { form, dialog } = await openAttachmentDialog(p, lang);
      await dialog.getByRole('heading', { level: 2, name: TEXT[lang].addAttachments }).waitFor();
      assert.equal(await p.getByRole('dialog').count(), 1, 'one dialog: Uppy draws inside the portal\'s');

      const box = await dialog.boundingBox();
      const close = await dialog.getByRole('button', { name: TEXT[lang].close }).boundingBox();
      assert.ok(box && close, 'dialog and close button are drawn');
      assert.ok(
        close.x >= box.x && close.y >= box.y && close.x + close.width <= box.x + box.width && close.y + close.height <= box.y + box.height,
        `the close button ${JSON.stringify(close)} lies inside the dialog ${JSON.stringify(box)}`,
      );
      // The dialog opens on "Bladeren".
      assert.equal((await p.evaluate(() => document.activeElement?.textContent))?.trim(), TEXT[lang].browse);
      await viewportScreenshot(p, `polish-desktop-attachments-dialog-${lang}`);
      assert.deepEqual(await seriousViolations(p), [], `attachment dialog (${lang})`);

      // With a file chosen, every control of the dialog (Uppy's included) shows a focus ring when tabbed to.
      const chooser = p.waitForEvent('filechooser');
      await dialog.getByRole('button', { name: TEXT[lang].browse }).click();
      await (await chooser).setFiles([pdfFile]);
      await dialog.getByText(path.basename(pdfFile)).waitFor();
      const seen = [];
      for (let i = 0; i < 12; i++) {
        await p.keyboard.press('Tab');
        const focus = await focusRingOfActiveElement(p);
        assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), `focus stays in the dialog (at ${focus.name})`);
        if (focus.again) break;
        seen.push(focus);
      }
      assert.ok(seen.length >= 3, `several controls reached: ${seen.map((s) => s.name).join(', ')}`);
      assert.deepEqual(seen.filter((s) => !s.ring).map((s) => s.name), [], 'controls without a visible focus');
      assert.ok(seen.some((s) => s.name === TEXT[lang].close), `"${TEXT[lang].close}" is among them: ${seen.map((s) => s.name).join(", ")}`);
      await closeAttachmentDialog(p, lang, form, dialog);
    });
  }

  for (const lang of ['nl', 'en']) {
    it(`leads with "Bladeren" in the attachment dialog on a phone, visible without scrolling (${lang})`, async () => {
      await chooseLanguage(anna.page, lang);
      const phone = await annaOnPhone();
      try {
        const p = phone.page;
        const { form, dialog } = await openAttachmentDialog(p, lang);
        const browse = dialog.getByRole('button', { name: TEXT[lang].browse });
        await browse.waitFor();
        // The first control in the dialog's Tab order, and where the focus starts.
        const first = await dialog.evaluate((d) => {
          const candidates = d.querySelectorAll('a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select, textarea, [tabindex]');
          const reachable = [...candidates].filter((el) => el.tabIndex >= 0 && !el.closest('[hidden]') && el.getClientRects().length > 0);
          return reachable[0]?.textContent?.trim();
        });
        assert.equal(first, TEXT[lang].browse);
        assert.equal((await p.evaluate(() => document.activeElement?.textContent))?.trim(), TEXT[lang].browse);
        const at = await browse.boundingBox();
        assert.ok(at && at.y >= 0 && at.y + at.height <= PHONE.height && at.x >= 0 && at.x + at.width <= PHONE.width, `"Bladeren" is on screen: ${JSON.stringify(at)}`);
        assert.ok(at.height >= 44, `"Bladeren" is easy to hit: ${at.height} px high`);
        await viewportScreenshot(p, `polish-phone-attachments-dialog-${lang}`);
        assert.deepEqual(await seriousViolations(p), [], `attachment dialog on a phone (${lang})`);
        await closeAttachmentDialog(p, lang, form, dialog);
      } finally {
        await phone.context.close();
      }
    });
  }

  it('moves between the dossier tabs with ArrowRight; on a phone each tile has its count in the same place', async () => {
    await chooseLanguage(anna.page, 'nl');
    const p = anna.page;
    await p.goto(`${dossierUrl}?tab=correspondentie`);
    const first = p.getByRole('tab', { name: /^Correspondentie/, selected: true });
    await first.focus();
    await p.keyboard.press('ArrowRight');
    await p.getByRole('tab', { name: /^Documenten/, selected: true }).waitFor();
    assert.equal(await p.evaluate(() => document.activeElement?.getAttribute('role')), 'tab');
    assert.match(await p.evaluate(() => document.activeElement?.textContent ?? ''), /^Documenten/);
    // Only the selected tab is in the Tab order.
    assert.deepEqual(await p.getByRole('tab').evaluateAll((tabs) => tabs.map((t) => t.tabIndex)), [-1, 0, -1, -1, -1]);

    const phone = await annaOnPhone();
    try {
      const q = phone.page;
      await q.goto(`${dossierUrl}?tab=correspondentie`);
      await q.locator('.tab .tab-count').first().waitFor();
      const offsets = await q.locator('.tab').evaluateAll((tabs) =>
        tabs
          .map((tab) => ({ tab: tab.getBoundingClientRect(), count: tab.querySelector('.tab-count')?.getBoundingClientRect() }))
          .filter(({ count }) => count)
          .map(({ tab, count }) => ({ right: Math.round(tab.right - count.right), top: Math.round(count.top - tab.top) })),
      );
      assert.ok(offsets.length >= 2, 'tabs with counts');
      // The same corner; the selected tile's thicker border may shift its count by a pixel.
      for (const offset of offsets) {
        assert.ok(Math.abs(offset.right - offsets[0].right) <= 2 && Math.abs(offset.top - offsets[0].top) <= 2, `counts in the same corner: ${JSON.stringify(offsets)}`);
      }
      assert.deepEqual(await seriousViolations(q), [], 'dossier on a phone');
    } finally {
      await phone.context.close();
    }
  });
});

describe('the greeting and "Mijn gegevens" of a company (issue 20, items 8 and 9)', () => {
  let browser;

  before(async () => {
    assert.ok(chromiumAvailable(), `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
    assert.ok(await portalReachable(), `the portal does not answer at ${BASE_URL} (start the stack first)`);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  it('greets a colleague as the person with the company: "Welkom, Piet Jansen — Bakkerij Jansen B.V."', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    try {
      await signIn(page, PIET);
      await ensureDutch(page);
      const greeting = page.locator('main .lead').first();
      await greeting.waitFor();
      assert.equal((await greeting.innerText()).trim(), 'Welkom, Piet Jansen — Bakkerij Jansen B.V.');
      assert.match(await page.locator('header .user-name').innerText(), /Piet Jansen — Bakkerij Jansen B\.V\.$/);
      assert.ok(!(await page.locator('body').innerText()).includes('..'), 'no double full stop on Home');
      // Not a main account: the tile promises no accounts.
      assert.match(await page.getByTestId('tile-my-details').innerText(), /Naam, taal, 2-staps verificatie en notificaties/);
      assert.deepEqual(await seriousViolations(page), [], 'Home of a colleague');
    } finally {
      await context.close();
    }
  });

  it("greets the company's main account once, and its Mijn gegevens has one language control and links down to Accounts", async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    try {
      await signIn(page, JANSEN_BV);
      await ensureDutch(page);
      const greeting = page.locator('main .lead').first();
      assert.equal((await greeting.innerText()).trim(), 'Welkom, Bakkerij Jansen B.V.');
      assert.ok(!(await page.locator('body').innerText()).includes('..'), 'no double full stop on Home');
      assert.match(await page.getByTestId('tile-my-details').innerText(), /notificaties en accounts/);

      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn gegevens' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mijn gegevens' }).waitFor();
      await checkMyDetails(page);
      await screenshot(page, 'polish-desktop-my-details-company');

      const phone = await browser.newContext({ viewport: PHONE, storageState: await context.storageState(), locale: 'nl-NL' });
      try {
        const p = await phone.newPage();
        await p.goto(`${BASE_URL}/mijn-gegevens`);
        await p.getByRole('heading', { level: 1, name: 'Mijn gegevens' }).waitFor();
        await checkMyDetails(p);
        // The menu on a phone has no language switch on this page either.
        await p.getByRole('button', { name: 'Menu', exact: true }).click();
        await p.getByRole('button', { name: 'Uitloggen' }).waitFor();
        assert.equal(await p.getByRole('group', { name: 'Taal', exact: true }).count(), 0);
        await screenshot(p, 'polish-phone-my-details-company');
      } finally {
        await phone.close();
      }
    } finally {
      await context.close();
    }
  });
});

/** One language control ("Nederlands" / "English" in the Taal card, no NL/EN); the section links reach Accounts. */
async function checkMyDetails(page) {
  assert.equal(await page.getByRole('group', { name: 'Taal', exact: true }).count(), 0, "no header NL/EN on this page");
  assert.equal(await page.getByRole('button', { name: 'NL', exact: true }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Nederlands', exact: true }).count(), 1);
  assert.equal(await page.getByRole('button', { name: 'English', exact: true }).count(), 1);
  // the language is two buttons, not a radio group with "Opslaan" (the radios further down are "Toegang geven"'s)
  assert.equal(await page.getByRole('region', { name: 'Taal', exact: true }).getByRole('radio').count(), 0);
  assert.equal(await page.getByRole('region', { name: 'Taal', exact: true }).getByRole('button', { name: 'Opslaan' }).count(), 0);

  const links = page.getByRole('navigation', { name: 'Op deze pagina' }).getByRole('link');
  assert.deepEqual(await links.allInnerTexts(), ['Persoonlijke gegevens', 'Taal', '2-staps verificatie', 'Recente aanmeldingen', 'Notificaties', 'Toegang voor anderen', 'Accounts']);
  const accounts = page.getByRole('region', { name: 'Accounts' });
  await accounts.getByRole('heading', { level: 3, name: 'Extra accounts' }).waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await links.filter({ hasText: 'Accounts' }).click();
  await page.waitForURL(/#accounts$/);
  // Scrolled to it: the heading "Accounts" is in view, and the focus went to the section.
  await page.waitForFunction(() => {
    const heading = document.querySelector('#accounts h2');
    const top = heading?.getBoundingClientRect().top ?? -1;
    return top >= 0 && top < window.innerHeight / 2;
  });
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'accounts');
  assert.ok(!(await page.locator('body').innerText()).includes('..'), 'no double full stop on Mijn gegevens');
  assert.deepEqual(await seriousViolations(page), [], 'Mijn gegevens of the main account');
}
