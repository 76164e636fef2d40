import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, makeI18n } from '../../i18n/I18nContext';
import type { Lang } from '../../i18n/i18n';
import * as portalApi from '../../lib/api/portalApi';
import type { Dossier, Grant, Me, Message } from '../../lib/api/types';
import { ADVISER, ANNA, BRAM, JANSEN_EXTRA, KOOP, KOOP_SHARED, page } from '../../test/fixtures/advisers';
import { DossierPage } from './DossierPage';
import { forgetDossiers, rememberDossiers } from './knownDossiers';

// The page against a fake backend (fetch), not mocked API functions: a 404 must come through the API client, as a
// revoked grant's next click does.
interface Backend {
  dossier: Dossier;
  /** Every call about the dossier answers 404 (the grant was revoked). */
  revoked: boolean;
  grants: Grant[];
  messages: Message[];
}
let backend: Backend;
const calls: string[] = [];

const OWN_MESSAGE: Message = {
  id: 'm-1',
  dossierId: KOOP.id,
  direction: 'OUTGOING',
  subject: 'Hypotheekofferte',
  sentAt: '2026-03-02T10:00:00Z',
  senderName: 'Bram Adviseur',
  inReplyTo: null,
  read: true,
  readByOfficeAt: null,
  attachments: [],
};

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

async function answer(input: string): Promise<Response> {
  const url = new URL(input, 'http://localhost');
  const path = url.pathname;
  calls.push(`${path}${url.search}`);
  if (path.startsWith(`/api/dossiers/${KOOP.id}`) && backend.revoked) return json({ status: 404, title: 'Not Found' }, 404);
  if (path === `/api/dossiers/${KOOP.id}`) return json(backend.dossier);
  if (path.startsWith('/api/dossiers/') && path.split('/').length === 4) return json({ status: 404 }, 404);
  if (path.endsWith('/documents/counts')) return json({ DOCUMENT: { total: 0, unread: 0 } });
  if (path.endsWith('/documents')) return json(page([]));
  if (path.endsWith('/messages/counts')) return json({ total: backend.messages.length, unread: 0 });
  if (path.endsWith('/messages')) return json(page(backend.messages));
  if (path.startsWith('/api/messages/')) return json({ ...OWN_MESSAGE, body: 'In de bijlage de offerte.' });
  if (path.endsWith('/activity')) return json(page([]));
  if (path.endsWith('/grants')) return json(backend.grants);
  return json({ status: 404 }, 404);
}

beforeEach(() => {
  forgetDossiers();
  calls.length = 0;
  backend = { dossier: KOOP, revoked: false, grants: [BRAM], messages: [] };
  vi.stubGlobal('fetch', vi.fn((input: string) => answer(input)));
});
afterEach(() => {
  vi.unstubAllGlobals();
});

function renderPage(me: Me, { lang = 'nl', id = KOOP.id, search = '' }: { lang?: Lang; id?: string; search?: string } = {}) {
  return render(
    <I18nContext.Provider value={makeI18n(lang, () => undefined)}>
      <MemoryRouter initialEntries={[`/dossiers/${id}${search}`]}>
        <Routes>
          <Route path="/dossiers/:id" element={<DossierPage me={me} />} />
          <Route path="/" element={<h1>Home</h1>} />
        </Routes>
      </MemoryRouter>
    </I18nContext.Provider>,
  );
}

const tabNames = () => screen.getAllByRole('tab').map((tab) => tab.querySelector('.tab-name')?.textContent);

describe('a dossier shared with an adviser (ADV-1)', () => {
  it('says who shared it until when, and shows the progress and only the documents with read access', async () => {
    backend.dossier = KOOP_SHARED('READ');
    renderPage(ADVISER);
    expect(await screen.findByRole('heading', { level: 1, name: KOOP.description })).toBeTruthy();
    expect(screen.getByText('Gedeeld door Anna de Vries tot 31-01-2027')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Voortgang/ })).toBeTruthy();
    await waitFor(() => expect(tabNames()).toEqual(['Documenten']));
    expect(screen.getByRole('tab', { selected: true }).id).toBe('dossier-tab-documenten');
    expect(screen.queryByRole('button', { name: 'Delen' })).toBeNull();
    // Nothing is asked that the access does not allow.
    expect(calls.some((c) => c.includes('/messages') || c.includes('/activity') || c.includes('/grants'))).toBe(false);
  });

  it('adds "Berichten" with read and deliver access: their own messages and a new one, no reply', async () => {
    backend.dossier = KOOP_SHARED('READ_DELIVER');
    backend.messages = [OWN_MESSAGE];
    const user = userEvent.setup();
    renderPage(ADVISER, { lang: 'en', search: '?tab=activiteit' });
    await waitFor(() => expect(tabNames()).toEqual(['Documents', 'Messages']));
    expect(screen.getByText('Shared by Anna de Vries until 31-01-2027')).toBeTruthy();
    // A tab the adviser does not have falls back to the first.
    expect(screen.getByRole('tab', { selected: true }).id).toBe('dossier-tab-documenten');

    await user.click(screen.getByRole('tab', { name: /Messages/ }));
    expect(await screen.findByRole('button', { name: 'New message' })).toBeTruthy();
    await user.click(await screen.findByRole('button', { name: /Hypotheekofferte/ }));
    expect(await screen.findByText('In de bijlage de offerte.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Reply/ })).toBeNull();
  });

  it('gives a party who may grant "Delen": this dossier\'s grants and "Toegang geven" for it', async () => {
    const user = userEvent.setup();
    renderPage(ANNA);
    await waitFor(() => expect(tabNames()).toEqual(['Correspondentie', 'Documenten', 'Door mij aangeleverd', 'Berichten', 'Activiteit']));
    expect(screen.queryByText(/Gedeeld door/)).toBeNull();
    const share = screen.getByRole('button', { name: 'Delen' });
    expect(share.getAttribute('aria-expanded')).toBe('false');

    await user.click(share);
    expect(share.getAttribute('aria-expanded')).toBe('true');
    const panel = screen.getByRole('region', { name: 'Toegang voor anderen' });
    expect(panel.id).toBe(share.getAttribute('aria-controls'));
    const list = await within(panel).findByRole('list', { name: 'Toegang voor anderen' });
    expect(within(list).getByText('Bram Adviseur')).toBeTruthy();
    const form = within(panel).getByRole('region', { name: 'Toegang geven' });
    // The dossier is this one: nothing to choose.
    expect(within(form).queryByRole('combobox')).toBeNull();
    expect(calls).toContain(`/api/dossiers/${KOOP.id}/grants`);
  });

  it('has no "Delen" for a company\'s extra account', async () => {
    renderPage(JANSEN_EXTRA);
    await waitFor(() => expect(tabNames()).toHaveLength(5));
    expect(screen.queryByRole('button', { name: 'Delen' })).toBeNull();
  });
});

describe('access that ended (ADV-1)', () => {
  it('shows a plain page, not an error, when the next click after a revocation answers 404', async () => {
    backend.dossier = KOOP_SHARED('READ_DELIVER');
    const user = userEvent.setup();
    renderPage(ADVISER);
    await waitFor(() => expect(tabNames()).toEqual(['Documenten', 'Berichten']));

    backend.revoked = true;
    await user.click(screen.getByRole('tab', { name: /Berichten/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'U heeft geen toegang meer tot dit dossier' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('tab')).toBeNull();
    expect(screen.getByRole('link', { name: 'Naar Home' }).getAttribute('href')).toBe('/');
    expect(document.title).toBe('U heeft geen toegang meer tot dit dossier – Klantenportaal');
  });

  it('shows it in English when the dossier, shown before, answers 404 on opening', async () => {
    rememberDossiers([KOOP.id]);
    backend.revoked = true;
    const user = userEvent.setup();
    renderPage(ADVISER, { lang: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'You no longer have access to this file' })).toBeTruthy();
    await user.click(screen.getByRole('link', { name: 'Go to Home' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Home' })).toBeTruthy();
  });

  it('keeps "not found" for a dossier the account never had', async () => {
    renderPage(ANNA, { id: 'dossier-unknown' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Dossier niet gevonden' })).toBeTruthy();
  });

  it('stays on the page when a 404 is about something else than the dossier', async () => {
    backend.dossier = KOOP_SHARED('READ_DELIVER');
    backend.messages = [OWN_MESSAGE];
    renderPage(ADVISER, { search: '?tab=berichten' });
    await screen.findByRole('button', { name: /Hypotheekofferte/ });
    // A request that answers 404 makes the page ask for the dossier once more; it is still there.
    const before = calls.filter((c) => c === `/api/dossiers/${KOOP.id}`).length;
    await portalApi.upload('unknown').catch(() => undefined);
    await waitFor(() => expect(calls.filter((c) => c === `/api/dossiers/${KOOP.id}`).length).toBe(before + 1));
    expect(screen.getByRole('heading', { level: 1, name: KOOP.description })).toBeTruthy();
  });
});
