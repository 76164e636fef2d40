// What went wrong, in the user's language. The services' problems (RFC 9457) carry an English `detail` for API callers
// and, where a person meets them, a stable `code` with `params` (document-service's and messaging-service's upload and
// message refusals): a known code is said with its own text and parameters, anything else by its status. The server's
// English `detail` is never shown.
import { catalogues, formatFileSize, translate, type Lang, type MessageKey, type Params } from '../../i18n/i18n';
import { ApiError, parseProblem } from './client';
import type { Problem } from './types';

/** A failed request as the web app meets it: its HTTP status (0 = no answer at all) and its problem, if any. */
export interface Failure {
  status: number;
  problem?: Problem;
}

/** A tus-js-client error (through Uppy): the response it gave up on, if there was one. */
interface TusError {
  originalResponse?: { getStatus?(): number; getBody?(): string } | null;
}

/** The status and problem of an ApiError or a tus error; a failure without any answer is status 0 (network). */
export function failureOf(error: unknown): Failure {
  if (error instanceof ApiError) return { status: error.status, problem: error.problem };
  const response = (error as TusError | null | undefined)?.originalResponse;
  if (response) {
    const problem = parseProblem(response.getBody?.());
    return { status: response.getStatus?.() ?? problem?.status ?? -1, problem };
  }
  return { status: error instanceof Error ? 0 : -1 };
}

/** The text of each code the web app knows: a key and its parameters (undefined: the code's params do not fit). */
const CODES: Record<string, (params: Record<string, string>, lang: Lang) => { key: MessageKey; params: Params; accepted?: boolean } | undefined> = {
  'upload.refused-type': (p) => {
    const key = `problem.upload.refused-type.${p.kind}`;
    return { key: isKey(key) ? key : 'problem.upload.refused-type.other', params: p, accepted: true };
  },
  'upload.too-large': (p, lang) => {
    const max = Number(p.max);
    return Number.isFinite(max) && max > 0 ? { key: 'problem.upload.too-large', params: { ...p, max: formatFileSize(max, lang) } } : undefined;
  },
  'upload.too-many-files': (p) => ({ key: 'problem.upload.too-many-files', params: p }),
  'upload.empty': (p) => ({ key: 'problem.upload.empty', params: p }),
  'upload.dossier-not-found': (p) => ({ key: 'problem.upload.dossier-not-found', params: p }),
  'upload.not-found': (p) => ({ key: 'problem.upload.not-found', params: p }),
  'upload.offset-mismatch': (p) => ({ key: 'problem.upload.offset-mismatch', params: p }),
  'upload.busy': (p) => ({ key: 'problem.upload.busy', params: p }),
  'upload.unfinished': (p) => ({ key: 'problem.upload.unfinished', params: p }),
  'upload.already-sent': (p) => ({ key: 'problem.upload.already-sent', params: p }),
  'message.upload-not-found': (p) => ({ key: 'problem.message.upload-not-found', params: p }),
  'message.reply-to-unknown': (p) => ({ key: 'problem.message.reply-to-unknown', params: p }),
};

/** The codes the web app has its own words for (for the tests: each has a text in both languages). */
export const KNOWN_CODES: readonly string[] = Object.keys(CODES);

function isKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalogues.nl, key);
}

/** The problem's parameters as strings (a service could send a number). */
function paramsOf(problem: Problem): Record<string, string> {
  const params: Record<string, string> = {};
  const raw: unknown = problem.params;
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
      if (typeof value === 'string' || typeof value === 'number') params[name] = String(value);
    }
  }
  return params;
}

/**
 * The text of a problem with a code the web app knows, in `lang`; undefined for no code, an unknown code, or
 * parameters that do not fill the text (a placeholder would be left, so the status text is said instead).
 */
export function codeText(problem: Problem | undefined, lang: Lang): string | undefined {
  if (!problem || typeof problem.code !== 'string' || !Object.prototype.hasOwnProperty.call(CODES, problem.code)) return undefined;
  const text = CODES[problem.code](paramsOf(problem), lang);
  if (!text) return undefined;
  const template = catalogues[lang][text.key];
  const needed = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  if (needed.some((name) => text.params[name] === undefined || String(text.params[name]).trim() === '')) return undefined;
  const sentence = translate(lang, text.key, text.params);
  return text.accepted ? `${sentence} ${translate(lang, 'problem.upload.accepted')}` : sentence;
}

/** What a status says when nothing more is known (0: no connection). */
export function statusText(status: number, lang: Lang): string {
  if (status === 0) return translate(lang, 'problem.status.network');
  if (status >= 500) return translate(lang, 'problem.status.5xx');
  const key = `problem.status.${status}`;
  if (!isKey(key)) return translate(lang, 'problem.status.other');
  return status === 415 ? `${translate(lang, key)} ${translate(lang, 'problem.upload.accepted')}` : translate(lang, key);
}

/** Any failure (an ApiError, a tus error, anything else) in the user's language: by its code, else by its status. */
export function problemText(error: unknown, lang: Lang): string {
  const { status, problem } = failureOf(error);
  return codeText(problem, lang) ?? statusText(status, lang);
}

/**
 * A sentence about a file that was not added, naming it: the code's own text when it names the file, otherwise
 * "<file> is niet toegevoegd: <reason>".
 */
export function fileProblemText(error: unknown, fileName: string, lang: Lang): string {
  const { status, problem } = failureOf(error);
  const text = codeText(problem, lang);
  if (text && fileName && text.includes(fileName)) return text;
  return translate(lang, 'compose.attachments.refused', { file: fileName, reason: text ?? statusText(status, lang) });
}
