import { describe, expect, it } from 'vitest';
import { ApiError } from './client';
import { codeText, failureOf, fileProblemText, KNOWN_CODES, problemText, statusText } from './problemText';
import type { Problem } from './types';

/** Words of the services' English sentences that have no place in the Dutch UI. */
const ENGLISH = /\b(cannot|delivered|send a|it is|was not|is larger|the most|has not|finished|uploading|found|request|message|file type|program|archive|web page|please|try again)\b/i;

const FILE = 'evil-renamed.pdf';

/** The English detail the services write next to the code: it must never reach the page. */
const DETAIL = `'${FILE}' cannot be delivered: it is a program. Send a PDF, a photo or scan (JPEG, PNG, HEIC, TIFF) or an office document (DOCX, XLSX, ODT).`;

const refused = (kind: string, type = 'application/x-msdownload'): Problem => ({
  status: 415,
  title: 'File type not accepted',
  detail: DETAIL,
  code: 'upload.refused-type',
  params: { file: FILE, kind, type },
});

/** A tus-js-client error as Uppy's tus plugin hands it over: the response it gave up on. */
const tusError = (status: number, body: unknown) =>
  Object.assign(new Error(`tus: unexpected response while uploading chunk, response code: ${status}`), {
    originalResponse: { getStatus: () => status, getBody: () => (typeof body === 'string' ? body : JSON.stringify(body)) },
  });

const KINDS = ['program', 'script', 'web-page', 'svg', 'archive', 'archive-with-program', 'archive-too-large', 'damaged-archive', 'other'];

describe('a refused file in the UI language (upload.refused-type)', () => {
  it.each(KINDS)('%s: Dutch, naming the file, saying what to send instead', (kind) => {
    const text = problemText(new ApiError(415, refused(kind, kind === 'other' ? 'text/plain' : 'application/x-msdownload')), 'nl');
    expect(text).toContain(FILE);
    expect(text).toContain('kan niet worden aangeleverd');
    expect(text).toContain('Stuur een pdf, een foto of scan (JPEG, PNG, HEIC, TIFF) of een Office-document (DOCX, XLSX, ODT).');
    expect(text).not.toMatch(ENGLISH);
    expect(text).not.toContain('Send a');
  });

  it.each(KINDS)('%s: English in the English UI', (kind) => {
    const text = problemText(new ApiError(415, refused(kind)), 'en');
    expect(text).toContain(`${FILE} cannot be delivered:`);
    expect(text).toContain('Send a PDF');
  });

  it('says what each kind is', () => {
    const nl = (kind: string, type?: string) => problemText(new ApiError(415, refused(kind, type)), 'nl');
    expect(nl('program')).toBe(
      'evil-renamed.pdf kan niet worden aangeleverd: het is een programma. Stuur een pdf, een foto of scan (JPEG, PNG, HEIC, TIFF) of een Office-document (DOCX, XLSX, ODT).',
    );
    expect(nl('script')).toContain('het is een script.');
    expect(nl('web-page')).toContain('het is een webpagina.');
    expect(nl('svg')).toContain('SVG-afbeelding');
    expect(nl('archive')).toContain('archief');
    expect(nl('damaged-archive')).toContain('beschadigd');
    expect(nl('other', 'text/plain')).toContain('(text/plain)');
    // A kind a newer service may send: said as "a kind the portal does not accept", with its media type.
    expect(nl('macro-document', 'application/vnd.ms-word.document.macroEnabled.12')).toContain('(application/vnd.ms-word.document.macroEnabled.12)');
  });

  it('comes the same way through a tus error (Uppy), whatever tus says', () => {
    const text = problemText(tusError(415, refused('web-page')), 'nl');
    expect(text).toContain(`${FILE} kan niet worden aangeleverd: het is een webpagina.`);
    expect(text).not.toContain('tus');
    expect(failureOf(tusError(415, refused('web-page')))).toMatchObject({ status: 415, problem: { code: 'upload.refused-type' } });
  });
});

describe('the other codes of uploads and messages', () => {
  const problems: [string, Problem, string][] = [
    ['upload.too-large', { status: 413, detail: `'${FILE}' is larger than 50 MB, the most a file may be.`, code: 'upload.too-large', params: { file: FILE, max: String(50 * 1024 * 1024) } }, `${FILE} is te groot: een bestand mag maximaal 50 MB zijn.`],
    ['upload.too-many-files', { status: 413, detail: 'A message can carry at most 10 files.', code: 'upload.too-many-files', params: { max: '10' } }, 'Er zijn te veel bijlagen: u kunt maximaal 10 bestanden meesturen.'],
    ['upload.empty', { status: 400, detail: 'The file is empty.', code: 'upload.empty', params: { file: FILE } }, `${FILE} is leeg. Kies een bestand met inhoud.`],
    ['upload.unfinished', { status: 409, detail: `'${FILE}' has not finished uploading.`, code: 'upload.unfinished', params: { file: FILE } }, `${FILE} is nog niet helemaal geüpload.`],
    ['upload.already-sent', { status: 409, detail: `'${FILE}' was sent with a message and can no longer be removed.`, code: 'upload.already-sent', params: { file: FILE } }, `${FILE} is met een bericht verstuurd`],
    ['upload.dossier-not-found', { status: 404, detail: 'The dossier named in dossierId was not found.', code: 'upload.dossier-not-found', params: {} }, 'Dit dossier is niet (meer) beschikbaar.'],
    ['upload.not-found', { status: 404, detail: 'Upload 1 was not found.', code: 'upload.not-found', params: {} }, 'de upload is verlopen of verwijderd'],
    ['upload.offset-mismatch', { status: 409, detail: 'The upload is at byte 0; continue from there.', code: 'upload.offset-mismatch', params: { offset: '0' } }, 'Het uploaden is onderbroken.'],
    ['upload.busy', { status: 409, detail: 'Another request is appending to this upload.', code: 'upload.busy', params: {} }, 'Dit bestand wordt al geüpload.'],
    ['message.upload-not-found', { status: 400, detail: 'Upload u1 was not found.', code: 'message.upload-not-found', params: { upload: 'u1' } }, 'Een bijlage staat niet meer klaar'],
    ['message.reply-to-unknown', { status: 400, detail: 'The message replied to is not a message of this dossier.', code: 'message.reply-to-unknown', params: {} }, 'Het bericht waarop u antwoordt, is niet gevonden.'],
  ];

  it.each(problems)('%s in Dutch, not in the English of its detail', (_code, problem, dutch) => {
    const text = problemText(new ApiError(problem.status!, problem), 'nl');
    expect(text).toContain(dutch);
    expect(text).not.toMatch(ENGLISH);
    expect(text).not.toContain(problem.detail!);
    if (problem.params?.file) expect(text).toContain(FILE);
    expect(problemText(new ApiError(problem.status!, problem), 'en')).not.toBe(text);
  });

  it('every code the web app knows is tested here and has a text', () => {
    expect([...KNOWN_CODES].sort()).toEqual([...problems.map(([code]) => code), 'upload.refused-type'].sort());
  });
});

describe('an unknown code or none: a plain text per status, never the detail', () => {
  const statuses: [number, RegExp][] = [
    [400, /Controleer uw invoer/],
    [401, /Log opnieuw in/],
    [403, /geen toegang/],
    [404, /niet gevonden/],
    [409, /intussen gewijzigd/],
    [413, /te groot/],
    [415, /neemt het portaal niet aan\. Stuur een pdf/],
    [429, /te veel pogingen/],
    [500, /tijdelijk niet beschikbaar/],
    [502, /tijdelijk niet beschikbaar/],
    [503, /tijdelijk niet beschikbaar/],
    [418, /Er is iets misgegaan/],
  ];

  it.each(statuses)('%i', (status, dutch) => {
    for (const problem of [
      { status, detail: 'Something the server says in English.' },
      { status, detail: 'Something the server says in English.', code: 'upload.something-new', params: { file: FILE } },
    ] as Problem[]) {
      const text = problemText(new ApiError(status, problem), 'nl');
      expect(text).toMatch(dutch);
      expect(text).not.toContain('English');
      expect(text).toBe(statusText(status, 'nl'));
      expect(problemText(tusError(status, problem), 'nl')).toBe(text);
    }
    expect(statusText(status, 'en')).not.toBe(statusText(status, 'nl'));
  });

  it('no answer at all is a lost connection; a body that is not a problem is said by status', () => {
    expect(problemText(new ApiError(0), 'nl')).toMatch(/geen verbinding/);
    expect(problemText(new Error('tus: failed to upload chunk'), 'nl')).toMatch(/geen verbinding/);
    expect(problemText(tusError(413, '<html>Request Entity Too Large</html>'), 'nl')).toBe(statusText(413, 'nl'));
    expect(problemText(undefined, 'nl')).toMatch(/Er is iets misgegaan/);
  });

  it('parameters that do not fill the text are said by status, not with a placeholder', () => {
    const noFile = { status: 415, detail: DETAIL, code: 'upload.refused-type', params: { kind: 'program' } };
    expect(codeText(noFile, 'nl')).toBeUndefined();
    expect(problemText(new ApiError(415, noFile), 'nl')).toBe(statusText(415, 'nl'));
    const badMax = { status: 413, code: 'upload.too-large', params: { file: FILE, max: 'lots' } };
    expect(problemText(new ApiError(413, badMax), 'nl')).toBe(statusText(413, 'nl'));
    expect(codeText({ status: 400, code: 'upload.empty', params: { file: 7 } as unknown as Record<string, string> }, 'nl')).toBe('7 is leeg. Kies een bestand met inhoud.');
  });
});

describe('a file that was not added, named', () => {
  it("uses the code's own sentence when it names the file", () => {
    expect(fileProblemText(tusError(415, refused('program')), FILE, 'nl')).toBe(problemText(new ApiError(415, refused('program')), 'nl'));
  });

  it('names the file before a status text', () => {
    expect(fileProblemText(tusError(413, { status: 413, detail: 'The upload is larger than allowed.' }), 'film.mov', 'nl')).toBe(
      'film.mov is niet toegevoegd: Dit is te groot om te versturen.',
    );
    expect(fileProblemText(new Error('tus: failed to upload chunk'), 'scan.pdf', 'en')).toBe(
      'scan.pdf was not added: The portal cannot be reached. Check your internet connection and try again.',
    );
  });
});
