// What the scenarios publish, through the gateway as the office's tools and clients' browsers do: dossiers,
// documents, messages and questionnaires sent and completed; and what a client sees of them afterwards.
import { backOfficeToken, ensureClientAccount, signIn, staff } from '../../e2e/lib/portal.mjs';
import { RUN, SERVICES, pool, timedFetch } from './stack.mjs';

export { signIn };

export async function office() {
  return staff(await backOfficeToken());
}

/** `count` client accounts of this run for one scenario: rel-<run>-<scenario>-<i>@example.com. */
export async function clients(scenario, count) {
  const emails = Array.from({ length: count }, (_, i) => `rel-${RUN.toLowerCase()}-${scenario}-${i + 1}@example.com`);
  for (const email of emails) await ensureClientAccount(email, { firstName: 'Betrouwbaar' });
  return emails;
}

/** Dossiers with one client each (round robin over `emails`); resolves with [{ id, number, email }]. */
export async function dossiers(staffApi, scenario, emails, count) {
  return pool(Array.from({ length: count }, (_, i) => i), 4, async (i) => {
    const number = `REL-${RUN}-${scenario.toUpperCase()}-${String(i + 1).padStart(3, '0')}`;
    const email = emails[i % emails.length];
    const created = await staffApi.createDossier({ number, description: `Betrouwbaarheid ${scenario} ${i + 1}`, parties: [email] });
    if (created.status !== 201) throw new Error(`dossier ${number}: ${created.status} ${created.text}`);
    return { id: created.json.id, number, email };
  });
}

export const pdf = (text) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);

export function publishDocument(staffApi, dossierId, title) {
  return staffApi.publishDocument(dossierId, {
    bytes: pdf(title), fileName: `${title}.pdf`, title, category: 'CORRESPONDENCE', contentType: 'application/pdf',
  });
}

export function sendMessage(staffApi, dossierId, subject) {
  return staffApi.sendMessage(dossierId, { subject, body: `Bericht ${subject}` });
}

/** A one-page questionnaire of this run (its own key), uploaded once. */
export async function questionnaireDefinition(staffApi) {
  const key = `betrouwbaarheid-${RUN.toLowerCase()}`;
  const definition = {
    key,
    title: `Betrouwbaarheid ${RUN}`,
    intro: 'Eén vraag.',
    pages: [{ id: 'vraag', title: 'Vraag', questions: [{ id: 'antwoord', type: 'shortText', label: 'Uw antwoord', required: true, maxLength: 120 }] }],
  };
  const uploaded = await staffApi.request('POST', '/api/staff/questionnaires', { json: definition });
  if (![200, 201].includes(uploaded.status)) throw new Error(`questionnaire definition: ${uploaded.status} ${uploaded.text}`);
  return key;
}

/** The office sends the questionnaire; resolves with the assignment id. */
export async function sendQuestionnaire(staffApi, key, dossierId, email) {
  const sent = await staffApi.request('POST', `/api/staff/dossiers/${dossierId}/questionnaires`, {
    json: { questionnaire: key, recipient: email, dueDate: '2099-12-31' },
  });
  if (sent.status !== 201) throw Object.assign(new Error(`sending questionnaire: ${sent.status} ${sent.text}`), { status: sent.status });
  return sent.json.id;
}

/** The client fills in the page and completes; resolves with the PDF's document id. */
export async function completeQuestionnaire(client, assignmentId, answer) {
  const saved = await client.send('PUT', `/api/questionnaires/assignments/${assignmentId}/pages/vraag`, { answers: { antwoord: answer } });
  if (saved.status !== 200) throw Object.assign(new Error(`saving the page: ${saved.status} ${saved.text}`), { status: saved.status });
  const completed = await client.send('POST', `/api/questionnaires/assignments/${assignmentId}/complete`);
  if (completed.status !== 200) throw Object.assign(new Error(`completing: ${completed.status} ${completed.text}`), { status: completed.status });
  return completed.json.pdfDocumentId;
}

/** Every item of a paged client list (`path` without page/size). */
export async function allItems(client, path) {
  const items = [];
  for (let page = 0; ; page++) {
    const separator = path.includes('?') ? '&' : '?';
    const res = await client.get(`${path}${separator}page=${page}&size=100`);
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.text}`);
    items.push(...res.json.items);
    if (page + 1 >= res.json.totalPages) return items;
  }
}

/** Ids in `expected` that `seen` lacks, and ids `seen` holds more than once. */
export function compareIds(expected, seen) {
  const counts = new Map();
  for (const id of seen) counts.set(id, (counts.get(id) ?? 0) + 1);
  return {
    missing: expected.filter((id) => !counts.has(id)),
    doubled: [...counts].filter(([, n]) => n > 1).map(([id]) => id),
  };
}

/**
 * Each dossier's activity trail against what was done in it: `expected` is [{ dossier, kind, objectId }] (kinds as
 * the trail names them); answers the records missing and those there more than once, over all dossiers.
 */
export async function trailAgainst(staffApi, dossierIds, expected) {
  const missing = [];
  const doubled = [];
  await pool(dossierIds, 4, async (dossierId) => {
    const records = await allItems(staffApi, `/api/staff/dossiers/${dossierId}/activity`);
    const counts = new Map();
    for (const r of records) counts.set(`${r.kind} ${r.objectId}`, (counts.get(`${r.kind} ${r.objectId}`) ?? 0) + 1);
    for (const e of expected.filter((x) => x.dossier === dossierId)) {
      const n = counts.get(`${e.kind} ${e.objectId}`) ?? 0;
      if (n === 0) missing.push(e);
      if (n > 1) doubled.push({ ...e, times: n });
    }
  });
  return { missing, doubled };
}

/** dossier-service's check of the trail (reachable from this machine only): the problems it found in these dossiers. */
export async function trailProblems(dossierIds) {
  const res = await timedFetch(`http://localhost:${SERVICES['dossier-service']}/actuator/trail`, {}, 120_000);
  if (res.status !== 200) throw new Error(`trail check: ${res.status} ${res.error ?? res.text}`);
  return res.json.problems.filter((p) => dossierIds.includes(p.dossierId));
}
