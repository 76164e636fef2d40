import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as portalApi from '../../lib/api/portalApi';
import type { DossierListItem, DossierStatus } from '../../lib/api/types';
import { DossiersPage, hiddenMatches } from './DossiersPage';

vi.mock('../../lib/api/portalApi', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/api/portalApi')>()),
  dossierSummary: vi.fn(),
  dossiers: vi.fn(),
  dossierStatusCounts: vi.fn(),
  unreadDocumentCounts: vi.fn(),
  unreadMessageCounts: vi.fn(),
}));

const koop: DossierListItem = {
  id: 'd-1',
  number: '2026-0001',
  description: 'Aankoop woning Dorpsstraat 12',
  status: 'IN_PROGRESS',
  lastActivityAt: '2026-11-28T14:05:00Z',
};
const testament: DossierListItem = {
  id: 'd-3',
  number: '2026-0003',
  description: 'Testament',
  status: 'IN_PROGRESS',
  lastActivityAt: '2026-10-01T09:00:00Z',
};
const samenleving: DossierListItem = {
  id: 'd-2',
  number: '2025-0107',
  description: 'Samenlevingscontract',
  status: 'COMPLETED',
  lastActivityAt: '2025-06-01T09:00:00Z',
};
const ALL = [testament, koop, samenleving];

function page(items: DossierListItem[]) {
  return { items, page: 0, size: 10, totalItems: items.length, totalPages: items.length ? 1 : 0 };
}

function CurrentSearch() {
  return <output data-testid="search">{useLocation().search}</output>;
}

function renderPage(search = '') {
  return render(
    <MemoryRouter initialEntries={[`/dossiers${search}`]}>
      <DossiersPage />
      <CurrentSearch />
    </MemoryRouter>,
  );
}

beforeEach(() => {
  vi.mocked(portalApi.dossierSummary).mockResolvedValue({ inProgress: 2, total: 3, statuses: ['IN_PROGRESS', 'COMPLETED'] });
  // The server's answer: the statuses asked for, the text matched, by number or by last activity.
  vi.mocked(portalApi.dossiers).mockImplementation(async (params) => {
    const statuses: DossierStatus[] = ['IN_PROGRESS', ...params.statuses];
    const query = params.query.toLowerCase();
    const found = ALL.filter((d) => statuses.includes(d.status) && (d.description.toLowerCase().includes(query) || d.number.includes(query)));
    const sorted = [...found].sort((a, b) =>
      params.sort === 'lastActivity' ? Date.parse(b.lastActivityAt!) - Date.parse(a.lastActivityAt!) : b.number.localeCompare(a.number),
    );
    return page(sorted);
  });
  vi.mocked(portalApi.dossierStatusCounts).mockImplementation(async (query) => {
    const counts: Partial<Record<DossierStatus, number>> = {};
    for (const d of ALL) if (d.description.toLowerCase().includes(query.toLowerCase())) counts[d.status] = (counts[d.status] ?? 0) + 1;
    return counts;
  });
  vi.mocked(portalApi.unreadDocumentCounts).mockResolvedValue({ 'd-1': 2, 'd-3': 0 });
  vi.mocked(portalApi.unreadMessageCounts).mockResolvedValue({ 'd-1': 1, 'd-3': 0 });
});

afterEach(() => {
  vi.clearAllMocks();
});

const rows = () => screen.getAllByRole('row').slice(1);

describe('DossiersPage (DOS-1..3)', () => {
  it('labels a dossier someone shared with the account: "Gedeeld door … tot …" (ADV-1)', async () => {
    vi.mocked(portalApi.dossiers).mockResolvedValue(
      page([{ ...koop, sharedBy: 'Anna de Vries', sharedUntil: '2027-01-31', access: 'READ' }, testament]),
    );
    renderPage();
    const shared = (await screen.findByText('Aankoop woning Dorpsstraat 12')).closest('tr')!;
    expect(within(shared).getByText('Gedeeld door Anna de Vries tot 31-01-2027')).toBeTruthy();
    const own = screen.getByText('Testament').closest('tr')!;
    expect(within(own).queryByText(/Gedeeld door/)).toBeNull();
    // The page's own calls are done before the next test counts them.
    await waitFor(() => expect(portalApi.unreadMessageCounts).toHaveBeenCalled());
  });

  it('shows per dossier its unread documents and messages as "3 nieuw", read out as "3 ongelezen", and its last activity', async () => {
    renderPage();
    const row = (await screen.findByText('Aankoop woning Dorpsstraat 12')).closest('tr')!;
    await within(row).findByText('3 ongelezen');
    expect(within(row).getByText('3 nieuw').getAttribute('aria-hidden')).toBe('true');
    const activity = within(row).getByRole('cell', { name: /28/ }).querySelector('time')!;
    expect(activity.getAttribute('dateTime')).toBe('2026-11-28T14:05:00Z');
    expect(screen.getByRole('columnheader', { name: 'Laatste activiteit' })).toBeTruthy();
    // Nothing new: no badge.
    const quiet = screen.getByText('Testament').closest('tr')!;
    expect(within(quiet).queryByText(/nieuw|ongelezen/)).toBeNull();
    // One call per service for the whole page, with the page's ids.
    expect(portalApi.unreadDocumentCounts).toHaveBeenCalledTimes(1);
    expect(vi.mocked(portalApi.unreadDocumentCounts).mock.calls[0][0]).toEqual(['d-3', 'd-1']);
    expect(vi.mocked(portalApi.unreadMessageCounts).mock.calls[0][0]).toEqual(['d-3', 'd-1']);
    // No search: no extra call for matches under other statuses.
    expect(portalApi.dossierStatusCounts).not.toHaveBeenCalled();
  });

  it('keeps the order by number and sorts by last activity on request, in the URL', async () => {
    const user = userEvent.setup();
    renderPage();
    await screen.findByText('Testament');
    expect(rows().map((r) => within(r).getAllByRole('cell')[0].textContent)).toEqual(['2026-0003', '2026-0001']);

    await user.selectOptions(screen.getByLabelText('Sorteren op'), 'Laatste activiteit');

    await waitFor(() => expect(rows().map((r) => within(r).getAllByRole('cell')[0].textContent)).toEqual(['2026-0001', '2026-0003']));
    expect(screen.getByTestId('search').textContent).toBe('?sort=lastActivity');
    expect(vi.mocked(portalApi.dossiers).mock.calls.at(-1)![0].sort).toBe('lastActivity');
  });

  it('says when a search matches only under a status the filter hides, and one click shows those', async () => {
    const user = userEvent.setup();
    renderPage('?query=Samenleving');

    await screen.findByRole('heading', { name: 'Geen dossiers gevonden met de gekozen status' });
    expect(screen.getByText('1 dossier met status Afgerond past bij ‘Samenleving’.').getAttribute('role')).toBe('status');
    expect(portalApi.dossierStatusCounts).toHaveBeenCalledWith('Samenleving', expect.anything());

    await user.click(screen.getByRole('button', { name: 'Toon ook Afgerond' }));

    await screen.findByText('Samenlevingscontract');
    expect(screen.getByTestId('search').textContent).toBe('?query=Samenleving&status=COMPLETED');
    expect(screen.getByRole('checkbox', { name: 'Afgerond' })).toHaveProperty('checked', true);
    expect(screen.queryByRole('button', { name: /Toon ook/ })).toBeNull();
    // The focus is not lost with the button: it is on the count of results, which is read out.
    await waitFor(() => expect(document.activeElement?.textContent).toBe('1 dossier gevonden'));
  });

  it('also tells of more matches under other statuses when some are shown', async () => {
    vi.mocked(portalApi.dossierStatusCounts).mockResolvedValue({ IN_PROGRESS: 1, COMPLETED: 2, CANCELLED: 1 });
    renderPage('?query=woning');

    await screen.findByText('Aankoop woning Dorpsstraat 12');
    expect(await screen.findByText('Nog 3 dossiers met status Afgerond of Geannuleerd passen bij ‘woning’.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Toon ook Afgerond en Geannuleerd' })).toBeTruthy();
  });

  it('says nothing more when every match is shown or nothing matches at all', async () => {
    renderPage('?query=nergens');
    await screen.findByRole('heading', { name: 'Geen dossiers gevonden' });
    expect(screen.getByText('Pas de zoekopdracht of het filter aan.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Toon ook/ })).toBeNull();
  });
});

describe('hiddenMatches', () => {
  it('counts only the statuses not shown, in the filter order', () => {
    expect(hiddenMatches({ IN_PROGRESS: 4, CANCELLED: 1, COMPLETED: 2 }, ['IN_PROGRESS'])).toEqual({ count: 3, statuses: ['COMPLETED', 'CANCELLED'] });
    expect(hiddenMatches({ IN_PROGRESS: 4, COMPLETED: 2 }, ['IN_PROGRESS', 'COMPLETED'])).toEqual({ count: 0, statuses: [] });
    expect(hiddenMatches(undefined, ['IN_PROGRESS'])).toEqual({ count: 0, statuses: [] });
  });
});
