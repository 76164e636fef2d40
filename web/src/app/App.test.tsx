import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { ApiError } from '../lib/api/client';
import * as portalApi from '../lib/api/portalApi';
import type { Me } from '../lib/api/types';

vi.mock('../lib/api/portalApi', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../lib/api/portalApi')>()),
  me: vi.fn(),
  markOnboarded: vi.fn(),
  dossierSummary: vi.fn(),
  actionsSummary: vi.fn(),
  actions: vi.fn(),
  invitationStatus: vi.fn(),
  extraAccounts: vi.fn(),
  home: vi.fn(),
}));

const ANNA: Me = {
  id: 'acc-anna',
  email: 'anna@example.com',
  name: 'Anna de Vries',
  roles: ['client'],
  language: 'nl',
  accountType: 'PERSON',
  phone: null,
  firstSignIn: false,
};

function Where() {
  return <output data-testid="path">{useLocation().pathname}</output>;
}

function renderApp(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <App />
      <Where />
    </MemoryRouter>,
  );
}

beforeEach(() => {
  window.localStorage.clear();
  vi.mocked(portalApi.markOnboarded).mockResolvedValue(undefined);
  vi.mocked(portalApi.dossierSummary).mockResolvedValue({ inProgress: 1, total: 2, statuses: ['IN_PROGRESS'] });
  vi.mocked(portalApi.actionsSummary).mockResolvedValue({ open: 0 });
  vi.mocked(portalApi.actions).mockResolvedValue({ items: [] });
  vi.mocked(portalApi.invitationStatus).mockResolvedValue({ status: 'VALID' });
  vi.mocked(portalApi.home).mockResolvedValue({ newForYou: { items: [], total: 0 }, neededFromYou: { items: [], total: 0 } });
});

afterEach(() => vi.clearAllMocks());

describe('public pages (ONB-1)', () => {
  it('shows the invitation page to someone who is not signed in, and the welcome page elsewhere', async () => {
    vi.mocked(portalApi.me).mockRejectedValue(new ApiError(401));
    const { unmount } = renderApp('/account-activeren/tok-1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Account activeren' })).toBeTruthy();
    expect(await screen.findByLabelText('E-mailadres')).toBeTruthy();
    expect(portalApi.invitationStatus).toHaveBeenCalledWith('tok-1', expect.anything());
    expect(screen.queryByRole('link', { name: 'Inloggen' })).toBeNull();
    unmount();

    renderApp('/dossiers');
    expect(await screen.findByRole('heading', { level: 1, name: 'Welkom bij het klantenportaal' })).toBeTruthy();
  });

  it('shows the invitation page to someone who happens to be signed in, without the menu', async () => {
    vi.mocked(portalApi.me).mockResolvedValue(ANNA);
    renderApp('/account-activeren/tok-2');
    expect(await screen.findByRole('heading', { level: 1, name: 'Account activeren' })).toBeTruthy();
    await waitFor(() => expect(portalApi.me).toHaveBeenCalled());
    expect(screen.queryByRole('navigation', { name: 'Hoofdmenu' })).toBeNull();
    expect(screen.getByTestId('path').textContent).toBe('/account-activeren/tok-2');
  });
});

describe('first sign-in (ONB-4)', () => {
  it('opens "Mijn gegevens" instead of Home with a welcome, and tells the server once', async () => {
    vi.mocked(portalApi.me).mockResolvedValue({ ...ANNA, firstSignIn: true });
    const user = userEvent.setup();
    renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Mijn gegevens' })).toBeTruthy();
    expect(screen.getByTestId('path').textContent).toBe('/mijn-gegevens');
    expect(screen.getByText('Welkom bij het klantenportaal. Controleer uw gegevens en kies uw taal.')).toBeTruthy();
    await waitFor(() => expect(portalApi.markOnboarded).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('heading', { name: 'Home' })).toBeNull();

    // Home and back: no second call, and the welcome was a one-off.
    await user.click(screen.getByRole('link', { name: 'Home' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Home' })).toBeTruthy();
    await user.click(screen.getByRole('navigation', { name: 'Hoofdmenu' }).querySelector('a[href="/mijn-gegevens"]')!);
    expect(await screen.findByRole('heading', { level: 1, name: 'Mijn gegevens' })).toBeTruthy();
    expect(screen.queryByText(/Controleer uw gegevens en kies uw taal/)).toBeNull();
    expect(portalApi.markOnboarded).toHaveBeenCalledTimes(1);
  });

  it('keeps a deep link on the first sign-in (no redirect, no call)', async () => {
    vi.mocked(portalApi.me).mockResolvedValue({ ...ANNA, firstSignIn: true });
    renderApp('/acties');
    expect(await screen.findByRole('heading', { level: 1, name: 'Acties' })).toBeTruthy();
    expect(screen.getByTestId('path').textContent).toBe('/acties');
    expect(portalApi.markOnboarded).not.toHaveBeenCalled();
  });

  it('opens Home on a later sign-in', async () => {
    vi.mocked(portalApi.me).mockResolvedValue(ANNA);
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Home' })).toBeTruthy();
    expect(screen.getByTestId('path').textContent).toBe('/');
    expect(portalApi.markOnboarded).not.toHaveBeenCalled();
  });
});

describe('one language control per page (ME-1)', () => {
  it('has NL/EN in the header, except on "Mijn gegevens", which has its own "Taal"', async () => {
    vi.mocked(portalApi.me).mockResolvedValue(ANNA);
    const user = userEvent.setup();
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Home' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Taal' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Nederlands' })).toBeNull();

    await user.click(screen.getByRole('navigation', { name: 'Hoofdmenu' }).querySelector('a[href="/mijn-gegevens"]')!);
    expect(await screen.findByRole('heading', { level: 1, name: 'Mijn gegevens' })).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Taal' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'NL' })).toBeNull();
    expect(screen.getAllByRole('button', { name: 'Nederlands' })).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: 'English' })).toHaveLength(1);
  });
});

describe('an adviser (ADV-1)', () => {
  const ADVISER: Me = { ...ANNA, id: 'acc-adviseur', email: 'adviseur@example.com', name: 'Bram Adviseur', accountType: 'ADVISER' };

  it('has no "Acties": not in the menu, not on Home, and /acties is no page', async () => {
    vi.mocked(portalApi.me).mockResolvedValue(ADVISER);
    const { unmount } = renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Home' })).toBeTruthy();
    const menu = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect([...menu.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['Home', 'Dossiers', 'Mijn gegevens']);
    expect(screen.queryByTestId('tile-actions')).toBeNull();
    expect(screen.getByTestId('tile-my-details').textContent).toContain('Taal, 2-staps verificatie en notificaties');
    // The lists are in: "Nieuw voor u" counts.
    expect(await screen.findByRole('heading', { name: 'Nieuw voor u, 0 nieuw' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: /^Wat wij van u nodig hebben/ })).toBeNull();
    expect(portalApi.actionsSummary).not.toHaveBeenCalled();
    unmount();

    renderApp('/acties');
    expect(await screen.findByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeTruthy();
    expect(portalApi.actions).not.toHaveBeenCalled();
  });

  it('keeps "Acties" for a client', async () => {
    vi.mocked(portalApi.me).mockResolvedValue(ANNA);
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Home' })).toBeTruthy();
    const menu = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect([...menu.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['Home', 'Dossiers', 'Acties', 'Mijn gegevens']);
    expect(screen.getByTestId('tile-actions')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: /^Wat wij van u nodig hebben/ })).toBeTruthy();
  });
});
