// Kafka for the reliability scenarios, through reliability/lib/KafkaTool.java (Java's source launcher on the
// local stack's class path, which has kafka-clients): one JVM per scenario, one JSON line per request.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT, stackEnv } from './stack.mjs';

function javaBinary() {
  const home = process.env.JAVA_HOME ?? stackEnv('JAVA_HOME');
  return home && existsSync(path.join(home, 'bin', 'java')) ? path.join(home, 'bin', 'java') : 'java';
}

function classPath() {
  const jar = path.join(ROOT, 'local-stack', 'target', 'local-stack.jar');
  const list = path.join(ROOT, 'local-stack', 'target', 'classpath.txt');
  if (!existsSync(list)) throw new Error('local-stack/target/classpath.txt is missing: build the portal first (./portal up builds it)');
  return `${jar}${path.delimiter}${readFileSync(list, 'utf8').trim()}`;
}

/** Starts the tool; resolves with a client whose methods send one request each. Call close() when done. */
export async function kafkaTool() {
  const child = spawn(javaBinary(), ['-Xmx128m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-cp', classPath(),
    path.join(ROOT, 'reliability', 'lib', 'KafkaTool.java')], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-4000); });
  const lines = createInterface({ input: child.stdout });
  const waiting = [];
  lines.on('line', (line) => waiting.shift()?.resolve(line));
  child.on('close', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`KafkaTool ended (${code}): ${stderr}`));
  });
  const next = () => new Promise((resolve, reject) => waiting.push({ resolve, reject }));

  const hello = JSON.parse(await next());
  if (!hello.ready) throw new Error(`KafkaTool did not start: ${stderr}`);

  let queue = Promise.resolve();
  const request = (body) => {
    const answer = queue.then(async () => {
      const line = next();
      child.stdin.write(`${JSON.stringify(body)}\n`);
      const parsed = JSON.parse(await line);
      if (!parsed.ok) throw new Error(`Kafka ${body.op}: ${parsed.error}`);
      return parsed;
    });
    queue = answer.catch(() => {});
    return answer;
  };

  return {
    /** records: [{ topic, partition?, key?, value, headers? }] → [{ topic, partition, offset }] */
    produce: async (records) => (await request({ op: 'produce', records })).results,
    partitions: async (topic) => (await request({ op: 'partitions', topic })).partitions,
    /** { topic: { partition: offset } } */
    endOffsets: async (topics) => (await request({ op: 'endOffsets', topics })).offsets,
    /** The records of a topic from `from` ({ partition: offset }, default the beginning) up to the end offsets now. */
    read: async (topic, from, to) => (await request({ op: 'read', topic, from, to })).records,
    /** { group: { topic: { partition: committed offset } } } */
    committed: async (groups, topics) => (await request({ op: 'committed', groups, topics })).committed,
    close: () => new Promise((resolve) => {
      child.once('close', resolve);
      child.stdin.end();
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    }),
  };
}

/** Records a topic holds beyond `before` ({ partition: offset }), optionally only those whose value passes `match`. */
export async function recordsSince(kafka, topic, before, match = () => true) {
  return (await kafka.read(topic, before)).filter((r) => match(r));
}

/** The topics each service reads, as its dead-letter endpoint lists them: { service: [topic, ...] }. */
export async function consumedTopics(services) {
  const result = {};
  for (const [service, port] of Object.entries(services)) {
    const res = await fetch(`http://localhost:${port}/actuator/deadletters`, { signal: AbortSignal.timeout(15_000) });
    if (res.status !== 200) throw new Error(`${service}: GET /actuator/deadletters answered ${res.status}`);
    const topics = Object.keys(await res.json());
    if (topics.length) result[service] = topics;
  }
  return result;
}

/**
 * What the consumer groups (one per service, named like it) have not yet committed of the topics they read:
 * [{ group, topic, partition, end, committed }] — empty when every consumer has caught up.
 */
export async function lagging(kafka, consumed) {
  const topics = [...new Set(Object.values(consumed).flat())];
  const ends = await kafka.endOffsets(topics);
  const committed = await kafka.committed(Object.keys(consumed), topics);
  const behind = [];
  for (const [group, groupTopics] of Object.entries(consumed)) {
    for (const topic of groupTopics) {
      for (const [partition, end] of Object.entries(ends[topic] ?? {})) {
        const done = committed[group]?.[topic]?.[partition] ?? 0;
        if (done < end) behind.push({ group, topic, partition: Number(partition), end, committed: done });
      }
    }
  }
  return behind;
}
