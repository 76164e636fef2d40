import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, makeI18n } from '../../../i18n/I18nContext';
import type { Lang } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/api/client';
import type { Grant } from '../../../lib/api/types';
import { BRAM, grant, LOTTE, REVOKED } from '../../../test/fixtures/advisers';
import { GrantList } from './GrantList';

const revoke = vi.fn<(grant: Grant) => Promise<void>>();
const shorten = vi.fn<(grant: Grant, until: string) => Promise<Grant>>();

/** The list as a page holds it: changes replace the grant. */
function Page({ initial, office }: { initial: Grant[]; office: boolean }) {
  const [grants, setGrants] = useState(initial);
  return (
    <main>
      <h2 id="grants-heading">Toegang voor anderen</h2>
      <GrantList
        grants={grants}
        labelledBy="grants-heading"
        emptyText="Niemand"
        revoke={revoke}
        shorten={office ? undefined : shorten}
        showDossier={!office}
        showGrantedBy={office}
        onChanged={(changed) => setGrants((all) => all.map((g) => (g.id === changed.id ? changed : g)))}
      />
    </main>
  );
}

function renderList({ grants = [BRAM, LOTTE, REVOKED], lang = 'nl', office = false }: { grants?: Grant[]; lang?: Lang; office?: boolean } = {}) {
  render(
    <I18nContext.Provider value={makeI18n(lang, () => undefined)}>
      <Page initial={grants} office={office} />
    </I18nContext.Provider>,
  );
}

const list = () => screen.getByRole('list', { name: 'Toegang voor anderen' });
const item = (name: string) => within(list()).getAllByRole('listitem').find((li) => li.textContent?.includes(name))!;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-10T10:00:00Z'));
  revoke.mockResolvedValue(undefined);
  shorten.mockImplementation(async (g, until) => ({ ...g, until }));
});
afterEach(() => {
  vi.useRealTimers();
  vi.clearAllMocks();
});

describe('the grants (ADV-1)', () => {
  it('shows who, which dossier, what, until when, last used and the state', () => {
    renderList();
    expect(within(list()).getAllByRole('listitem')).toHaveLength(3);
    expect(item('Bram').textContent).toContain('adviseur@example.com');
    expect(item('Bram').querySelector('.grant-facts')?.textContent).toBe(
      'Dossier 2026-0001 · Inzien en aanleveren · Tot en met 31 januari 2027 · Laatst gebruikt: nog niet',
    );
    expect(item('Lotte').querySelector('.grant-facts')?.textContent).toBe(
      'Dossier 2026-0001 · Inzien · Tot en met 28 februari 2026 · Laatst gebruikt: 14 februari',
    );
    expect([item('Bram'), item('Lotte'), item('Sam')].map((li) => li.querySelector('.status')?.textContent)).toEqual(['Actief', 'Verlopen', 'Ingetrokken']);
    // Only a live grant can be changed.
    expect(within(item('Bram')).getAllByRole('button').map((b) => b.textContent)).toEqual(['Inkorten', 'Intrekken']);
    expect(within(item('Bram')).getByRole('button', { name: 'Intrekken Bram Adviseur, dossier 2026-0001' })).toBeTruthy();
    expect(within(item('Lotte')).queryByRole('button')).toBeNull();
    expect(within(item('Sam')).queryByRole('button')).toBeNull();
  });

  it('is in English too', () => {
    renderList({ lang: 'en', grants: [grant({ lastUsedAt: '2026-03-10T08:15:00Z' })] });
    expect(item('Bram').querySelector('.grant-facts')?.textContent).toBe(
      'File 2026-0001 · View and deliver · Up to and including 31 January 2027 · Last used: today 09:15',
    );
    expect(item('Bram').querySelector('.status')?.textContent).toBe('Active');
    expect(within(item('Bram')).getByRole('button', { name: 'Shorten Bram Adviseur, file 2026-0001' })).toBeTruthy();
  });

  it('shortens to an earlier day in a dialog, which gives the focus back', async () => {
    const user = userEvent.setup();
    renderList();
    const button = within(item('Bram')).getByRole('button', { name: /^Inkorten/ });
    await user.click(button);
    const dialog = screen.getByRole('dialog', { name: 'Toegang van Bram Adviseur inkorten' });
    const until = within(dialog).getByLabelText('Tot en met') as HTMLInputElement;
    expect(document.activeElement).toBe(until);
    // Only earlier days, not before today.
    expect([until.value, until.min, until.max]).toEqual(['2027-01-30', '2026-03-10', '2027-01-30']);

    fireEvent.change(until, { target: { value: '2027-02-15' } });
    await user.click(within(dialog).getByRole('button', { name: 'Inkorten' }));
    expect(within(dialog).getByText('Kies een datum van 10 maart 2026 tot en met 30 januari 2027.')).toBeTruthy();
    expect(shorten).not.toHaveBeenCalled();

    fireEvent.change(until, { target: { value: '2026-04-30' } });
    await user.click(within(dialog).getByRole('button', { name: 'Inkorten' }));
    expect(shorten).toHaveBeenCalledWith(BRAM, '2026-04-30');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(item('Bram').querySelector('.grant-facts')?.textContent).toContain('Tot en met 30 april 2026');
    expect(screen.getByRole('status').textContent).toBe('De toegang van Bram Adviseur loopt nu tot en met 30 april 2026.');
    expect(document.activeElement).toBe(button);
  });

  it("says the server's refusal of a day next to the field", async () => {
    shorten.mockRejectedValue(new ApiError(400, { status: 400, errors: [{ field: 'until', message: 'must not be later than the current until' }] }));
    const user = userEvent.setup();
    renderList({ lang: 'en' });
    await user.click(within(item('Bram')).getByRole('button', { name: /^Shorten/ }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Shorten' }));
    expect(await within(dialog).findByText('Choose a date from 10 March 2026 up to and including 30 January 2027.')).toBeTruthy();
  });

  it('revokes only after asking; "Annuleren" is where the focus starts and changes nothing', async () => {
    const user = userEvent.setup();
    renderList();
    await user.click(within(item('Bram')).getByRole('button', { name: /^Intrekken/ }));
    let dialog = screen.getByRole('alertdialog', { name: 'Toegang van Bram Adviseur intrekken?' });
    expect(within(dialog).getByText('Bram Adviseur kan dossier 2026-0001 daarna direct niet meer inzien.')).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Annuleren' }));
    await user.click(within(dialog).getByRole('button', { name: 'Annuleren' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(revoke).not.toHaveBeenCalled();

    await user.click(within(item('Bram')).getByRole('button', { name: /^Intrekken/ }));
    dialog = screen.getByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Intrekken' }));
    expect(revoke).toHaveBeenCalledWith(BRAM);
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(item('Bram').querySelector('.status')?.textContent).toBe('Ingetrokken');
    expect(within(item('Bram')).queryByRole('button')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('De toegang van Bram Adviseur is ingetrokken.');
    // The row's buttons are gone: the focus is on the list.
    expect(document.activeElement).toBe(list());
  });

  it('keeps the dialog open with the reason when revoking fails; a grant already gone counts as revoked', async () => {
    revoke.mockRejectedValueOnce(new ApiError(503)).mockRejectedValueOnce(new ApiError(404));
    const user = userEvent.setup();
    renderList();
    await user.click(within(item('Bram')).getByRole('button', { name: /^Intrekken/ }));
    const dialog = screen.getByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Intrekken' }));
    expect(await within(dialog).findByText('De toegang is niet ingetrokken.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Intrekken' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(item('Bram').querySelector('.status')?.textContent).toBe('Ingetrokken');
  });

  it('offers the office only "Intrekken", and says who shared it', () => {
    renderList({ office: true });
    expect(within(item('Bram')).getAllByRole('button').map((b) => b.textContent)).toEqual(['Intrekken']);
    expect(item('Bram').querySelector('.grant-by')?.textContent).toBe('Gedeeld door Anna de Vries op 1 maart 2026');
    expect(item('Bram').querySelector('.grant-facts')?.textContent).not.toContain('Dossier 2026-0001');
  });
});
