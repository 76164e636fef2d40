// Browser end-to-end test of refused attachments in the user's language (issue 20, "English inside Dutch"): Anna (Dutch)
// adds files the portal refuses — a renamed program, a shell script, a web page, an SVG, a zip, a file over 50 MB — to a
// new message on dossier 2026-0001. After each, the pop-up and the message form say in Dutch which file was not added and
// why, and no English sentence of the server (its problem `detail`) is on the page. Once more in English.
// Run against the running local stack:  node --test e2e/polish-refusals.test.mjs   (PORTAL_URL, KEYCLOAK_URL)
// Requires /usr/bin/chromium (Debian package `chromium`) and `npm ci` in e2e/ for playwright-core.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BASE_URL, CHROMIUM_PATH, DESKTOP, SCREENSHOT_DIR, chromiumAvailable, launchBrowser, newPage, portalReachable, signIn } from './lib/browser.mjs';

const USER = { username: 'anna@example.com', password: 'Portal-Demo-2026' };
const DOSSIER_NUMBER = '2026-0001';

/** Words of the services' English sentences ("'x' cannot be delivered: it is a program. Send a PDF, …"). */
const ENGLISH = /\b(cannot|delivered|send a pdf|send a|it is a|is larger than|was not|not accepted|the most a file)\b/i;

const ACCEPTED_NL = 'Stuur een pdf, een foto of scan (JPEG, PNG, HEIC, TIFF) of een Office-document (DOCX, XLSX, ODT).';

// ------------------------------------------------------------------------------------------------
// The refused files: what they are is in their bytes, whatever they are called.
// ------------------------------------------------------------------------------------------------

/** A Windows program's first bytes (the "MZ" header and its DOS stub), dressed up as a PDF by its name. */
function windowsProgram() {
  const bytes = Buffer.alloc(512);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('This program cannot be run in DOS mode.\r\r\n$', 0x4e, 'latin1');
  bytes.write('PE\0\0', 0x80, 'latin1');
  return bytes;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip archive (entries stored, not compressed) of these text files. */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const fileName = Buffer.from(name, 'utf8');
    const data = Buffer.from(text, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Each refused kind: the file, and what the Dutch sentence says it is. */
const REFUSED = [
  { kind: 'program', file: 'evil-renamed.pdf', content: windowsProgram(), says: 'het is een programma.' },
  { kind: 'script', file: 'opdracht.sh', content: Buffer.from('#!/bin/sh\necho "hallo"\nrm -rf "$HOME/tmp"\n'), says: 'het is een script.' },
  {
    kind: 'web-page',
    file: 'bankafschrift.html',
    content: Buffer.from('<!DOCTYPE html><html><head><title>Afschrift</title></head><body><script>alert(1)</script></body></html>'),
    says: 'het is een webpagina.',
  },
  {
    kind: 'svg',
    file: 'handtekening.svg',
    content: Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'),
    says: 'het is een SVG-afbeelding, die scripts kan bevatten.',
  },
  { kind: 'archive', file: 'stukken.zip', content: zip({ 'notitie.txt': 'Een notitie.', 'lijst.txt': 'Een lijst.' }), says: 'het is een archief' },
];

/** The file over the limit: 50 MB + 1 byte, sparse on disk; the browser refuses it before a byte is sent. */
const TOO_LARGE = { file: 'scan-te-groot.pdf', size: 50 * 1024 * 1024 + 1 };

// ------------------------------------------------------------------------------------------------

/** The page's text, and the names and titles of its elements (a "?" button in Uppy carries the reason as aria-label). */
async function everythingThePageSays(page) {
  return page.evaluate(() => {
    const attributes = [...document.querySelectorAll('[aria-label], [title], [data-microtip-position]')].flatMap((el) => [
      el.getAttribute('aria-label') ?? '',
      el.getAttribute('title') ?? '',
    ]);
    return `${document.body.innerText}\n${attributes.join('\n')}`;
  });
}

/** A viewport screenshot (the dialog is fixed to the viewport). */
async function viewportScreenshot(page, name) {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
}

describe('refused attachments are said in the UI language (issue 20)', () => {
  let browser;
  let page;
  let dir;

  before(async () => {
    assert.ok(chromiumAvailable(), `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
    assert.ok(await portalReachable(), `the portal does not answer at ${BASE_URL} (start the stack first)`);
    dir = await mkdtemp(path.join(tmpdir(), 'portal-e2e-refusals-'));
    for (const refused of REFUSED) await writeFile(path.join(dir, refused.file), refused.content);
    const large = await open(path.join(dir, TOO_LARGE.file), 'w');
    await large.truncate(TOO_LARGE.size);
    await large.close();
    browser = await launchBrowser();
    ({ page } = await newPage(browser, DESKTOP));
  });

  after(async () => {
    // Leave the account in Dutch for the other tests.
    try {
      const nl = page?.getByRole('group', { name: /Taal|Language/ }).getByRole('button', { name: 'NL' });
      if (nl && (await nl.getAttribute('aria-pressed', { timeout: 5000 })) !== 'true') {
        await nl.click();
        await page.getByRole('link', { name: 'Mijn gegevens' }).first().waitFor();
      }
    } finally {
      await browser?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  });

  /**
   * Sets the language with the header's switch (NL / EN) and waits until the account has it (Anna's language is the
   * account's: other tests that load a page meanwhile get it too, so the English run is kept short).
   */
  async function language(code) {
    const button = page.getByRole('group', { name: /Taal|Language/ }).getByRole('button', { name: code });
    if ((await button.getAttribute('aria-pressed')) !== 'true') {
      const saved = page.waitForResponse((r) => r.url().endsWith('/api/me/language') && r.request().method() === 'PUT');
      await button.click();
      assert.equal((await saved).status(), 204);
    }
    await page.getByRole('link', { name: code === 'NL' ? 'Mijn gegevens' : 'My details' }).first().waitFor();
  }

  /**
   * Opens a new message's form and its attachment dialog (a fresh form each time: a fresh pop-up, an empty list of
   * refusals), adds one file through Uppy's file input and, unless Uppy refused it already, uploads it.
   */
  async function addToNewMessage(file, { lang = 'nl', upload = true } = {}) {
    const words =
      lang === 'nl'
        ? { newMessage: 'Nieuw bericht', add: 'Bijlagen toevoegen', upload: 'Upload 1 bestand' }
        : { newMessage: 'New message', add: 'Add attachments', upload: 'Upload 1 file' };
    await page.getByRole('button', { name: words.newMessage }).click();
    const form = page.getByRole('region', { name: words.newMessage });
    await form.waitFor();
    await form.getByRole('button', { name: words.add }).click();
    const dialog = page.getByRole('dialog', { name: words.add });
    await dialog.waitFor();
    await dialog.locator('input[type="file"][name="files[]"]').first().setInputFiles(path.join(dir, file));
    if (upload) {
      const response = page.waitForResponse((r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname.startsWith('/api/uploads/tus/'));
      await dialog.getByRole('button', { name: words.upload }).click();
      const answered = await response;
      assert.ok([413, 415].includes(answered.status()), `the server refuses ${file} (${answered.status()})`);
      const problem = await answered.json();
      assert.equal(problem.params?.file, file, 'the problem names the file');
      assert.ok(problem.code, 'the problem carries a code');
    }
    return { form, dialog };
  }

  /** Closes the pop-up (its close button) and cancels the message. */
  async function cancel(form, dialog, lang = 'nl') {
    await dialog.getByRole('button', { name: lang === 'nl' ? 'Sluiten' : 'Close', exact: true }).first().click();
    await dialog.waitFor({ state: 'hidden' });
    await form.getByRole('button', { name: lang === 'nl' ? 'Annuleren' : 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
  }

  it('opens the Berichten tab of dossier 2026-0001 as Anna, in Dutch', async () => {
    await signIn(page, USER);
    await language('NL');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Dossiers' }).click();
    await page.getByLabel('Zoeken op omschrijving of dossiernummer').fill(DOSSIER_NUMBER);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('row').filter({ hasText: DOSSIER_NUMBER }).getByRole('link', { name: /Openen/ }).click();
    await page.waitForURL(/\/dossiers\/[^/?]+/);
    await page.getByRole('tab', { name: /^Berichten/ }).click();
    await page.getByRole('tab', { name: /^Berichten/, selected: true }).waitFor();
    await page.getByRole('button', { name: 'Nieuw bericht' }).waitFor();
  });

  for (const refused of REFUSED) {
    it(`says in Dutch why ${refused.file} (${refused.kind}) is not added, in the pop-up and in the form`, async () => {
      const { form, dialog } = await addToNewMessage(refused.file);
      const sentence = `${refused.file} kan niet worden aangeleverd: ${refused.says}`;
      // The pop-up's message (Uppy's toast, in full) and the form's list of files not added.
      await dialog.getByText(sentence, { exact: false }).first().waitFor();
      const listed = form.getByRole('alert').getByRole('listitem').filter({ hasText: refused.file });
      await listed.waitFor();
      const text = await listed.innerText();
      assert.ok(text.startsWith(sentence), `the form says: ${text}`);
      assert.ok(text.endsWith(ACCEPTED_NL), `the form says what to send instead: ${text}`);
      const everything = await everythingThePageSays(page);
      assert.doesNotMatch(everything, ENGLISH, 'no English sentence on the page');
      assert.ok(!everything.includes(`'${refused.file}'`), "not the server's detail, which quotes the name");
      if (refused.kind === 'program') await viewportScreenshot(page, 'desktop-refused-program-nl');
      await cancel(form, dialog);
    });
  }

  it(`says in Dutch that ${TOO_LARGE.file} (over 50 MB) is too large, in the pop-up and in the form`, async () => {
    const uploads = [];
    const count = (r) => new URL(r.url()).pathname.startsWith('/api/uploads') && uploads.push(r);
    page.on('request', count);
    const { form, dialog } = await addToNewMessage(TOO_LARGE.file, { upload: false });
    const sentence = `${TOO_LARGE.file} is groter dan de toegestane 50 MB`;
    await dialog.getByText(sentence, { exact: false }).first().waitFor();
    await form.getByRole('alert').getByRole('listitem').filter({ hasText: sentence }).waitFor();
    assert.doesNotMatch(await everythingThePageSays(page), ENGLISH, 'no English sentence on the page');
    page.off('request', count);
    assert.equal(uploads.length, 0, 'not a byte of it is sent');
    await cancel(form, dialog);
  });

  it('says it in English in the English UI', async () => {
    await language('EN');
    await page.getByRole('tab', { name: /^Messages/, selected: true }).waitFor();
    await page.getByRole('button', { name: 'New message' }).waitFor();
    const { form, dialog } = await addToNewMessage('evil-renamed.pdf', { lang: 'en' });
    const sentence =
      'evil-renamed.pdf cannot be delivered: it is a program. Send a PDF, a photo or scan (JPEG, PNG, HEIC, TIFF) or an office document (DOCX, XLSX, ODT).';
    await dialog.getByText(sentence, { exact: false }).first().waitFor();
    await form.getByRole('alert').getByRole('listitem').filter({ hasText: sentence }).waitFor();
    const everything = await everythingThePageSays(page);
    assert.doesNotMatch(everything, /kan niet worden aangeleverd|is niet toegevoegd|Stuur een/, 'no Dutch sentence in the English UI');
    await viewportScreenshot(page, 'desktop-refused-program-en');
    await cancel(form, dialog, 'en');
    await language('NL');
  });
});
