import { render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as portalApi from '../../../lib/api/portalApi';
import type { Message, MessageWithBody } from '../../../lib/api/types';
import { DossierTabs } from '../../dossiers/components/DossierTabs';

vi.mock('../../../lib/api/portalApi', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/api/portalApi')>()),
  documentCounts: vi.fn(),
  messageCounts: vi.fn(),
  messages: vi.fn(),
  message: vi.fn(),
}));

function message(id: string, subject: string, overrides: Partial<Message> = {}): Message {
  return {
    id,
    dossierId: 'dossier-1',
    direction: 'OUTGOING',
    subject,
    sentAt: '2026-02-01T08:15:00Z',
    senderName: 'Anna de Vries',
    inReplyTo: null,
    read: true,
    readByOfficeAt: null,
    attachments: [],
    ...overrides,
  };
}

const MESSAGES = [
  message('m-office', 'Concept-akte', { direction: 'INCOMING', senderName: 'Notariskantoor', sentAt: '2026-02-10T14:30:00Z' }),
  message('m-mine', 'Paspoort en bankafschrift'),
];

beforeEach(() => {
  vi.mocked(portalApi.documentCounts).mockResolvedValue({});
  vi.mocked(portalApi.messageCounts).mockResolvedValue({ total: 2, unread: 0 });
  vi.mocked(portalApi.messages).mockImplementation(async (_dossierId, page, size) => ({ items: MESSAGES, page, size, totalItems: 2, totalPages: 1 }));
  vi.mocked(portalApi.message).mockImplementation(
    async (id): Promise<MessageWithBody> => ({ ...MESSAGES.find((m) => m.id === id)!, body: 'Hierbij de stukken.' }),
  );
});

afterEach(() => vi.clearAllMocks());

describe('a link to a message ("Bij bericht: …" of a delivered file)', () => {
  it('opens that message in Berichten and puts the focus on it', async () => {
    render(
      <MemoryRouter initialEntries={['/dossiers/dossier-1?tab=berichten&bericht=m-mine']}>
        <DossierTabs dossierId="dossier-1" />
      </MemoryRouter>,
    );

    const mine = await screen.findByRole('button', { name: /Paspoort en bankafschrift/ }, { timeout: 3000 });
    await waitFor(() => expect(mine.getAttribute('aria-expanded')).toBe('true'));
    expect(document.activeElement).toBe(mine);
    expect(await screen.findByText('Hierbij de stukken.')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Concept-akte/ }).getAttribute('aria-expanded')).toBe('false');
    expect(portalApi.message).toHaveBeenCalledWith('m-mine', expect.anything());
  });
});
