// Resumable uploads with tus through Uppy, as the client's attachments and the office's documents use them: the same
// endpoint, retries, CSRF header and the server's reason for a refusal (in the user's language where the caller says which).
import Uppy, { type Meta, type UppyFile } from '@uppy/core';
import Tus from '@uppy/tus';
import type { Lang } from '../i18n/i18n';
import { csrfToken, parseProblem } from './api/client';
import * as portalApi from './api/portalApi';
import { problemText } from './api/problemText';

/** The tus metadata of every file: the server needs the name, the type and the dossier. */
export type FileMeta = Meta & { filename: string; filetype: string; dossierId: string };
// tus' responses are XMLHttpRequests (Uppy's TusBody); the app only reads the upload URL.
export type FileBody = Record<string, never>;
export type AttachmentFile = UppyFile<FileMeta, FileBody>;

/** Wait this long between retries of a failed tus request (a dropped connection), then give up. */
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10000, 20000];

/**
 * The server's English explanation of a refused tus request (problem+json `detail`), if it gave one: for the office's
 * staff only. What a client sees is said in the client's language (problemText).
 */
export function refusalDetail(error: unknown): string | undefined {
  const response = (error as { originalResponse?: { getBody(): string } | null } | null)?.originalResponse;
  if (!response) return undefined;
  const problem = parseProblem(response.getBody());
  return problem?.detail ?? problem?.title ?? undefined;
}

/**
 * Uppy with the tus uploader as the portal needs it (exported for the tests). With `lang` (read at each failure: the
 * user can switch) a failure's message is the portal's sentence in that language, never the server's English detail.
 */
export function createUppy(dossierId: string, id = 'attachments', lang?: () => Lang) {
  const uppy = new Uppy<FileMeta, FileBody>({
    id,
    autoProceed: false,
    // Messages in the dialog stay long enough to be read (the refusals are also listed in the form).
    infoTimeout: 10000,
    meta: { dossierId } as Partial<FileMeta> as FileMeta,
    restrictions: { maxFileSize: portalApi.UPLOAD_LIMITS.maxFileSize, maxNumberOfFiles: portalApi.UPLOAD_LIMITS.maxFiles },
    onBeforeFileAdded: (file) => ({
      ...file,
      meta: { ...file.meta, filename: file.name ?? '', filetype: file.type || 'application/octet-stream' },
    }),
  });
  uppy.use(Tus, {
    endpoint: portalApi.TUS_ENDPOINT,
    chunkSize: portalApi.UPLOAD_LIMITS.chunkSize,
    retryDelays: RETRY_DELAYS,
    // A finished upload must not be "resumed" (reused) when the same file is chosen again for another message.
    removeFingerprintOnSuccess: true,
    allowedMetaFields: ['filename', 'filetype', 'dossierId'],
    // The gateway checks the CSRF token on every state-changing request; the cookie can change, so read it each time.
    onBeforeRequest: (request) => {
      const token = csrfToken();
      if (token) request.setHeader('X-XSRF-TOKEN', token);
    },
    // The reason (a 413/415's code, else its status) instead of tus' technical message, which Uppy would show.
    onError: (error) => {
      if (lang) {
        error.message = problemText(error, lang());
        return;
      }
      const detail = refusalDetail(error);
      if (detail) error.message = detail;
    },
  });
  return uppy;
}

