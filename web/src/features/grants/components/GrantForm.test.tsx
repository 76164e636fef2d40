import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, makeI18n } from '../../../i18n/I18nContext';
import type { Lang } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/api/client';
import * as portalApi from '../../../lib/api/portalApi';
import type { Grant } from '../../../lib/api/types';
import { grant, KOOP, TESTAMENT } from '../../../test/fixtures/advisers';
import { GrantForm, type DossierChoice } from './GrantForm';

vi.mock('../../../lib/api/portalApi', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/api/portalApi')>()),
  createGrant: vi.fn(),
}));

const CHOICES: DossierChoice[] = [KOOP, TESTAMENT];

beforeEach(() => {
  // Only the clock: "today" is 10 March 2026 in Amsterdam; timers stay real for user-event.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-10T10:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
  vi.clearAllMocks();
});

function renderForm({ lang = 'nl', dossier, onGranted = vi.fn() }: { lang?: Lang; dossier?: DossierChoice; onGranted?: (g: Grant) => void } = {}) {
  render(
    <I18nContext.Provider value={makeI18n(lang, () => undefined)}>
      <main>{dossier ? <GrantForm dossier={dossier} onGranted={onGranted} /> : <GrantForm choices={CHOICES} onGranted={onGranted} />}</main>
    </I18nContext.Provider>,
  );
  return onGranted;
}

const errorOf = (field: HTMLElement) =>
  (field.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id))
    .find((el) => el?.classList.contains('field-error'))?.textContent ?? null;

async function fillIn(user: ReturnType<typeof userEvent.setup>, { dossier = true } = {}) {
  await user.type(screen.getByLabelText('E-mailadres'), 'adviseur@example.com');
  await user.type(screen.getByLabelText('Naam'), 'Bram Adviseur');
  if (dossier) await user.selectOptions(screen.getByLabelText('Dossier'), 'dossier-3');
}

describe('Toegang geven (ADV-1)', () => {
  it('offers the fields with their defaults: read only, until 30 days from today, at most a year', () => {
    renderForm();
    const form = screen.getByRole('region', { name: 'Toegang geven' });
    expect(within(form).getByRole('textbox', { name: 'E-mailadres' })).toBeTruthy();
    expect(within(form).getByRole('textbox', { name: 'Naam' })).toBeTruthy();
    const dossier = within(form).getByRole('combobox', { name: 'Dossier' }) as HTMLSelectElement;
    expect([...dossier.options].map((o) => o.textContent)).toEqual(['Kies een dossier', '2026-0001 – Aankoop woning Dorpsstraat 12', '2026-0003 – Testament']);
    expect(dossier.value).toBe('');

    const scope = within(form).getByRole('group', { name: 'Wat mag deze persoon?' });
    expect(scope.tagName).toBe('FIELDSET');
    const read = within(scope).getByRole('radio', { name: 'Inzien' }) as HTMLInputElement;
    const deliver = within(scope).getByRole('radio', { name: 'Inzien en aanleveren' }) as HTMLInputElement;
    expect([read.checked, deliver.checked]).toEqual([true, false]);
    expect(document.getElementById(deliver.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Ook berichten met bijlagen sturen aan het notariskantoor.',
    );

    const until = within(form).getByLabelText('Tot en met') as HTMLInputElement;
    expect(until.type).toBe('date');
    expect([until.value, until.min, until.max]).toEqual(['2026-04-09', '2026-03-10', '2027-03-10']);
    expect(document.getElementById(until.getAttribute('aria-describedby')!)?.textContent).toBe(
      'De toegang stopt aan het eind van deze dag; uiterlijk 10 maart 2027.',
    );
    expect(within(form).getByRole('button', { name: 'Toegang geven' })).toBeTruthy();
  });

  it('says what is missing next to each field and puts the focus on the first; nothing is sent', async () => {
    const user = userEvent.setup();
    renderForm();
    await user.click(screen.getByRole('button', { name: 'Toegang geven' }));
    const email = screen.getByLabelText('E-mailadres');
    expect(errorOf(email)).toBe('Fout: Vul het e-mailadres in.');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(screen.getByLabelText('Naam'))).toBe('Fout: Vul de naam in.');
    expect(errorOf(screen.getByLabelText('Dossier'))).toBe('Fout: Kies een dossier.');
    expect(document.activeElement).toBe(email);
    expect(portalApi.createGrant).not.toHaveBeenCalled();
  });

  it('keeps the last day between today and a year from today', async () => {
    const user = userEvent.setup();
    renderForm();
    await fillIn(user);
    const until = screen.getByLabelText('Tot en met');
    fireEvent.change(until, { target: { value: '2027-03-11' } });
    await user.click(screen.getByRole('button', { name: 'Toegang geven' }));
    expect(errorOf(until)).toBe('Fout: Kies een datum van 10 maart 2026 tot en met 10 maart 2027.');
    expect(document.activeElement).toBe(until);

    fireEvent.change(until, { target: { value: '2026-03-09' } });
    await user.click(screen.getByRole('button', { name: 'Toegang geven' }));
    expect(errorOf(until)).toBe('Fout: Kies een datum van 10 maart 2026 tot en met 10 maart 2027.');
    expect(portalApi.createGrant).not.toHaveBeenCalled();
  });

  it('grants, says so, and starts over with the defaults', async () => {
    const made = grant({ dossierId: 'dossier-3', dossierNumber: '2026-0003', until: '2026-06-30' });
    vi.mocked(portalApi.createGrant).mockResolvedValue(made);
    const user = userEvent.setup();
    const onGranted = renderForm();
    await fillIn(user);
    await user.click(screen.getByRole('radio', { name: 'Inzien en aanleveren' }));
    fireEvent.change(screen.getByLabelText('Tot en met'), { target: { value: '2026-06-30' } });
    await user.click(screen.getByRole('button', { name: 'Toegang geven' }));

    expect(portalApi.createGrant).toHaveBeenCalledWith('dossier-3', {
      email: 'adviseur@example.com',
      name: 'Bram Adviseur',
      scope: 'READ_DELIVER',
      until: '2026-06-30',
    });
    expect(onGranted).toHaveBeenCalledWith(made);
    const status = await screen.findByText('Bram Adviseur heeft nu toegang tot dossier 2026-0003 tot en met 30 juni 2026 en ontvangt een e-mail.');
    expect(status.getAttribute('role')).toBe('status');
    expect((screen.getByLabelText('E-mailadres') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Tot en met') as HTMLInputElement).value).toBe('2026-04-09');
    expect((screen.getByRole('radio', { name: 'Inzien' }) as HTMLInputElement).checked).toBe(true);
  });

  it.each([
    ['nl', 'Fout: Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.', 'Fout: Vul de naam in.', 'Fout: Kies een datum van 10 maart 2026 tot en met 10 maart 2027.'],
    ['en', 'Error: Enter a valid e-mail address, for example name@example.com.', 'Error: Enter the name.', 'Error: Choose a date from 10 March 2026 up to and including 10 March 2027.'],
  ] as const)('shows the server\'s field errors of a 400 at their fields, in the portal\'s words (%s)', async (lang, emailText, nameText, untilText) => {
    vi.mocked(portalApi.createGrant).mockRejectedValue(
      new ApiError(400, {
        status: 400,
        detail: 'Invalid grant',
        errors: [
          { field: 'email', message: 'must be a well-formed email address' },
          { field: 'name', message: 'must not be blank' },
          { field: 'until', message: 'must not be after 2027-03-10' },
        ],
      }),
    );
    const user = userEvent.setup();
    renderForm({ lang, dossier: KOOP });
    const en = lang === 'en';
    await user.type(screen.getByLabelText(en ? 'E-mail address' : 'E-mailadres'), 'adviseur@example.com');
    await user.type(screen.getByLabelText(en ? 'Name' : 'Naam'), 'Bram');
    await user.click(screen.getByRole('button', { name: en ? 'Give access' : 'Toegang geven' }));

    const email = screen.getByLabelText(en ? 'E-mail address' : 'E-mailadres');
    await waitFor(() => expect(errorOf(email)).toBe(emailText));
    expect(errorOf(screen.getByLabelText(en ? 'Name' : 'Naam'))).toBe(nameText);
    expect(errorOf(screen.getByLabelText(en ? 'Up to and including' : 'Tot en met'))).toBe(untilText);
    expect(document.activeElement).toBe(email);
    expect(screen.queryByText('Invalid grant')).toBeNull();
    // The dossier is the page's own: no choice of dossier.
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(vi.mocked(portalApi.createGrant).mock.calls[0][0]).toBe('dossier-1');
  });

  it.each([
    [409, 'nl', 'Deze persoon is partij in dit dossier of heeft er al toegang toe.'],
    [403, 'nl', 'Het notariskantoor staat niet toe dat dit dossier wordt gedeeld.'],
    [409, 'en', 'This person is a party to this file or has access to it already.'],
    [403, 'en', 'The notary office does not allow sharing this file.'],
  ] as const)('says a %i above the button (%s)', async (status, lang, text) => {
    vi.mocked(portalApi.createGrant).mockRejectedValue(new ApiError(status, { status, detail: 'English detail' }));
    const user = userEvent.setup();
    renderForm({ lang, dossier: KOOP });
    const en = lang === 'en';
    await user.type(screen.getByLabelText(en ? 'E-mail address' : 'E-mailadres'), 'anna@example.com');
    await user.type(screen.getByLabelText(en ? 'Name' : 'Naam'), 'Anna');
    await user.click(screen.getByRole('button', { name: en ? 'Give access' : 'Toegang geven' }));
    expect((await screen.findByRole('alert')).textContent).toBe(text);
    expect(screen.queryByText('English detail')).toBeNull();
    // The fields keep what was typed.
    expect((screen.getByLabelText(en ? 'E-mail address' : 'E-mailadres') as HTMLInputElement).value).toBe('anna@example.com');
  });
});
