// The running local stack as the reliability scenarios drive it: components (./portal kill and
// ./portal restart), the services' metrics, MailDev, client accounts, waiting for conditions, and the
// figures every scenario records for the summary table (reliability/run.mjs prints it).
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { MAILDEV_URL, readResponse } from '../../e2e/lib/portal.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const LOCAL = path.join(ROOT, '.local');
export const GATEWAY_URL = process.env.PORTAL_URL ?? 'http://localhost:8080';
export const GATEWAY_REPLICA_URL = process.env.GATEWAY_REPLICA_URL ?? 'http://localhost:8088';
export const FIGURES_FILE = process.env.RELIABILITY_FIGURES ?? path.join(LOCAL, 'reliability', 'figures.jsonl');

export const SERVICES = {
  'identity-service': 8081,
  'dossier-service': 8082,
  'messaging-service': 8083,
  'document-service': 8084,
  'questionnaire-service': 8085,
  'notification-service': 8086,
};

/** A short id of this run: dossier numbers, e-mail addresses and event ids carry it, so runs never meet. */
export const RUN = process.env.RELIABILITY_RUN ?? Date.now().toString(36).toUpperCase();

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Runs ./portal with arguments; resolves with its exit code and output, rejects when it fails (unless allowFailure). */
export function portal(args, { allowFailure = false, env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(path.join(ROOT, 'portal'), args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('error', reject);
    child.on('close', (code) => {
      const result = { code, output, ms: Date.now() - started };
      if (code !== 0 && !allowFailure) reject(new Error(`./portal ${args.join(' ')} failed (${code}):\n${output}`));
      else resolve(result);
    });
  });
}

/** Sends a signal to a component through ./portal kill (so the stack knows the stop is intended). */
export async function kill(component, signal = 'KILL') {
  await portal(['kill', component, signal]);
}

/**
 * Stops (if running) and starts a component again as ./portal up did, with `env` changing or adding variables;
 * resolves with the milliseconds it took until ready. What a component runs with is noted (overrides.json).
 */
export async function restart(component, env = {}) {
  const assignments = Object.entries(env).map(([name, value]) => `${name}=${value}`);
  const result = await portal(['restart', component, ...assignments]);
  noteOverrides(component, env);
  return result.ms;
}

export const OVERRIDES_FILE = path.join(LOCAL, 'reliability', 'overrides.json');

/**
 * The settings running components were restarted with, beyond the stack's own: { component: { VAR: value } }
 * (noted with the process id, so a component started otherwise since does not count).
 */
export function overrides() {
  const noted = existsSync(OVERRIDES_FILE) ? JSON.parse(readFileSync(OVERRIDES_FILE, 'utf8')) : {};
  return Object.fromEntries(Object.entries(noted).filter(([component, { pid }]) => pid === pidOf(component)).map(([component, { env }]) => [component, env]));
}

function noteOverrides(component, env) {
  const all = existsSync(OVERRIDES_FILE) ? JSON.parse(readFileSync(OVERRIDES_FILE, 'utf8')) : {};
  if (Object.keys(env).length) all[component] = { env, pid: pidOf(component) };
  else delete all[component];
  mkdirSync(path.dirname(OVERRIDES_FILE), { recursive: true });
  writeFileSync(OVERRIDES_FILE, JSON.stringify(all, null, 2));
}

export function pidOf(component) {
  const file = path.join(LOCAL, 'pids', `${component}.pid`);
  return existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : undefined;
}

/** The environment the stack was started with (.local/run/stack.env), falling back to ours. */
export function stackEnv(name, fallback) {
  const file = path.join(LOCAL, 'run', 'stack.env');
  if (existsSync(file)) {
    for (const entry of readFileSync(file, 'utf8').split('\0')) {
      if (entry.startsWith(`${name}=`)) return entry.slice(name.length + 1);
    }
  }
  return process.env[name] ?? fallback;
}

/** A duration as Spring reads it here (10s, 2m, 500ms), in milliseconds. */
export function durationMs(text) {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(String(text).trim());
  if (!m) throw new Error(`unknown duration ${text}`);
  return Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] ?? 'ms'];
}

/**
 * Polls `probe` until it returns a truthy value; throws (with `what` and the last value) after `timeoutMs`.
 * Errors thrown by the probe count as "not yet" until the deadline.
 */
export async function waitFor(what, probe, { timeoutMs = 60_000, intervalMs = 500 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  let lastError;
  for (;;) {
    try {
      last = await probe();
      lastError = undefined;
      if (last) return last;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() >= deadline) {
      throw new Error(`${what}: not within ${seconds(timeoutMs)}${lastError ? ` (last error: ${lastError.message})` : ''}${
        last !== undefined && last !== false ? ` (last: ${JSON.stringify(last)})` : ''}`);
    }
    await sleep(intervalMs);
  }
}

/** fetch with a time limit; resolves with readResponse's shape plus the milliseconds it took, or { status: 0, error }. */
export async function timedFetch(url, init = {}, timeoutMs = 10_000) {
  const started = Date.now();
  try {
    const res = await fetch(url, { redirect: 'manual', ...init, signal: AbortSignal.timeout(timeoutMs) });
    return { ...(await readResponse(res)), ms: Date.now() - started };
  } catch (e) {
    return { status: 0, error: e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : e.message, ms: Date.now() - started };
  }
}

// ------------------------------------------------------------------------------------------------
// Services
// ------------------------------------------------------------------------------------------------

/** Sum of a Prometheus metric (all label sets) of a service, or undefined when it does not answer. */
export async function metric(service, name) {
  const res = await timedFetch(`http://localhost:${SERVICES[service]}/actuator/prometheus`, {}, 3000);
  if (res.status !== 200) return undefined;
  let total = 0;
  let found = false;
  for (const line of res.text.split('\n')) {
    if (line.startsWith(`${name}{`) || line.startsWith(`${name} `)) {
      total += Number(line.split(' ').pop());
      found = true;
    }
  }
  return found ? total : 0;
}

/** Events written but not yet relayed, per service with an outbox. */
export async function outboxBacklog() {
  const backlog = {};
  for (const service of Object.keys(SERVICES)) {
    const pending = await metric(service, 'portal_outbox_pending');
    if (pending) backlog[service] = pending;
  }
  return backlog;
}

export async function ready(service) {
  const res = await timedFetch(`http://localhost:${SERVICES[service]}/actuator/health/readiness`, {}, 3000);
  return res.status === 200;
}

// ------------------------------------------------------------------------------------------------
// MailDev
// ------------------------------------------------------------------------------------------------

/** The mails MailDev holds for one address (MailDev's own filter), oldest first. */
export async function mailsTo(address) {
  const res = await timedFetch(`${MAILDEV_URL}/email?${new URLSearchParams({ 'to.address': address })}`, {}, 15_000);
  if (res.status !== 200) throw new Error(`MailDev answered ${res.status} ${res.error ?? ''}`);
  return (res.json ?? []).sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
}

/** The dossier id a mail's link names (/dossiers/<id>), or undefined. */
export const mailDossier = (mail) => (mail.text ?? '').match(/\/dossiers\/([0-9a-zA-Z-]+)/)?.[1];
/** How many documents a document mail tells of ("3 nieuwe documenten" / "Nieuw document"). */
export const mailDocumentCount = (mail) => Number(mail.subject.match(/^(\d+) nieuwe/)?.[1] ?? 1);
export const isDocumentMail = (mail) => /nieuwe documenten|Nieuw document/.test(mail.subject ?? '');
export const isMessageMail = (mail) => mail.subject === 'Nieuw bericht in het klantenportaal';
export const isQuestionnaireMail = (mail) => mail.subject === 'Er staat een vragenlijst voor u klaar';
/** The questionnaire a "questionnaire waiting" mail links to (/acties/<assignment id>). */
export const mailAssignment = (mail) => (mail.text ?? '').match(/\/acties\/([0-9a-zA-Z-]+)/)?.[1];

// ------------------------------------------------------------------------------------------------
// Figures
// ------------------------------------------------------------------------------------------------

/** Records one figure of a scenario for the summary table. */
export function figure(scenario, name, value) {
  mkdirSync(path.dirname(FIGURES_FILE), { recursive: true });
  appendFileSync(FIGURES_FILE, `${JSON.stringify({ scenario, name, value: String(value) })}\n`);
  console.log(`  [${scenario}] ${name}: ${value}`);
}

/** Runs tasks with at most `limit` at a time; resolves with their results in order. */
export async function pool(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i], i);
    }
  });
  await Promise.all(workers);
  return results;
}
