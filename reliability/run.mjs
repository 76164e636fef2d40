#!/usr/bin/env node
// Runs the reliability scenarios against the running stack, one after the other (each is a node:test file and
// bounded in time), then prints what each proved, its time, and the figures it recorded.
//   ./portal reliability              all scenarios (./portal test runs them after the end-to-end tests)
//   ./portal reliability a e          some of them, by letter or file name
// Environment: RELIABILITY_N (1000, scenario a), RELIABILITY_RESTORE=0 leaves components restarted with other
// settings as they are (./portal test: the stack stops right after), RELIABILITY_FAST_MS (5000, scenario f).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { FIGURES_FILE, GATEWAY_REPLICA_URL, GATEWAY_URL, ROOT, RUN, timedFetch } from './lib/stack.mjs';
import { restoreAll } from './lib/overrides.mjs';

// The order matters: b leaves document-service with the upload limit e needs, c leaves notification-service with
// the retries d needs, f wants notification-service as configured, and d comes last (its replayed poison is parked again).
const SCENARIOS = [
  ['a', 'a-broker.test.mjs', 'broker paused 20 s, then killed and restarted, during 1,000 publications: all visible once, every e-mail once'],
  ['b', 'b-crash-after-write.test.mjs', 'services killed between database write and relay: event relayed and consumed once'],
  ['e', 'e-gateway-upload.test.mjs', 'gateway killed during a 100 MB tus upload: continued through the other one, byte-identical'],
  ['f', 'f-mongo-outage.test.mjs', 'MongoDB paused 20 s: fast 503 problem+json, nothing half-written, recovers by itself'],
  ['c', 'c-consumer-crash.test.mjs', 'notification-service killed mid-batch: nothing skipped, nothing doubled'],
  ['d', 'd-poison.test.mjs', 'poison records on every consumed topic: parked after the configured attempts, consumers go on, replay once'],
];

function runFile(file) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--test', '--test-reporter=spec', path.join('reliability', file)], {
      cwd: ROOT, stdio: 'inherit', env: { ...process.env, RELIABILITY_RUN: RUN, RELIABILITY_FIGURES: FIGURES_FILE },
    });
    child.on('close', (code) => resolve({ code, ms: Date.now() - started }));
  });
}

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => `| ${r.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

async function main() {
  const wanted = process.argv.slice(2).map((a) => a.replace(/^reliability\//, ''));
  const chosen = wanted.length ? SCENARIOS.filter(([letter, file]) => wanted.includes(letter) || wanted.includes(file)) : SCENARIOS;
  if (wanted.length && chosen.length !== wanted.length) {
    console.error(`unknown scenario among ${wanted.join(' ')} (known: ${SCENARIOS.map(([l, f]) => `${l} ${f}`).join(', ')})`);
    process.exit(2);
  }
  for (const url of [GATEWAY_URL, GATEWAY_REPLICA_URL]) {
    if ((await timedFetch(`${url}/actuator/health/readiness`, {}, 5000)).status !== 200) {
      console.error(`the portal does not answer at ${url}: start the stack first (./portal up)`);
      process.exit(1);
    }
  }
  rmSync(FIGURES_FILE, { force: true });
  console.log(`Reliability scenarios (run ${RUN}): ${chosen.map(([l]) => l).join(', ')}\n`);
  const started = Date.now();
  const results = [];
  for (const [letter, file, claim] of chosen) {
    console.log(`\n=== ${letter}. ${claim}`);
    results.push({ letter, file, claim, ...(await runFile(file)) });
  }
  if (process.env.RELIABILITY_RESTORE !== '0') {
    await restoreAll().catch((e) => console.error(`restoring components failed: ${e.message}`));
  }

  const figures = existsSync(FIGURES_FILE)
    ? readFileSync(FIGURES_FILE, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)) : [];
  console.log(`\nReliability summary (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  console.log(table([['', 'scenario', 'result', 'time'],
    ...results.map((r) => [r.letter, r.claim, r.code === 0 ? 'passed' : 'FAILED', `${(r.ms / 1000).toFixed(0)} s`])]));
  console.log('');
  console.log(table([['', 'figure', 'value'], ...figures.map((f) => [f.scenario, f.name, f.value])]));
  const failed = results.filter((r) => r.code !== 0);
  if (failed.length) {
    console.log(`\nFailed: ${failed.map((r) => `${r.letter} (reliability/${r.file})`).join(', ')}`);
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
