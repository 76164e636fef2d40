import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Translator } from '@uppy/core/utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, makeI18n } from '../../../i18n/I18nContext';
import AttachmentDialog, { createUppy } from './AttachmentDialog';
import { uppyLocale } from './uppyLocale';

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

  it("shows the server's detail (problem+json) of a refused upload instead of tus' technical message", () => {
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
    const props = { onClose: vi.fn(), onUploaded: vi.fn(), onRefused: vi.fn() };
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

  it('speaks English', async () => {
    renderDialog('en');
    const dialog = await screen.findByRole('dialog', { name: 'Add attachments' });
    expect(within(dialog).getByRole('button', { name: 'Browse' })).toBeTruthy();
    expect(within(dialog).getByText('At most 10 files, each at most 50 MB')).toBeTruthy();
  });
});
