import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, makeI18n } from '../../../i18n/I18nContext';
import type { Lang } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/api/client';
import * as portalApi from '../../../lib/api/portalApi';
import type { StaffDossier } from '../../../lib/api/types';
import { BRAM, KOOP, LOTTE } from '../../../test/fixtures/advisers';
import { AccessGrantsPanel } from './AccessGrantsPanel';

vi.mock('../../../lib/api/portalApi', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/api/portalApi')>()),
  listStaffDossierGrants: vi.fn(),
  revokeStaffGrant: vi.fn(),
  setGrantPolicy: vi.fn(),
}));

const DOSSIER: StaffDossier = {
  id: KOOP.id,
  number: KOOP.number,
  description: KOOP.description,
  status: 'IN_PROGRESS',
  parties: ['anna@example.com'],
  partyDetails: [{ accountId: 'acc-anna', email: 'anna@example.com', name: 'Anna de Vries', accountType: 'PERSON' }],
  progress: null,
  createdAt: '2026-01-05T09:00:00Z',
  updatedAt: '2026-03-01T09:00:00Z',
  lastActivityAt: '2026-03-01T09:00:00Z',
  grantsAllowed: true,
};

let saved: StaffDossier[] = [];

/** The panel as the dossier page holds it: a saved change replaces the dossier. */
function Page({ initial }: { initial: StaffDossier }) {
  const [dossier, setDossier] = useState(initial);
  return (
    <AccessGrantsPanel
      dossier={dossier}
      onSaved={(d) => {
        saved.push(d);
        setDossier(d);
      }}
    />
  );
}

function renderPanel({ lang = 'nl', dossier = DOSSIER }: { lang?: Lang; dossier?: StaffDossier } = {}) {
  render(
    <I18nContext.Provider value={makeI18n(lang, () => undefined)}>
      <main>
        <Page initial={dossier} />
      </main>
    </I18nContext.Provider>,
  );
}

beforeEach(() => {
  saved = [];
  vi.mocked(portalApi.listStaffDossierGrants).mockResolvedValue([BRAM, LOTTE]);
  vi.mocked(portalApi.revokeStaffGrant).mockResolvedValue(undefined);
  vi.mocked(portalApi.setGrantPolicy).mockImplementation(async (_id, grantsAllowed) => ({ grantsAllowed }));
});
afterEach(() => vi.clearAllMocks());

describe('Toegang voor anderen in the office (ADV-1)', () => {
  it('lists who else has access: who, what, until, last used, state and who shared it', async () => {
    renderPanel();
    const panel = screen.getByRole('region', { name: 'Toegang voor anderen' });
    const list = await within(panel).findByRole('list', { name: 'Toegang voor anderen' });
    const [bram, lotte] = within(list).getAllByRole('listitem');
    expect(bram.querySelector('.grant-who')?.textContent).toBe('Bram Adviseuradviseur@example.com');
    expect(bram.querySelector('.grant-facts')?.textContent).toBe('Inzien en aanleveren · Tot en met 31 januari 2027 · Laatst gebruikt: nog niet');
    expect(bram.querySelector('.grant-by')?.textContent).toBe('Gedeeld door Anna de Vries op 1 maart 2026');
    expect(within(bram).getByText('Actief')).toBeTruthy();
    expect(within(lotte).getByText('Verlopen')).toBeTruthy();
    // The office revokes; it does not shorten.
    expect(within(bram).getAllByRole('button').map((b) => b.textContent)).toEqual(['Intrekken']);
    expect(within(lotte).queryByRole('button')).toBeNull();
    expect(portalApi.listStaffDossierGrants).toHaveBeenCalledWith(KOOP.id, expect.anything());
  });

  it('revokes a grant after confirmation', async () => {
    const user = userEvent.setup();
    renderPanel();
    const list = await screen.findByRole('list', { name: 'Toegang voor anderen' });
    await user.click(within(list).getByRole('button', { name: 'Intrekken Bram Adviseur, dossier 2026-0001' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Toegang van Bram Adviseur intrekken?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Annuleren' }));
    expect(portalApi.revokeStaffGrant).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Intrekken' }));
    expect(portalApi.revokeStaffGrant).toHaveBeenCalledWith(KOOP.id, BRAM.id);
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(within(within(list).getAllByRole('listitem')[0]).getByText('Ingetrokken')).toBeTruthy();
    expect(screen.getByText('De toegang van Bram Adviseur is ingetrokken.').getAttribute('role')).toBe('status');
  });

  it('switches "Cliënt mag dit dossier delen" off and on, saving each change at once', async () => {
    const user = userEvent.setup();
    renderPanel();
    const policy = screen.getByRole('switch', { name: 'Cliënt mag dit dossier delen' }) as HTMLInputElement;
    expect(policy.checked).toBe(true);
    expect(document.getElementById(policy.getAttribute('aria-describedby')!)?.textContent).toContain('Uitzetten voorkomt nieuwe toegang.');

    await user.click(policy);
    expect(portalApi.setGrantPolicy).toHaveBeenCalledWith(KOOP.id, false);
    expect(await screen.findByText('Cliënten kunnen dit dossier niet meer delen.')).toBeTruthy();
    expect(policy.checked).toBe(false);
    expect(saved.at(-1)?.grantsAllowed).toBe(false);

    await user.click(policy);
    expect(portalApi.setGrantPolicy).toHaveBeenLastCalledWith(KOOP.id, true);
    expect(await screen.findByText('Cliënten mogen dit dossier delen.')).toBeTruthy();
    expect(policy.checked).toBe(true);
  });

  it('puts the switch back and says so when saving fails, in English', async () => {
    vi.mocked(portalApi.setGrantPolicy).mockRejectedValue(new ApiError(503));
    const user = userEvent.setup();
    renderPanel({ lang: 'en', dossier: { ...DOSSIER, grantsAllowed: false } });
    const policy = screen.getByRole('switch', { name: 'Client may share this file' }) as HTMLInputElement;
    expect(policy.checked).toBe(false);
    await user.click(policy);
    expect(await screen.findByText('The setting has not been saved. Please try again.')).toBeTruthy();
    expect(policy.checked).toBe(false);
    expect(saved).toEqual([]);
  });

  it('says when nobody else has access', async () => {
    vi.mocked(portalApi.listStaffDossierGrants).mockResolvedValue([]);
    renderPanel({ lang: 'en' });
    expect(await screen.findByText('Nobody but the parties has access to this file.')).toBeTruthy();
  });
});
