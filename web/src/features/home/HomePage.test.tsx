import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, makeI18n } from '../../i18n/I18nContext';
import type { Lang } from '../../i18n/i18n';
import * as portalApi from '../../lib/api/portalApi';
import type { Me } from '../../lib/api/types';
import { HomePage } from './HomePage';

vi.mock('../../lib/api/portalApi', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/api/portalApi')>()),
  dossierSummary: vi.fn(),
  actionsSummary: vi.fn(),
  home: vi.fn(),
}));

const ANNA: Me = { id: 'a', email: 'anna@example.com', name: 'Anna de Vries', roles: ['client'], language: 'nl', accountType: 'PERSON' };
const PIET: Me = {
  id: 'p',
  email: 'piet@example.com',
  name: 'Piet Jansen',
  roles: ['client'],
  language: 'nl',
  accountType: 'COMPANY_EXTRA',
  companyId: 'bakkerij-jansen',
  companyName: 'Bakkerij Jansen B.V.',
};
// The main account's name in Keycloak is the company's own ("Bakkerij Jansen" "B.V.").
const JANSEN_BV: Me = {
  id: 'j',
  email: 'jansen.bv@example.com',
  name: 'Bakkerij Jansen B.V.',
  roles: ['client', 'company-admin'],
  language: 'nl',
  accountType: 'COMPANY_MAIN',
  companyId: 'bakkerij-jansen',
  companyName: 'Bakkerij Jansen B.V.',
};

beforeEach(() => {
  vi.mocked(portalApi.dossierSummary).mockResolvedValue({ inProgress: 1, total: 2, statuses: ['IN_PROGRESS'] });
  vi.mocked(portalApi.actionsSummary).mockResolvedValue({ open: 0 });
  vi.mocked(portalApi.home).mockResolvedValue({ newForYou: { items: [], total: 0 }, neededFromYou: { items: [], total: 0 } });
});
afterEach(() => vi.clearAllMocks());

function renderHome(me: Me, lang: Lang = 'nl') {
  return render(
    <MemoryRouter>
      <I18nContext.Provider value={makeI18n(lang, () => undefined)}>
        <HomePage me={me} />
      </I18nContext.Provider>
    </MemoryRouter>,
  );
}

const greeting = () => document.querySelector('.lead')?.textContent;

describe('Home: the greeting', () => {
  it('greets a person by name', () => {
    renderHome(ANNA);
    expect(greeting()).toBe('Welkom, Anna de Vries');
  });

  it("greets a company's colleague as the person, with the company", () => {
    renderHome(PIET);
    expect(greeting()).toBe('Welkom, Piet Jansen — Bakkerij Jansen B.V.');
  });

  it("greets the company's main account once, without a double full stop", () => {
    renderHome(JANSEN_BV, 'en');
    expect(greeting()).toBe('Welcome, Bakkerij Jansen B.V.');
    expect(document.body.textContent).not.toContain('..');
  });
});

describe('Home: the "Mijn gegevens" tile says what is there', () => {
  it('without accounts for a person or a colleague', () => {
    renderHome(PIET);
    expect(screen.getByTestId('tile-my-details').textContent).toContain('Naam, taal, 2-staps verificatie en notificaties');
  });

  it("with accounts for a company's main account", () => {
    renderHome(JANSEN_BV);
    expect(screen.getByTestId('tile-my-details').textContent).toContain('Naam, taal, 2-staps verificatie, notificaties en accounts');
  });
});
