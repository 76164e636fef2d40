import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, makeI18n } from '../../../i18n/I18nContext';
import type { Lang } from '../../../i18n/i18n';
import * as portalApi from '../../../lib/api/portalApi';
import type { Page, StaffAccountListItem } from '../../../lib/api/types';
import { OfficeClientsPage } from './OfficeClientsPage';
import { parseStaffAccountQuery, toStaffAccountSearch } from './staffAccountParams';

vi.mock('../../../lib/api/portalApi', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/api/portalApi')>()),
  staffAccounts: vi.fn(),
  inviteClient: vi.fn(),
}));

afterEach(() => vi.clearAllMocks());
// Pages appear after lazy chunks and several renders: more patience than the default second on a busy machine.
configure({ asyncUtilTimeout: 5000 });

const account = (id: string, more: Partial<StaffAccountListItem> = {}): StaffAccountListItem => ({
  id,
  name: 'Anna de Vries',
  firstName: 'Anna',
  lastName: 'de Vries',
  email: 'anna@example.com',
  type: 'PERSON',
  state: 'ACTIVE',
  companyId: null,
  companyName: null,
  createdAt: '2026-01-05T09:00:00Z',
  updatedAt: '2026-02-10T10:00:00Z',
  invitedAt: '2026-01-05T09:00:00Z',
  activatedAt: '2026-01-06T12:00:00Z',
  ...more,
});

const page = (items: StaffAccountListItem[], totalPages = 1): Page<StaffAccountListItem> => ({
  items,
  page: 0,
  size: 10,
  totalItems: totalPages > 1 ? totalPages * 10 : items.length,
  totalPages,
});

function Where() {
  const location = useLocation();
  return <output data-testid="where">{location.pathname + location.search}</output>;
}

function renderList(search = '', lang: Lang = 'nl') {
  return render(
    <I18nContext.Provider value={makeI18n(lang, () => undefined)}>
      <MemoryRouter initialEntries={[`/kantoor/clienten${search}`]}>
        <Routes>
          <Route path="/kantoor/clienten" element={<OfficeClientsPage />} />
          <Route path="/kantoor/clienten/:id" element={<h1>Cliëntpagina</h1>} />
        </Routes>
        <Where />
      </MemoryRouter>
    </I18nContext.Provider>,
  );
}

const lastQuery = () => vi.mocked(portalApi.staffAccounts).mock.lastCall?.[0];

describe('Cliënten: the list', { timeout: 20_000 }, () => {
  beforeEach(() => {
    vi.mocked(portalApi.staffAccounts).mockResolvedValue(
      page([
        account('a-1'),
        account('a-2', { name: 'Jan Jansen', email: 'jan@acme.nl', type: 'COMPANY_MAIN', state: 'INVITED', companyId: 'c-1', companyName: 'Acme B.V.', activatedAt: null }),
      ], 3),
    );
  });

  it('shows the accounts with name (a link), e-mail address, kind, state in words and a count', async () => {
    renderList();
    const table = await screen.findByRole('table', { name: 'Cliënten' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByRole('link', { name: 'Anna de Vries' }).getAttribute('href')).toBe('/kantoor/clienten/a-1');
    expect(within(rows[0]).getByText('Actief')).toBeTruthy();
    expect(within(rows[0]).getByText('Particulier')).toBeTruthy();
    expect(within(rows[1]).getByText('Uitgenodigd')).toBeTruthy();
    expect(within(rows[1]).getByText('Bedrijf (hoofdaccount)')).toBeTruthy();
    expect(within(rows[1]).getByText('Acme B.V.')).toBeTruthy();
    expect(screen.getByText('30 accounts gevonden')).toBeTruthy();
    expect(lastQuery()).toEqual({ query: '', states: [], types: [], companyId: '', page: 0 });
  });

  it('reads search, states, kinds and page from the URL and asks the API for exactly that', async () => {
    renderList('?query=jansen&state=INVITED&state=ACTIVE&type=COMPANY_MAIN&page=2');
    await screen.findByRole('table');
    expect(lastQuery()).toEqual({ query: 'jansen', states: ['INVITED', 'ACTIVE'], types: ['COMPANY_MAIN'], companyId: '', page: 1 });
    expect((screen.getByRole('searchbox', { name: /Zoeken op naam/ }) as HTMLInputElement).value).toBe('jansen');
    const states = screen.getByRole('group', { name: 'Status' });
    expect((within(states).getByRole('checkbox', { name: 'Uitgenodigd' }) as HTMLInputElement).checked).toBe(true);
    expect((within(states).getByRole('checkbox', { name: 'Geblokkeerd' }) as HTMLInputElement).checked).toBe(false);
    expect(
      portalApi.staffAccountQuery(lastQuery()!),
    ).toBe('query=jansen&state=INVITED&state=ACTIVE&type=COMPANY_MAIN&page=1&size=10');
  });

  it('searching, ticking a state and a kind, and paging put the filter in the URL and in the API query', async () => {
    const user = userEvent.setup();
    renderList();
    await screen.findByRole('table');
    await user.type(screen.getByRole('searchbox', { name: /Zoeken op naam/ }), 'acme');
    await user.click(screen.getByRole('button', { name: 'Zoeken' }));
    await waitFor(() => expect(lastQuery()?.query).toBe('acme'));
    await user.click(within(screen.getByRole('group', { name: 'Status' })).getByRole('checkbox', { name: 'Geblokkeerd' }));
    await user.click(within(screen.getByRole('group', { name: 'Soort account' })).getByRole('checkbox', { name: 'Bedrijf (extra account)' }));
    await waitFor(() => expect(lastQuery()).toEqual({ query: 'acme', states: ['BLOCKED'], types: ['COMPANY_EXTRA'], companyId: '', page: 0 }));
    expect(screen.getByTestId('where').textContent).toBe('/kantoor/clienten?query=acme&state=BLOCKED&type=COMPANY_EXTRA');
    await user.click(await screen.findByRole('button', { name: /Volgende/ }));
    await waitFor(() => expect(lastQuery()?.page).toBe(1));
    expect(screen.getByTestId('where').textContent).toBe('/kantoor/clienten?query=acme&state=BLOCKED&type=COMPANY_EXTRA&page=2');
    expect(portalApi.staffAccountQuery(lastQuery()!)).toBe('query=acme&state=BLOCKED&type=COMPANY_EXTRA&page=1&size=10');
  });

  it('shows the accounts of one company and lets that filter go', async () => {
    const user = userEvent.setup();
    renderList('?companyId=c-1');
    expect(await screen.findByText(/Alleen de accounts van Acme B\.V\./)).toBeTruthy();
    expect(lastQuery()?.companyId).toBe('c-1');
    await user.click(screen.getByRole('button', { name: 'Alle cliënten tonen' }));
    await waitFor(() => expect(lastQuery()?.companyId).toBe(''));
  });

  it('"Cliënt uitnodigen" opens the invitation form in a dialog and then the new client\'s page', async () => {
    const user = userEvent.setup();
    vi.mocked(portalApi.inviteClient).mockResolvedValue({
      id: 'new-1',
      type: 'PERSON',
      email: 'piet@example.com',
      firstName: 'Piet',
      lastName: 'Bakker',
      name: 'Piet Bakker',
      companyId: null,
      companyName: null,
      language: 'nl',
      phone: null,
      state: 'INVITED',
      invitedAt: '2026-03-01T10:00:00Z',
      activatedAt: null,
    });
    renderList();
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Cliënt uitnodigen' }));
    const dialog = screen.getByRole('dialog', { name: 'Nieuwe cliënt uitnodigen' });
    await user.type(within(dialog).getByLabelText('Voornaam'), 'Piet');
    await user.type(within(dialog).getByLabelText('Achternaam'), 'Bakker');
    await user.type(within(dialog).getByLabelText('E-mailadres'), 'piet@example.com');
    await user.click(within(dialog).getByRole('button', { name: 'Uitnodiging versturen' }));
    expect(await screen.findByRole('heading', { name: 'Cliëntpagina' })).toBeTruthy();
    expect(screen.getByTestId('where').textContent).toBe('/kantoor/clienten/new-1');
    expect(portalApi.inviteClient).toHaveBeenCalledWith(expect.objectContaining({ type: 'PERSON', email: 'piet@example.com', firstName: 'Piet', lastName: 'Bakker' }));
  });

  it('speaks English', async () => {
    renderList('', 'en');
    const table = await screen.findByRole('table', { name: 'Clients' });
    expect(within(table).getByText('Active')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Invite a client' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Kind of account' })).toBeTruthy();
  });
});

describe('the list in the URL', () => {
  it('leaves out defaults and ignores unknown values', () => {
    const parsed = parseStaffAccountQuery(new URLSearchParams('state=ACTIVE&state=NONSENSE&type=PERSON&page=0&query=%20x%20'));
    expect(parsed).toEqual({ query: 'x', states: ['ACTIVE'], types: ['PERSON'], companyId: '', page: 0 });
    expect(toStaffAccountSearch(parsed).toString()).toBe('query=x&state=ACTIVE&type=PERSON');
  });
});
