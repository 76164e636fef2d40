import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, makeI18n } from '../i18n/I18nContext';
import type { Lang } from '../i18n/i18n';
import type { Me } from '../lib/api/types';
import { PHONE_QUERY } from '../lib/useMediaQuery';
import { Layout } from './Layout';

const PIET: Me = {
  id: 'acc-piet',
  email: 'piet@example.com',
  name: 'Piet Jansen',
  roles: ['client'],
  language: 'nl',
  accountType: 'COMPANY_EXTRA',
  companyId: 'bakkerij-jansen',
  companyName: 'Bakkerij Jansen B.V.',
};

/** jsdom has no matchMedia: pretend the screen is a phone's (390 px) or a laptop's. */
function screenWidth(phone: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: phone && query === PHONE_QUERY,
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

function renderLayout({ lang = 'nl', languageSwitch }: { lang?: Lang; languageSwitch?: boolean } = {}) {
  return render(
    <MemoryRouter initialEntries={['/']}>
      <I18nContext.Provider value={makeI18n(lang, () => undefined)}>
        <Routes>
          <Route
            path="*"
            element={
              <Layout me={PIET} languageSwitch={languageSwitch}>
                <h1>Pagina</h1>
              </Layout>
            }
          />
        </Routes>
      </I18nContext.Provider>
    </MemoryRouter>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('the header on a wide screen', () => {
  it('shows the person with the company, NL/EN, "Uitloggen" and the menu bar; no "Menu" button', () => {
    screenWidth(false);
    renderLayout();
    const header = screen.getByRole('banner');
    expect(within(header).getByText('Piet Jansen — Bakkerij Jansen B.V.')).toBeTruthy();
    expect(within(header).getByRole('group', { name: 'Taal' })).toBeTruthy();
    expect(within(header).getByRole('button', { name: 'Uitloggen' })).toBeTruthy();
    expect(within(header).getByRole('navigation', { name: 'Hoofdmenu' })).toBeTruthy();
    expect(within(header).queryByRole('button', { name: 'Menu' })).toBeNull();
  });

  it('leaves the language switch out on a page with its own language control', () => {
    screenWidth(false);
    renderLayout({ languageSwitch: false });
    expect(screen.queryByRole('group', { name: 'Taal' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Uitloggen' })).toBeTruthy();
  });
});

describe('the header on a phone', () => {
  it('is one bar with the portal\'s name and "Menu"; the rest is in the closed menu', () => {
    screenWidth(true);
    renderLayout();
    const menu = screen.getByRole('button', { name: 'Menu' });
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByRole('link', { name: /Klantenportaal/ })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Hoofdmenu' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Uitloggen' })).toBeNull();
    expect(screen.queryByRole('group', { name: 'Taal' })).toBeNull();
    const controlled = document.getElementById(menu.getAttribute('aria-controls')!);
    expect(controlled?.hidden).toBe(true);
  });

  it('opens with the keyboard, and Escape closes it and puts the focus back on "Menu"', async () => {
    screenWidth(true);
    const user = userEvent.setup();
    renderLayout();
    const menu = screen.getByRole('button', { name: 'Menu' });
    menu.focus();
    await user.keyboard('{Enter}');
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    const nav = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Home', 'Dossiers', 'Acties', 'Mijn gegevens']);
    expect(screen.getByText('Piet Jansen — Bakkerij Jansen B.V.')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Taal' })).toBeTruthy();

    await user.tab();
    expect(document.activeElement?.textContent).toBe('Home');
    await user.keyboard('{Escape}');
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(menu);
    expect(screen.queryByRole('navigation', { name: 'Hoofdmenu' })).toBeNull();
  });

  it('closes when a page is chosen', async () => {
    screenWidth(true);
    const user = userEvent.setup();
    renderLayout({ lang: 'en' });
    await user.click(screen.getByRole('button', { name: 'Menu' }));
    await user.click(screen.getByRole('link', { name: 'Files' }));
    expect(screen.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
  });
});
