import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, makeI18n } from '../../../i18n/I18nContext';
import type { Lang } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/api/client';
import * as portalApi from '../../../lib/api/portalApi';
import type { SignIn } from '../../../lib/api/types';
import { SignInsSection } from './SignInsSection';

vi.mock('../../../lib/api/portalApi', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/api/portalApi')>()),
  signIns: vi.fn(),
}));

// Saturday 5 December 2026, 15:30 in Amsterdam (CET, UTC+1).
const NOW = new Date('2026-12-05T14:30:00Z');

const signIn = (at: string, more: Partial<SignIn> = {}): SignIn => ({
  at,
  outcome: 'SUCCESS',
  reason: null,
  browser: 'Firefox 133',
  system: 'Windows 10/11',
  network: '203.0.113.0/24',
  ...more,
});

const ITEMS: SignIn[] = [
  signIn('2026-12-05T13:02:11Z'),
  signIn('2026-12-05T13:01:40Z', { outcome: 'FAILED', reason: 'WRONG_PASSWORD' }),
  signIn('2026-12-04T08:15:00Z', { browser: 'Safari 18', system: 'iPhone (iOS 18)', network: '2001:db8:12:34::/64' }),
  signIn('2026-12-03T17:40:00Z', { outcome: 'FAILED', reason: 'WRONG_CODE', browser: 'Chrome 131', system: null }),
  signIn('2025-12-30T23:10:00Z', { outcome: 'FAILED', reason: 'OTHER', browser: null, system: null, network: null }),
];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  vi.mocked(portalApi.signIns).mockResolvedValue({ items: ITEMS });
});

afterEach(() => {
  vi.useRealTimers();
  vi.clearAllMocks();
});

function renderSection({ lang = 'nl', url = '/mijn-gegevens' }: { lang?: Lang; url?: string } = {}) {
  return render(
    <MemoryRouter initialEntries={[url]}>
      <I18nContext.Provider value={makeI18n(lang, () => undefined)}>
        <main>
          <SignInsSection />
        </main>
      </I18nContext.Provider>
    </MemoryRouter>,
  );
}

const rows = () => screen.getAllByRole('row').slice(1);
const texts = (row: HTMLElement) => [
  within(row).getByRole('rowheader').textContent,
  ...within(row).getAllByRole('cell').map((cell) => cell.textContent),
];

describe('Recente aanmeldingen (TRL-1)', () => {
  it('lists when, the outcome in words, the browser and system, and the network, newest first', async () => {
    renderSection();
    const section = screen.getByRole('region', { name: 'Recente aanmeldingen' });
    expect(section.id).toBe('aanmeldingen');
    await within(section).findByRole('table', { name: 'Recente aanmeldingen' });
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Wanneer',
      'Resultaat',
      'Browser en systeem',
      'Netwerk',
    ]);
    expect(rows().map(texts)).toEqual([
      ['vandaag 14:02', 'Aangemeld', 'Firefox 133 op Windows 10/11', '203.0.113.0/24'],
      ['vandaag 14:01', 'Mislukte poging: verkeerd wachtwoord', 'Firefox 133 op Windows 10/11', '203.0.113.0/24'],
      ['gisteren 09:15', 'Aangemeld', 'Safari 18 op iPhone (iOS 18)', '2001:db8:12:34::/64'],
      ['3 december om 18:40', 'Mislukte poging: verkeerde code', 'Chrome 131', '203.0.113.0/24'],
      ['31 december 2025 om 00:10', 'Mislukte poging', 'Onbekend', 'Onbekend'],
    ]);
    // The moment itself is in the markup; the cells carry their column's name for the cards on a phone.
    expect(within(rows()[0]).getByText('vandaag 14:02').getAttribute('datetime')).toBe('2026-12-05T13:02:11Z');
    expect(within(rows()[1]).getAllByRole('cell')[1].getAttribute('data-label')).toBe('Browser en systeem');
  });

  it('says "Was u dit niet?" with a link to Keycloak\'s change-password page, back to this section', async () => {
    renderSection();
    const section = screen.getByRole('region', { name: 'Recente aanmeldingen' });
    await within(section).findByRole('table');
    const link = within(section).getByRole('link', { name: 'Wijzig uw wachtwoord' });
    expect(link.getAttribute('href')).toBe(
      '/oauth2/authorization/keycloak?kc_action=UPDATE_PASSWORD&return=%2Fmijn-gegevens%3Fonderdeel%3Dwachtwoord',
    );
    expect(link.parentElement?.textContent).toBe('Was u dit niet? Wijzig uw wachtwoord');
  });

  it('says what came of the password page', () => {
    renderSection({ url: '/mijn-gegevens?onderdeel=wachtwoord&actie=success' });
    expect(screen.getByText('Uw wachtwoord is gewijzigd.').getAttribute('role')).toBe('status');
  });

  it('has a sentence for an account without sign-ins', async () => {
    vi.mocked(portalApi.signIns).mockResolvedValue({ items: [] });
    renderSection();
    expect(await screen.findByText('Er zijn nog geen aanmeldingen bekend.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByRole('link', { name: 'Wijzig uw wachtwoord' })).toBeTruthy();
  });

  it('shows that it is loading, and a failure with a retry that loads again', async () => {
    vi.mocked(portalApi.signIns).mockRejectedValueOnce(
      new ApiError(503, { status: 503, title: 'Service Unavailable', detail: 'Your recent sign-ins cannot be shown just now.' }),
    );
    renderSection();
    expect(screen.getByText('Bezig met laden…')).toBeTruthy();
    const alert = await screen.findByRole('alert');
    expect(screen.queryByRole('table')).toBeNull();

    vi.useRealTimers();
    await userEvent.click(within(alert).getByRole('button'));
    await screen.findByRole('table', { name: 'Recente aanmeldingen' });
    expect(portalApi.signIns).toHaveBeenCalledTimes(2);
  });

  it('is in English too', async () => {
    renderSection({ lang: 'en' });
    const section = screen.getByRole('region', { name: 'Recent sign-ins' });
    await within(section).findByRole('table', { name: 'Recent sign-ins' });
    expect(rows().map(texts).slice(0, 4)).toEqual([
      ['today 14:02', 'Signed in', 'Firefox 133 on Windows 10/11', '203.0.113.0/24'],
      ['today 14:01', 'Failed attempt: wrong password', 'Firefox 133 on Windows 10/11', '203.0.113.0/24'],
      ['yesterday 09:15', 'Signed in', 'Safari 18 on iPhone (iOS 18)', '2001:db8:12:34::/64'],
      ['3 December at 18:40', 'Failed attempt: wrong code', 'Chrome 131', '203.0.113.0/24'],
    ]);
    expect(within(section).getByRole('link', { name: 'Change your password' }).parentElement?.textContent).toBe(
      'Was this not you? Change your password',
    );
  });
});
