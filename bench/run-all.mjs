#!/usr/bin/env node
// Runs every benchmark against a fresh local stack started with the JVM settings production uses, and writes the
// figures as Markdown tables to bench/results.md (and the console).
//
//   node bench/run-all.mjs        (the stack must not be running; it is started and stopped here)
//
// Production JVM settings: the Dockerfiles give the JVM 70 % of a 1 GiB container (about 716 MB heap) with the full
// JIT; `./portal up` normally runs the services with C1 only and 256 MB heaps to start fast on a laptop. Both are
// printed with the figures. All components and the load generator share this machine's cores: the figures are for
// comparing, not the product's capacity (see docs/capacity.md).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { components } from './lib.mjs';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = path.join(ROOT, '.local', 'bench-results.jsonl');
const REPORT = path.join(ROOT, 'bench', 'results.md');
const PRODUCTION_JAVA_OPTS = process.env.PORTAL_JAVA_OPTS ?? '-Xms128m -Xmx716m -XX:+ExitOnOutOfMemoryError';
const BENCHES = [
  ['dossier-list.mjs', { BENCH_SECONDS: process.env.BENCH_SECONDS ?? '15' }],
  ['staff-dossier-search.mjs', { BENCH_SECONDS: process.env.BENCH_SECONDS ?? '10' }],
  ['notifications.mjs', { BENCH_RELIABILITY: '0' }],
  ['files.mjs', {}],
];

function startStack() {
  const started = Date.now();
  const env = {
    ...process.env, PORTAL_JAVA_OPTS: PRODUCTION_JAVA_OPTS, DOCUMENT_MAIL_WINDOW: '0s', UPLOAD_MAX_FILE_SIZE: '1100MB',
    MONGO_HEAP: '4g',
  };
  const stack = spawn(path.join(ROOT, 'portal'), ['up', '--reset', '--no-build'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      if (output.includes('Press Ctrl-C')) resolve({ stack, seconds: (Date.now() - started) / 1000 });
    };
    stack.stdout.on('data', onData);
    stack.stderr.on('data', onData);
    stack.on('exit', (code) => reject(new Error(`./portal up ended (${code}):\n${output.slice(-2000)}`)));
  });
}

function runBench(file, env) {
  console.log(`\n=== ${file}`);
  execFileSync(process.execPath, [path.join(ROOT, 'bench', file)], {
    cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env, BENCH_RESULTS: RESULTS },
  });
}

const table = (header, rows) => [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`,
  ...rows.map((cells) => `| ${cells.join(' | ')} |`)].join('\n');
const f1 = (v) => v.toFixed(1);

function report(startup, memory, results) {
  const byBench = (name) => results.filter((r) => r.bench === name);
  const lines = [
    `# Benchmark figures (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
    '',
    `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB; `
      + `every component and the load generator on it. Services' JVM: \`${PRODUCTION_JAVA_OPTS}\` (as production: full JIT, `
      + '70 % of a 1 GiB container); MongoDB is the local wire-protocol server, not MongoDB.',
    '',
    '## Start-up and memory',
    '',
    `Whole stack from \`./portal up --reset\` to ready: ${f1(startup)} s.`,
    '',
    table(['component', 'resident memory after start (MB)'],
      Object.entries(memory).sort((a, b) => b[1].rssMb - a[1].rssMb).map(([name, m]) => [name, m.rssMb.toFixed(0)])),
    '',
    '## Dossier list (a client with 500 dossiers, 16 concurrent callers)',
    '',
  ];
  const cpuNames = [...new Set(byBench('dossier-list').flatMap((r) => [r.viaGateway, r.direct])
    .flatMap((r) => Object.keys(r.cpuPer1000 ?? {})))].sort();
  lines.push(table(['scenario', 'path', 'p50 ms', 'p99 ms', 'req/s', ...cpuNames.map((n) => `CPU s / 1,000 req: ${n}`)],
    byBench('dossier-list').flatMap((r) => [['gateway', r.viaGateway], ['direct', r.direct]].map(([route, x]) => [
      r.scenario, route, f1(x.p50), f1(x.p99), x.rps.toFixed(0),
      ...cpuNames.map((n) => (x.cpuPer1000?.[n] ?? 0).toFixed(2)),
    ]))));
  const overhead = byBench('dossier-list').map((r) => {
    const gatewayCpu = r.viaGateway.cpuPer1000?.gateway ?? 0;
    return [r.scenario, `${f1(r.viaGateway.p50 - r.direct.p50)} ms`, `${f1(r.viaGateway.p99 - r.direct.p99)} ms`,
      `${gatewayCpu.toFixed(2)} ms`];
  });
  lines.push('', '### Gateway overhead per request (same run)', '',
    table(['scenario', 'p50 added', 'p99 added', 'gateway CPU per request'], overhead));
  const staffList = byBench('staff-dossier-search');
  if (staffList.length) {
    const { dossiers, total, concurrency } = staffList[0];
    lines.push('', `## Staff dossier list (GET /api/staff/dossiers: ${dossiers} bench dossiers, ${total} in all; `
      + `office token, ${concurrency} concurrent callers)`, '',
      table(['case', 'parameters', 'found', 'path', 'p50 ms', 'p99 ms', 'req/s'],
        staffList.flatMap((r) => [['gateway', r.viaGateway], ['direct', r.direct]].map(([route, x]) => [
          r.scenario, `\`${r.params}\``, r.found, route, f1(x.p50), f1(x.p99), x.rps.toFixed(0),
        ]))));
  }
  const mail = byBench('notifications')[0];
  if (mail) {
    lines.push('', '## Event → e-mail', '', table(['documents', 'e-mails', 'p50 ms', 'p99 ms', 'max ms'],
      [[mail.documents, mail.mails, mail.p50, mail.p99, mail.max]]));
  }
  lines.push('', '## Files', '', table(['measurement', 'value'], byBench('files').map((r) => [r.measurement, r.value])), '');
  return lines.join('\n');
}

async function main() {
  if (existsSync(path.join(ROOT, '.local', 'portal.pid'))) {
    throw new Error('a stack seems to run (.local/portal.pid): stop it first (./portal stop)');
  }
  rmSync(RESULTS, { force: true });
  console.log(`Starting the stack with ${PRODUCTION_JAVA_OPTS} ...`);
  const { stack, seconds } = await startStack();
  try {
    const memory = components();
    for (const [file, env] of BENCHES) runBench(file, env);
    const results = readFileSync(RESULTS, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    const markdown = report(seconds, memory, results);
    writeFileSync(REPORT, `${markdown}\n`);
    console.log(`\n${markdown}\n\n(written to bench/results.md)`);
  } finally {
    stack.kill('SIGTERM');
    await new Promise((resolve) => stack.on('exit', resolve));
  }
}

main().catch((error) => {
  console.error(`benchmarks failed: ${error.message}`);
  process.exit(1);
});
