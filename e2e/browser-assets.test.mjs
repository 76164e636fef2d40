// The browser's own path (issue 21): what the web app costs a browser to load. The gateway sends the web build's
// brotli (or gzip) copies of the scripts and stylesheets, keeps the content-named files under /assets/ in the
// browser's cache for a year (immutable), has index.html asked for every time (no-cache) and leaves the API's
// answers never stored (no-store). Checks, with the bytes as they travel (no decompression by the client):
// - the first load (index.html and the scripts and stylesheets it links) is at most 130 KB compressed;
// - a repeat visit transfers less than 5 KB: the linked files are not asked for again, index.html is small;
// - the copies are the files themselves once decompressed, with the file's Content-Type and Vary: Accept-Encoding.
// Run against the running stack:  cd e2e && node --test browser-assets.test.mjs   (PORTAL_URL defaults to :8080)
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { linkedFiles, rawGet as get } from './lib/assets.mjs';
import { anonymous, portalReachable, signIn } from './lib/portal.mjs';

/** What Chrome and Firefox send over HTTPS (brotli last in their list). */
const BROWSER = 'gzip, deflate, br, zstd';
const GZIP_ONLY = 'gzip, deflate';
const FIRST_LOAD_BUDGET = 130 * 1024;
const REPEAT_VISIT_BUDGET = 5 * 1024;
const YEAR = 365 * 24 * 60 * 60;
/** Vite's output names: name-<8 characters of the content hash>.js|css under /assets/. */
const CONTENT_NAMED = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.(js|css)$/;
const ANNA = 'anna@example.com';

/** The Cache-Control directives, lower case, e.g. { 'max-age': '31536000', public: true }. */
function directives(response) {
  return Object.fromEntries(
    (response.headers['cache-control'] ?? '')
      .split(',')
      .map((directive) => directive.trim().toLowerCase())
      .filter(Boolean)
      .map((directive) => {
        const [name, value] = directive.split('=');
        return [name, value === undefined ? true : value.replace(/"/g, '')];
      }),
  );
}

const varies = (response) => /(^|,)\s*accept-encoding\s*(,|$)/i.test(response.headers.vary ?? '');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function assertImmutable(response, file) {
  const cache = directives(response);
  assert.equal(cache['max-age'], String(YEAR), `${file}: Cache-Control ${response.headers['cache-control']}`);
  assert.ok(cache.public && cache.immutable, `${file}: Cache-Control ${response.headers['cache-control']}`);
  assert.ok(!cache['no-store'] && !cache['no-cache'], `${file}: Cache-Control ${response.headers['cache-control']}`);
  assert.equal(response.headers.pragma, undefined, `${file}: Pragma`);
  assert.equal(response.headers.expires, undefined, `${file}: Expires`);
}

function assertContentType(response, file) {
  const expected = file.endsWith('.css') ? /^text\/css\b/ : /^(text|application)\/javascript\b/;
  assert.match(response.headers['content-type'] ?? '', expected, `${file}: Content-Type`);
}

describe('the browser loads the web app compressed and once (issue 21)', () => {
  let index;
  let files;
  /** Each linked file as it is (no Accept-Encoding), to compare the copies with. */
  const plain = new Map();

  before(async () => {
    assert.ok(await portalReachable(), 'the gateway does not answer (start the stack first)');
    index = await get('/', BROWSER);
    assert.equal(index.status, 200);
    files = linkedFiles(index.body.toString('utf8'));
    for (const file of files) {
      const response = await get(file);
      assert.equal(response.status, 200, `${file}: ${response.status}`);
      plain.set(file, response.body);
    }
  });

  it('index.html is asked for every time and links only content-named files under /assets/', () => {
    assert.match(index.headers['content-type'] ?? '', /^text\/html\b/);
    const cache = directives(index);
    assert.ok(cache['no-cache'], `Cache-Control ${index.headers['cache-control']}`);
    assert.ok(!cache['no-store'] && !cache.immutable, `Cache-Control ${index.headers['cache-control']}`);
    assert.ok(files.some((file) => file.endsWith('.js')), `no script linked: ${files}`);
    assert.ok(files.some((file) => file.endsWith('.css')), `no stylesheet linked: ${files}`);
    for (const file of files) assert.match(file, CONTENT_NAMED);
  });

  it(`the first load is at most ${kb(FIRST_LOAD_BUDGET)} with brotli`, async (t) => {
    let total = index.body.length;
    const sizes = [`index.html ${index.body.length} B${index.headers['content-encoding'] ? ` (${index.headers['content-encoding']})` : ''}`];
    for (const file of files) {
      const response = await get(file, BROWSER);
      assert.equal(response.status, 200, file);
      assert.equal(response.headers['content-encoding'], 'br', `${file}: brotli first, whatever the browser's order`);
      assert.ok(varies(response), `${file}: Vary ${response.headers.vary}`);
      assertContentType(response, file);
      assertImmutable(response, file);
      assert.equal(Number(response.headers['content-length']), response.body.length, `${file}: Content-Length`);
      assert.ok(brotliDecompressSync(response.body).equals(plain.get(file)), `${file}: the brotli copy is not the file`);
      total += response.body.length;
      sizes.push(`${file} ${kb(plain.get(file).length)} → br ${kb(response.body.length)}`);
    }
    t.diagnostic(`first load ${kb(total)} compressed: ${sizes.join('; ')}`);
    assert.ok(total <= FIRST_LOAD_BUDGET, `first load ${kb(total)} > ${kb(FIRST_LOAD_BUDGET)}`);
  });

  it('a browser without brotli gets the gzip copies', async (t) => {
    let total = index.body.length;
    for (const file of files) {
      const response = await get(file, GZIP_ONLY);
      assert.equal(response.status, 200, file);
      assert.equal(response.headers['content-encoding'], 'gzip', file);
      assert.ok(varies(response), `${file}: Vary ${response.headers.vary}`);
      assertContentType(response, file);
      assertImmutable(response, file);
      assert.ok(gunzipSync(response.body).equals(plain.get(file)), `${file}: the gzip copy is not the file`);
      total += response.body.length;
    }
    t.diagnostic(`first load with gzip: ${kb(total)}`);
  });

  it('a client that accepts no encoding gets the files themselves', async () => {
    for (const file of files) {
      for (const acceptEncoding of [undefined, 'identity']) {
        const response = await get(file, acceptEncoding);
        assert.equal(response.status, 200, file);
        assert.equal(response.headers['content-encoding'], undefined, `${file} (Accept-Encoding ${acceptEncoding})`);
        assert.ok(response.body.equals(plain.get(file)), file);
        assertContentType(response, file);
        assertImmutable(response, file);
        if (plain.get(file).length >= 1024) assert.ok(varies(response), `${file}: Vary ${response.headers.vary}`);
      }
    }
  });

  it(`a repeat visit transfers less than ${kb(REPEAT_VISIT_BUDGET)}`, async (t) => {
    // the linked files are immutable and fresh for a year (checked above): the browser does not ask for them again;
    // it asks for index.html again, which links the same files as long as no new build was deployed
    const again = await get('/', BROWSER);
    assert.equal(again.status, 200);
    assert.deepEqual(linkedFiles(again.body.toString('utf8')), files);
    const transferred = again.headerBytes + again.body.length;
    t.diagnostic(`repeat visit: index.html ${again.body.length} B + ${again.headerBytes} B of headers`);
    assert.ok(transferred < REPEAT_VISIT_BUDGET, `repeat visit ${kb(transferred)} ≥ ${kb(REPEAT_VISIT_BUDGET)}`);
  });

  it("deep links answer index.html, asked for every time; a missing asset is a 404, not the page", async () => {
    const deepLink = await get('/dossiers/onbekend', BROWSER);
    assert.equal(deepLink.status, 200);
    assert.match(deepLink.headers['content-type'] ?? '', /^text\/html\b/);
    assert.ok(directives(deepLink)['no-cache'], `Cache-Control ${deepLink.headers['cache-control']}`);
    const missing = await get('/assets/index-00000000.js', BROWSER);
    assert.equal(missing.status, 404);
  });

  it("the API's answers are never stored", async () => {
    const refused = await anonymous().get('/api/me');
    assert.equal(refused.status, 401);
    assert.match(refused.headers.get('cache-control') ?? '', /no-store/);
    const anna = await signIn(ANNA);
    const me = await anna.get('/api/me');
    assert.equal(me.status, 200, me.text);
    assert.match(me.headers.get('cache-control') ?? '', /no-store/);
  });
});
