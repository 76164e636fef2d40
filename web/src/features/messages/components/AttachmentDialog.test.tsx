import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Translator } from '@uppy/core/utils';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, makeI18n } from '../../../i18n/I18nContext';
import AttachmentDialog, { createUppy } from './AttachmentDialog';
import { uppyLocale } from './uppyLocale';

// The Uppy instances the dialog creates, so that a test can play the part of tus (jsdom cannot upload).
const created = vi.hoisted(() => [] as unknown[]);
vi.mock('../../../lib/tusUploads', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../lib/tusUploads')>();
  return {
    ...original,
    createUppy: (...args: Parameters<typeof original.createUppy>) => {
      const uppy = original.createUppy(...args);
      created.push(uppy);
      return uppy;
    },
  };
});

function tusOptions(uppy: ReturnType<typeof createUppy>) {
  const plugin = uppy.getPlugin('Tus');
  if (!plugin) throw new Error('no Tus plugin');
  return plugin.opts as unknown as Record<string, unknown> & {
    onBeforeRequest: (request: FakeRequest, file: unknown) => void;
    onError: (error: Error) => void;
  };
}

/** The part of tus-js-client's HttpRequest that the portal uses. */
type FakeRequest = { setHeader: (name: string, value: string) => void };

function fakeRequest() {
  const headers: Record<string, string> = {};
  const request: FakeRequest = { setHeader: (name, value) => (headers[name] = value) };
  return { headers, request };
}

// jsdom has no ResizeObserver; Uppy's Dashboard watches its own size with one.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

afterEach(() => {
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
});

// Each Uppy looks at navigator.onLine 3 s after it was made (a timer destroy() does not clear): let those timers run
// while jsdom's window is still there, not in the next test file's time.
afterAll(() => new Promise((resolve) => setTimeout(resolve, 3100)));

describe('the tus uploader (MSG-5)', () => {
  it('uploads to /api/uploads/tus in 5 MB chunks, retries, and sends only the metadata the server needs', () => {
    const uppy = createUppy('dossier-1');
    const opts = tusOptions(uppy);
    expect(opts.endpoint).toBe('/api/uploads/tus');
    expect(opts.chunkSize).toBe(5 * 1024 * 1024);
    expect((opts.retryDelays as number[]).length).toBeGreaterThan(2);
    expect(opts.removeFingerprintOnSuccess).toBe(true);
    expect(opts.allowedMetaFields).toEqual(['filename', 'filetype', 'dossierId']);
    expect(uppy.opts.restrictions.maxFileSize).toBe(50 * 1024 * 1024);
    expect(uppy.opts.restrictions.maxNumberOfFiles).toBe(10);

    const id = uppy.addFile({ name: 'paspoort.pdf', type: 'application/pdf', data: new Blob(['%PDF-1.4'], { type: 'application/pdf' }) });
    expect(uppy.getFile(id).meta).toMatchObject({ filename: 'paspoort.pdf', filetype: 'application/pdf', dossierId: 'dossier-1' });
    uppy.destroy();
  });

  it('puts the current CSRF token on every tus request (read per request: the cookie can change)', () => {
    const uppy = createUppy('dossier-1');
    const { onBeforeRequest } = tusOptions(uppy);
    document.cookie = 'XSRF-TOKEN=first-token';
    const first = fakeRequest();
    onBeforeRequest(first.request, undefined);
    expect(first.headers['X-XSRF-TOKEN']).toBe('first-token');

    document.cookie = 'XSRF-TOKEN=second%2Btoken';
    const second = fakeRequest();
    onBeforeRequest(second.request, undefined);
    expect(second.headers['X-XSRF-TOKEN']).toBe('second+token');
    uppy.destroy();
  });

  it("says a refused upload in the user's language (the problem's code) instead of tus' technical message or the server's English", () => {
    let lang: 'nl' | 'en' = 'nl';
    const uppy = createUppy('dossier-1', 'attachments', () => lang);
    const { onError } = tusOptions(uppy);
    const refused = () =>
      Object.assign(new Error('tus: unexpected response while uploading chunk, response code: 415'), {
        originalResponse: {
          getStatus: () => 415,
          getBody: () =>
            JSON.stringify({
              status: 415,
              detail: "'evil-renamed.pdf' cannot be delivered: it is a program. Send a PDF, a photo or scan (JPEG, PNG, HEIC, TIFF) or an office document (DOCX, XLSX, ODT).",
              code: 'upload.refused-type',
              params: { file: 'evil-renamed.pdf', kind: 'program', type: 'application/x-msdownload' },
            }),
        },
      });
    const dutch = refused();
    onError(dutch);
    expect(dutch.message).toBe(
      'evil-renamed.pdf kan niet worden aangeleverd: het is een programma. Stuur een pdf, een foto of scan (JPEG, PNG, HEIC, TIFF) of een Office-document (DOCX, XLSX, ODT).',
    );
    lang = 'en';
    const english = refused();
    onError(english);
    expect(english.message).toMatch(/^evil-renamed\.pdf cannot be delivered: it is a program\. Send a PDF/);

    lang = 'nl';
    const offline = new Error('tus: failed to upload chunk');
    onError(offline);
    expect(offline.message).toBe('Er is geen verbinding met het portaal. Controleer uw internetverbinding en probeer het opnieuw.');
    uppy.destroy();
  });

  it("keeps the server's detail for the office's uploads, which do not say a language", () => {
    const uppy = createUppy('dossier-1');
    const { onError } = tusOptions(uppy);
    const error = Object.assign(new Error('tus: unexpected response while creating upload, response code: 415'), {
      originalResponse: { getBody: () => JSON.stringify({ status: 415, title: 'Unsupported Media Type', detail: 'Dit bestandstype wordt niet geaccepteerd.' }) },
    });
    onError(error);
    expect(error.message).toBe('Dit bestandstype wordt niet geaccepteerd.');

    const offline = new Error('tus: failed to upload chunk');
    onError(offline);
    expect(offline.message).toBe('tus: failed to upload chunk');
    uppy.destroy();
  });
});

describe("Uppy's labels are the manual's", () => {
  const translate = (lang: 'nl' | 'en') => {
    const translator = new Translator([uppyLocale(lang)]);
    return (key: string, options?: Record<string, string | number>) => translator.translate(key, options);
  };

  it('in Dutch: Bladeren, + Meer toevoegen, Upload x bestanden, Annuleer', () => {
    const t = translate('nl');
    expect(t('browseFiles')).toBe('Bladeren');
    expect(t('addMore')).toBe('Meer toevoegen');
    expect(t('addMoreFiles')).toBe('Meer toevoegen');
    expect(t('uploadXFiles', { smart_count: 1 })).toBe('Upload 1 bestand');
    expect(t('uploadXFiles', { smart_count: 2 })).toBe('Upload 2 bestanden');
    expect(t('uploadXNewFiles', { smart_count: 3 })).toBe('Upload 3 bestanden');
    expect(t('cancel')).toBe('Annuleer');
    expect(t('removeFile', { file: 'foto.png' })).toBe('Verwijder bestand foto.png');
    // From Uppy's own nl_NL pack where the portal needs no other words.
    expect(t('xFilesSelected', { smart_count: 2 })).toBe('2 bestanden geselecteerd');
  });

  it('in English: Browse, + Add more, Upload x files, Cancel', () => {
    const t = translate('en');
    expect(t('browseFiles')).toBe('Browse');
    expect(t('addMore')).toBe('Add more');
    expect(t('uploadXFiles', { smart_count: 1 })).toBe('Upload 1 file');
    expect(t('uploadXFiles', { smart_count: 2 })).toBe('Upload 2 files');
    expect(t('cancel')).toBe('Cancel');
  });
});

describe('AttachmentDialog in the page', () => {
  function renderDialog(lang: 'nl' | 'en' = 'nl') {
    const props = { onClose: vi.fn(), onUploaded: vi.fn(), onRefused: vi.fn<(file: string, message: string) => void>() };
    render(
      <I18nContext.Provider value={makeI18n(lang, () => undefined)}>
        <AttachmentDialog open dossierId="dossier-1" remaining={10} {...props} />
      </I18nContext.Provider>,
    );
    return props;
  }

  it('is a dialog with "Bladeren"; selected files are listed with a cross each, "+ Meer toevoegen", "Upload 2 bestanden" and "Annuleer"', async () => {
    const user = userEvent.setup();
    const { onClose } = renderDialog();
    const dialog = await screen.findByRole('dialog', { name: 'Bijlagen toevoegen' });
    expect(within(dialog).getByRole('button', { name: 'Bladeren' })).toBeTruthy();
    expect(within(dialog).getByText('Maximaal 10 bestanden, elk maximaal 50 MB')).toBeTruthy();

    const input = dialog.querySelector<HTMLInputElement>('input[type="file"][name="files[]"]')!;
    await act(async () =>
      user.upload(input, [new File(['%PDF-1.4'], 'paspoort.pdf', { type: 'application/pdf' }), new File(['png'], 'foto.png', { type: 'image/png' })]),
    );
    await within(dialog).findByRole('button', { name: 'Upload 2 bestanden' });
    expect(within(dialog).getByRole('button', { name: 'Verwijder bestand paspoort.pdf' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Meer toevoegen' })).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Verwijder bestand foto.png' }));
    await within(dialog).findByRole('button', { name: 'Upload 1 bestand' });
    // Uppy drops role="list" when one file is left; the portal puts it back (its items are role="listitem").
    await waitFor(() => expect(within(within(dialog).getByRole('list')).getAllByRole('listitem')).toHaveLength(1));

    await user.click(within(dialog).getByRole('button', { name: 'Annuleer' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  /** Plays tus' part for a file the server refuses: the plugin's onError first, then Uppy's upload-error. */
  function refuse(uppy: ReturnType<typeof createUppy>, fileId: string, status: number, problem: object) {
    const error = Object.assign(new Error(`tus: unexpected response while uploading chunk, response code: ${status}`), {
      originalResponse: { getStatus: () => status, getBody: () => JSON.stringify(problem) },
    });
    act(() => {
      tusOptions(uppy).onError(error);
      uppy.emit('upload-error', uppy.getFile(fileId), error, undefined);
    });
  }

  const PROGRAM = {
    status: 415,
    title: 'File type not accepted',
    detail: "'evil-renamed.pdf' cannot be delivered: it is a program. Send a PDF, a photo or scan (JPEG, PNG, HEIC, TIFF) or an office document (DOCX, XLSX, ODT).",
    code: 'upload.refused-type',
    params: { file: 'evil-renamed.pdf', kind: 'program', type: 'application/x-msdownload' },
  };

  it("says a refused file in Dutch in the pop-up and hands the same sentence to the form, never the server's English", async () => {
    created.length = 0;
    const { onRefused } = renderDialog();
    await screen.findByRole('dialog', { name: 'Bijlagen toevoegen' });
    const uppy = created.at(-1) as ReturnType<typeof createUppy>;
    const id = uppy.addFile({ name: 'evil-renamed.pdf', type: 'application/pdf', data: new Blob(['MZ']) });
    refuse(uppy, id, 415, PROGRAM);

    const sentence =
      'evil-renamed.pdf kan niet worden aangeleverd: het is een programma. Stuur een pdf, een foto of scan (JPEG, PNG, HEIC, TIFF) of een Office-document (DOCX, XLSX, ODT).';
    expect(onRefused).toHaveBeenCalledWith('evil-renamed.pdf', sentence);
    expect(uppy.getState().info.map((entry) => entry.message)).toContain(sentence);
    expect(uppy.getFile(id).error).toBe(sentence);
    await waitFor(() => expect(document.body.textContent).toContain(sentence));
    expect(document.body.textContent).not.toMatch(/cannot|delivered|Send a|it is a/);

    // Without a code, the status says it, naming the file.
    const other = uppy.addFile({ name: 'film.mov', type: 'video/quicktime', data: new Blob(['x']) });
    refuse(uppy, other, 413, { status: 413, detail: 'The upload is larger than allowed.' });
    expect(onRefused).toHaveBeenLastCalledWith('film.mov', 'film.mov is niet toegevoegd: Dit is te groot om te versturen.');
  });

  it('says a file Uppy refuses itself (over 50 MB) in Dutch, and the form lists it too', async () => {
    const user = userEvent.setup();
    const { onRefused } = renderDialog();
    const dialog = await screen.findByRole('dialog', { name: 'Bijlagen toevoegen' });
    const large = new File(['%PDF-1.4'], 'groot.pdf', { type: 'application/pdf' });
    Object.defineProperty(large, 'size', { value: 50 * 1024 * 1024 + 1 });
    const input = dialog.querySelector<HTMLInputElement>('input[type="file"][name="files[]"]')!;
    await act(async () => user.upload(input, [large]));
    await waitFor(() => expect(onRefused).toHaveBeenCalled());
    const [file, message] = onRefused.mock.calls[0] as [string, string];
    expect(file).toBe('groot.pdf');
    expect(message).toMatch(/^groot\.pdf is groter dan de toegestane 50 MB/);
    await waitFor(() => expect(document.body.textContent).toContain('groot.pdf is groter dan de toegestane 50 MB'));
  });

  it('speaks English', async () => {
    renderDialog('en');
    const dialog = await screen.findByRole('dialog', { name: 'Add attachments' });
    expect(within(dialog).getByRole('button', { name: 'Browse' })).toBeTruthy();
    expect(within(dialog).getByText('At most 10 files, each at most 50 MB')).toBeTruthy();
  });
});
