import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, makeI18n } from '../../i18n/I18nContext';
import type { Lang } from '../../i18n/i18n';
import { ApiError } from '../../lib/api/client';
import * as portalApi from '../../lib/api/portalApi';
import type { Home, HomeNeededItem, HomeNewItem, Me, MessageWithBody } from '../../lib/api/types';
import type { AttachmentDialogProps } from '../messages/components/AttachmentDialog';
import { HomePage } from './HomePage';

vi.mock('../../lib/api/portalApi', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/api/portalApi')>()),
  dossierSummary: vi.fn(),
  actionsSummary: vi.fn(),
  home: vi.fn(),
  markAllSeen: vi.fn(),
  markHomeItemSeen: vi.fn(),
  sendMessage: vi.fn(),
  deleteUpload: vi.fn(),
}));

// Uppy's pop-up is replaced by a stub that "uploads" one file (jsdom cannot run tus).
vi.mock('../messages/components/AttachmentDialog', () => ({
  default: (props: AttachmentDialogProps) =>
    props.open ? (
      <div role="dialog" aria-label="Uppy (stub)">
        <button
          type="button"
          onClick={() => {
            props.onUploaded({ id: 'up-1', fileName: 'paspoort.pdf', size: 2048, contentType: 'application/pdf' });
            props.onClose();
          }}
        >
          upload
        </button>
      </div>
    ) : null,
}));

const ANNA: Me = { id: 'a', email: 'anna@example.com', name: 'Anna de Vries', roles: ['client'], language: 'nl', accountType: 'PERSON' };

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

const NEW: HomeNewItem[] = [
  { id: 'document:d-1', kind: 'DOCUMENT', dossierId: 'dos-1', dossierNumber: '2026-0001', at: ago(1), documentId: 'd-1', category: 'CORRESPONDENCE' },
  { id: 'message:m-1', kind: 'MESSAGE', dossierId: 'dos-1', dossierNumber: '2026-0001', at: ago(2), messageId: 'm-1' },
  { id: 'step:dos-2:s-3f2a9c1b', kind: 'STEP_DONE', dossierId: 'dos-2', dossierNumber: '2025-0107', at: ago(3), stepTitle: 'Intake' },
  { id: 'questionnaire:as-1', kind: 'QUESTIONNAIRE', dossierId: 'dos-1', dossierNumber: '2026-0001', at: '2025-03-01T10:00:00Z', assignmentId: 'as-1' },
];

const NEEDED: HomeNeededItem[] = [
  {
    id: 'request:dos-1:s-aa',
    kind: 'DOCUMENT_REQUEST',
    dossierId: 'dos-1',
    dossierNumber: '2026-0001',
    dueDate: '2020-12-15',
    name: 'Kopie paspoort',
    stepId: 's-aa',
    stepTitle: 'Identificatie',
  },
  { id: 'questionnaire:as-1', kind: 'QUESTIONNAIRE', dossierId: 'dos-1', dossierNumber: '2026-0001', dueDate: '2999-12-15', assignmentId: 'as-1' },
  { id: 'request:dos-2:s-bb', kind: 'DOCUMENT_REQUEST', dossierId: 'dos-2', dossierNumber: '2025-0107', dueDate: null, name: 'Taxatierapport', stepId: 's-bb' },
];

const HOME: Home = { newForYou: { items: NEW, total: 4 }, neededFromYou: { items: NEEDED, total: 3 } };

const SENT: MessageWithBody = {
  id: 'm-9',
  dossierId: 'dos-1',
  direction: 'OUTGOING',
  subject: 'Aanlevering: Kopie paspoort',
  sentAt: '2026-02-10T10:00:00Z',
  senderName: 'Anna de Vries',
  inReplyTo: null,
  read: true,
  readByOfficeAt: null,
  attachments: [{ documentId: 'doc-9', fileName: 'paspoort.pdf', size: 2048, contentType: 'application/pdf' }],
  body: 'Hierbij stuur ik: Kopie paspoort.',
};

beforeEach(() => {
  vi.mocked(portalApi.dossierSummary).mockResolvedValue({ inProgress: 1, total: 2, statuses: ['IN_PROGRESS'] });
  vi.mocked(portalApi.actionsSummary).mockResolvedValue({ open: 1 });
  vi.mocked(portalApi.home).mockResolvedValue(HOME);
  vi.mocked(portalApi.markAllSeen).mockResolvedValue(undefined);
  vi.mocked(portalApi.markHomeItemSeen).mockResolvedValue(undefined);
  vi.mocked(portalApi.sendMessage).mockResolvedValue(SENT);
  vi.mocked(portalApi.deleteUpload).mockResolvedValue(undefined);
});
afterEach(() => vi.clearAllMocks());

function Where() {
  const location = useLocation();
  return <output data-testid="where">{location.pathname + location.search}</output>;
}

function renderHome(lang: Lang = 'nl') {
  return render(
    <MemoryRouter>
      <I18nContext.Provider value={makeI18n(lang, () => undefined)}>
        <Routes>
          <Route path="/" element={<HomePage me={ANNA} />} />
          <Route path="*" element={<Where />} />
        </Routes>
      </I18nContext.Provider>
    </MemoryRouter>,
  );
}

const section = (name: RegExp) => screen.getByRole('region', { name });

describe('Home: "Nieuw voor u" (NEW-1)', () => {
  it('keeps the three tiles and lists what is new, in words, with the dossier and the time, and a count to hear', async () => {
    renderHome();
    expect(screen.getByTestId('tile-dossiers')).toBeTruthy();
    const heading = await screen.findByRole('heading', { level: 2, name: 'Nieuw voor u, 4 nieuw' });
    expect(heading.querySelector('.home-count')?.textContent).toBe('4');
    const items = within(section(/Nieuw voor u/)).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('a')?.firstChild?.textContent)).toEqual([
      'Nieuw document: Correspondentie',
      'Nieuw bericht van uw behandelaar',
      'Stap afgerond: Intake',
      'Vragenlijst ontvangen',
    ]);
    expect(items[0].textContent).toContain('Dossier 2026-0001');
    expect(items[0].querySelector('time')?.textContent).toMatch(/^vandaag \d\d:\d\d$|^gisteren$/);
    expect(items[3].querySelector('time')?.textContent).toBe('1 maart 2025');
    expect(items[3].querySelector('time')?.getAttribute('datetime')).toBe('2025-03-01T10:00:00Z');
  });

  it('links each item to its exact place', async () => {
    renderHome();
    await screen.findByRole('heading', { level: 2, name: 'Nieuw voor u, 4 nieuw' });
    const links = within(section(/Nieuw voor u/)).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/dossiers/dos-1?tab=correspondentie&document=d-1',
      '/dossiers/dos-1?tab=berichten&bericht=m-1',
      '/dossiers/dos-2?voortgang=open&stap=s-3f2a9c1b',
      '/acties/as-1',
    ]);
    expect(links[0].textContent).toBe('Nieuw document: Correspondentie, Dossier 2026-0001');
  });

  it('tells the server an item was seen when its link is followed (the id encoded by the API layer)', async () => {
    const user = userEvent.setup();
    renderHome();
    await user.click(await screen.findByRole('link', { name: /Nieuw bericht van uw behandelaar/ }));
    expect(portalApi.markHomeItemSeen).toHaveBeenCalledWith('message:m-1');
    expect(screen.getByTestId('where').textContent).toBe('/dossiers/dos-1?tab=berichten&bericht=m-1');
  });

  it('"Alles gezien" empties the list, says so politely and moves the focus to the heading', async () => {
    const user = userEvent.setup();
    renderHome();
    await user.click(await screen.findByRole('button', { name: 'Alles gezien' }));
    expect(portalApi.markAllSeen).toHaveBeenCalledTimes(1);
    const region = section(/Nieuw voor u/);
    expect(await within(region).findByText('Er is niets nieuws sinds uw laatste bezoek.')).toBeTruthy();
    expect(within(region).queryByRole('list')).toBeNull();
    expect(within(region).getByRole('status').textContent).toBe('Alles is als gezien gemarkeerd.');
    expect(screen.getByRole('heading', { level: 2, name: 'Nieuw voor u, 0 nieuw' })).toBe(document.activeElement);
    expect(screen.queryByRole('button', { name: 'Alles gezien' })).toBeNull();
  });

  it('keeps the list when "Alles gezien" fails, and says why', async () => {
    vi.mocked(portalApi.markAllSeen).mockRejectedValue(new ApiError(0));
    const user = userEvent.setup();
    renderHome();
    await user.click(await screen.findByRole('button', { name: 'Alles gezien' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(within(section(/Nieuw voor u/)).getAllByRole('listitem')).toHaveLength(4);
  });

  it('says in a sentence that there is nothing new, and offers no "Alles gezien"', async () => {
    vi.mocked(portalApi.home).mockResolvedValue({ newForYou: { items: [], total: 0 }, neededFromYou: { items: [], total: 0 } });
    renderHome();
    expect(await screen.findByText('Er is niets nieuws sinds uw laatste bezoek.')).toBeTruthy();
    expect(screen.getByText('Wij hebben op dit moment niets van u nodig.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Alles gezien' })).toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: 'Nieuw voor u, 0 nieuw' })).toBeTruthy();
  });

  it('says how many are shown when there are more than the server lists', async () => {
    vi.mocked(portalApi.home).mockResolvedValue({ ...HOME, newForYou: { items: NEW, total: 25 } });
    renderHome();
    expect(await screen.findByText('De 4 nieuwste van 25 worden getoond.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Nieuw voor u, 25 nieuw' })).toBeTruthy();
  });

  it('speaks English', async () => {
    renderHome('en');
    expect(await screen.findByRole('heading', { level: 2, name: 'New for you, 4 new' })).toBeTruthy();
    expect(screen.getByRole('link', { name: /^New document: Correspondence/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: /^Step completed: Intake/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Mark all as seen' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'What we need from you, 3 to do' })).toBeTruthy();
    expect(screen.getByText('Overdue: by 15 December 2020')).toBeTruthy();
  });

  it('shows one failure with "Opnieuw proberen" when the lists cannot be loaded; the tiles stay', async () => {
    vi.mocked(portalApi.home).mockRejectedValueOnce(new ApiError(503));
    renderHome();
    const alert = await screen.findByRole('alert');
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.getByTestId('tile-actions')).toBeTruthy();
    await userEvent.setup().click(within(alert).getByRole('button'));
    expect(await screen.findByRole('heading', { level: 2, name: 'Nieuw voor u, 4 nieuw' })).toBeTruthy();
  });
});

describe('Home: "Wat wij van u nodig hebben" (NEW-1, NEW-2)', () => {
  it('lists each request with its name, dossier and due date (overdue in words), and its button', async () => {
    renderHome();
    const heading = await screen.findByRole('heading', { level: 2, name: 'Wat wij van u nodig hebben, 3 te doen' });
    const region = section(/Wat wij van u nodig hebben/);
    expect(within(region).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Kopie paspoort',
      'Vragenlijst invullen',
      'Taxatierapport',
    ]);
    const items = within(region).getAllByRole('listitem');
    expect(items[0].textContent).toContain('Dossier 2026-0001');
    expect(items[0].textContent).toContain('Verlopen: uiterlijk 15 december 2020');
    expect(items[0].textContent).toContain('Bij stap: Identificatie');
    expect(items[1].textContent).toContain('uiterlijk 15 december 2999');
    expect(items[1].textContent).not.toContain('Verlopen');
    expect(items[2].textContent).not.toContain('uiterlijk');
    expect(within(items[0]).getByRole('button', { name: 'Aanleveren Kopie paspoort, Dossier 2026-0001' })).toBeTruthy();
    expect(within(items[1]).getByRole('link', { name: /^Invullen/ }).getAttribute('href')).toBe('/acties/as-1');
    expect(heading.querySelector('.home-count')?.textContent).toBe('3');
  });

  it('"Aanleveren" opens the message form in a dialog, needs a file, and sends it with the request id', async () => {
    const user = userEvent.setup();
    renderHome();
    const deliver = await screen.findByRole('button', { name: /^Aanleveren Kopie paspoort/ });
    await user.click(deliver);

    const dialog = screen.getByRole('dialog', { name: 'Aanleveren: Kopie paspoort' });
    expect(within(dialog).getByText(/dossier 2026-0001/)).toBeTruthy();
    const subject = within(dialog).getByLabelText('Onderwerp') as HTMLInputElement;
    expect(subject.value).toBe('Aanlevering: Kopie paspoort');
    expect(document.activeElement).toBe(subject);
    expect((within(dialog).getByLabelText('Bericht') as HTMLTextAreaElement).value).toBe('Hierbij stuur ik: Kopie paspoort.');

    // Without a file it is not sent.
    await user.click(within(dialog).getByRole('button', { name: 'Versturen' }));
    expect(within(dialog).getByText('Voeg ten minste één bestand toe.')).toBeTruthy();
    expect(portalApi.sendMessage).not.toHaveBeenCalled();

    // The client may change the subject.
    await user.clear(subject);
    await user.type(subject, 'Mijn paspoort');
    await user.click(within(dialog).getByRole('button', { name: 'Bijlagen toevoegen' }));
    await user.click(await screen.findByRole('button', { name: 'upload' }));
    expect(within(dialog).queryByText('Voeg ten minste één bestand toe.')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Versturen' }));

    expect(portalApi.sendMessage).toHaveBeenCalledWith('dos-1', {
      subject: 'Mijn paspoort',
      body: 'Hierbij stuur ik: Kopie paspoort.',
      uploads: ['up-1'],
      requestId: 's-aa',
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const region = section(/Wat wij van u nodig hebben/);
    expect(within(region).queryByText('Kopie paspoort')).toBeNull();
    expect(within(region).getByRole('status').textContent).toBe('Kopie paspoort is aangeleverd. Dank u wel.');
    expect(screen.getByRole('heading', { level: 2, name: 'Wat wij van u nodig hebben, 2 te doen' })).toBe(document.activeElement);
  });

  it('"Annuleren" and Escape close the dialog without sending, back on "Aanleveren"', async () => {
    const user = userEvent.setup();
    renderHome();
    const deliver = await screen.findByRole('button', { name: /^Aanleveren Taxatierapport/ });
    await user.click(deliver);
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Annuleren' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(deliver);
    await user.click(deliver);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(portalApi.sendMessage).not.toHaveBeenCalled();
  });
});
