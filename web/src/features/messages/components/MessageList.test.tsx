import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, makeI18n } from '../../../i18n/I18nContext';
import * as portalApi from '../../../lib/api/portalApi';
import type { Message, MessageWithBody } from '../../../lib/api/types';
import { DossierTabs } from '../../dossiers/components/DossierTabs';

vi.mock('../../../lib/api/portalApi', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/api/portalApi')>()),
  documentCounts: vi.fn(),
  documents: vi.fn(),
  messageCounts: vi.fn(),
  messages: vi.fn(),
  message: vi.fn(),
}));

function message(id: string, overrides: Partial<Message> = {}): Message {
  return {
    id,
    dossierId: 'dossier-1',
    direction: 'INCOMING',
    subject: `Onderwerp ${id}`,
    sentAt: '2026-01-12T10:00:00Z',
    senderName: 'Mr. De Notaris',
    inReplyTo: null,
    read: true,
    readByOfficeAt: null,
    attachments: [],
    ...overrides,
  };
}

// Deliberately not in date order: the list shows the newest first.
const MESSAGES: Message[] = [
  message('m-old', { subject: 'Welkom', sentAt: '2026-01-05T09:00:00Z' }),
  message('m-new', {
    subject: 'Concept-akte ter controle',
    sentAt: '2026-02-10T14:30:00Z',
    read: false,
    attachments: [{ documentId: 'doc-9', fileName: 'concept-akte.pdf', size: 204800, contentType: 'application/pdf' }],
  }),
  message('m-mine', {
    subject: 'Vraag over de datum',
    direction: 'OUTGOING',
    senderName: 'Anna de Vries',
    sentAt: '2026-02-01T08:15:00Z',
    readByOfficeAt: '2026-02-02T11:00:00Z',
  }),
  message('m-mine-unread', {
    subject: 'Kopie paspoort',
    direction: 'OUTGOING',
    senderName: 'Anna de Vries',
    sentAt: '2026-01-20T08:15:00Z',
    read: true,
    readByOfficeAt: null,
  }),
];

let counts = { total: 4, unread: 1 };

beforeEach(() => {
  counts = { total: 4, unread: 1 };
  vi.mocked(portalApi.documentCounts).mockResolvedValue({});
  vi.mocked(portalApi.documents).mockResolvedValue({ items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 });
  vi.mocked(portalApi.messageCounts).mockImplementation(async () => ({ ...counts }));
  vi.mocked(portalApi.messages).mockImplementation(async (_dossierId, page, size) => ({
    items: MESSAGES,
    page,
    size,
    totalItems: MESSAGES.length,
    totalPages: 1,
  }));
  vi.mocked(portalApi.message).mockImplementation(async (id): Promise<MessageWithBody> => {
    const found = MESSAGES.find((m) => m.id === id)!;
    // The server marks it read when it is fetched.
    if (!found.read) counts = { ...counts, unread: counts.unread - 1 };
    return { ...found, read: true, body: `Tekst van ${found.subject}.\nMet vriendelijke groet.` };
  });
});

afterEach(() => vi.clearAllMocks());

function renderMessages(lang: 'nl' | 'en' = 'nl') {
  return render(
    <I18nContext.Provider value={makeI18n(lang, () => undefined)}>
      <MemoryRouter initialEntries={['/dossiers/dossier-1?tab=berichten']}>
        <DossierTabs dossierId="dossier-1" />
      </MemoryRouter>
    </I18nContext.Provider>,
  );
}

const toggles = () => within(screen.getByRole('list', { name: 'Berichten in dit dossier' })).getAllByRole('button');
const toggle = (subject: string) => screen.getByRole('button', { name: new RegExp(subject) });

describe('MessageList (MSG-1, MSG-2)', () => {
  it('lists the messages newest first, each with the icon of its direction', async () => {
    renderMessages();
    await screen.findByRole('list', { name: 'Berichten in dit dossier' });
    expect(toggles().map((b) => b.querySelector('.message-subject')?.textContent)).toEqual([
      'NieuwConcept-akte ter controle',
      'Vraag over de datum',
      'Kopie paspoort',
      'Welkom',
    ]);
    expect(screen.getAllByRole('img', { name: 'Inkomend bericht' })).toHaveLength(2);
    expect(screen.getAllByRole('img', { name: 'Uitgaand bericht' })).toHaveLength(2);
    expect(within(toggle('Vraag over de datum')).getByRole('img').getAttribute('aria-label')).toBe('Uitgaand bericht');
    // Screen readers hear direction, subject, sender and date in the button's name.
    expect(toggle('Concept-akte').textContent).toContain('Van Mr. De Notaris');
    expect(toggle('Concept-akte').textContent).toContain('10 februari 2026 om 15:30');
    expect(toggle('Concept-akte').textContent).toContain('1 bijlage');
    expect(toggles().every((b) => b.getAttribute('aria-expanded') === 'false')).toBe(true);
  });

  it('makes unread messages stand out: bold (class) and a "Nieuw" badge', async () => {
    renderMessages();
    const unread = await screen.findByRole('button', { name: /Concept-akte/ });
    expect(unread.closest('li')?.classList.contains('message-unread')).toBe(true);
    expect(within(unread).getByText('Nieuw').className).toContain('badge-unread');
    const read = toggle('Welkom');
    expect(read.closest('li')?.classList.contains('message-unread')).toBe(false);
    expect(within(read).queryByText('Nieuw')).toBeNull();
  });

  it('shows the counts on the tab: visible figures, a badge and the full text for screen readers', async () => {
    renderMessages();
    const tab = await screen.findByRole('tab', { name: 'Berichten, 4 items, 1 ongelezen' });
    expect(tab.querySelector('.tab-count')?.textContent).toBe('4');
    expect(tab.querySelector('.badge-unread')?.textContent).toBe('1 nieuw');
  });

  it('opens a message with one click, marks it read and lowers the unread count at once', async () => {
    const user = userEvent.setup();
    let answer: (value: MessageWithBody) => void = () => undefined;
    const found = MESSAGES[1];
    vi.mocked(portalApi.message).mockImplementationOnce(
      () =>
        new Promise<MessageWithBody>((resolve) => {
          answer = resolve;
        }),
    );
    renderMessages();
    await screen.findByRole('tab', { name: 'Berichten, 4 items, 1 ongelezen' });
    const button = toggle('Concept-akte');
    await user.click(button);

    // At once, before the server has answered.
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('tab', { name: 'Berichten, 4 items, 0 ongelezen' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: /Berichten/ }).querySelector('.badge-unread')).toBeNull();
    expect(within(button).queryByText('Nieuw')).toBeNull();
    expect(button.closest('li')?.classList.contains('message-unread')).toBe(false);
    expect(portalApi.message).toHaveBeenCalledWith('m-new', expect.any(AbortSignal));

    counts = { total: 4, unread: 0 };
    await act(async () => answer({ ...found, read: true, body: 'Hierbij de concept-akte.' }));
    const panel = document.getElementById(button.getAttribute('aria-controls')!)!;
    expect(within(panel).getByText('Hierbij de concept-akte.')).toBeTruthy();
    const download = within(panel).getByRole('link', { name: /^Download ?concept-akte\.pdf$/ });
    expect(download.getAttribute('href')).toBe('/api/documents/doc-9/content');
    expect(download.hasAttribute('download')).toBe(true);
    expect(within(panel).getByText('200 kB')).toBeTruthy();
    // Confirmed with the server after it answered.
    expect(portalApi.messageCounts).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('tab', { name: 'Berichten, 4 items, 0 ongelezen' })).toBeTruthy();

    // Opening it again does not lower the count again.
    await user.click(button);
    await user.click(button);
    expect(screen.getByRole('tab', { name: 'Berichten, 4 items, 0 ongelezen' })).toBeTruthy();
  });

  it('opens with the keyboard (Enter) and shows whether the office read an outgoing message', async () => {
    const user = userEvent.setup();
    renderMessages();
    const mine = await screen.findByRole('button', { name: /Vraag over de datum/ });
    mine.focus();
    await user.keyboard('{Enter}');
    expect(mine.getAttribute('aria-expanded')).toBe('true');
    expect(await screen.findByText('Gelezen door het kantoor op 2 februari 2026 om 12:00')).toBeTruthy();
    // A read message does not change the count.
    expect(screen.getByRole('tab', { name: 'Berichten, 4 items, 1 ongelezen' })).toBeTruthy();

    await user.keyboard('{Enter}');
    expect(mine.getAttribute('aria-expanded')).toBe('false');

    await user.click(toggle('Kopie paspoort'));
    expect(await screen.findByText('Nog niet gelezen door het kantoor')).toBeTruthy();
    // Only one message is open at a time.
    expect(toggles().filter((b) => b.getAttribute('aria-expanded') === 'true')).toHaveLength(1);
  });

  it('offers "Beantwoorden" on an opened message, which opens the reply form with "Re: <subject>"', async () => {
    const user = userEvent.setup();
    renderMessages();
    await user.click(await screen.findByRole('button', { name: /Concept-akte/ }));
    await user.click(await screen.findByRole('button', { name: 'Beantwoorden' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Beantwoorden' })).toBeTruthy();
    expect((screen.getByLabelText('Onderwerp') as HTMLInputElement).value).toBe('Re: Concept-akte ter controle');
    expect(screen.getByText('In antwoord op: Concept-akte ter controle')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Bericht'));
    // While writing, the other ways to start a message are put away.
    expect(screen.queryByRole('button', { name: 'Beantwoorden' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Nieuw bericht' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Annuleren' }));
    expect(screen.queryByRole('heading', { level: 2 })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Beantwoorden' }));
  });

  it('says so when there are no messages', async () => {
    vi.mocked(portalApi.messages).mockResolvedValue({ items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 });
    renderMessages();
    expect(await screen.findByText('Er zijn nog geen berichten.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Nieuw bericht' })).toBeTruthy();
  });

  it('speaks English', async () => {
    const user = userEvent.setup();
    renderMessages('en');
    await screen.findByRole('tab', { name: 'Messages, 4 items, 1 unread' });
    expect(screen.getAllByRole('img', { name: 'Incoming message' })).toHaveLength(2);
    expect(screen.getAllByRole('img', { name: 'Outgoing message' })).toHaveLength(2);
    expect(within(screen.getByRole('button', { name: /Concept-akte/ })).getByText('New')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /Vraag over de datum/ }));
    expect(await screen.findByText('Read by the office on 2 February 2026 at 12:00')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reply' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /Kopie paspoort/ }));
    expect(await screen.findByText('Not yet read by the office')).toBeTruthy();
  });
});
