import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, makeI18n } from '../../../i18n/I18nContext';
import { ApiError } from '../../../lib/api/client';
import * as portalApi from '../../../lib/api/portalApi';
import type { MessageWithBody, Upload } from '../../../lib/api/types';
import type { AttachmentDialogProps } from './AttachmentDialog';
import { ComposeForm } from './ComposeForm';

vi.mock('../../../lib/api/portalApi', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/api/portalApi')>()),
  sendMessage: vi.fn(),
  deleteUpload: vi.fn(),
}));

// Uppy's pop-up is replaced by a stub that "uploads" the files a test hands it (jsdom cannot run tus).
const dialog = vi.hoisted(() => ({ files: [] as { id: string; fileName: string; size: number; contentType: string }[], refusals: [] as [string, string][] }));
vi.mock('./AttachmentDialog', () => ({
  default: (props: AttachmentDialogProps) =>
    props.open ? (
      <div role="dialog" aria-label="Uppy (stub)">
        <p>{`remaining ${props.remaining}`}</p>
        <button
          type="button"
          onClick={() => {
            dialog.files.forEach((file) => props.onUploaded(file));
            dialog.refusals.forEach(([file, reason]) => props.onRefused(file, reason));
            props.onClose();
          }}
        >
          upload
        </button>
        <button type="button" onClick={() => (props.onBusyChange?.(true), props.onClose())}>
          start and close
        </button>
        <button type="button" onClick={() => props.onBusyChange?.(false)}>
          finish
        </button>
      </div>
    ) : null,
}));

const PASSPORT: Upload = { id: 'up-1', fileName: 'paspoort.pdf', size: 2048, contentType: 'application/pdf' };
const PHOTO: Upload = { id: 'up-2', fileName: 'foto.png', size: 1536, contentType: 'image/png' };
const DEED: Upload = { id: 'up-3', fileName: 'akte.pdf', size: 3 * 1024 * 1024, contentType: 'application/pdf' };

const SENT: MessageWithBody = {
  id: 'm-1',
  dossierId: 'dossier-1',
  direction: 'OUTGOING',
  subject: 'Vraag',
  sentAt: '2026-02-10T10:00:00Z',
  senderName: 'Anna de Vries',
  inReplyTo: null,
  read: true,
  readByOfficeAt: null,
  attachments: [],
  body: 'Tekst',
};

beforeEach(() => {
  dialog.files = [];
  dialog.refusals = [];
  vi.mocked(portalApi.sendMessage).mockResolvedValue(SENT);
  vi.mocked(portalApi.deleteUpload).mockResolvedValue(undefined);
});

afterEach(() => vi.clearAllMocks());

function renderForm({ lang = 'nl', replyTo }: { lang?: 'nl' | 'en'; replyTo?: { id: string; subject: string } } = {}) {
  const onSent = vi.fn();
  const onCancel = vi.fn();
  render(
    <I18nContext.Provider value={makeI18n(lang, () => undefined)}>
      <ComposeForm dossierId="dossier-1" replyTo={replyTo} onSent={onSent} onCancel={onCancel} />
    </I18nContext.Provider>,
  );
  return { onSent, onCancel };
}

/** The message next to a field: what its aria-describedby points at. */
function describedBy(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');
}

async function attach(user: ReturnType<typeof userEvent.setup>, files: Upload[], name = 'Bijlagen toevoegen') {
  dialog.files = files;
  await user.click(screen.getByRole('button', { name }));
  await user.click(await screen.findByRole('button', { name: 'upload' }));
}

describe('ComposeForm: required fields (MSG-4)', () => {
  it('says next to each empty field what is missing, in Dutch', async () => {
    const user = userEvent.setup();
    const { onSent } = renderForm();
    expect(screen.getByRole('heading', { level: 2, name: 'Nieuw bericht' })).toBeTruthy();
    const subject = screen.getByLabelText('Onderwerp');
    const body = screen.getByLabelText('Bericht');
    expect(document.activeElement).toBe(subject);
    expect(subject.hasAttribute('required')).toBe(true);
    expect(subject.getAttribute('aria-invalid')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Versturen' }));
    expect(subject.getAttribute('aria-invalid')).toBe('true');
    expect(body.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(subject)).toBe('Fout: Vul een onderwerp in.');
    expect(describedBy(body)).toBe('Fout: Schrijf uw bericht.');
    expect(document.activeElement).toBe(subject);
    expect(portalApi.sendMessage).not.toHaveBeenCalled();

    // Spaces only do not count; typing clears the message of that field.
    await user.type(subject, '   ');
    await user.click(screen.getByRole('button', { name: 'Versturen' }));
    expect(describedBy(subject)).toBe('Fout: Vul een onderwerp in.');
    await user.type(subject, 'Vraag');
    expect(subject.getAttribute('aria-invalid')).toBeNull();
    expect(subject.getAttribute('aria-describedby')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Versturen' }));
    expect(document.activeElement).toBe(body);
    expect(onSent).not.toHaveBeenCalled();
  });

  it('says it in English too', async () => {
    const user = userEvent.setup();
    renderForm({ lang: 'en' });
    expect(screen.getByRole('heading', { level: 2, name: 'New message' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(describedBy(screen.getByLabelText('Subject'))).toBe('Error: Enter a subject.');
    expect(describedBy(screen.getByLabelText('Message'))).toBe('Error: Write your message.');
    expect(screen.getByRole('button', { name: 'Add attachments' })).toBeTruthy();
    expect(screen.getByText('You can add up to 10 files of at most 50 MB each.')).toBeTruthy();
  });

  it("shows the server's field errors (400 problem with errors[].field) next to the fields, in Dutch, not in the server's English", async () => {
    const user = userEvent.setup();
    vi.mocked(portalApi.sendMessage).mockRejectedValueOnce(
      new ApiError(400, {
        status: 400,
        title: 'Bad Request',
        detail: 'body: is at most 20000 characters; uploads[0]: must be an upload id',
        errors: [
          { field: 'body', message: 'is at most 20000 characters' },
          { field: 'uploads[0]', message: 'must be an upload id' },
        ],
      }),
    );
    const { onSent } = renderForm();
    await user.type(screen.getByLabelText('Onderwerp'), 'Vraag');
    await user.type(screen.getByLabelText('Bericht'), 'Lange tekst');
    await user.click(screen.getByRole('button', { name: 'Versturen' }));

    const body = screen.getByLabelText('Bericht');
    await waitFor(() => expect(body.getAttribute('aria-invalid')).toBe('true'));
    expect(describedBy(body)).toBe('Fout: Schrijf een bericht van maximaal 20.000 tekens.');
    const add = screen.getByRole('button', { name: 'Bijlagen toevoegen' });
    expect(describedBy(add)).toContain('Een bijlage kan niet worden meegestuurd.');
    expect(document.body.textContent).not.toMatch(/is at most|must be|characters/);
    expect(screen.getByLabelText('Onderwerp').getAttribute('aria-invalid')).toBeNull();
    expect(document.activeElement).toBe(body);
    expect(onSent).not.toHaveBeenCalled();
  });

  it('says a refusal with a code (an unfinished upload) in Dutch next to the attachments, naming the file', async () => {
    const user = userEvent.setup();
    vi.mocked(portalApi.sendMessage).mockRejectedValueOnce(
      new ApiError(400, {
        status: 400,
        detail: "'groot.pdf' has not finished uploading.",
        code: 'upload.unfinished',
        params: { file: 'groot.pdf' },
        errors: [{ field: 'uploads', message: "'groot.pdf' has not finished uploading." }],
      }),
    );
    renderForm();
    await attach(user, [PASSPORT]);
    await user.type(screen.getByLabelText('Onderwerp'), 'Vraag');
    await user.type(screen.getByLabelText('Bericht'), 'Tekst');
    await user.click(screen.getByRole('button', { name: 'Versturen' }));
    const add = screen.getByRole('button', { name: 'Bijlagen toevoegen' });
    await waitFor(() => expect(describedBy(add)).toContain('Fout: groot.pdf is nog niet helemaal geüpload.'));
    expect(document.body.textContent).not.toContain('has not finished');
  });

  it('says a refusal with a code that belongs to no field in Dutch above the buttons', async () => {
    const user = userEvent.setup();
    vi.mocked(portalApi.sendMessage).mockRejectedValueOnce(
      new ApiError(400, {
        status: 400,
        detail: 'The message replied to is not a message of this dossier.',
        code: 'message.reply-to-unknown',
        params: {},
        errors: [{ field: 'inReplyTo', message: 'The message replied to is not a message of this dossier.' }],
      }),
    );
    renderForm({ replyTo: { id: 'm-0', subject: 'Vraag' } });
    await user.type(screen.getByLabelText('Bericht'), 'Tekst');
    await user.click(screen.getByRole('button', { name: 'Versturen' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Het bericht waarop u antwoordt, is niet gevonden. Laad de pagina opnieuw.');
    expect(document.body.textContent).not.toContain('replied to');
  });

  it('shows a general message for other failures and keeps what was typed', async () => {
    const user = userEvent.setup();
    vi.mocked(portalApi.sendMessage).mockRejectedValueOnce(new ApiError(503));
    renderForm();
    await user.type(screen.getByLabelText('Onderwerp'), 'Vraag');
    await user.type(screen.getByLabelText('Bericht'), 'Tekst');
    await user.click(screen.getByRole('button', { name: 'Versturen' }));
    expect((await screen.findByRole('alert')).textContent).toContain('tijdelijk niet beschikbaar');
    expect(screen.getByText('Het bericht is niet verstuurd.')).toBeTruthy();
    expect((screen.getByLabelText('Onderwerp') as HTMLInputElement).value).toBe('Vraag');
  });

  it('sends a reply with "Re: <subject>", inReplyTo and the trimmed subject', async () => {
    const user = userEvent.setup();
    const { onSent } = renderForm({ replyTo: { id: 'm-9', subject: 'Concept-akte' } });
    expect(screen.getByRole('heading', { level: 2, name: 'Beantwoorden' })).toBeTruthy();
    expect((screen.getByLabelText('Onderwerp') as HTMLInputElement).value).toBe('Re: Concept-akte');
    expect(document.activeElement).toBe(screen.getByLabelText('Bericht'));
    await user.type(screen.getByLabelText('Bericht'), 'Akkoord.');
    await user.click(screen.getByRole('button', { name: 'Versturen' }));
    await waitFor(() => expect(onSent).toHaveBeenCalledWith(SENT));
    expect(portalApi.sendMessage).toHaveBeenCalledWith('dossier-1', { subject: 'Re: Concept-akte', body: 'Akkoord.', inReplyTo: 'm-9', uploads: [] });
  });

  it('does not stack "Re:" on a reply to a reply', () => {
    renderForm({ replyTo: { id: 'm-9', subject: 'RE: Concept-akte' } });
    expect((screen.getByLabelText('Onderwerp') as HTMLInputElement).value).toBe('RE: Concept-akte');
  });
});

describe('ComposeForm: attachments with the trash bin (MSG-5)', () => {
  it('lists the uploaded files with their size; the trash bin removes one before sending', async () => {
    const user = userEvent.setup();
    const { onSent } = renderForm();
    expect(screen.getByText('Nog geen bijlagen toegevoegd.')).toBeTruthy();
    const add = screen.getByRole('button', { name: 'Bijlagen toevoegen' });
    expect(add.getAttribute('aria-haspopup')).toBe('dialog');
    expect(describedBy(add)).toBe('U kunt maximaal 10 bestanden toevoegen van elk maximaal 50 MB.');

    await attach(user, [PASSPORT, PHOTO, DEED]);
    const list = screen.getByRole('list', { name: 'Bijlagen' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['paspoort.pdf, 2 kB', 'foto.png, 1,5 kB', 'akte.pdf, 3 MB']);
    expect(screen.getByRole('status').textContent).toBe('3 bijlagen toegevoegd.');

    await user.click(screen.getByRole('button', { name: 'Verwijder foto.png' }));
    expect(portalApi.deleteUpload).toHaveBeenCalledWith('up-2');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Verwijder foto.png' })).toBeNull());
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByRole('status').textContent).toBe('foto.png is verwijderd.');
    // The focus goes to the next file's trash bin.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Verwijder akte.pdf' }));

    await user.click(screen.getByRole('button', { name: 'Verwijder akte.pdf' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Verwijder paspoort.pdf' })));

    await user.type(screen.getByLabelText('Onderwerp'), 'Kopie paspoort');
    await user.type(screen.getByLabelText('Bericht'), 'Zie bijlage.');
    await user.click(screen.getByRole('button', { name: 'Versturen' }));
    await waitFor(() => expect(onSent).toHaveBeenCalled());
    expect(portalApi.sendMessage).toHaveBeenCalledWith('dossier-1', { subject: 'Kopie paspoort', body: 'Zie bijlage.', uploads: ['up-1'] });
  });

  it('keeps a file whose removal failed, and says so', async () => {
    const user = userEvent.setup();
    vi.mocked(portalApi.deleteUpload).mockRejectedValueOnce(new ApiError(503));
    renderForm();
    await attach(user, [PASSPORT]);
    await user.click(screen.getByRole('button', { name: 'Verwijder paspoort.pdf' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('paspoort.pdf kon niet worden verwijderd. Probeer het opnieuw.'));
    expect(screen.getByRole('button', { name: 'Verwijder paspoort.pdf' }).getAttribute('aria-disabled')).toBeNull();
  });

  it('treats a file the server no longer has (404) as removed', async () => {
    const user = userEvent.setup();
    vi.mocked(portalApi.deleteUpload).mockRejectedValueOnce(new ApiError(404));
    renderForm();
    await attach(user, [PASSPORT]);
    await user.click(screen.getByRole('button', { name: 'Verwijder paspoort.pdf' }));
    await screen.findByText('Nog geen bijlagen toegevoegd.');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Bijlagen toevoegen' }));
  });

  it('lists each file the pop-up did not add, with its reason as the pop-up said it', async () => {
    const user = userEvent.setup();
    renderForm();
    const program =
      'evil-renamed.pdf kan niet worden aangeleverd: het is een programma. Stuur een pdf, een foto of scan (JPEG, PNG, HEIC, TIFF) of een Office-document (DOCX, XLSX, ODT).';
    dialog.refusals = [
      ['evil-renamed.pdf', program],
      ['film.mov', 'film.mov is niet toegevoegd: Dit is te groot om te versturen.'],
    ];
    await attach(user, [PASSPORT]);
    expect([...screen.getByRole('alert').querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      program,
      'film.mov is niet toegevoegd: Dit is te groot om te versturen.',
    ]);
    expect(screen.getByRole('button', { name: 'Verwijder paspoort.pdf' })).toBeTruthy();
  });

  it('allows at most 10 files: the dialog gets what is left, a full message cannot add more', async () => {
    const user = userEvent.setup();
    renderForm();
    const files = Array.from({ length: 7 }, (_, i) => ({ ...PASSPORT, id: `up-${i}`, fileName: `bestand-${i}.pdf` }));
    await attach(user, files);
    dialog.files = [];
    await user.click(screen.getByRole('button', { name: 'Bijlagen toevoegen' }));
    expect(screen.getByText('remaining 3')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'upload' }));

    await attach(user, Array.from({ length: 3 }, (_, i) => ({ ...PASSPORT, id: `up-x${i}`, fileName: `extra-${i}.pdf` })));
    const add = screen.getByRole('button', { name: 'Bijlagen toevoegen' });
    expect(add.getAttribute('aria-disabled')).toBe('true');
    expect(describedBy(add)).toBe('U heeft het maximum van 10 bestanden bereikt.');
    await user.click(add);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows a 413 (too many files) next to the attachments, in Dutch from its code', async () => {
    const user = userEvent.setup();
    vi.mocked(portalApi.sendMessage).mockRejectedValueOnce(
      new ApiError(413, {
        status: 413,
        detail: 'A message can carry at most 10 files.',
        code: 'upload.too-many-files',
        params: { max: '10' },
        errors: [{ field: 'uploads', message: 'A message can carry at most 10 files.' }],
      }),
    );
    renderForm();
    await attach(user, [PASSPORT]);
    await user.type(screen.getByLabelText('Onderwerp'), 'Vraag');
    await user.type(screen.getByLabelText('Bericht'), 'Tekst');
    await user.click(screen.getByRole('button', { name: 'Versturen' }));
    const add = screen.getByRole('button', { name: 'Bijlagen toevoegen' });
    await waitFor(() => expect(describedBy(add)).toContain('Fout: Er zijn te veel bijlagen: u kunt maximaal 10 bestanden meesturen.'));
    expect(document.body.textContent).not.toContain('carry');
    expect(document.activeElement).toBe(add);
  });

  it('shows a 413 without a code in Dutch too, never its detail', async () => {
    const user = userEvent.setup();
    vi.mocked(portalApi.sendMessage).mockRejectedValueOnce(new ApiError(413, { status: 413, detail: 'The request is too large.' }));
    renderForm({ lang: 'en' });
    await user.type(screen.getByLabelText('Subject'), 'Question');
    await user.type(screen.getByLabelText('Message'), 'Text');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    const add = screen.getByRole('button', { name: 'Add attachments' });
    await waitFor(() => expect(describedBy(add)).toContain('Too many attachments: you can send at most 10 files.'));
  });

  it('waits for uploads that are still running when the pop-up was closed', async () => {
    const user = userEvent.setup();
    const { onSent } = renderForm();
    await user.type(screen.getByLabelText('Onderwerp'), 'Vraag');
    await user.type(screen.getByLabelText('Bericht'), 'Tekst');
    await user.click(screen.getByRole('button', { name: 'Bijlagen toevoegen' }));
    await user.click(await screen.findByRole('button', { name: 'start and close' }));
    await user.click(screen.getByRole('button', { name: 'Versturen' }));
    const add = screen.getByRole('button', { name: 'Bijlagen toevoegen' });
    expect(describedBy(add)).toContain('Fout: Wacht tot de bijlagen klaar zijn met uploaden.');
    expect(portalApi.sendMessage).not.toHaveBeenCalled();

    await user.click(add);
    await user.click(await screen.findByRole('button', { name: 'finish' }));
    expect(describedBy(add)).not.toContain('Wacht');
    await user.click(screen.getByRole('button', { name: 'Versturen' }));
    await waitFor(() => expect(onSent).toHaveBeenCalled());
  });

  it('removes the uploads from the server when the message is cancelled', async () => {
    const user = userEvent.setup();
    const { onCancel } = renderForm();
    await attach(user, [PASSPORT, PHOTO]);
    await user.click(screen.getByRole('button', { name: 'Annuleren' }));
    expect(onCancel).toHaveBeenCalled();
    expect(vi.mocked(portalApi.deleteUpload).mock.calls.map(([id]) => id)).toEqual(['up-1', 'up-2']);
  });

  it('names the trash bins in English', async () => {
    const user = userEvent.setup();
    renderForm({ lang: 'en' });
    await attach(user, [PASSPORT], 'Add attachments');
    expect(screen.getByRole('button', { name: 'Remove paspoort.pdf' })).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Attachments' })).toBeTruthy();
  });
});
