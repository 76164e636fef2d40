import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, makeI18n } from '../../../i18n/I18nContext';
import type { Lang } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/api/client';
import * as portalApi from '../../../lib/api/portalApi';
import type { AccountView, Page, StaffAccountListItem, StaffDossier } from '../../../lib/api/types';
import { OfficeClientPage } from './OfficeClientPage';

vi.mock('../../../lib/api/portalApi', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/api/portalApi')>()),
  staffAccount: vi.fn(),
  staffAccounts: vi.fn(),
  staffDossiers: vi.fn(),
  resendInvitation: vi.fn(),
}));

afterEach(() => vi.clearAllMocks());
// Pages appear after lazy chunks and several renders: more patience than the default second on a busy machine.
configure({ asyncUtilTimeout: 5000 });

const anna: AccountView = {
  id: 'a-1',
  type: 'PERSON',
  email: 'anna@example.com',
  firstName: 'Anna',
  lastName: 'de Vries',
  name: 'Anna de Vries',
  companyId: null,
  companyName: null,
  language: 'nl',
  phone: null,
  state: 'INVITED',
  invitedAt: '2026-01-05T09:00:00Z',
  activatedAt: null,
};

const dossier = (id: string, number: string, parties: string[]): StaffDossier => ({
  id,
  number,
  description: `Levering ${number}`,
  status: 'IN_PROGRESS',
  parties,
  partyDetails: parties.map((email) => ({ accountId: `id-${email}`, email, name: null, accountType: 'PERSON' })),
  progress: null,
  createdAt: '2026-01-01T09:00:00Z',
  updatedAt: '2026-02-01T09:00:00Z',
  lastActivityAt: '2026-02-01T09:00:00Z',
});

const pageOf = <T,>(items: T[]): Page<T> => ({ items, page: 0, size: 10, totalItems: items.length, totalPages: 1 });

function renderClient(account: AccountView, { lang = 'nl', dossiers = [] as StaffDossier[], others = [] as StaffAccountListItem[] } = {}) {
  vi.mocked(portalApi.staffAccount).mockResolvedValue(account);
  vi.mocked(portalApi.staffDossiers).mockResolvedValue(pageOf(dossiers));
  vi.mocked(portalApi.staffAccounts).mockResolvedValue(pageOf(others));
  return render(
    <I18nContext.Provider value={makeI18n(lang as Lang, () => undefined)}>
      <MemoryRouter initialEntries={[`/kantoor/clienten/${account.id}`]}>
        <Routes>
          <Route path="/kantoor/clienten/:id" element={<OfficeClientPage />} />
        </Routes>
      </MemoryRouter>
    </I18nContext.Provider>,
  );
}

describe('one client', { timeout: 20_000 }, () => {
  it('shows the details, the state with its dates, and the dossiers the address is party to (exactly)', async () => {
    renderClient(anna, {
      dossiers: [dossier('d-1', '2026-0001', ['anna@example.com', 'bram@example.com']), dossier('d-2', '2026-0002', ['hanna@example.com'])],
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Anna de Vries' })).toBeTruthy();
    expect(screen.getByText('De cliënt is uitgenodigd en heeft nog geen wachtwoord ingesteld.')).toBeTruthy();
    expect(screen.getByText('Uitgenodigd op').nextElementSibling?.textContent).toBe('5 januari 2026 om 10:00');
    expect(screen.getByText('Geactiveerd op').nextElementSibling?.textContent).toBe('Nog niet geactiveerd');
    const dossiers = screen.getByRole('region', { name: 'Dossiers' });
    await waitFor(() => expect(within(dossiers).getAllByRole('link')).toHaveLength(1));
    expect(within(dossiers).getByRole('link', { name: 'Dossier 2026-0001' }).getAttribute('href')).toBe('/kantoor/dossiers/d-1');
    // The staff dossier search on the e-mail address; "hanna@example.com" contains it but is someone else.
    expect(vi.mocked(portalApi.staffDossiers).mock.lastCall?.[0]).toEqual({ query: 'anna@example.com', statuses: [], sort: 'lastActivity', page: 0 });
    expect(portalApi.staffDossierQuery(vi.mocked(portalApi.staffDossiers).mock.lastCall![0])).toBe('query=anna%40example.com&sort=lastActivity&page=0&size=10');
  });

  it('says so when the account is no party to any dossier', async () => {
    renderClient({ ...anna, state: 'ACTIVE', activatedAt: '2026-01-06T12:00:00Z' });
    expect(await screen.findByText('Anna de Vries is nog geen partij in een dossier.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Uitnodiging opnieuw versturen' })).toBeNull();
  });

  it('"Uitnodiging opnieuw versturen" sends a new invitation and says so', async () => {
    const user = userEvent.setup();
    vi.mocked(portalApi.resendInvitation).mockResolvedValue({ ...anna, invitedAt: '2026-03-01T09:00:00Z' });
    renderClient(anna);
    await user.click(await screen.findByRole('button', { name: 'Uitnodiging opnieuw versturen' }));
    expect(await screen.findByText('Er is een nieuwe uitnodiging verstuurd naar anna@example.com. Eerdere links in uitnodigingen werken niet meer.')).toBeTruthy();
    expect(portalApi.resendInvitation).toHaveBeenCalledWith('a-1');
    expect(screen.getByText('Uitgenodigd op').nextElementSibling?.textContent).toBe('1 maart 2026 om 10:00');
  });

  it('a 409 (the password is set meanwhile) is said in words, and the account is shown as it is now', async () => {
    const user = userEvent.setup();
    renderClient(anna);
    vi.mocked(portalApi.resendInvitation).mockRejectedValue(new ApiError(409, { status: 409, detail: "This account has set its password already; it can use 'Wachtwoord vergeten'." }));
    const button = await screen.findByRole('button', { name: 'Uitnodiging opnieuw versturen' });
    // When loaded again: active by now.
    vi.mocked(portalApi.staffAccount).mockResolvedValue({ ...anna, state: 'ACTIVE', activatedAt: '2026-03-02T08:00:00Z' });
    await user.click(button);
    expect(
      await screen.findByText(
        'Anna de Vries heeft het wachtwoord al ingesteld. Een nieuwe uitnodiging is daarom niet verstuurd. Is de cliënt het wachtwoord kwijt? Dan kan de cliënt op de inlogpagina „Wachtwoord vergeten” kiezen.',
      ),
    ).toBeTruthy();
    await waitFor(() => expect(screen.getByText('De cliënt heeft een wachtwoord ingesteld en kan inloggen.')).toBeTruthy());
    expect(screen.queryByRole('button', { name: 'Uitnodiging opnieuw versturen' })).toBeNull();
    // The message stays after the button went.
    expect(screen.getByText(/heeft het wachtwoord al ingesteld/)).toBeTruthy();
    expect(portalApi.staffAccount).toHaveBeenCalledTimes(2);
  });

  it('says the 409 in English too', async () => {
    const user = userEvent.setup();
    renderClient(anna, { lang: 'en' });
    vi.mocked(portalApi.resendInvitation).mockRejectedValue(new ApiError(409));
    await user.click(await screen.findByRole('button', { name: 'Send the invitation again' }));
    expect(await screen.findByText(/Anna de Vries has already set a password, so no new invitation was sent/)).toBeTruthy();
  });

  it("a company's main account lists its extra accounts (the list filtered on the company)", async () => {
    const main: AccountView = { ...anna, id: 'm-1', type: 'COMPANY_MAIN', companyId: 'c-1', companyName: 'Acme B.V.', state: 'ACTIVE' };
    renderClient(main, {
      others: [
        {
          id: 'x-1',
          name: 'Bram Bos',
          firstName: 'Bram',
          lastName: 'Bos',
          email: 'bram@acme.nl',
          type: 'COMPANY_EXTRA',
          state: 'INVITED',
          companyId: 'c-1',
          companyName: 'Acme B.V.',
          createdAt: null,
          updatedAt: null,
          invitedAt: '2026-02-01T09:00:00Z',
          activatedAt: null,
        },
      ],
    });
    const extra = await screen.findByRole('region', { name: 'Extra accounts' });
    expect((await within(extra).findByRole('link', { name: 'Bram Bos' })).getAttribute('href')).toBe('/kantoor/clienten/x-1');
    expect(within(extra).getByText('Uitgenodigd')).toBeTruthy();
    expect(within(extra).getByRole('link', { name: 'Alle accounts van Acme B.V. in de lijst' }).getAttribute('href')).toBe('/kantoor/clienten?companyId=c-1');
    expect(vi.mocked(portalApi.staffAccounts).mock.lastCall?.[0]).toEqual({ query: '', states: [], types: ['COMPANY_EXTRA'], companyId: 'c-1', page: 0 });
  });
});
