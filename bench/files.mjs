#!/usr/bin/env node
// Benchmark of large files through the gateway: a 100 MB resumable (tus) upload, the same upload
// cut off at about half and resumed, and a 1 GB download. Prints the time against a raw loopback
// copy of the same bytes, the bytes sent again after the resume, and the heap of the gateway and
// document-service while the file passes: what outlived a collection (a file buffered in the heap would
// stay there: streamed, it must grow less than 64 MB), and the CPU per MB of each component.
// The 1 GB download is made three ways with the same client code, to show which hop costs what:
// through the gateway (session cookie), directly from document-service (the bench client's bearer
// token), and from a trivial node:http server on loopback streaming the same bytes from disk (the
// reference); it prints the MB/s of each and gateway ÷ loopback.
//
// Run against a running local stack whose upload limit allows the 1 GB file:
//   UPLOAD_MAX_FILE_SIZE=1100MB ./portal up        (in another terminal)
//   node bench/files.mjs
// Before the measured upload, BENCH_UPLOAD_WARMUP_MB of other files go the same way, unmeasured: the
// first uploads of a fresh stack run compiled code only part of the way (see docs/capacity.md); with the
// full JIT a 100 MB upload still ran 20-40 % slower after 100 MB of warm-up than after 300.
// A PATCH that gets no answer or a 5xx is retried after the web app's delays (web/src/lib/tusUploads.ts)
// from the offset the server kept, as tus clients do; the retries are printed beside the figure.
// Options (environment): BENCH_UPLOAD_MB (100), BENCH_DOWNLOAD_MB (1024; 0 leaves the download out),
// BENCH_CHUNK_MB (5, the web app's tus chunk), BENCH_UPLOAD_WARMUP_MB (300; 0 leaves the warm-up out).
// Local development only: it uses the benchmark's own client account (see bench/lib.mjs).
import http from 'node:http';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { PORTAL_URL, backOfficeToken, signIn, staff } from '../e2e/lib/portal.mjs';
import {
  BENCH_EMAIL, accessToken, describeCpu, ensureBenchUser, heapGrowthMb, mb, withCpu, withHeapSampling, record,
} from './lib.mjs';

const UPLOAD_MB = Number(process.env.BENCH_UPLOAD_MB ?? 100);
const DOWNLOAD_MB = Number(process.env.BENCH_DOWNLOAD_MB ?? 1024);
const CHUNK = Number(process.env.BENCH_CHUNK_MB ?? 5) * 1024 * 1024;
const UPLOAD_WARMUP_MB = Number(process.env.BENCH_UPLOAD_WARMUP_MB ?? 300);
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10000, 20000];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const DOCUMENT_SERVICE_URL = process.env.DOCUMENT_SERVICE_URL ?? 'http://localhost:8084';
const SERVICES = { gateway: PORTAL_URL, 'document-service': DOCUMENT_SERVICE_URL };
const b64 = (s) => Buffer.from(s).toString('base64');

function pdfBytes(size) {
  const bytes = randomBytes(size);
  Buffer.from('%PDF-1.7\n').copy(bytes);
  return bytes;
}

/** Sends `body` (Buffer) as one request over a kept connection; resolves with the answer's status and headers. */
function send(client, method, target, headers, body, { cutAfter } = {}) {
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(target, PORTAL_URL), {
      method, agent: keepAlive, headers: { ...client.sessionHeaders(), 'tus-resumable': '1.0.0', ...headers },
    }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => { text += chunk; });
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, text }));
    });
    request.on('error', (e) => (cutAfter ? resolve({ status: 0 }) : reject(e)));
    if (cutAfter) {
      request.write(body.subarray(0, cutAfter), () => setTimeout(() => { request.destroy(); resolve({ status: 0 }); }, 300));
    } else {
      request.end(body);
    }
  });
}
const keepAlive = new http.Agent({ keepAlive: true });

async function tusUpload(client, dossierId, fileName, bytes, { cutAt } = {}) {
  const created = await send(client, 'POST', '/api/uploads/tus', {
    'upload-length': String(bytes.length),
    'upload-metadata': `filename ${b64(fileName)},dossierId ${b64(dossierId)}`,
  }, Buffer.alloc(0));
  if (created.status !== 201) throw new Error(`tus creation answered ${created.status}`);
  const location = created.headers.location;
  let offset = 0;
  let sent = 0;
  if (cutAt) {
    // one PATCH announcing everything, dropped after `cutAt` bytes, as on a bad mobile connection
    await send(client, 'PATCH', location, { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream',
      'content-length': String(bytes.length) }, bytes, { cutAfter: cutAt });
    sent += cutAt;
    offset = await settledOffset(client, location);
  }
  const resumedAt = offset;
  let retries = 0;
  while (offset < bytes.length) {
    const end = Math.min(offset + CHUNK, bytes.length);
    const patched = await send(client, 'PATCH', location, { 'upload-offset': String(offset),
      'content-type': 'application/offset+octet-stream' }, bytes.subarray(offset, end)).catch((e) => ({ status: 0, text: e.message }));
    sent += end - offset;
    if (patched.status === 204) {
      offset = Number(patched.headers['upload-offset']);
      continue;
    }
    const unanswered = patched.status === 0 || patched.status >= 500;
    if (!unanswered && patched.status !== 409) throw new Error(`PATCH at ${offset} answered ${patched.status}: ${patched.text}`);
    if (unanswered) {
      if (retries === RETRY_DELAYS.length) throw new Error(`PATCH at ${offset} failed ${retries + 1} times, last: ${patched.status} ${patched.text}`);
      await sleep(RETRY_DELAYS[retries++]);
    }
    // the server was still taking in bytes of a dropped request, or did not answer: ask where it is, as tus clients do
    offset = await settledOffset(client, location);
  }
  return { uploadId: location.split('/').pop(), sent, resumedAt, retries };
}

/** The upload's offset once it stops moving (bytes of a dropped request may still be arriving). */
async function settledOffset(client, location) {
  let previous = -1;
  for (let unanswered = 0; unanswered < 30;) {
    const head = await send(client, 'HEAD', location, {}, Buffer.alloc(0)).catch(() => ({ headers: {} }));
    if (head.headers['upload-offset'] === undefined) {
      unanswered++;
      await sleep(1000);
      continue;
    }
    const offset = Number(head.headers['upload-offset']);
    if (offset === previous) return offset;
    previous = offset;
    await sleep(300);
  }
  throw new Error(`HEAD ${location} got no offset 30 times`);
}

/** The same bytes through a plain loopback HTTP server that only reads them: the floor for the upload. */
async function rawLoopbackUpload(bytes) {
  const server = http.createServer((request, response) => { request.resume(); request.on('end', () => response.end()); });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const started = performance.now();
  for (let offset = 0; offset < bytes.length; offset += CHUNK) {
    await new Promise((resolve, reject) => {
      const request = http.request({ host: '127.0.0.1', port: server.address().port, method: 'PATCH', agent: keepAlive },
        (response) => { response.resume(); response.on('end', resolve); });
      request.on('error', reject);
      request.end(bytes.subarray(offset, Math.min(offset + CHUNK, bytes.length)));
    });
  }
  const seconds = (performance.now() - started) / 1000;
  server.close();
  return seconds;
}

/** GETs `url` and counts the bytes as they arrive (nothing kept); resolves with the bytes and seconds. */
async function download(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let received = 0;
    http.get(url, { headers }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(new Error(`GET ${url} answered ${response.statusCode}`));
        return;
      }
      response.on('data', (chunk) => { received += chunk.length; });
      response.on('end', () => resolve({ received, seconds: (performance.now() - started) / 1000 }));
    }).on('error', reject);
  });
}

/** A trivial node:http server on loopback that streams `file` from disk to every GET; resolves with its URL and a close(). */
async function loopbackFileServer(file, size) {
  const server = http.createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': size });
    createReadStream(file).pipe(response);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/big.pdf`, close: () => new Promise((resolve) => server.close(resolve)) };
}

async function rawRead(file) {
  const started = performance.now();
  let received = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) received += chunk.length;
  return { received, seconds: (performance.now() - started) / 1000 };
}

async function sendMessage(client, dossierId, uploadId) {
  const sent = await client.send('POST', `/api/dossiers/${dossierId}/messages`, { subject: 'Benchmark', body: 'Groot bestand', uploads: [uploadId] });
  if (sent.status !== 201) throw new Error(`sending the message answered ${sent.status}: ${sent.text}`);
  const documentId = sent.json.attachments[0].documentId;
  for (let i = 0; i < 100; i++) {
    const tab = await client.get(`/api/dossiers/${dossierId}/documents?category=DELIVERED&size=100`);
    if (tab.json?.items?.some((d) => d.id === documentId)) return documentId;
    await sleep(300);
  }
  throw new Error('the delivered document was not filed');
}

/** Runs `work` (resolving with an object); adds `cpuMsPerMb`, the CPU ms per MB passed of each component that worked. */
const withCpuPerMb = (passedMb, work) => withCpu(work, { units: () => passedMb, key: 'cpuMsPerMb' });

/** One service's heap figures of a {@link heapGrowthMb} answer. */
function describeHeap({ held, used }) {
  return `held ${held >= 0 ? '+' : '−'}${Math.abs(held).toFixed(1)} MB (outlived a collection); `
    + `used rose by ${used.toFixed(1)} MB (young garbage included)`;
}

const retried = ({ retries }) => (retries ? `; ${retries} PATCH retried (no answer or 5xx), waits included` : '');

function row(cells) {
  console.log(`| ${cells.join(' | ')} |`);
  if (cells[0] !== 'measurement' && cells[0] !== '---') record('files', { measurement: cells[0], value: cells[1] });
}

async function main() {
  await ensureBenchUser();
  const office = staff(await backOfficeToken());
  const client = await signIn(BENCH_EMAIL);
  const dossier = await office.createDossier({ number: `BENCH-FILES-${Date.now()}`, description: 'Grote bestanden', parties: [BENCH_EMAIL] });
  if (dossier.status !== 201) throw new Error(`creating the dossier answered ${dossier.status}`);
  const dossierId = dossier.json.id;

  const upload = pdfBytes(UPLOAD_MB * 1024 * 1024);
  console.log(`Files through the gateway at ${PORTAL_URL} (tus chunks of ${mb(CHUNK)} MB; heap from /actuator/prometheus, every 250 ms)\n`);
  const raw = await rawLoopbackUpload(upload);
  for (let warmed = 0; warmed < UPLOAD_WARMUP_MB; warmed += 20) {
    await tusUpload(client, dossierId, `bench-warm-up-${warmed}.pdf`, upload.subarray(0, Math.min(20, UPLOAD_WARMUP_MB - warmed) * 1024 * 1024));
  }
  const whole = await withHeapSampling(SERVICES, () => withCpuPerMb(UPLOAD_MB, async () => {
    const started = performance.now();
    const result = await tusUpload(client, dossierId, 'bench-100mb.pdf', upload);
    return { ...result, seconds: (performance.now() - started) / 1000 };
  }));
  const resumed = await withHeapSampling(SERVICES, () => tusUpload(client, dossierId, 'bench-resumed.pdf', upload,
    { cutAt: Math.floor(upload.length / 2) }));

  row(['measurement', 'value']);
  row(['---', '---']);
  const figures = {
    upload: { mb: UPLOAD_MB, seconds: whole.result.seconds, loopbackSeconds: raw, heapGrowthMb: heapGrowthMb(whole) },
  };
  row([`${UPLOAD_MB} MB upload through the gateway (tus, after ${UPLOAD_WARMUP_MB} MB of warm-up uploads)`,
    `${whole.result.seconds.toFixed(2)} s (${(UPLOAD_MB / whole.result.seconds).toFixed(0)} MB/s)${retried(whole.result)}`]);
  row([`${UPLOAD_MB} MB raw loopback copy (same chunks)`, `${raw.toFixed(2)} s (${(UPLOAD_MB / raw).toFixed(0)} MB/s); gateway path ${(whole.result.seconds / raw).toFixed(1)}× slower`]);
  for (const [name, growth] of Object.entries(figures.upload.heapGrowthMb)) {
    row([`heap during the upload: ${name}`, describeHeap(growth)]);
  }
  row(['CPU per MB during the upload (ms)', describeCpu(whole.result.cpuMsPerMb)]);
  const resentBytes = resumed.result.sent - upload.length;
  row(['upload cut off at half, then resumed: bytes kept by the server at the cut', `${mb(resumed.result.resumedAt)} MB of ${mb(upload.length / 2)} MB sent`]);
  row(['bytes sent again after the resume', `${mb(resentBytes)} MB (${resentBytes} bytes)`]);

  const documentId = await sendMessage(client, dossierId, whole.result.uploadId);
  if (DOWNLOAD_MB > 0) {
    const big = pdfBytes(DOWNLOAD_MB * 1024 * 1024);
    const folder = await mkdtemp(path.join(tmpdir(), 'bench-files-'));
    const file = path.join(folder, 'big.pdf');
    await writeFile(file, big);
    let bigId;
    try {
      const bigUpload = await withHeapSampling(SERVICES, () => withCpuPerMb(DOWNLOAD_MB, async () => {
        const started = performance.now();
        const result = await tusUpload(client, dossierId, 'bench-1gb.pdf', big);
        return { ...result, seconds: (performance.now() - started) / 1000 };
      }));
      row([`${DOWNLOAD_MB} MB upload through the gateway (tus)`, `${bigUpload.result.seconds.toFixed(1)} s (${(DOWNLOAD_MB / bigUpload.result.seconds).toFixed(0)} MB/s)${retried(bigUpload.result)}`]);
      for (const [name, growth] of Object.entries(heapGrowthMb(bigUpload))) {
        row([`heap during the ${DOWNLOAD_MB} MB upload: ${name}`, describeHeap(growth)]);
      }
      row([`CPU per MB during the ${DOWNLOAD_MB} MB upload (ms)`, describeCpu(bigUpload.result.cpuMsPerMb)]);
      bigId = await sendMessage(client, dossierId, bigUpload.result.uploadId);
      const rawDownload = await rawRead(file);
      const loopbackServer = await loopbackFileServer(file, big.length);
      let loopback;
      try {
        loopback = await download(loopbackServer.url);
      } finally {
        await loopbackServer.close();
      }
      const token = await accessToken();
      const direct = await withHeapSampling({ 'document-service': DOCUMENT_SERVICE_URL }, () => withCpuPerMb(DOWNLOAD_MB,
        () => download(new URL(`/api/documents/${bigId}/content`, DOCUMENT_SERVICE_URL), { authorization: `Bearer ${token}` })));
      const got = await withHeapSampling(SERVICES, () => withCpuPerMb(DOWNLOAD_MB,
        () => download(new URL(`/api/documents/${bigId}/content`, PORTAL_URL), client.sessionHeaders())));
      for (const [name, run] of [['loopback', loopback], ['direct', direct.result], ['gateway', got.result]]) {
        if (run.received !== big.length) throw new Error(`${name} download: ${run.received} of ${big.length} bytes`);
      }
      const rate = (seconds) => `${seconds.toFixed(2)} s (${(DOWNLOAD_MB / seconds).toFixed(0)} MB/s)`;
      row([`${DOWNLOAD_MB} MB download through the gateway`, rate(got.result.seconds)]);
      row([`${DOWNLOAD_MB} MB download directly from document-service (bearer token)`, rate(direct.result.seconds)]);
      row([`${DOWNLOAD_MB} MB loopback HTTP copy of the same file (node:http streaming it from disk)`, `${rate(loopback.seconds)}; `
        + `gateway ÷ loopback ${(loopback.seconds / got.result.seconds).toFixed(2)}×, direct ÷ loopback ${(loopback.seconds / direct.result.seconds).toFixed(2)}×`]);
      row([`${DOWNLOAD_MB} MB raw read of the same bytes from disk`, `${rawDownload.seconds.toFixed(2)} s (${(DOWNLOAD_MB / rawDownload.seconds).toFixed(0)} MB/s)`]);
      for (const [name, growth] of Object.entries(heapGrowthMb(got))) {
        row([`heap during the download: ${name}`, describeHeap(growth)]);
      }
      row(['heap during the direct download: document-service', describeHeap(heapGrowthMb(direct)['document-service'])]);
      row(['CPU per MB during the download through the gateway (ms)', describeCpu(got.result.cpuMsPerMb)]);
      row(['CPU per MB during the direct download (ms)', describeCpu(direct.result.cpuMsPerMb)]);
      figures.download = {
        mb: DOWNLOAD_MB, gatewaySeconds: got.result.seconds, directSeconds: direct.result.seconds, loopbackSeconds: loopback.seconds,
        heapGrowthMb: heapGrowthMb(got), directHeapGrowthMb: heapGrowthMb(direct),
      };
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }
  record('files-figures', figures);
  console.log(`\n(delivered document ${documentId} in dossier ${dossierId})`);
}

main().catch((e) => {
  console.error(`files benchmark failed: ${e.message}`);
  process.exit(1);
});
