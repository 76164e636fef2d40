#!/usr/bin/env node
// Runs every benchmark against a fresh local stack started with the JVM settings production uses, and writes the
// figures as Markdown tables to bench/results.md (and the console): first the goals of issue 21 with this run's
// figure beside each ("Goals: now vs goal"), then the details of each benchmark.
//
//   node bench/run-all.mjs        (the stack must not be running; it is started and stopped here)
//
// Production JVM settings: the Dockerfiles give the JVM 70 % of a 1 GiB container (about 716 MB heap) with the full
// JIT; `./portal up` normally runs the services with C1 only and 256 MB heaps to start fast on a laptop. Both are
// printed with the figures. All components and the load generator share this machine's cores: the figures are for
// comparing, not the product's capacity (see docs/capacity.md).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { components, quiet, springStartSeconds } from './lib.mjs';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = path.join(ROOT, '.local', 'bench-results.jsonl');
const REPORT = path.join(ROOT, 'bench', 'results.md');
/** How often each app is started again alone (BENCH_ALONE_STARTS): one start on shared cores varies by a second. */
const ALONE_STARTS = Number(process.env.BENCH_ALONE_STARTS ?? 3);
const PRODUCTION_JAVA_OPTS = process.env.PORTAL_JAVA_OPTS ?? '-XX:MaxRAM=1g -XX:MaxRAMPercentage=70 -XX:+UseSerialGC -Xmn16m -XX:TrimNativeHeapInterval=5000 -XX:+ExitOnOutOfMemoryError';
// the database stand-in with the full JIT (why: ./portal, start_mongo)
const STAND_IN_JAVA_OPTS = process.env.MONGO_JAVA_OPTS ?? '-XX:+TieredCompilation';
// the office's search seeds 10,500 dossiers: last, since the local stand-in database scans a collection for every
// query but one by _id (or another unique key), and the outbox relays' scan of 11,000 dossiers every 200 ms would weigh on the benches after it
const BENCHES = [
  ['dossier-list.mjs', { BENCH_SECONDS: process.env.BENCH_SECONDS ?? '15' }],
  ['notifications.mjs', { BENCH_RELIABILITY: '0' }],
  ['files.mjs', {}],
  ['browser-assets.mjs', {}],
  ['staff-dossier-search.mjs', { BENCH_SECONDS: process.env.BENCH_SECONDS ?? '10' }],
];

/** `./portal up --no-build`, with `--reset` when `reset`: resolves once the stack is ready, with the seconds it took. */
function startStack({ reset }) {
  const started = Date.now();
  const env = {
    ...process.env, PORTAL_JAVA_OPTS: PRODUCTION_JAVA_OPTS, DOCUMENT_MAIL_WINDOW: '0s', UPLOAD_MAX_FILE_SIZE: '1100MB',
    MONGO_HEAP: '4g', MONGO_JAVA_OPTS: STAND_IN_JAVA_OPTS,
  };
  const stack = spawn(path.join(ROOT, 'portal'), ['up', '--no-build', ...(reset ? ['--reset'] : [])], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      if (output.includes('Press Ctrl-C')) {
        const missing = output.match(/AOT caches for the next start: made in the background for (.*)/)?.[1]?.trim();
        resolve({ stack, seconds: (Date.now() - started) / 1000, missingCaches: missing });
      }
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
const f1 = (v) => (Number.isFinite(v) ? v.toFixed(1) : '–');
const f2 = (v) => (Number.isFinite(v) ? v.toFixed(2) : '–');
const signed = (v, unit) => (Number.isFinite(v) ? `${v >= 0 ? '+' : ''}${v.toFixed(1)}${unit}` : '–');
const mbps = (mb, seconds) => mb / seconds;
const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];

/**
 * One row of the goals table. `values` is a list of [label, number] (one per scenario or component); the row shows
 * the worst of them (by `worst`: Math.max or Math.min) and each; met when the worst passes `passes`.
 */
function goalRow(figure, goal, values, { worst = Math.max, format, passes }) {
  const measured = values.filter(([, v]) => Number.isFinite(v));
  if (!measured.length) return [figure, 'not measured', goal, 'no'];
  const bad = worst(...measured.map(([, v]) => v));
  const each = measured.length > 1 ? ` (${measured.map(([label, v]) => `${label} ${format(v)}`).join(', ')})` : '';
  return [figure, `${measured.length > 1 ? (worst === Math.max ? 'max ' : 'min ') : ''}${format(bad)}${each}`, goal,
    passes(bad) ? 'yes' : 'no'];
}

/** The goals of issue 21, each with what this run measured. */
function goals({ startup, startTimes, aloneTimes, memory, memoryAtReady }, results) {
  const byBench = (name) => results.filter((r) => r.bench === name);
  const api = byBench('dossier-list');
  const levels = [...new Set(api.map((r) => r.concurrency ?? 16))].sort((a, b) => a - b);
  const [low, high] = [levels[0], levels.at(-1)];
  const at = (concurrency, names) => api.filter((r) => (r.concurrency ?? 16) === concurrency && (!names || names.includes(r.scenario)));
  const lists = ['first page', 'search'];
  const ms = (v) => `${v.toFixed(2)} ms`;
  const rows = [
    goalRow(`gateway CPU per proxied API call (warm, ${high} callers)`, '≤ 1.5 ms',
      at(high).map((r) => [r.scenario, r.viaGateway.cpuMsPerCall?.gateway ?? 0]), { format: ms, passes: (v) => v <= 1.5 }),
    goalRow(`throughput through the gateway ÷ direct (${high} callers)`, '≥ 0.8×',
      at(high, [...lists, 'summary']).map((r) => [r.scenario, r.viaGateway.rps / r.direct.rps]),
      { worst: Math.min, format: (v) => `${v.toFixed(2)}×`, passes: (v) => v >= 0.8 }),
    goalRow(`gateway p50 added at ${low} caller${low === 1 ? '' : 's'}`, '≤ +2 ms',
      at(low).map((r) => [r.scenario, r.viaGateway.p50 - r.direct.p50]), { format: (v) => signed(v, ' ms'), passes: (v) => v <= 2 }),
    goalRow(`gateway p50 added at ${high} callers`, '≤ +15 % of direct p50',
      at(high).map((r) => [r.scenario, ((r.viaGateway.p50 - r.direct.p50) / r.direct.p50) * 100]),
      { format: (v) => signed(v, ' %'), passes: (v) => v <= 15 }),
    goalRow(`dossier-service CPU per list call (direct, 500 dossiers, ${high} callers)`, '≤ 1.5 ms',
      at(high, lists).map((r) => [r.scenario, r.direct.cpuMsPerCall?.['dossier-service'] ?? 0]), { format: ms, passes: (v) => v <= 1.5 }),
  ];
  if (low === high) rows.splice(2, 1);

  const files = byBench('files-figures')[0];
  // the heap that outlived a collection: a file buffered in the heap stays there; the young generation's garbage
  // (bench/files.mjs prints that too) is collected as it comes
  const heapRow = (figure, growth) => goalRow(figure, '< 64 MB', Object.entries(growth ?? {}).map(([name, g]) => [name, g.held]),
    { format: (v) => `${v.toFixed(1)} MB`, passes: (v) => v < 64 });
  const upload = files?.upload;
  rows.push(
    goalRow(`${upload?.mb ?? 100} MB upload through the gateway (tus)`, '≥ 100 MB/s',
      upload ? [['', mbps(upload.mb, upload.seconds)]] : [], { format: (v) => `${v.toFixed(0)} MB/s`, passes: (v) => v >= 100 }),
    heapRow(`${upload?.mb ?? 100} MB upload: heap growth per hop (held)`, upload?.heapGrowthMb),
  );
  const down = files?.download;
  const downLabel = down ? `${down.mb >= 1024 ? `${f1(down.mb / 1024)} GB` : `${down.mb} MB`}` : '1 GB';
  rows.push(
    goalRow(`${downLabel} download through the gateway ÷ a loopback HTTP copy of the same file`, '≥ 50 %',
      down ? [['', (down.loopbackSeconds / down.gatewaySeconds) * 100]] : [], {
        format: (v) => `${v.toFixed(0)} %${down ? ` (${mbps(down.mb, down.gatewaySeconds).toFixed(0)} of ${mbps(down.mb, down.loopbackSeconds).toFixed(0)} MB/s)` : ''}`,
        passes: (v) => v >= 50,
      }),
    heapRow(`${downLabel} download: heap growth per hop (held)`, down?.heapGrowthMb),
  );

  const mail = byBench('notifications')[0];
  rows.push(goalRow(`publish → e-mail p99 (${mail?.documents ?? 200} documents${mail?.warmup ? `, after ${mail.warmup} not counted` : ''})`, '≤ 800 ms',
    mail ? [['', mail.p99]] : [], { format: (v) => `${v} ms`, passes: (v) => v <= 800 }));

  const aStart = { format: (v) => `${v.toFixed(1)} s`, passes: (v) => v <= 4 };
  rows.push(
    goalRow('whole stack ready (`./portal up --no-build`, warm)', '≤ 60 s', [['', startup]],
      { format: (v) => `${v.toFixed(1)} s`, passes: (v) => v <= 60 }),
    goalRow(`one service's start, alone (\`./portal restart\`, the rest of the stack running; "Started … in N seconds"; median of ${ALONE_STARTS})`, '≤ 4 s',
      Object.entries(aloneTimes ?? {}).map(([name, each]) => [name, median(each)]), aStart),
    goalRow('one service\'s start within the whole stack\'s start', '≤ 4 s', Object.entries(startTimes), aStart),
    goalRow('resident memory per Spring service after start (once the stack is quiet)', '≤ 250 MB',
      Object.keys(startTimes).filter((name) => memory[name]).map((name) => [name, memory[name].rssMb]),
      { format: (v) => `${v.toFixed(0)} MB`, passes: (v) => v <= 250 }),
  );
  // at the moment of ready the JIT compiler still works through the start's hot methods: its arenas (NMT "Arena
  // Chunk", up to ~35 MB) are given back to the system seconds later
  rows.push(['the same at the moment the stack is ready (not in the goal: the JIT compiler\'s arenas still held)',
    Object.keys(startTimes).filter((name) => memoryAtReady?.[name]).map((name) => `${name} ${memoryAtReady[name].rssMb.toFixed(0)} MB`)
      .join(', ') || '–', '–', '–']);
  const others = Object.entries(memory).filter(([name]) => !(name in startTimes)).sort((a, b) => b[1].rssMb - a[1].rssMb);
  rows.push(['resident memory of the other components after start (not in the goal)',
    others.map(([name, m]) => `${name} ${m.rssMb.toFixed(0)} MB`).join(', ') || '–', '–', '–']);

  const browser = byBench('browser')[0];
  rows.push(
    goalRow(`browser: first load, compressed (Accept-Encoding: ${browser?.acceptEncoding ?? 'br'})`, '≤ 130 KB',
      browser ? [['', browser.firstLoad / 1024]] : [],
      { format: (v) => `${v.toFixed(1)} KB (index.html and ${browser?.files.length} linked files)`, passes: (v) => v <= 130 }),
    goalRow('browser: repeat visit', '< 5 KB', browser ? [['', browser.repeatVisit / 1024]] : [],
      { format: (v) => `${v.toFixed(1)} KB (${browser?.repeatWhat})`, passes: (v) => v < 5 }),
  );
  return rows;
}

function report(stack, results) {
  const { startup, resetStartup, startTimes, aloneTimes, memory, memoryAtReady, memoryAfter, missingCaches } = stack;
  const byBench = (name) => results.filter((r) => r.bench === name);
  const lines = [
    `# Benchmark figures (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
    '',
    `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB; `
      + `every component and the load generator on it. Services' JVM: \`${PRODUCTION_JAVA_OPTS}\` (as production: full JIT, `
      + `70 % of a 1 GiB container); MongoDB is the local wire-protocol server, not MongoDB (its JVM: \`${STAND_IN_JAVA_OPTS}\`).`,
    '',
    '## Goals: now vs goal (issue 21)',
    '',
    'Where a goal covers several scenarios or components, "now" is the worst of them, each in brackets. '
      + 'CPU per call: the CPU time of the component\'s processes during the run (/proc) ÷ the calls answered.',
    '',
    table(['figure', 'now', 'goal', 'met?'], goals(stack, results)),
    '',
    '## Details',
    '',
    '### Start-up and memory',
    '',
    `Whole stack from \`./portal up --no-build\` to ready: ${f1(startup)} s, warm: the data of the start before it `
      + '(Keycloak\'s realm imported, the topics made) and '
      + (missingCaches ? `the AOT caches of every Spring app and Keycloak but ${missingCaches}.` : 'the AOT caches of every Spring app and Keycloak.')
      + (process.env.PORTAL_SPRING_AOT === '0' ? ' The Spring apps ran without Spring AOT (PORTAL_SPRING_AOT=0).'
        : ' The Spring apps ran with the bean definitions Spring AOT generated in the build.')
      + ` From \`./portal up --reset --no-build\` (all data new: Keycloak creates its database and imports the realm): `
      + `${f1(resetStartup)} s. The figures below are of the warm start: resident memory at the moment the stack is ready, `
      + 'and "after start" once the whole stack has used less than a fifth of a core for 2 seconds (at most a minute '
      + 'later); "after the benchmarks" is the same stack once '
      + 'every benchmark below has run (the heap grown with the load). A Spring app\'s own start is given twice: within '
      + 'the stack\'s start (one app after the other, each beside the first work of those started before it: Kafka '
      + 'consumers joining, the JIT compiler) and alone (`./portal restart`, once the stack is up and quiet, before the '
      + `benchmarks), as a rolling update starts one pod while the others serve: ${ALONE_STARTS} times each (on shared cores one `
      + 'start varies by a second); the median first, then each.',
    '',
    table(['component', 'resident memory at ready (MB)', 'after start (MB)', 'after the benchmarks (MB)', 'own start within the stack\'s', 'own start alone'],
      Object.entries(memory).sort((a, b) => b[1].rssMb - a[1].rssMb).map(([name, m]) => [
        name, memoryAtReady?.[name]?.rssMb.toFixed(0) ?? '–', m.rssMb.toFixed(0), memoryAfter?.[name]?.rssMb.toFixed(0) ?? '–',
        name in startTimes ? `${f1(startTimes[name])} s` : '–',
        name in (aloneTimes ?? {}) ? `${f1(median(aloneTimes[name]))} s (${aloneTimes[name].map(f1).join(' / ')})` : '–',
      ])),
  ];

  const api = byBench('dossier-list');
  if (api.length) {
    const cpuNames = [...new Set(api.flatMap((r) => [r.viaGateway, r.direct]).flatMap((x) => Object.keys(x.cpuMsPerCall ?? {})))]
      .sort();
    lines.push('', '### Client API calls through the gateway and direct (a client with 500 dossiers)', '',
      'Each path warmed up first, until the JIT compiler threads used at most 3 % of the stack\'s CPU in a 5-second '
        + 'window (see the warm-up below); through the gateway with the browser session, direct with the client\'s bearer '
        + 'token (dossier-service, or identity-service for /api/me).', '',
      table(['scenario', 'callers', 'path', 'p50 ms', 'p99 ms', 'req/s', 'errors', ...cpuNames.map((n) => `CPU ms/call: ${n}`)],
        api.flatMap((r) => [['gateway', r.viaGateway], ['direct', r.direct]].map(([route, x]) => [
          r.scenario, r.concurrency ?? 16, route, f1(x.p50), f1(x.p99), x.rps.toFixed(0), x.errors ?? 0,
          ...cpuNames.map((n) => f2(x.cpuMsPerCall?.[n] ?? 0)),
        ]))));
    const warmUps = byBench('dossier-list-warm-up');
    if (warmUps.length) {
      const cpu = (w) => `${f2(w.cpuMsPerCall)} ms (JIT ${(w.jitShare * 100).toFixed(0)} %)`;
      lines.push('', '### Warm-up: what a path costs while the JIT compiles (16 callers, windows of 5 s)', '',
        table(['scenario', 'path', 'calls until warm', 'seconds', 'stack CPU per call, first window', 'last window'],
          warmUps.map((w) => [w.scenario, w.route, `${w.calls}${w.settled ? '' : ' (still compiling)'}`, w.seconds.toFixed(0),
            cpu(w.first), cpu(w.last)])));
    }
    lines.push('', '### Gateway overhead per request (same run)', '',
      table(['scenario', 'callers', 'p50 added', 'p99 added', 'req/s gateway ÷ direct', 'gateway CPU per request'],
        api.map((r) => [r.scenario, r.concurrency ?? 16, signed(r.viaGateway.p50 - r.direct.p50, ' ms'),
          signed(r.viaGateway.p99 - r.direct.p99, ' ms'), `${f2(r.viaGateway.rps / r.direct.rps)}×`,
          `${f2(r.viaGateway.cpuMsPerCall?.gateway ?? 0)} ms`])));
  }
  const staffList = byBench('staff-dossier-search');
  if (staffList.length) {
    const { dossiers, total, concurrency } = staffList[0];
    lines.push('', `### Staff dossier list (GET /api/staff/dossiers: ${dossiers} bench dossiers, ${total} in all; `
      + `office token, ${concurrency} concurrent callers)`, '',
      table(['case', 'parameters', 'found', 'path', 'p50 ms', 'p99 ms', 'req/s'],
        staffList.flatMap((r) => [['gateway', r.viaGateway], ['direct', r.direct]].map(([route, x]) => [
          r.scenario, `\`${r.params}\``, r.found, route, f1(x.p50), f1(x.p99), x.rps.toFixed(0),
        ]))));
  }
  const mail = byBench('notifications')[0];
  if (mail) {
    lines.push('', '### Event → e-mail', '', table(['warm-up documents (not counted)', 'documents', 'e-mails', 'p50 ms', 'p99 ms', 'max ms'],
      [[mail.warmup ?? 0, mail.documents, mail.mails, mail.p50, mail.p99, mail.max]]));
  }
  const files = byBench('files');
  if (files.length) lines.push('', '### Files', '', table(['measurement', 'value'], files.map((r) => [r.measurement, r.value])));
  const browser = byBench('browser')[0];
  if (browser) {
    lines.push('', `### Browser (GET / and the files index.html links, Accept-Encoding: ${browser.acceptEncoding}; bytes as transferred)`, '',
      table(['file', 'body bytes', 'header bytes', 'encoding', 'Cache-Control'], [
        ['index.html', browser.index.bodyBytes, browser.index.headerBytes, browser.index.encoding, browser.index.cacheControl],
        ...browser.files.map((f) => [f.path, f.bodyBytes, f.headerBytes, f.encoding, f.cacheControl]),
      ]), '', `First load ${browser.firstLoad} B; repeat visit ${browser.repeatVisit} B (${browser.repeatWhat}).`);
  }
  lines.push('');
  return lines.join('\n');
}

async function main() {
  if (existsSync(path.join(ROOT, '.local', 'portal.pid'))) {
    throw new Error('a stack seems to run (.local/portal.pid): stop it first (./portal stop)');
  }
  rmSync(RESULTS, { force: true });
  console.log(`Starting the stack with ${PRODUCTION_JAVA_OPTS} ...`);
  let { stack, seconds: resetStartup, missingCaches } = await startStack({ reset: true });
  if (missingCaches) {
    // the JVM's AOT caches for these options are made once, then the stack starts again
    console.log(`AOT caches missing for ${missingCaches}: waiting until they are made, then starting again ...`);
    while (existsSync(path.join(ROOT, '.local', 'pids', 'aot-training.pid'))) {
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    await stopStack(stack);
    ({ stack, seconds: resetStartup, missingCaches } = await startStack({ reset: true }));
  }
  // the goal is a warm start: the data of the start before (Keycloak's realm imported, topics made) and the caches
  await stopStack(stack);
  let seconds;
  ({ stack, seconds, missingCaches } = await startStack({ reset: false }));
  try {
    const memoryAtReady = components();
    await quiet();
    const memory = components();
    const startTimes = springStartSeconds();
    const aloneTimes = await startAlone(Object.keys(startTimes));
    // BENCH_SKIP=staff-dossier-search.mjs,… leaves benches out (the staff search seeds 10,000 dossiers first)
    const skipped = (process.env.BENCH_SKIP ?? '').split(',').filter(Boolean);
    for (const [file, env] of BENCHES.filter(([name]) => !skipped.includes(name))) runBench(file, env);
    const memoryAfter = components();
    const results = readFileSync(RESULTS, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    const markdown = report({ startup: seconds, resetStartup, startTimes, aloneTimes, memory, memoryAtReady, memoryAfter, missingCaches }, results);
    writeFileSync(REPORT, `${markdown}\n`);
    console.log(`\n${markdown}\n\n(written to bench/results.md)`);
  } finally {
    await stopStack(stack);
  }
}

/**
 * Starts each app of `names` again alone (`./portal restart`, with the environment the stack was started with),
 * ALONE_STARTS times, each once the stack is quiet, and returns its "Started … in N seconds" of each start.
 */
async function startAlone(names) {
  const seconds = {};
  for (const name of names) {
    seconds[name] = [];
    for (let i = 0; i < ALONE_STARTS; i++) {
      await quiet();
      execFileSync(path.join(ROOT, 'portal'), ['restart', name], { cwd: ROOT, stdio: 'ignore' });
      seconds[name].push(springStartSeconds()[name]);
    }
  }
  await quiet();
  return seconds;
}

async function stopStack(stack) {
  const exited = new Promise((resolve) => stack.on('exit', resolve));
  stack.kill('SIGTERM');
  await exited;
}

// Imported (e.g. to render report() from a results file) it does nothing by itself.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`benchmarks failed: ${error.message}`);
    process.exit(1);
  });
}

export { report };
