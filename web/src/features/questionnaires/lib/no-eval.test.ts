// The gateway's Content-Security-Policy allows `script-src 'self'` without 'unsafe-eval': nothing in the app may compile
// code from strings. This builds the app as `npm run build` does (vite.config.ts, minified; in memory, dist/ untouched)
// and looks for `eval(`, `Function(` and `new Function` (minifiers drop the `new`) in every chunk, and in the
// validator's own source. The same build shows where the formats went: formats.ts, with libphonenumber-js's metadata,
// only in the questionnaire chunk, not in the first-load bundle nor in the office's workspace.
import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';
import formatsSource from './formats.ts?raw';
import validationSource from './validation.ts?raw';

/** web/ (the app's root), as a file path. */
const WEB = decodeURIComponent(new URL('../../../..', import.meta.url).pathname).replace(/\/$/, '');
const EVAL = /(?<![\w$.])(?:eval|Function)\s*\(|\bnew\s+Function\b|(?<![\w$.])(?:setTimeout|setInterval)\s*\(\s*["'`]/g;

/**
 * lodash's way to find the global object (in @uppy's chunk): `freeGlobal || freeSelf || Function('return this')()`.
 * In a browser `self` is the global object, so the Function call is never reached.
 */
const UNREACHED_IN_BROWSERS = /\|\|\s*Function\(\s*["'`]return this["'`]\s*\)\(\)/g;

function evalIn(code: string): string[] {
  return [...code.replace(UNREACHED_IN_BROWSERS, '').matchAll(EVAL)].map((m) => code.slice(Math.max(0, m.index - 40), m.index + 40));
}

/** What `npm run build` makes (vitest's NODE_ENV=test would bring React's development build), kept in memory. */
async function buildForProduction(): Promise<Rolldown.RolldownOutput | Rolldown.RolldownOutput[]> {
  const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;
  const nodeEnv = env.NODE_ENV;
  env.NODE_ENV = 'production';
  try {
    return (await build({
      root: WEB,
      configFile: `${WEB}/vite.config.ts`,
      mode: 'production',
      logLevel: 'silent',
      build: { write: false, emptyOutDir: false },
    })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  } finally {
    env.NODE_ENV = nodeEnv;
  }
}

let built: Promise<Rolldown.OutputChunk[]> | undefined;

/** The chunks of the production build, built once for this file's tests. */
function productionBuild(): Promise<Rolldown.OutputChunk[]> {
  built ??= buildForProduction().then((output) =>
    (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).filter((c): c is Rolldown.OutputChunk => c.type === 'chunk'),
  );
  return built;
}

describe('no code from strings (CSP without unsafe-eval)', () => {
  it('the built app: no chunk evaluates strings, the questionnaire chunk included', async () => {
    const chunks = await productionBuild();
    expect(chunks.map((c) => c.fileName)).toContainEqual(expect.stringMatching(/^assets\/QuestionnairePage-.*\.js$/));
    const found = Object.fromEntries(chunks.map((c) => [c.fileName, evalIn(c.code)]).filter(([, hits]) => hits.length > 0));
    expect(found).toEqual({});
  }, 120_000);

  it('the pattern finds a generated-code call, as a code-generating validator (Ajv, before) left it in the chunk', () => {
    expect(evalIn('s&&(g=this.opts.code.process(g,e));let i=Function(`${r.default.self}`,`${r.default.scope}`,g)')).toHaveLength(1);
    expect(evalIn('const f = new Function("a", "return a")')).toHaveLength(1);
    expect(evalIn('x=eval(y)')).toHaveLength(1);
    expect(evalIn('(0,eval)(y)')).toHaveLength(0); // not an eval call in this form; none in the bundle either
    expect(evalIn('setTimeout("alert(1)", 1)')).toHaveLength(1);
    expect(evalIn('t.exports=n||r||Function(`return this`)()')).toHaveLength(0);
    expect(evalIn('isFunction(x); x.Function(y); typeof x == "function"')).toHaveLength(0);
  });

  it("the validator's source", () => {
    for (const [file, source] of Object.entries({ 'validation.ts': validationSource, 'formats.ts': formatsSource })) {
      expect(source, file).toMatch(/export /);
      const code = source.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
      expect(evalIn(code), file).toEqual([]);
      expect(code, file).not.toMatch(/from ['"]ajv/);
    }
  });
});

describe('the formats in the built app', () => {
  it('formats.ts and libphonenumber-js are in the questionnaire chunk only', async () => {
    const chunks = await productionBuild();
    const holding = (module: RegExp) => chunks.filter((c) => c.moduleIds.some((id) => module.test(id))).map((c) => c.fileName);
    const formats = holding(/\/questionnaires\/lib\/formats\.ts$/);
    expect(formats).toEqual([expect.stringMatching(/^assets\/Questionnaire-.*\.js$/)]);
    expect(holding(/\/node_modules\/libphonenumber-js\//)).toEqual(formats);
    // neither the first-load bundle (the entry and the chunks it imports) nor the office's workspace imports that chunk
    const entry = chunks.filter((c) => c.isEntry);
    expect(entry.map((c) => c.fileName)).toEqual([expect.stringMatching(/^assets\/index-.*\.js$/)]);
    const office = chunks.find((c) => /^assets\/OfficeApp-.*\.js$/.test(c.fileName));
    expect(office).toBeDefined();
    expect([...entry.flatMap((c) => [c.fileName, ...c.imports]), ...(office?.imports ?? [])]).not.toContain(formats[0]);
  }, 120_000);
});
