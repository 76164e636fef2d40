// e. A gateway instance killed (SIGKILL) in the middle of a 100 MB resumable (tus) upload: the client carries on
// through the other gateway (8088, same sessions), from the offset the server kept, and the stored file is byte
// for byte the one sent (filed with a message, downloaded, compared by SHA-256). The killed gateway is restarted
// and serves the same session again.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import { GATEWAY_REPLICA_URL, GATEWAY_URL, RUN, figure, kill, restart, seconds, sleep, waitFor } from './lib/stack.mjs';
import { UPLOAD_LIMIT_FOR_E, ensureRunsWith } from './lib/overrides.mjs';
import { clients, dossiers, office, signIn } from './lib/work.mjs';

const SCENARIO = 'e';
const SIZE = Number(process.env.RELIABILITY_UPLOAD_MB ?? 100) * 1024 * 1024;
const CHUNK = 5 * 1024 * 1024; // the web app's tus chunk
const KILL_AT = 0.4; // the gateway dies in the PATCH that starts after 40 %
const b64 = (s) => Buffer.from(s).toString('base64');
const agent = new http.Agent({ keepAlive: true });

/** One request with the client's session; `cut`: write that many bytes, run cut.then(), then try to write the rest. */
function request(client, base, method, path, headers, body = Buffer.alloc(0), cut) {
  return new Promise((resolve) => {
    const req = http.request(new URL(path, base), {
      method, agent, headers: { ...client.sessionHeaders(), 'tus-resumable': '1.0.0', ...headers },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
      res.on('error', (e) => resolve({ status: 0, error: e.message }));
    });
    req.on('error', (e) => resolve({ status: 0, error: e.message }));
    if (!cut) {
      req.end(body);
      return;
    }
    req.write(body.subarray(0, cut.after), async () => {
      await cut.then();
      req.end(body.subarray(cut.after));
    });
  });
}

/** The upload's offset as the server has it, once it stops moving (bytes of a dropped request may still be arriving). */
async function settledOffset(client, base, location) {
  let previous = -1;
  return waitFor('the offset settles', async () => {
    const head = await request(client, base, 'HEAD', location, {});
    if (head.status !== 200) throw new Error(`HEAD answered ${head.status}`);
    const offset = Number(head.headers['upload-offset']);
    const settled = offset === previous;
    previous = offset;
    if (!settled) await sleep(300);
    return settled && { offset };
  }, { timeoutMs: 30_000, intervalMs: 0 }).then((r) => r.offset);
}

describe(`e. a gateway killed during a ${SIZE / 1024 / 1024} MB resumable upload`, { timeout: 240_000 }, () => {
  let staffApi;
  let client;
  let dossier;
  let restarting;
  const bytes = randomBytes(SIZE);
  Buffer.from('%PDF-1.7\n').copy(bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let uploadId;

  before(async () => {
    const limitMs = await ensureRunsWith('document-service', UPLOAD_LIMIT_FOR_E);
    if (limitMs) figure(SCENARIO, 'document-service restarted with UPLOAD_MAX_FILE_SIZE=110MB', seconds(limitMs));
    staffApi = await office();
    const [email] = await clients(SCENARIO, 1);
    [dossier] = await dossiers(staffApi, SCENARIO, [email], 1);
    client = await signIn(email);
    assert.equal((await client.get('/api/me')).status, 200);
  });

  after(async () => {
    await restarting?.catch(() => {});
  });

  it('continues the upload through the other gateway after the first one dies', async () => {
    const created = await client.send('POST', '/api/uploads/tus', undefined, {
      headers: { 'tus-resumable': '1.0.0', 'upload-length': String(SIZE), 'upload-metadata': `filename ${b64(`groot-${RUN}.pdf`)},dossierId ${b64(dossier.id)}` },
    });
    assert.equal(created.status, 201, created.text);
    const location = created.headers.get('location');
    uploadId = location.split('/').pop();

    const started = Date.now();
    let offset = 0;
    let sent = 0;
    let base = GATEWAY_URL;
    let killedAt;
    let offsetAfterKill;
    while (offset < SIZE) {
      const end = Math.min(offset + CHUNK, SIZE);
      const body = bytes.subarray(offset, end);
      const killNow = killedAt === undefined && offset >= SIZE * KILL_AT;
      const cut = killNow ? {
        after: Math.floor(body.length / 2),
        then: async () => {
          killedAt = offset + Math.floor(body.length / 2);
          await kill('gateway', 'KILL');
          restarting = restart('gateway');
        },
      } : undefined;
      const patched = await request(client, base, 'PATCH', location, {
        'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream', 'content-length': String(body.length),
      }, body, cut);
      sent += killNow ? Math.floor(body.length / 2) : body.length;
      if (killNow) {
        assert.notEqual(patched.status, 204, 'the PATCH through the killed gateway did not complete');
        base = GATEWAY_REPLICA_URL;
        offset = await settledOffset(client, base, location);
        offsetAfterKill = offset;
        continue;
      }
      if (patched.status === 409) {
        offset = await settledOffset(client, base, location);
        continue;
      }
      assert.equal(patched.status, 204, `PATCH at ${offset} through ${base}: ${patched.status} ${patched.text ?? patched.error}`);
      offset = Number(patched.headers['upload-offset']);
    }
    const mb = (n) => (n / 1024 / 1024).toFixed(1);
    figure(SCENARIO, 'gateway 8080 killed', `after ${mb(killedAt)} MB sent; the server kept ${mb(offsetAfterKill)} MB; continued through 8088`);
    figure(SCENARIO, 'bytes sent again after the kill', `${mb(sent - SIZE)} MB`);
    figure(SCENARIO, 'upload time', seconds(Date.now() - started));
    assert.ok(offsetAfterKill <= killedAt, 'the server kept no more than was sent');

    const upload = await request(client, base, 'GET', `/api/uploads/${uploadId}`, { accept: 'application/json' });
    assert.equal(upload.status, 200, upload.text);
    const view = JSON.parse(upload.text);
    assert.equal(view.size, SIZE);
    assert.equal(view.received, SIZE);
  });

  it('stores the file byte for byte: filed with a message, downloaded through the other gateway', async () => {
    const message = await request(client, GATEWAY_REPLICA_URL, 'POST', `/api/dossiers/${dossier.id}/messages`,
      { 'content-type': 'application/json', accept: 'application/json' },
      Buffer.from(JSON.stringify({ subject: `Groot bestand ${RUN}`, body: 'Na een onderbroken upload', uploads: [uploadId] })));
    assert.equal(message.status, 201, message.text);
    const documentId = JSON.parse(message.text).attachments[0].documentId;
    const started = Date.now();
    const digest = await new Promise((resolve, reject) => {
      http.get(new URL(`/api/documents/${documentId}/content`, GATEWAY_REPLICA_URL), { headers: client.sessionHeaders() }, (res) => {
        if (res.statusCode !== 200) { reject(new Error(`download answered ${res.statusCode}`)); res.resume(); return; }
        const hash = createHash('sha256');
        let length = 0;
        res.on('data', (chunk) => { hash.update(chunk); length += chunk.length; });
        res.on('end', () => resolve({ sha256: hash.digest('hex'), length }));
        res.on('error', reject);
      }).on('error', reject);
    });
    figure(SCENARIO, 'download of the stored file', `${seconds(Date.now() - started)}, ${digest.length} bytes`);
    assert.equal(digest.length, SIZE);
    assert.equal(digest.sha256, sha256, 'SHA-256 of the stored file equals the one sent');
    figure(SCENARIO, 'stored file', 'byte-identical (SHA-256)');
  });

  it('restarts the killed gateway, which serves the same session again', async () => {
    const ms = await restarting;
    figure(SCENARIO, 'gateway restart until ready', seconds(ms));
    await waitFor('the session works through the restarted gateway', async () => (await client.get('/api/me')).status === 200, { timeoutMs: 20_000 });
  });
});
