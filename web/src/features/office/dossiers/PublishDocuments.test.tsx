import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, makeI18n } from '../../../i18n/I18nContext';
import { ApiError } from '../../../lib/api/client';
import * as portalApi from '../../../lib/api/portalApi';
import { createUppy } from '../../../lib/tusUploads';
import { PublishDocuments } from './PublishDocuments';

vi.mock('../../../lib/api/portalApi', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/api/portalApi')>()),
  publishUpload: vi.fn(),
}));
vi.mock('../../../lib/tusUploads', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/tusUploads')>()),
  createUppy: vi.fn(),
}));

type Handler = (file: { id: string } | undefined, arg: unknown) => void;

/** Uppy as the component uses it: every file uploads, except those named in `refused` (the server's 415). */
function fakeUppy(refused: string[]) {
  const handlers: Record<string, Handler> = {};
  const files: { id: string; name: string }[] = [];
  return {
    on: (event: string, handler: Handler) => {
      handlers[event] = handler;
    },
    addFile: ({ name }: { name: string }) => {
      const id = `uppy-${files.length}`;
      files.push({ id, name });
      return id;
    },
    upload: async () => {
      for (const file of files) {
        if (refused.includes(file.name)) handlers['upload-error']?.(file, Object.assign(new Error('refused'), { originalResponse: { getBody: () => '{"detail":"Dit bestandstype wordt niet geaccepteerd."}' } }));
        else handlers['upload-success']?.(file, { uploadURL: `/api/uploads/tus/up-${file.name}` });
      }
      return {};
    },
    destroy: () => undefined,
  };
}

const drop = (names: string[]) =>
  fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files: names.map((name) => new File(['x'], name, { type: 'application/pdf' })) } });

function renderPublish(onPublished = vi.fn()) {
  render(
    <I18nContext.Provider value={makeI18n('nl', () => undefined)}>
      <PublishDocuments dossierId="d-1" onPublished={onPublished} />
    </I18nContext.Provider>,
  );
  return onPublished;
}

describe('PublishDocuments', () => {
  beforeEach(() => {
    vi.mocked(portalApi.publishUpload).mockReset();
  });

  it('publishes each dropped file with its own title and category, and says which one failed and why', async () => {
    vi.mocked(createUppy).mockReturnValue(fakeUppy(['foto.exe']) as unknown as ReturnType<typeof createUppy>);
    vi.mocked(portalApi.publishUpload).mockImplementation(async (_d, uploadId) => {
      if (uploadId === 'up-brief.pdf') throw new ApiError(409, { detail: 'Deze upload is al gepubliceerd.' });
      return {} as never;
    });
    const onPublished = renderPublish();
    drop(['akte_concept.pdf', 'brief.pdf', 'foto.exe']);
    expect(screen.getByLabelText('Titel van akte_concept.pdf')).toHaveProperty('value', 'akte concept');
    await userEvent.selectOptions(screen.getByLabelText('Categorie van brief.pdf'), 'Correspondentie');
    await userEvent.click(screen.getByRole('button', { name: 'Publiceren' }));

    await screen.findByText('1 van 3 gepubliceerd.');
    expect(portalApi.publishUpload).toHaveBeenCalledWith('d-1', 'up-akte_concept.pdf', 'akte concept', 'DOCUMENT');
    expect(portalApi.publishUpload).toHaveBeenCalledWith('d-1', 'up-brief.pdf', 'brief', 'CORRESPONDENCE');
    expect(portalApi.publishUpload).toHaveBeenCalledTimes(2);
    expect(screen.getByText('Niet gelukt: Deze upload is al gepubliceerd.')).toBeTruthy();
    expect(screen.getByText('Niet gelukt: Dit bestandstype wordt niet geaccepteerd.')).toBeTruthy();
    expect(screen.getByText('Gepubliceerd')).toBeTruthy();
    expect(onPublished).toHaveBeenCalledTimes(1);
  }, 30_000);

  it('asks for a title before anything is uploaded', async () => {
    vi.mocked(createUppy).mockClear();
    renderPublish();
    drop(['scan.pdf']);
    await userEvent.clear(screen.getByLabelText('Titel van scan.pdf'));
    await userEvent.click(screen.getByRole('button', { name: 'Publiceren' }));
    await waitFor(() => expect(screen.getByText('Elk bestand heeft een titel nodig.')).toBeTruthy());
    expect(createUppy).not.toHaveBeenCalled();
  }, 30_000);
});
