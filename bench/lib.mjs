// What the benchmarks share: their own client account, and the heap of a running service.
import { appendFileSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureClientAccount } from '../e2e/lib/portal.mjs';

const PIDS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '.local', 'pids');
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

/** CPU seconds used so far (user + system) and resident memory (MB) per component of the local stack. */
export function components() {
  const result = {};
  for (const file of readdirSync(PIDS).filter((f) => f.endsWith('.pid'))) {
    const name = file.replace(/\.pid$/, '');
    const pids = processTree(Number(readFileSync(path.join(PIDS, file), 'utf8').trim()));
    const cpu = pids.reduce((sum, pid) => sum + procField(pid, 'stat', (stat) => {
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    }), 0);
    const rssMb = pids.reduce((sum, pid) => sum + procField(pid, 'status', (status) =>
      Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024), 0);
    result[name] = { cpu, rssMb };
  }
  return result;
}

/** CPU seconds each component used between two snapshots of {@link components}. */
export function cpuBetween(before, after) {
  return Object.fromEntries(Object.keys(after).map((name) => [name, after[name].cpu - (before[name]?.cpu ?? 0)]));
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

/** Used heap (bytes) of a service, from its Prometheus endpoint. */
export async function heapUsed(baseUrl) {
  const text = await (await fetch(`${baseUrl}/actuator/prometheus`)).text();
  let total = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('jvm_memory_used_bytes{') && line.includes('area="heap"')) total += Number(line.split(' ').pop());
  }
  return total;
}

/**
 * Samples the heap of services every 100 ms while `work` runs; returns the work's result and, per
 * service, the heap before and the highest heap during it (growth = peak - before).
 */
export async function withHeapSampling(services, work) {
  const before = {};
  const peak = {};
  for (const [name, url] of Object.entries(services)) {
    before[name] = await heapUsed(url);
    peak[name] = before[name];
  }
  let running = true;
  const sampler = (async () => {
    while (running) {
      await Promise.all(Object.entries(services).map(async ([name, url]) => {
        peak[name] = Math.max(peak[name], await heapUsed(url).catch(() => 0));
      }));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  try {
    return { result: await work(), before, peak };
  } finally {
    running = false;
    await sampler;
  }
}

export const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
