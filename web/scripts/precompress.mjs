// Writes a brotli (.br) and a gzip (.gz) copy next to each built text file, so that the gateway
// serves them as they are (spring.web.resources.chain.compressed) instead of compressing on
// every request. Run by the build (the plugin in vite.config.ts, after `vite build` has written
// its files) or by hand: `node scripts/precompress.mjs [dir]` (default dist).
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text formats only; woff/woff2, images and the like are compressed already. */
export const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.xml', '.webmanifest']);
/** Below this a compressed copy saves less than the headers it costs. */
export const MIN_SIZE = 1024;

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

/** Compresses the files under dir; returns one line per file: name, raw, gzip and brotli bytes. */
export async function precompress(dir) {
  const done = [];
  for await (const path of files(dir)) {
    if (!COMPRESSIBLE.has(extname(path)) || (await stat(path)).size < MIN_SIZE) continue;
    const raw = await readFile(path);
    const [br, gzipped] = await Promise.all([
      brotli(raw, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        },
      }),
      gz(raw, { level: constants.Z_BEST_COMPRESSION }),
    ]);
    // a copy that is not smaller would only be sent instead of the file for nothing
    if (br.length < raw.length) await writeFile(`${path}.br`, br);
    if (gzipped.length < raw.length) await writeFile(`${path}.gz`, gzipped);
    done.push({ file: relative(dir, path), raw: raw.length, gzip: gzipped.length, brotli: br.length });
  }
  return done;
}

/** The Vite plugin: compresses the output directory once the build has written it (a build with write: false writes nothing). */
export function precompressPlugin() {
  return {
    name: 'portal:precompress',
    apply: 'build',
    async writeBundle(options) {
      const done = await precompress(options.dir);
      console.log(`precompressed ${done.length} files (.br, .gz) in ${options.dir}`);
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? 'dist';
  for (const { file, raw, gzip, brotli } of await precompress(dir)) {
    console.log(`${file}\t${raw}\tgzip ${gzip}\tbr ${brotli}`);
  }
}
