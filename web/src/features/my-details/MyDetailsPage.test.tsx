import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, makeI18n } from '../../i18n/I18nContext';
import type { Lang } from '../../i18n/i18n';
import * as portalApi from '../../lib/api/portalApi';
import type { Me } from '../../lib/api/types';
import { ADVISER, AFGEROND, BRAM, GEDEELD, JANSEN_EXTRA, KOOP, page, REVOKED, TESTAMENT } from '../../test/fixtures/advisers';
import { MyDetailsPage } from './MyDetailsPage';

vi.mock('../../lib/api/portalApi', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/api/portalApi')>()),
  extraAccounts: vi.fn(),
  twoFactor: vi.fn(),
  signIns: vi.fn(),
  notificationChoices: vi.fn(),
  saveNotificationChoices: vi.fn(),
  listMyGrants: vi.fn(),
  dossiers: vi.fn(),
}));

const ANNA: Me = {
  id: 'acc-anna',
  email: 'anna@example.com',
  name: 'Anna de Vries',
  roles: ['client'],
  language: 'nl',
  accountType: 'PERSON',
  phone: null,
};

const JANSEN: Me = {
  id: 'acc-jansen',
  email: 'jansen.bv@example.com',
  name: 'Piet Jansen',
  roles: ['client', 'company-admin'],
  language: 'nl',
  accountType: 'COMPANY_MAIN',
  companyId: 'c-1',
  companyName: 'Jansen B.V.',
  phone: '+31 6 12345678',
};

// A block body: a function returned from beforeEach would be run as its teardown.
beforeEach(() => {
  vi.mocked(portalApi.extraAccounts).mockResolvedValue([]);
  vi.mocked(portalApi.twoFactor).mockResolvedValue({ sms: null, authenticatorApps: [], passkeys: [], recoveryCode: false });
  vi.mocked(portalApi.signIns).mockResolvedValue({ items: [] });
  vi.mocked(portalApi.notificationChoices).mockResolvedValue({ documents: true, questionnaires: true, messages: true });
  vi.mocked(portalApi.listMyGrants).mockResolvedValue([]);
  vi.mocked(portalApi.dossiers).mockResolvedValue(page([KOOP]));
});
afterEach(() => vi.clearAllMocks());

function renderPage(
  me: Me,
  { lang = 'nl', setLang = () => undefined, url = '/mijn-gegevens' }: { lang?: Lang; setLang?: (l: Lang) => void; url?: string } = {},
) {
  return render(
    <MemoryRouter initialEntries={[url]}>
      <I18nContext.Provider value={makeI18n(lang, setLang)}>
        <MyDetailsPage me={me} />
      </I18nContext.Provider>
    </MemoryRouter>,
  );
}

/** The <dd> after the <dt> with this text. */
const detail = (section: HTMLElement, term: string) => within(section).getByText(term, { selector: 'dt' }).nextElementSibling as HTMLElement;

describe('Mijn gegevens (ME-1, ME-4)', () => {
  it('shows the personal details; an unknown phone number says so, and the e-mail address is changed by the office', () => {
    renderPage(ANNA);
    const personal = screen.getByRole('region', { name: 'Persoonlijke gegevens' });
    expect(detail(personal, 'Naam').textContent).toBe('Anna de Vries');
    expect(detail(personal, 'E-mailadres').textContent).toBe('anna@example.comUw e-mailadres wijzigt u via het notariskantoor.');
    expect(detail(personal, 'Telefoonnummer').textContent).toBe('Niet bekend');
    expect(within(personal).queryByRole('textbox')).toBeNull();
  });

  it('shows a known phone number and the company, in English too', () => {
    renderPage(JANSEN, { lang: 'en' });
    const personal = screen.getByRole('region', { name: 'Personal details' });
    expect(detail(personal, 'Phone number').textContent).toBe('+31 6 12345678');
    expect(detail(personal, 'Company').textContent).toBe('Jansen B.V.');
    expect(within(personal).getByText('To change your e-mail address, please contact the notary office.')).toBeTruthy();
  });

  it('applies the language the moment it is chosen (ME-1): two buttons, no "Opslaan"', async () => {
    const setLang = vi.fn();
    const user = userEvent.setup();
    const { rerender } = renderPage(ANNA, { setLang });
    const language = screen.getByRole('region', { name: 'Taal' });
    const choice = within(language).getByRole('group', { name: 'Taal van het portaal en van onze e-mails' });
    expect(within(choice).getByRole('button', { name: 'Nederlands' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(choice).getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('false');
    expect(within(language).queryByRole('button', { name: 'Opslaan' })).toBeNull();
    expect(within(language).queryByRole('radio')).toBeNull();

    await user.click(within(choice).getByRole('button', { name: 'English' }));
    expect(setLang).toHaveBeenCalledWith('en');
    // The app switches: the same section, now in English, says so.
    rerender(
      <MemoryRouter initialEntries={['/mijn-gegevens']}>
        <I18nContext.Provider value={makeI18n('en', setLang)}>
          <MyDetailsPage me={ANNA} />
        </I18nContext.Provider>
      </MemoryRouter>,
    );
    const english = screen.getByRole('region', { name: 'Language' });
    expect(within(english).getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(english).getByRole('status').textContent).toBe('The language has been changed.');

    // Choosing the language that is on already changes nothing.
    await user.click(within(english).getByRole('button', { name: 'English' }));
    expect(setLang).toHaveBeenCalledTimes(1);
  });

  it('lists its sections as links at the top, each to its card; "Accounts" only for a company\'s main account', () => {
    const { unmount } = renderPage(ANNA);
    const links = within(screen.getByRole('navigation', { name: 'Op deze pagina' })).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(['Persoonlijke gegevens', 'Taal', '2-staps verificatie', 'Recente aanmeldingen', 'Notificaties', 'Toegang voor anderen']);
    unmount();

    renderPage(JANSEN);
    const companyLinks = within(screen.getByRole('navigation', { name: 'Op deze pagina' })).getAllByRole('link');
    expect(companyLinks.map((a) => a.textContent)).toEqual(['Persoonlijke gegevens', 'Taal', '2-staps verificatie', 'Recente aanmeldingen', 'Notificaties', 'Toegang voor anderen', 'Accounts']);
    for (const link of companyLinks) {
      const target = document.getElementById(link.getAttribute('href')!.slice(1));
      expect(target?.tagName, link.textContent!).toBe('SECTION');
      expect(target?.getAttribute('aria-labelledby') && document.getElementById(target.getAttribute('aria-labelledby')!)?.textContent).toBe(
        link.textContent,
      );
      // A link moves the focus to the card too.
      expect(target?.tabIndex).toBe(-1);
    }
    expect(document.getElementById('notificaties')).toBeTruthy();
  });

  it('moves the focus to the card a section link points to', async () => {
    const user = userEvent.setup();
    renderPage(JANSEN);
    await user.click(within(screen.getByRole('navigation', { name: 'Op deze pagina' })).getByRole('link', { name: 'Accounts' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('region', { name: 'Accounts' })));
  });

  it('shows "Accounts" only to a company\'s main account', async () => {
    const { unmount } = renderPage(ANNA);
    expect(screen.queryByRole('region', { name: 'Accounts' })).toBeNull();
    expect(portalApi.extraAccounts).not.toHaveBeenCalled();
    unmount();

    renderPage(JANSEN);
    const accounts = screen.getByRole('region', { name: 'Accounts' });
    expect(within(accounts).getByRole('heading', { level: 3, name: 'Extra accounts' })).toBeTruthy();
    expect(await within(accounts).findByText('Er zijn nog geen extra accounts.')).toBeTruthy();
    expect(portalApi.extraAccounts).toHaveBeenCalledTimes(1);
  });

  it('orders the sections as the manual does', () => {
    renderPage(JANSEN);
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Persoonlijke gegevens', 'Taal', '2-staps verificatie', 'Recente aanmeldingen', 'Notificaties', 'Toegang voor anderen', 'Accounts']);
  });

  it('shows the welcome note of the first sign-in', () => {
    render(
      <MemoryRouter>
        <I18nContext.Provider value={makeI18n('en', () => undefined)}>
          <MyDetailsPage me={ANNA} welcome />
        </I18nContext.Provider>
      </MemoryRouter>,
    );
    expect(screen.getByText('Welcome to the client portal. Please check your details and choose your language.')).toBeTruthy();
  });
});

describe('2-staps verificatie (ME-2)', () => {
  const setUpUrl = '/oauth2/authorization/keycloak?kc_action=portal-sms-setup&return=%2Fmijn-gegevens';

  it('offers to set it up when it is off, through Keycloak and back to Mijn gegevens', async () => {
    renderPage(ANNA);
    const section = screen.getByRole('region', { name: '2-staps verificatie' });
    const setUp = await within(section).findByRole('link', { name: '2-staps verificatie instellen' });
    expect(setUp.getAttribute('href')).toBe(setUpUrl);
    expect(within(section).getByText('Uit.')).toBeTruthy();
    expect(within(section).queryByRole('link', { name: 'Uitschakelen' })).toBeNull();
    expect(within(section).queryByRole('heading', { name: 'Herstelcode' })).toBeNull();
  });

  it('shows the masked number with change and switch-off, the recovery code, and the app and passkey with remove', async () => {
    vi.mocked(portalApi.twoFactor).mockResolvedValue({
      sms: { phoneNumber: '+31 6 •••• ••78', since: '2026-11-01T10:00:00Z' },
      authenticatorApps: [{ id: 'otp-1', label: 'Telefoon', since: '2026-11-02T10:00:00Z' }],
      passkeys: [],
      recoveryCode: true,
    });
    renderPage(ANNA);
    const section = screen.getByRole('region', { name: '2-staps verificatie' });
    await within(section).findByText('Bij het inloggen sturen wij een code naar +31 6 •••• ••78.');
    expect(within(section).getByRole('link', { name: 'Ander mobiel nummer' }).getAttribute('href')).toBe(setUpUrl);
    expect(within(section).getByRole('link', { name: 'Uitschakelen' }).getAttribute('href')).toContain('kc_action=portal-sms-disable');
    expect(within(section).getByRole('link', { name: 'Nieuwe herstelcode maken' }).getAttribute('href')).toContain('kc_action=portal-recovery-code');
    expect(within(section).getByRole('link', { name: 'Verwijderen Telefoon' }).getAttribute('href')).toContain(
      'kc_action=delete_credential%3Aotp-1',
    );
  });

  it("says in words what came of Keycloak's page", async () => {
    renderPage(ANNA, { url: '/mijn-gegevens?actie=cancelled' });
    const section = screen.getByRole('region', { name: '2-staps verificatie' });
    expect(within(section).getByText('U heeft het afgebroken; er is niets gewijzigd.').getAttribute('role')).toBe('status');
  });

  it('leaves the outcome of the password page to "Recente aanmeldingen"', () => {
    renderPage(ANNA, { url: '/mijn-gegevens?onderdeel=wachtwoord&actie=success' });
    const section = screen.getByRole('region', { name: '2-staps verificatie' });
    expect(within(section).queryByText('Uw instelling voor 2-staps verificatie is opgeslagen.')).toBeNull();
  });

  it('is in English too', async () => {
    renderPage(ANNA, { lang: 'en' });
    const section = screen.getByRole('region', { name: '2-step verification' });
    expect(await within(section).findByRole('link', { name: 'Set up 2-step verification' })).toBeTruthy();
  });
});

describe('Notificaties (ME-3)', () => {
  it('shows three switches, on by default, and saves a change at once', async () => {
    vi.mocked(portalApi.saveNotificationChoices).mockImplementation(async (choices) => choices);
    renderPage(ANNA);
    const section = screen.getByRole('region', { name: 'Notificaties' });
    const documents = await within(section).findByRole('switch', { name: 'Nieuwe documenten klaargezet' });
    expect(within(section).getAllByRole('switch').map((s) => (s as HTMLInputElement).checked)).toEqual([true, true, true]);

    await userEvent.click(documents);
    expect(portalApi.saveNotificationChoices).toHaveBeenCalledWith({ documents: false, questionnaires: true, messages: true });
    expect(await within(section).findByText('Uw keuze is opgeslagen.')).toBeTruthy();
    expect((documents as HTMLInputElement).checked).toBe(false);
    expect(section.id).toBe('notificaties');
  });

  it('puts a switch back and says so when saving fails', async () => {
    vi.mocked(portalApi.saveNotificationChoices).mockRejectedValue(new Error('offline'));
    renderPage(ANNA, { lang: 'en' });
    const section = screen.getByRole('region', { name: 'Notifications' });
    const messages = await within(section).findByRole('switch', { name: 'Message from your handler' });
    await userEvent.click(messages);
    expect(await within(section).findByText('Your choice could not be saved. Please try again.')).toBeTruthy();
    expect((messages as HTMLInputElement).checked).toBe(true);
  });
});

describe('Toegang voor anderen (ADV-1)', () => {
  it('lists every grant with its dossier, and offers only the client\'s own dossiers in progress to share', async () => {
    vi.mocked(portalApi.listMyGrants).mockResolvedValue([BRAM, REVOKED]);
    // The list API gives dossiers in progress, including one someone shared with Anna.
    vi.mocked(portalApi.dossiers).mockResolvedValue(page([KOOP, GEDEELD, TESTAMENT, AFGEROND]));
    renderPage(ANNA);
    const section = screen.getByRole('region', { name: 'Toegang voor anderen' });
    expect(section.id).toBe('toegang');
    const grants = await within(section).findByRole('list', { name: 'Gegeven toegang' });
    expect(within(grants).getAllByRole('listitem').map((li) => li.querySelector('.grant-name')?.textContent)).toEqual(['Bram Adviseur', 'Sam de Vries']);
    expect(within(grants).getByText(/Dossier 2026-0003/)).toBeTruthy();

    const dossier = (await within(section).findByRole('combobox', { name: 'Dossier' })) as HTMLSelectElement;
    expect([...dossier.options].map((o) => o.value)).toEqual(['', 'dossier-1', 'dossier-3']);
    expect(vi.mocked(portalApi.dossiers).mock.calls[0][0]).toMatchObject({ query: '', statuses: [], page: 0 });
  });

  it('says so when there is nothing to share, and that nobody has access yet', async () => {
    vi.mocked(portalApi.dossiers).mockResolvedValue(page([GEDEELD]));
    renderPage(ANNA, { lang: 'en' });
    const section = screen.getByRole('region', { name: 'Access for others' });
    expect(await within(section).findByText('You have not given anyone access yet.')).toBeTruthy();
    expect(await within(section).findByText('You have no files in progress that you can share.')).toBeTruthy();
    expect(within(section).queryByRole('button', { name: 'Give access' })).toBeNull();
  });

  it('is not there for a company\'s extra account', () => {
    renderPage(JANSEN_EXTRA);
    expect(screen.queryByRole('region', { name: 'Toegang voor anderen' })).toBeNull();
    expect(portalApi.listMyGrants).not.toHaveBeenCalled();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Persoonlijke gegevens', 'Taal', '2-staps verificatie', 'Recente aanmeldingen', 'Notificaties']);
  });

  it('gives an adviser only language, two-step verification and the e-mails about new documents', async () => {
    renderPage(ADVISER);
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Taal', '2-staps verificatie', 'Notificaties']);
    expect(portalApi.listMyGrants).not.toHaveBeenCalled();
    expect(portalApi.signIns).not.toHaveBeenCalled();
    const notifications = screen.getByRole('region', { name: 'Notificaties' });
    await within(notifications).findByRole('switch', { name: 'Nieuwe documenten klaargezet' });
    expect(within(notifications).getAllByRole('switch')).toHaveLength(1);
    expect(within(notifications).getByText(/in een dossier dat met u is gedeeld/)).toBeTruthy();
  });
});
