#!/usr/bin/env node
// What the web app costs a browser to load, in bytes as they travel (the goal of issue 21: a first load of at most
// 130 KB compressed, a repeat visit under 5 KB). GETs / through the gateway with Accept-Encoding: br, then every
// script, module preload and stylesheet that index.html links, with node:http so that nothing is decompressed.
// - first load: the bodies of index.html and of the linked files, as transferred;
// - repeat visit: index.html again (no-cache: asked for every time), its status line and headers included; a linked
//   file is counted again (headers and body) unless its Cache-Control has `immutable` (then the browser does not
//   ask for it). It prints which files were counted and why.
// (e2e/browser-assets.test.mjs checks the same budgets and the headers in detail.)
//
// Run against a running local stack (./portal up):  node bench/browser-assets.mjs
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { linkedFiles, rawGet } from '../e2e/lib/assets.mjs';
import { PORTAL_URL } from '../e2e/lib/portal.mjs';
import { record } from './lib.mjs';

const ACCEPT_ENCODING = 'br';
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const get = async (path) => {
  const response = await rawGet(path, ACCEPT_ENCODING);
  return { ...response, bodyBytes: response.body.length };
};

const immutable = (response) => /(^|,)\s*immutable\s*(,|$)/i.test(response.headers['cache-control'] ?? '');

async function main() {
  const index = await get('/');
  if (index.status !== 200) throw new Error(`GET / answered ${index.status}`);
  const decode = { br: brotliDecompressSync, gzip: gunzipSync }[index.headers['content-encoding']] ?? ((bytes) => bytes);
  const files = [];
  for (const file of linkedFiles(decode(index.body).toString('utf8'))) {
    const response = await get(file);
    if (response.status !== 200) throw new Error(`GET ${file} answered ${response.status}`);
    files.push({
      path: file, bodyBytes: response.bodyBytes, headerBytes: response.headerBytes,
      encoding: response.headers['content-encoding'] ?? 'none', cacheControl: response.headers['cache-control'] ?? '',
      immutable: immutable(response),
    });
  }
  const firstLoad = index.bodyBytes + files.reduce((sum, f) => sum + f.bodyBytes, 0);
  const again = files.filter((f) => !f.immutable);
  const repeatVisit = index.headerBytes + index.bodyBytes + again.reduce((sum, f) => sum + f.headerBytes + f.bodyBytes, 0);
  const repeatWhat = `index.html ${index.bodyBytes} B + ${index.headerBytes} B of headers`
    + (again.length ? `; asked again (not immutable): ${again.map((f) => f.path).join(', ')}` : `; the ${files.length} linked files immutable, not asked again`);

  console.log(`Web app through the gateway at ${PORTAL_URL} (Accept-Encoding: ${ACCEPT_ENCODING}; bytes as transferred)\n`);
  console.log(`index.html: ${index.bodyBytes} B (${index.headers['content-encoding'] ?? 'not compressed'}), Cache-Control ${index.headers['cache-control']}`);
  for (const f of files) console.log(`${f.path}: ${f.bodyBytes} B (${f.encoding}), Cache-Control ${f.cacheControl}`);
  console.log(`\nfirst load: ${kb(firstLoad)} (${firstLoad} B, index.html and ${files.length} linked files)`);
  console.log(`repeat visit: ${kb(repeatVisit)} (${repeatVisit} B: ${repeatWhat})`);
  record('browser', {
    acceptEncoding: ACCEPT_ENCODING, index: { bodyBytes: index.bodyBytes, headerBytes: index.headerBytes,
      encoding: index.headers['content-encoding'] ?? 'none', cacheControl: index.headers['cache-control'] ?? '' },
    files, firstLoad, repeatVisit, repeatWhat,
  });
}

main().catch((error) => {
  console.error(`browser-assets benchmark failed: ${error.message}`);
  process.exit(1);
});
