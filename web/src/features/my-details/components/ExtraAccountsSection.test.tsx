import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, makeI18n } from '../../../i18n/I18nContext';
import { ApiError } from '../../../lib/api/client';
import * as portalApi from '../../../lib/api/portalApi';
import type { AccountView, Me } from '../../../lib/api/types';
import { ExtraAccountsSection } from './ExtraAccountsSection';

vi.mock('../../../lib/api/portalApi', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/api/portalApi')>()),
  extraAccounts: vi.fn(),
  extraAccount: vi.fn(),
  addExtraAccount: vi.fn(),
  deleteExtraAccount: vi.fn(),
}));

const MAIN: Me = {
  id: 'acc-jansen',
  email: 'jansen.bv@example.com',
  name: 'Piet Jansen',
  roles: ['client', 'company-admin'],
  language: 'nl',
  accountType: 'COMPANY_MAIN',
  companyId: 'c-1',
  companyName: 'Jansen B.V.',
};

const account = (id: string, firstName: string, lastName: string, state: AccountView['state'], more: Partial<AccountView> = {}): AccountView => ({
  id,
  type: 'COMPANY_EXTRA',
  email: `${firstName.toLowerCase()}@jansen.example`,
  firstName,
  lastName,
  name: `${firstName} ${lastName}`,
  companyId: 'c-1',
  companyName: 'Jansen B.V.',
  language: 'nl',
  phone: null,
  state,
  invitedAt: '2026-01-12T10:00:00Z',
  activatedAt: state === 'ACTIVE' ? '2026-01-13T09:30:00Z' : null,
  ...more,
});

const KEES = account('a-1', 'Kees', 'Bakker', 'ACTIVE', { phone: '+31 6 11122233' });
const SARA = account('a-2', 'Sara', 'de Boer', 'INVITED');
const TOM = account('a-3', 'Tom', 'Visser', 'BLOCKED');

beforeEach(() => {
  vi.mocked(portalApi.extraAccounts).mockResolvedValue([KEES, SARA, TOM]);
  vi.mocked(portalApi.extraAccount).mockImplementation(async (id) => [KEES, SARA, TOM].find((a) => a.id === id)!);
  vi.mocked(portalApi.deleteExtraAccount).mockResolvedValue(undefined);
});

afterEach(() => vi.clearAllMocks());

function renderSection(lang: 'nl' | 'en' = 'nl') {
  return render(
    <I18nContext.Provider value={makeI18n(lang, () => undefined)}>
      <main>
        <ExtraAccountsSection me={MAIN} />
      </main>
    </I18nContext.Provider>,
  );
}

const rows = () => screen.getAllByRole('row').slice(1);
const row = (name: string) => screen.getByRole('row', { name: new RegExp(name) });
const errorOf = (field: HTMLElement) => document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent;

describe('Accounts | Extra accounts (ME-4)', () => {
  it('lists the extra accounts with name, e-mail address and state', async () => {
    renderSection();
    await screen.findByRole('table', { name: 'Extra accounts' });
    expect(rows().map((r) => within(r).getAllByRole('cell').slice(0, 2).map((c) => c.textContent))).toEqual([
      ['kees@jansen.example', 'Actief'],
      ['sara@jansen.example', 'Uitgenodigd'],
      ['tom@jansen.example', 'Geblokkeerd'],
    ]);
    expect(within(row('Sara de Boer')).getByRole('rowheader').textContent).toBe('Sara de Boer');
    expect(within(row('Sara de Boer')).getByRole('button', { name: 'Bekijken Sara de Boer' })).toBeTruthy();
    expect(within(row('Sara de Boer')).getByRole('button', { name: 'Verwijderen Sara de Boer' })).toBeTruthy();
  });

  it('says when there are none yet, in English too', async () => {
    vi.mocked(portalApi.extraAccounts).mockResolvedValue([]);
    renderSection('en');
    expect(await screen.findByText('There are no extra accounts yet.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add extra account' })).toBeTruthy();
  });

  it('hides itself when the server says the account is not a main account (403)', async () => {
    vi.mocked(portalApi.extraAccounts).mockRejectedValue(new ApiError(403));
    renderSection();
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Extra accounts' })).toBeNull());
  });

  it('shows the details of an account in a dialog ("Bekijken") and returns the focus', async () => {
    const user = userEvent.setup();
    renderSection();
    const view = await screen.findByRole('button', { name: 'Bekijken Kees Bakker' });
    await user.click(view);

    const dialog = await screen.findByRole('dialog', { name: 'Gegevens van Kees Bakker' });
    expect(portalApi.extraAccount).toHaveBeenCalledWith('a-1', expect.anything());
    await waitFor(() => expect(within(dialog).queryByRole('status')).toBeNull());
    const dd = (term: string) => within(dialog).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(dd('E-mailadres')).toBe('kees@jansen.example');
    expect(dd('Telefoonnummer')).toBe('+31 6 11122233');
    expect(dd('Status')).toBe('Actief');
    expect(dd('Uitgenodigd op')).toBe('12 januari 2026 om 11:00');
    expect(dd('Geactiveerd op')).toBe('13 januari 2026 om 10:30');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Sluiten' }));

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(view);
  });

  it('says so when the account is gone meanwhile, and takes it off the list', async () => {
    vi.mocked(portalApi.extraAccount).mockRejectedValue(new ApiError(404));
    const user = userEvent.setup();
    renderSection();
    await user.click(await screen.findByRole('button', { name: 'Bekijken Tom Visser' }));
    const dialog = screen.getByRole('dialog', { name: 'Gegevens van Tom Visser' });
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Dit account bestaat niet meer.');
    await user.click(within(dialog).getByRole('button', { name: 'Sluiten' }));
    expect(screen.queryByRole('row', { name: /Tom Visser/ })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Extra accounts' }));
  });

  it('adds an extra account: required fields, then the invitation notice and the new row', async () => {
    const added = account('a-4', 'Lotte', 'Smit', 'INVITED');
    vi.mocked(portalApi.addExtraAccount).mockResolvedValue(added);
    const user = userEvent.setup();
    renderSection();
    await user.click(await screen.findByRole('button', { name: 'Extra account toevoegen' }));

    const form = screen.getByRole('region', { name: 'Extra account toevoegen' });
    const first = within(form).getByLabelText('Voornaam');
    expect(document.activeElement).toBe(first);
    await user.click(within(form).getByRole('button', { name: 'Toevoegen' }));
    expect(errorOf(first)).toBe('Fout: Vul de voornaam in.');
    expect(errorOf(within(form).getByLabelText('Achternaam'))).toBe('Fout: Vul de achternaam in.');
    expect(errorOf(within(form).getByLabelText('E-mailadres'))).toBe('Fout: Vul het e-mailadres in.');
    expect(first.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(first);
    expect(portalApi.addExtraAccount).not.toHaveBeenCalled();

    await user.type(first, 'Lotte');
    await user.type(within(form).getByLabelText('Achternaam'), 'Smit');
    await user.type(within(form).getByLabelText('E-mailadres'), 'lotte@jansen.example');
    expect(first.getAttribute('aria-invalid')).toBeNull();
    await user.click(within(form).getByRole('button', { name: 'Toevoegen' }));

    expect(portalApi.addExtraAccount).toHaveBeenCalledWith({ firstName: 'Lotte', lastName: 'Smit', email: 'lotte@jansen.example' });
    expect(await screen.findByText('Lotte Smit ontvangt een uitnodiging per e-mail.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Extra account toevoegen' })).toBeNull();
    expect(within(row('Lotte Smit')).getByText('Uitgenodigd')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Extra account toevoegen' }));
  });

  it('shows the server\'s field errors and 409 next to the fields', async () => {
    vi.mocked(portalApi.addExtraAccount)
      .mockRejectedValueOnce(new ApiError(400, { status: 400, errors: [{ field: 'lastName', message: 'is required (at most 100 characters)' }] }))
      .mockRejectedValueOnce(new ApiError(409, { status: 409, detail: 'An account with this e-mail address exists already.' }));
    const user = userEvent.setup();
    renderSection();
    await user.click(await screen.findByRole('button', { name: 'Extra account toevoegen' }));
    const form = screen.getByRole('region', { name: 'Extra account toevoegen' });
    await user.type(within(form).getByLabelText('Voornaam'), 'Kees');
    await user.type(within(form).getByLabelText('Achternaam'), 'Bakker');
    await user.type(within(form).getByLabelText('E-mailadres'), 'kees@jansen.example');

    await user.click(within(form).getByRole('button', { name: 'Toevoegen' }));
    const last = within(form).getByLabelText('Achternaam');
    await waitFor(() => expect(errorOf(last)).toBe('Fout: Vul een naam in van maximaal 100 tekens.'));
    expect(document.activeElement).toBe(last);

    await user.click(within(form).getByRole('button', { name: 'Toevoegen' }));
    const email = within(form).getByLabelText('E-mailadres');
    await waitFor(() => expect(errorOf(email)).toBe('Fout: Er bestaat al een account met dit e-mailadres.'));
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(email);
    expect(portalApi.extraAccounts).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(/Kees Bakker ontvangt/)).toBeNull();

    // "Annuleren" closes the form and returns to the button.
    await user.click(within(form).getByRole('button', { name: 'Annuleren' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Extra account toevoegen' }));
  });

  it('deletes an account after confirming in a dialog, by keyboard', async () => {
    const user = userEvent.setup();
    renderSection();
    const remove = await screen.findByRole('button', { name: 'Verwijderen Sara de Boer' });
    remove.focus();
    await user.keyboard('{Enter}');

    const dialog = screen.getByRole('alertdialog', { name: 'Sara de Boer verwijderen?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(dialog.getAttribute('aria-describedby')!)!.textContent).toBe(
      'Sara de Boer kan daarna direct niet meer inloggen.',
    );
    const cancel = within(dialog).getByRole('button', { name: 'Annuleren' });
    const confirm = within(dialog).getByRole('button', { name: 'Verwijderen' });
    expect(document.activeElement).toBe(cancel);
    // The page behind the dialog is out of reach.
    expect(document.querySelector('main')!.closest('[inert]')).not.toBeNull();

    // Tab stays inside the dialog.
    await user.tab();
    expect(document.activeElement).toBe(confirm);
    await user.tab();
    expect(document.activeElement).toBe(cancel);
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(confirm);

    // Escape cancels and returns the focus to the row's button.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(remove);
    expect(document.querySelector('[inert]')).toBeNull();
    expect(portalApi.deleteExtraAccount).not.toHaveBeenCalled();

    // Again, and this time "Verwijderen".
    await user.keyboard('{Enter}');
    await user.tab();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(portalApi.deleteExtraAccount).toHaveBeenCalledWith('a-2');
    expect(screen.queryByRole('row', { name: /Sara de Boer/ })).toBeNull();
    expect(rows()).toHaveLength(2);
    expect(screen.getByRole('status').textContent).toBe('Sara de Boer is verwijderd.');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Extra accounts' }));
  });

  it('keeps the dialog open with the error when deleting fails', async () => {
    vi.mocked(portalApi.deleteExtraAccount).mockRejectedValue(new ApiError(500));
    const user = userEvent.setup();
    renderSection();
    await user.click(await screen.findByRole('button', { name: 'Verwijderen Kees Bakker' }));
    const dialog = screen.getByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Verwijderen' }));
    expect(await within(dialog).findByText('Het account is niet verwijderd.')).toBeTruthy();
    expect(within(dialog).getByRole('alert').textContent).toMatch(/tijdelijk niet beschikbaar/);
    expect(row('Kees Bakker')).toBeTruthy();
  });
});
