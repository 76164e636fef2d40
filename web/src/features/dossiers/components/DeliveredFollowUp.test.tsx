import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as portalApi from '../../../lib/api/portalApi';
import type { DocumentCounts, MessageWithBody, PortalDocument } from '../../../lib/api/types';
import { DossierTabs } from './DossierTabs';

vi.mock('../../../lib/api/portalApi', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/api/portalApi')>()),
  documentCounts: vi.fn(),
  documents: vi.fn(),
  messageCounts: vi.fn(),
  messageSubjects: vi.fn(),
}));

// The Berichten tab itself is tested on its own: here it only sends a message with two files, and shows which message
// it was asked to open.
vi.mock('../../messages/components/MessagesPanel', () => ({
  MessagesPanel: ({ onSent, openMessageId }: { onSent: (message: MessageWithBody) => void; openMessageId?: string | null }) => (
    <div>
      <output data-testid="open-message">{openMessageId ?? ''}</output>
      <button type="button" onClick={() => onSent(sentMessage)}>
        Stuur met twee bijlagen
      </button>
    </div>
  ),
}));

const sentMessage: MessageWithBody = {
  id: 'm-1',
  dossierId: 'dossier-1',
  direction: 'OUTGOING',
  subject: 'Paspoort en bankafschrift',
  body: 'Zie de bijlagen.',
  sentAt: '2026-11-28T14:00:00Z',
  senderName: 'Anna de Vries',
  inReplyTo: null,
  read: true,
  readByOfficeAt: null,
  attachments: [
    { documentId: 'up-1', fileName: 'paspoort.pdf', size: 1000, contentType: 'application/pdf' },
    { documentId: 'up-2', fileName: 'bankafschrift.pdf', size: 2000, contentType: 'application/pdf' },
  ],
};

function delivered(id: string, fileName: string, messageId: string | null): PortalDocument {
  return {
    id,
    dossierId: 'dossier-1',
    title: fileName,
    category: 'DELIVERED',
    fileName,
    contentType: 'application/pdf',
    size: 1000,
    publishedAt: '2026-11-28T14:00:00Z',
    read: true,
    messageId,
  };
}

const withDelivered = (total: number): DocumentCounts => ({
  CORRESPONDENCE: { total: 1, unread: 0 },
  DOCUMENT: { total: 0, unread: 0 },
  DELIVERED: { total, unread: 0 },
});

function CurrentSearch() {
  return <output data-testid="search">{useLocation().search}</output>;
}

function renderTabs(search: string) {
  return render(
    <MemoryRouter initialEntries={[`/dossiers/dossier-1${search}`]}>
      <DossierTabs dossierId="dossier-1" />
      <CurrentSearch />
    </MemoryRouter>,
  );
}

const deliveredTab = () => screen.getByRole('tab', { name: /^Door mij aangeleverd/ });

let filed = 0;

beforeEach(() => {
  filed = 0;
  vi.mocked(portalApi.documentCounts).mockImplementation(async () => withDelivered(filed));
  vi.mocked(portalApi.messageCounts).mockResolvedValue({ total: 1, unread: 0 });
  vi.mocked(portalApi.documents).mockImplementation(async (_dossierId, category, page, size) => {
    const items =
      category === 'DELIVERED'
        ? [
            delivered('up-1', 'paspoort.pdf', 'm-1'),
            delivered('up-2', 'bankafschrift.pdf', 'm-1'),
            delivered('q-1', 'vragenlijst-aankoop-woning.pdf', null),
          ].slice(0, filed === 0 ? 0 : 3)
        : [];
    return { items, page, size, totalItems: items.length, totalPages: items.length ? 1 : 0 };
  });
  vi.mocked(portalApi.messageSubjects).mockResolvedValue([
    { id: 'm-1', subject: 'Paspoort en bankafschrift', sentAt: '2026-11-28T14:00:00Z', direction: 'OUTGOING' },
  ]);
});

afterEach(() => {
  vi.clearAllMocks();
});

describe('"Door mij aangeleverd" follows what was sent (MSG-6)', () => {
  it('shows the sent files as being processed at once, polls the counts until they are filed, and says so politely', async () => {
    const user = userEvent.setup();
    renderTabs('?tab=berichten');
    await screen.findByRole('tab', { name: 'Door mij aangeleverd, 0 items, 0 ongelezen' }, { timeout: 3000 });

    await user.click(screen.getByRole('button', { name: 'Stuur met twee bijlagen' }));

    expect(deliveredTab().getAttribute('aria-label') ?? deliveredTab().textContent).toContain('2 verstuurd, wordt verwerkt');
    expect(deliveredTab().querySelector('.tab-pending')?.textContent).toBe('+2 wordt verwerkt');
    expect(deliveredTab().querySelector('.tab-count')?.textContent).toBe('0');
    expect(screen.getByText('2 verstuurde bestanden worden verwerkt in „Door mij aangeleverd”.').getAttribute('role')).toBe('status');

    // document-service files them a moment later: the next look at the counts finds them.
    filed = 2;
    await screen.findByRole('tab', { name: 'Door mij aangeleverd, 2 items, 0 ongelezen' }, { timeout: 3000 });
    expect(deliveredTab().querySelector('.tab-pending')).toBeNull();
    expect(await screen.findByText('2 bestanden staan nu in „Door mij aangeleverd”.')).toBeTruthy();
    const calls = vi.mocked(portalApi.documentCounts).mock.calls.length;

    // Confirmed: no more polling.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(vi.mocked(portalApi.documentCounts).mock.calls.length).toBe(calls);
  }, 15_000);

  it('a message without files changes nothing under "Door mij aangeleverd"', async () => {
    const user = userEvent.setup();
    const original = sentMessage.attachments;
    sentMessage.attachments = [];
    try {
      renderTabs('?tab=berichten');
      await screen.findByRole('tab', { name: 'Door mij aangeleverd, 0 items, 0 ongelezen' });
      await user.click(screen.getByRole('button', { name: 'Stuur met twee bijlagen' }));
      expect(deliveredTab().querySelector('.tab-pending')).toBeNull();
      expect(screen.queryByText(/wordt verwerkt|worden verwerkt/)).toBeNull();
    } finally {
      sentMessage.attachments = original;
    }
  });

  it('names the message each delivered file came with, in one call for the page, and links to it in Berichten', async () => {
    const user = userEvent.setup();
    filed = 3;
    renderTabs('?tab=aangeleverd');

    const link = await screen.findAllByRole('link', { name: 'Bij bericht: Paspoort en bankafschrift' }, { timeout: 3000 });
    expect(link).toHaveLength(2);
    expect(portalApi.messageSubjects).toHaveBeenCalledTimes(1);
    expect(vi.mocked(portalApi.messageSubjects).mock.calls[0].slice(0, 2)).toEqual(['dossier-1', ['m-1']]);
    // The questionnaire's PDF came with no message.
    const pdf = screen.getByText('vragenlijst-aankoop-woning.pdf', { selector: '.doc-title span' }).closest('li')!;
    expect(within(pdf).queryByRole('link', { name: /Bij/ })).toBeNull();

    await user.click(link[0]);

    expect(screen.getByRole('tab', { selected: true }).id).toBe('dossier-tab-berichten');
    expect(screen.getByTestId('search').textContent).toBe('?tab=berichten&bericht=m-1');
    expect(screen.getByTestId('open-message').textContent).toBe('m-1');

    // Another tab leaves the link's message behind.
    await user.click(screen.getByRole('tab', { name: /^Correspondentie/ }));
    await waitFor(() => expect(screen.getByTestId('search').textContent).toBe('?tab=correspondentie'));
  });

  it('says "Bij een bericht" while the subject is not known', async () => {
    vi.mocked(portalApi.messageSubjects).mockRejectedValue(new Error('offline'));
    filed = 3;
    renderTabs('?tab=aangeleverd');
    expect(await screen.findAllByRole('link', { name: 'Bij een bericht' }, { timeout: 3000 })).toHaveLength(2);
  });
});
