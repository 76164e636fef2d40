#!/usr/bin/env node
// Creates the demo questionnaires, dossiers, documents, messages and questionnaires sent through the
// public staff API (as the back-office client), and a few messages from clients (signed in like a browser) so that
// the office's Werkvoorraad is not empty. Idempotent: a questionnaire or dossier that exists already is skipped, and
// documents, messages and questionnaires only go to a dossier created by this run.
//
//   node scripts/demo-data.mjs
//   KEYCLOAK_URL=http://localhost:8180 GATEWAY_URL=http://localhost:8080 node scripts/demo-data.mjs
//
// Node 20+, no dependencies (global fetch, FormData, Blob); the client's sign-in is the end-to-end tests' own.

import { readdirSync, readFileSync } from 'node:fs';
import { signIn } from '../e2e/lib/portal.mjs';

const KEYCLOAK_URL = process.env.KEYCLOAK_URL || 'http://localhost:8180';
const GATEWAY_URL = process.env.GATEWAY_URL || process.env.PORTAL_URL || 'http://localhost:8080';
const CLIENT_ID = 'back-office';
const CLIENT_SECRET = process.env.BACK_OFFICE_CLIENT_SECRET || 'back-office-local-secret';

const DOSSIERS = [
  {
    number: '2026-0001',
    description: 'Aankoop woning Dorpsstraat 12, Utrecht',
    status: 'IN_PROGRESS',
    parties: ['anna@example.com'],
    progress: [
      { title: 'Intake', done: true },
      { title: 'Stukken ontvangen', done: true },
      { title: 'Concept-akte opgesteld', done: true },
      { title: 'Concept-akte besproken', done: false },
      { title: 'Ondertekening', done: false },
      { title: 'Inschrijving kadaster', done: false },
    ],
    // the office's intake questionnaire (scripts/questionnaires/aankoop-woning.json), due in two weeks
    questionnaires: [{ key: 'aankoop-woning', recipient: 'anna@example.com', dueInDays: 14 }],
    messages: [
      {
        subject: 'Ontvangst stukken en checklist',
        body:
          'Beste mevrouw De Vries,\n\nWij hebben de koopovereenkomst van de woning aan de Dorpsstraat 12 ontvangen. ' +
          'In de bijlage vindt u de checklist van de stukken die wij nog van u nodig hebben. ' +
          'U kunt ze als bijlage bij een antwoord op dit bericht aanleveren.\n\nMet vriendelijke groet,\nMr. N. Notaris',
        attachment: { fileName: 'checklist-aankoop-woning.pdf', lines: ['Checklist aankoop woning', 'Kopie paspoort of ID-kaart', 'Hypotheekofferte', 'Bankafschrift eigen middelen'] },
      },
      {
        subject: 'Afspraak ondertekening',
        body:
          'Beste mevrouw De Vries,\n\nDe ondertekening van de akte van levering staat gepland op vrijdag 18 december om 10.00 uur ' +
          'op ons kantoor. Wilt u een geldig legitimatiebewijs meenemen?\n\nMet vriendelijke groet,\nMr. N. Notaris',
      },
    ],
    documents: [
      {
        title: 'Bevestiging opdracht',
        category: 'CORRESPONDENCE',
        fileName: 'bevestiging-opdracht.pdf',
        lines: ['Bevestiging opdracht', 'Dossier 2026-0001', 'Aankoop woning Dorpsstraat 12, Utrecht'],
      },
      {
        title: 'Concept-akte van levering',
        category: 'DOCUMENT',
        fileName: 'concept-akte-van-levering.pdf',
        lines: ['CONCEPT - Akte van levering', 'Dossier 2026-0001', 'Dorpsstraat 12, Utrecht'],
      },
    ],
  },
  { number: '2025-0107', description: 'Testament', status: 'COMPLETED', parties: ['anna@example.com'] },
  {
    number: '2026-0003',
    description: 'Huwelijkse voorwaarden',
    status: 'ON_HOLD',
    parties: ['anna@example.com'],
    // written by the client, so that the office's Werkvoorraad has something waiting on the first sign-in
    clientMessages: [
      {
        from: 'anna@example.com',
        subject: 'Vraag over de huwelijkse voorwaarden',
        body: 'Geachte notaris,\n\nKunnen wij de huwelijkse voorwaarden ook na de bruiloft nog laten vastleggen?\n\nMet vriendelijke groet,\nAnna de Vries',
      },
    ],
  },
  {
    number: '2026-0002',
    description: 'Oprichting holding Bakkerij Jansen B.V.',
    status: 'IN_PROGRESS',
    parties: ['jansen.bv@example.com'],
    clientMessages: [
      {
        from: 'jansen.bv@example.com',
        subject: 'Statuten holding',
        body: 'Goedemiddag,\n\nWanneer kunnen wij het concept van de statuten verwachten?\n\nMet vriendelijke groet,\nBakkerij Jansen B.V.',
      },
    ],
  },
];

class DemoDataError extends Error {}

async function getToken() {
  const url = `${KEYCLOAK_URL}/realms/notary-portal/protocol/openid-connect/token`;
  let response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
      }),
    });
  } catch (e) {
    throw new DemoDataError(`Keycloak not reachable at ${url}: ${e.cause?.message ?? e.message}`);
  }
  if (!response.ok) {
    throw new DemoDataError(`no token for ${CLIENT_ID}: HTTP ${response.status} ${await response.text()}`);
  }
  return (await response.json()).access_token;
}

/** Calls the gateway; returns the Response (the caller decides which statuses are fine). */
async function api(token, method, path, body) {
  const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
  let payload = body;
  if (body !== undefined && !(body instanceof FormData)) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  try {
    return await fetch(`${GATEWAY_URL}${path}`, { method, headers, body: payload });
  } catch (e) {
    throw new DemoDataError(`gateway not reachable at ${GATEWAY_URL}: ${e.cause?.message ?? e.message}`);
  }
}

async function expectOk(response, what) {
  if (!response.ok) {
    throw new DemoDataError(`${what}: HTTP ${response.status} ${await response.text()}`);
  }
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** A small valid one-page PDF (Helvetica text), with a correct cross-reference table. */
function minimalPdf(lines) {
  const escape = (s) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const text = lines
    .map((line, i) => `BT /F1 ${i === 0 ? 18 : 12} Tf 72 ${760 - i * 28} Td (${escape(line)}) Tj ET`)
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

async function createDossier(token, dossier) {
  const response = await api(token, 'POST', '/api/staff/dossiers', {
    number: dossier.number,
    description: dossier.description,
    status: dossier.status,
    parties: dossier.parties,
  });
  if (response.status === 409) {
    await response.body?.cancel();
    console.log(`  = dossier ${dossier.number} exists already, skipped`);
    return null;
  }
  const created = await expectOk(response, `creating dossier ${dossier.number}`);
  console.log(`  + dossier ${dossier.number} "${dossier.description}" (${dossier.status}) for ${dossier.parties.join(', ')}`);
  return created;
}

async function setProgress(token, dossierId, dossier) {
  await expectOk(
    await api(token, 'PUT', `/api/staff/dossiers/${dossierId}/progress`, { steps: dossier.progress }),
    `setting the progress of ${dossier.number}`,
  );
  const done = dossier.progress.filter((s) => s.done).length;
  console.log(`    progress: ${done} of ${dossier.progress.length} steps done`);
}

// Right after creating a dossier the other services know it too (they ask dossier-service about a
// dossier whose event has not reached them yet), so no waiting is needed.
async function publishDocument(token, dossierId, dossier, document) {
  const form = new FormData();
  form.append('file', new Blob([minimalPdf(document.lines)], { type: 'application/pdf' }), document.fileName);
  form.append('title', document.title);
  form.append('category', document.category);
  const response = await api(token, 'POST', `/api/staff/dossiers/${dossierId}/documents`, form);
  await expectOk(response, `publishing "${document.title}" to ${dossier.number}`);
  console.log(`    published ${document.category} "${document.title}" (${document.fileName})`);
}

async function sendMessage(token, dossierId, dossier, message) {
  const form = new FormData();
  form.append('subject', message.subject);
  form.append('body', message.body);
  if (message.attachment) {
    form.append('files', new Blob([minimalPdf(message.attachment.lines)], { type: 'application/pdf' }), message.attachment.fileName);
  }
  const response = await api(token, 'POST', `/api/staff/dossiers/${dossierId}/messages`, form);
  await expectOk(response, `sending "${message.subject}" to ${dossier.number}`);
  console.log(`    message "${message.subject}"${message.attachment ? ` with ${message.attachment.fileName}` : ''}`);
}

/** Uploads the office's questionnaire definitions (each upload of a key is its next version, so only once). */
async function publishQuestionnaires(token) {
  const folder = new URL('./questionnaires/', import.meta.url);
  // the folder also holds the answer-validation cases (validation-*.json), which are not questionnaires
  const definitions = readdirSync(folder).filter((name) => name.endsWith('.json') && !name.startsWith('validation-'));
  for (const file of definitions) {
    const definition = JSON.parse(readFileSync(new URL(file, folder), 'utf8'));
    const known = await api(token, 'GET', `/api/staff/questionnaires/${encodeURIComponent(definition.key)}`);
    if (known.status === 200) continue;
    await expectOk(await api(token, 'POST', '/api/staff/questionnaires', definition), `uploading questionnaire ${definition.key}`);
    console.log(`  questionnaire "${definition.title}"`);
  }
}

async function sendQuestionnaire(token, dossierId, dossier, questionnaire) {
  const dueDate = new Date(Date.now() + questionnaire.dueInDays * 86_400_000).toISOString().slice(0, 10);
  const response = await api(token, 'POST', `/api/staff/dossiers/${dossierId}/questionnaires`, {
    questionnaire: questionnaire.key,
    recipient: questionnaire.recipient,
    dueDate,
  });
  await expectOk(response, `sending questionnaire ${questionnaire.key} for ${dossier.number}`);
  console.log(`    questionnaire ${questionnaire.key} to ${questionnaire.recipient}, due ${dueDate}`);
}

/** A message from a client (signed in through the gateway like a browser, without a second factor). */
async function sendClientMessage(dossierId, dossier, message) {
  const client = await signIn(message.from);
  const response = await client.send('POST', `/api/dossiers/${dossierId}/messages`, {
    subject: message.subject, body: message.body, uploads: [],
  });
  if (response.status !== 201) {
    throw new DemoDataError(`message from ${message.from} in ${dossier.number}: ${response.status} ${response.text.slice(0, 300)}`);
  }
}

async function main() {
  const token = await getToken();
  console.log(`Demo data via ${GATEWAY_URL} (as ${CLIENT_ID}):`);
  await publishQuestionnaires(token);
  let created = 0;
  for (const dossier of DOSSIERS) {
    const result = await createDossier(token, dossier);
    if (!result) continue;
    created++;
    if (!result.id) throw new DemoDataError(`the created dossier ${dossier.number} has no id in the answer`);
    if (dossier.progress) await setProgress(token, result.id, dossier);
    for (const document of dossier.documents ?? []) {
      await publishDocument(token, result.id, dossier, document);
    }
    for (const message of dossier.messages ?? []) {
      await sendMessage(token, result.id, dossier, message);
    }
    for (const questionnaire of dossier.questionnaires ?? []) {
      await sendQuestionnaire(token, result.id, dossier, questionnaire);
    }
    for (const message of dossier.clientMessages ?? []) {
      await sendClientMessage(result.id, dossier, message);
    }
  }
  console.log(created ? `Created ${created} dossier(s).` : 'All demo data existed already.');
}

main().catch((e) => {
  console.error(`demo data failed: ${e instanceof DemoDataError ? e.message : e.stack}`);
  process.exit(1);
});
