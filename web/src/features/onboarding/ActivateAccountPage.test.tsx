import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, makeI18n } from '../../i18n/I18nContext';
import { ApiError } from '../../lib/api/client';
import * as portalApi from '../../lib/api/portalApi';
import { ActivateAccountPage } from './ActivateAccountPage';

vi.mock('../../lib/api/portalApi', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/api/portalApi')>()),
  invitationStatus: vi.fn(),
  confirmInvitation: vi.fn(),
  renewInvitation: vi.fn(),
}));

const TOKEN = 'tok-123';
const NEUTRAL =
  'Als dit het e-mailadres is waarvoor u bent uitgenodigd, ontvangt u binnen enkele minuten een tweede e-mail met een link om uw wachtwoord in te stellen. Deze link is 1 uur geldig.';

afterEach(() => vi.clearAllMocks());

function renderPage(lang: 'nl' | 'en' = 'nl') {
  return render(
    <I18nContext.Provider value={makeI18n(lang, () => undefined)}>
      <MemoryRouter initialEntries={[`/account-activeren/${TOKEN}`]}>
        <Routes>
          <Route path="/account-activeren/:token" element={<ActivateAccountPage />} />
        </Routes>
      </MemoryRouter>
    </I18nContext.Provider>,
  );
}

describe('Account activeren (ONB-2, ONB-7)', () => {
  it('asks for the e-mail address on a valid link and gives the same neutral answer whatever the address', async () => {
    vi.mocked(portalApi.invitationStatus).mockResolvedValue({ status: 'VALID' });
    vi.mocked(portalApi.confirmInvitation).mockResolvedValue({ status: 'VALID' });
    const user = userEvent.setup();

    const answers: string[] = [];
    for (const address of ['anna@example.com', 'someone.else@example.org']) {
      const { unmount } = renderPage();
      expect(await screen.findByRole('heading', { level: 1, name: 'Account activeren' })).toBeTruthy();
      expect(screen.getByText(/^Vul uw e-mailadres in/)).toBeTruthy();
      const field = screen.getByLabelText('E-mailadres') as HTMLInputElement;
      expect(field.type).toBe('email');
      expect(field.autocomplete).toBe('email');
      await user.type(field, `  ${address} `);
      await user.click(screen.getByRole('button', { name: 'Versturen' }));

      const heading = await screen.findByRole('heading', { level: 2, name: 'Controleer uw e-mail' });
      expect(document.activeElement).toBe(heading);
      expect(screen.getByText(NEUTRAL)).toBeTruthy();
      expect(screen.getByText(/ongewenste e-mail \(spam\)/)).toBeTruthy();
      expect(document.body.textContent).not.toContain(address);
      expect(portalApi.confirmInvitation).toHaveBeenLastCalledWith(TOKEN, address);
      answers.push(screen.getByRole('heading', { level: 1 }).closest('section')!.textContent!);
      unmount();
    }
    expect(answers[0]).toBe(answers[1]);
  });

  it('says next to the field that the address is required, and sends nothing', async () => {
    vi.mocked(portalApi.invitationStatus).mockResolvedValue({ status: 'VALID' });
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Versturen' }));

    const field = screen.getByLabelText('E-mailadres');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field);
    const message = document.getElementById(field.getAttribute('aria-describedby')!)!;
    expect(message.textContent).toBe('Fout: Vul uw e-mailadres in.');
    expect(portalApi.confirmInvitation).not.toHaveBeenCalled();

    await user.type(field, 'geen-adres');
    await user.click(screen.getByRole('button', { name: 'Versturen' }));
    expect(document.getElementById(field.getAttribute('aria-describedby')!)!.textContent).toMatch(/geldig e-mailadres/);
    expect(portalApi.confirmInvitation).not.toHaveBeenCalled();
  });

  it('says that an expired or used link no longer works and sends a new one on request', async () => {
    vi.mocked(portalApi.invitationStatus).mockResolvedValue({ status: 'EXPIRED' });
    vi.mocked(portalApi.renewInvitation).mockResolvedValue(undefined);
    const user = userEvent.setup();
    renderPage();

    expect(await screen.findByText('Deze link is verlopen of al gebruikt.')).toBeTruthy();
    const signIn = screen.getByRole('link', { name: 'Inloggen' });
    expect(signIn.getAttribute('href')).toBe(portalApi.SIGN_IN_URL);
    expect(screen.getByText(/Wachtwoord vergeten/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Stuur mij een nieuwe link' }));
    expect(screen.getByLabelText('E-mailadres').getAttribute('aria-invalid')).toBe('true');
    expect(portalApi.renewInvitation).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText('E-mailadres'), 'anna@example.com');
    await user.click(screen.getByRole('button', { name: 'Stuur mij een nieuwe link' }));
    expect(await screen.findByText('Als dit het e-mailadres is waarvoor u bent uitgenodigd, ontvangt u een nieuwe uitnodiging.')).toBeTruthy();
    expect(portalApi.renewInvitation).toHaveBeenCalledWith(TOKEN, 'anna@example.com');
    expect(screen.getByRole('link', { name: 'Inloggen' })).toBeTruthy();
  });

  it('switches to the expired view when the link was used meanwhile, keeping the typed address', async () => {
    vi.mocked(portalApi.invitationStatus).mockResolvedValue({ status: 'VALID' });
    vi.mocked(portalApi.confirmInvitation).mockResolvedValue({ status: 'USED' });
    const user = userEvent.setup();
    renderPage();
    await user.type(await screen.findByLabelText('E-mailadres'), 'anna@example.com');
    await user.click(screen.getByRole('button', { name: 'Versturen' }));

    const expired = await screen.findByText('Deze link is verlopen of al gebruikt.');
    expect(document.activeElement).toBe(expired);
    expect((screen.getByLabelText('E-mailadres') as HTMLInputElement).value).toBe('anna@example.com');
    expect(screen.getByRole('button', { name: 'Stuur mij een nieuwe link' })).toBeTruthy();
  });

  it('says to contact the office when the link was tried too often (429)', async () => {
    vi.mocked(portalApi.invitationStatus).mockResolvedValue({ status: 'VALID' });
    vi.mocked(portalApi.confirmInvitation).mockRejectedValue(new ApiError(429));
    const user = userEvent.setup();
    renderPage();
    await user.type(await screen.findByLabelText('E-mailadres'), 'anna@example.com');
    await user.click(screen.getByRole('button', { name: 'Versturen' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Deze link is te vaak geprobeerd. Neem contact op met het notariskantoor voor een nieuwe uitnodiging.');
    expect(screen.queryByLabelText('E-mailadres')).toBeNull();
  });

  it('shows the too-often message also when the status itself answers 429', async () => {
    vi.mocked(portalApi.invitationStatus).mockRejectedValue(new ApiError(429));
    renderPage('en');
    expect((await screen.findByRole('alert')).textContent).toMatch(/tried too often\. Please contact the notary office/);
  });

  it('shows the usual error with a retry when the server fails, and next to the form when sending fails', async () => {
    vi.mocked(portalApi.invitationStatus).mockRejectedValueOnce(new ApiError(500)).mockResolvedValue({ status: 'VALID' });
    vi.mocked(portalApi.confirmInvitation).mockRejectedValue(new ApiError(0));
    const user = userEvent.setup();
    renderPage();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/tijdelijk niet beschikbaar/);
    await user.click(within(alert).getByRole('button', { name: 'Opnieuw proberen' }));

    await user.type(await screen.findByLabelText('E-mailadres'), 'anna@example.com');
    await user.click(screen.getByRole('button', { name: 'Versturen' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/geen verbinding/);
    expect(screen.getByLabelText('E-mailadres')).toBeTruthy();
  });

  it('is translated into English', async () => {
    vi.mocked(portalApi.invitationStatus).mockResolvedValue({ status: 'USED' });
    renderPage('en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Activate your account' })).toBeTruthy();
    expect(screen.getByText('This link has expired or has already been used.')).toBeTruthy();
    expect(screen.getByLabelText('E-mail address')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Send me a new link' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeTruthy();
  });
});
