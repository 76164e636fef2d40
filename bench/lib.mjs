// What the benchmarks share: their own client account and its token, the load loop, the CPU, memory, start time
// and heap of the components of the running stack.
import { appendFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD, PORTAL_URL, authorizationCodeToken, ensureClientAccount } from '../e2e/lib/portal.mjs';

const LOCAL = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '.local');
const PIDS = path.join(LOCAL, 'pids');
const LOGS = path.join(LOCAL, 'logs');
const CLOCK_TICKS = 100; // USER_HZ on Linux

/** The processes of a component: its pid from .local/pids and every descendant. */
function processTree(rootPid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  const tree = [];
  const walk = (pid) => { tree.push(pid); for (const child of children.get(pid) ?? []) walk(child); };
  walk(rootPid);
  return tree;
}

function procField(pid, file, read) {
  try {
    return read(readFileSync(`/proc/${pid}/${file}`, 'utf8'));
  } catch {
    return 0;
  }
}

function cpuSeconds(stat) {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** CPU seconds the JIT compiler threads of a process used so far (none for a process without them). */
function jitCpuSeconds(pid) {
  try {
    return readdirSync(`/proc/${pid}/task`)
      .filter((task) => /^C[12] CompilerThre/.test(procField(`${pid}/task/${task}`, 'comm', (comm) => comm)))
      .reduce((sum, task) => sum + procField(`${pid}/task/${task}`, 'stat', cpuSeconds), 0);
  } catch {
    return 0;
  }
}

/**
 * CPU seconds used so far (user + system), of those the JIT compiler's, and resident memory (MB) per component of
 * the local stack.
 */
export function components() {
  const result = {};
  for (const file of readdirSync(PIDS).filter((f) => f.endsWith('.pid'))) {
    const name = file.replace(/\.pid$/, '');
    const pids = processTree(Number(readFileSync(path.join(PIDS, file), 'utf8').trim()));
    const cpu = pids.reduce((sum, pid) => sum + procField(pid, 'stat', cpuSeconds), 0);
    const jitCpu = pids.reduce((sum, pid) => sum + jitCpuSeconds(pid), 0);
    const rssMb = pids.reduce((sum, pid) => sum + procField(pid, 'status', (status) =>
      Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024), 0);
    result[name] = { cpu, jitCpu, rssMb };
  }
  return result;
}

/** Waits (a minute at most) until the whole stack uses less than a fifth of a core over 2 seconds. */
export async function quiet() {
  const total = () => Object.values(components()).reduce((sum, c) => sum + c.cpu, 0);
  for (let tries = 0; tries < 30; tries++) {
    const before = total();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    if ((total() - before) / 2 < 0.2) return;
  }
}

/** CPU seconds each component used between two snapshots of {@link components}. */
export function cpuBetween(before, after) {
  return Object.fromEntries(Object.keys(after).map((name) => [name, after[name].cpu - (before[name]?.cpu ?? 0)]));
}

/**
 * Runs a load and adds, per component that did work (at least 50 ms of CPU), its CPU milliseconds per unit: per
 * call by default (`cpuMsPerCall`, the result's `count`; the same number as CPU seconds per 1,000 calls), or per
 * `units(result)` under `key` (the file bench: per MB).
 */
export async function withCpu(run, { units = (result) => result.count, key = 'cpuMsPerCall' } = {}) {
  const before = components();
  const result = await run();
  const used = cpuBetween(before, components());
  result[key] = Object.fromEntries(Object.entries(used)
    .filter(([, seconds]) => seconds >= 0.05)
    .map(([name, seconds]) => [name, (seconds * 1000) / Math.max(1, units(result))]));
  return result;
}

/** "gateway 1.20, dossier-service 0.80, …": CPU ms per call, the most expensive component first. */
export function describeCpu(cpu) {
  return Object.entries(cpu ?? {}).sort((a, b) => b[1] - a[1]).map(([name, ms]) => `${name} ${ms.toFixed(2)}`).join(', ');
}

/**
 * Calls `request` until the JIT has settled: in windows of `windowSeconds`, until the JIT compiler threads of the
 * stack use at most `jitShare` of the stack's CPU in a window (at least two windows, at most `maxSeconds`:
 * BENCH_WARMUP_SECONDS or 300; on a slow machine the gateway's first page was still compiling after 180). With the
 * full JIT a path costs several times its warm cost while C2 compiles, for its first thousands of calls. Prints a line
 * on `label`; returns the seconds and calls it took, and the stack's CPU ms per call and the JIT's share of it in the
 * first and the last window.
 */
export async function warmUp(label, request, { concurrency = 16, windowSeconds = 5, maxSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 300), jitShare = 0.03 } = {}) {
  const started = performance.now();
  const windows = [];
  for (;;) {
    const before = components();
    const window = await load(request, { seconds: windowSeconds, concurrency });
    const after = components();
    if (window.errors) throw new Error(`${window.errors} warm-up calls did not answer 200`);
    const cpu = Object.values(cpuBetween(before, after)).reduce((sum, seconds) => sum + seconds, 0);
    const jit = Object.keys(after).reduce((sum, name) => sum + after[name].jitCpu - (before[name]?.jitCpu ?? 0), 0);
    windows.push({ calls: window.count, cpuMsPerCall: (cpu * 1000) / Math.max(1, window.count), jitShare: jit / Math.max(cpu, 1e-9) });
    const seconds = (performance.now() - started) / 1000;
    if ((windows.length >= 2 && windows.at(-1).jitShare <= jitShare) || seconds >= maxSeconds) {
      const warmed = {
        seconds, calls: windows.reduce((sum, w) => sum + w.calls, 0), settled: windows.at(-1).jitShare <= jitShare,
        first: windows[0], last: windows.at(-1),
      };
      const describe = (w) => `${w.cpuMsPerCall.toFixed(2)} ms (JIT ${(w.jitShare * 100).toFixed(0)} %)`;
      console.log(`${label}: ${warmed.settled ? 'warm' : 'still compiling'} after ${warmed.calls} calls `
        + `(${seconds.toFixed(0)} s); the stack's CPU per call ${describe(warmed.first)} in the first ${windowSeconds} s, `
        + `${describe(warmed.last)} in the last`);
      return warmed;
    }
  }
}

/**
 * `concurrency` callers call `request` (a function returning a fetch Response) one after the other, for `seconds`
 * seconds or until `calls` calls are made; returns p50 and p99 (ms) of the answers 200, calls per second, the
 * number of answers 200 and of the others.
 */
export async function load(request, { seconds = Infinity, calls = Infinity, concurrency = 1 } = {}) {
  const latencies = [];
  let errors = 0;
  let started = 0;
  const end = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end && started < calls) {
      started++;
      const start = performance.now();
      const res = await request();
      await res.arrayBuffer();
      if (res.status === 200) latencies.push(performance.now() - start);
      else errors++;
    }
  };
  const begun = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - begun) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  return { p50: pct(50), p99: pct(99), rps: latencies.length / elapsed, count: latencies.length, errors, concurrency };
}

/** Appends one benchmark's figures as a JSON line to $BENCH_RESULTS (bench/run-all.mjs collects them). */
export function record(bench, figures) {
  if (process.env.BENCH_RESULTS) appendFileSync(process.env.BENCH_RESULTS, `${JSON.stringify({ bench, ...figures })}\n`);
}

export const BENCH_EMAIL = 'bench-client@example.com';

/** The benchmark's own client account (so no demo account gets 500 dossiers). */
export function ensureBenchUser() {
  return ensureClientAccount(BENCH_EMAIL, { firstName: 'Bench', lastName: 'Client' });
}

/**
 * The bench client's own access token: the authorization-code flow the gateway does, done here (for calls made
 * directly at a service). It lives 5 minutes (the realm's accessTokenLifespan): ask again for each run.
 */
export function accessToken(email = BENCH_EMAIL, password = DEMO_PASSWORD) {
  return authorizationCodeToken({
    clientId: 'portal-gateway', redirectUri: `${PORTAL_URL}/login/oauth2/code/keycloak`,
    clientSecret: process.env.PORTAL_GATEWAY_CLIENT_SECRET ?? 'portal-gateway-local-secret',
  }, email, password);
}

/**
 * Each Spring service's own start time, from the last "Started X in N seconds" of .local/logs/<component>.log:
 * { 'dossier-service': 11.8, … } (components without such a line, e.g. Keycloak or Kafka, are left out).
 */
export function springStartSeconds() {
  const result = {};
  if (!existsSync(LOGS)) return result;
  for (const file of readdirSync(LOGS).filter((f) => f.endsWith('.log') && !f.endsWith('.previous.log'))) {
    const started = [...readFileSync(path.join(LOGS, file), 'utf8').matchAll(/Started \S+ in ([\d.]+) seconds/g)].at(-1);
    if (started) result[file.replace(/\.log$/, '')] = Number(started[1]);
  }
  return result;
}

// Only the meters asked for: the whole endpoint (histograms of every route) allocates 12–19 MB per scrape, which the
// sampling below would otherwise add to the very heap it measures.
const HEAP_METERS = 'includedNames=jvm_memory_used_bytes';

/**
 * A service's heap in bytes, from its Prometheus endpoint: `used` (all of it, the young generation's garbage
 * included) and `held` (the survivor spaces and the old generation: what outlived a collection, where a buffered
 * file would stay).
 */
export async function heap(baseUrl) {
  const text = await (await fetch(`${baseUrl}/actuator/prometheus?${HEAP_METERS}`)).text();
  const figures = { used: 0, held: 0 };
  for (const line of text.split('\n')) {
    if (!line.startsWith('jvm_memory_used_bytes{') || !line.includes('area="heap"')) continue;
    const value = Number(line.split(' ').pop());
    figures.used += value;
    if (!/id="[^"]*Eden/i.test(line)) figures.held += value;
  }
  return figures;
}

/**
 * Samples the heap of services every 250 ms while `work` runs; returns the work's result and, per service, the
 * heap before and the highest `used` and `held` during it (see {@link heap}).
 */
export async function withHeapSampling(services, work) {
  const before = {};
  const peak = {};
  for (const [name, url] of Object.entries(services)) {
    before[name] = await heap(url);
    peak[name] = { ...before[name] };
  }
  let running = true;
  const sampler = (async () => {
    while (running) {
      await Promise.all(Object.entries(services).map(async ([name, url]) => {
        const now = await heap(url).catch(() => null);
        if (now) peak[name] = { used: Math.max(peak[name].used, now.used), held: Math.max(peak[name].held, now.held) };
      }));
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  try {
    return { result: await work(), before, peak };
  } finally {
    running = false;
    await sampler;
  }
}

/**
 * Per service, in MB: `held` (the highest held heap during the work minus before: the goal's "heap growth", a file
 * buffered in the heap would show here) and `used` (the highest used minus before, young garbage included).
 */
export const heapGrowthMb = (sampled) => Object.fromEntries(Object.keys(sampled.before).map((name) => [name, {
  held: (sampled.peak[name].held - sampled.before[name].held) / 1024 / 1024,
  used: (sampled.peak[name].used - sampled.before[name].used) / 1024 / 1024,
}]));

export const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
