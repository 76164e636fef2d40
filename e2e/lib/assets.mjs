// The web app's files as a browser receives them (e2e/browser-assets.test.mjs, bench/browser-assets.mjs).
import http from 'node:http';
import https from 'node:https';
import { PORTAL_URL } from './portal.mjs';

/**
 * One GET as the bytes travel: the body undecoded, the size of the status line and headers as received.
 * (fetch would decompress the body, and undici sends its own Accept-Encoding.) No acceptEncoding: none sent.
 */
export function rawGet(path, acceptEncoding) {
  const url = new URL(path, PORTAL_URL);
  const headers = { accept: '*/*' };
  if (acceptEncoding !== undefined) headers['accept-encoding'] = acceptEncoding;
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).get(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const headerBytes = Buffer.byteLength(
          `HTTP/${res.httpVersion} ${res.statusCode} ${res.statusMessage}\r\n` +
            res.rawHeaders.map((value, i) => (i % 2 === 0 ? `${value}: ` : `${value}\r\n`)).join('') +
            '\r\n',
        );
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks), headerBytes });
      });
    });
    request.on('error', reject);
    request.setTimeout(15000, () => request.destroy(new Error(`GET ${url} timed out`)));
  });
}

/** The scripts (src), module preloads and stylesheets (link href) that index.html links, as paths. */
export function linkedFiles(html) {
  const files = new Set();
  for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const src = tag.match(/\bsrc\s*=\s*["']([^"']+)["']/i)?.[1];
    const href = tag.match(/\bhref\s*=\s*["']([^"']+)["']/i)?.[1];
    const rel = tag.match(/\brel\s*=\s*["']([^"']+)["']/i)?.[1]?.toLowerCase();
    if (/^<script/i.test(tag) && src) files.add(src);
    if (/^<link/i.test(tag) && href && (rel === 'stylesheet' || rel === 'modulepreload')) files.add(href);
  }
  return [...files].map((file) => new URL(file, PORTAL_URL).pathname);
}
