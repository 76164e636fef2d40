import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as portalApi from '../../../lib/api/portalApi';
import type { DocumentCounts, PortalDocument } from '../../../lib/api/types';
import { DossierTabs } from './DossierTabs';

vi.mock('../../../lib/api/portalApi', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/api/portalApi')>()),
  documentCounts: vi.fn(),
  documents: vi.fn(),
  messageCounts: vi.fn(),
  messages: vi.fn(),
  dossierActivity: vi.fn(),
}));

const COUNTS: DocumentCounts = {
  CORRESPONDENCE: { total: 2, unread: 1 },
  DOCUMENT: { total: 3, unread: 0 },
};

const letter: PortalDocument = {
  id: 'doc-1',
  dossierId: 'dossier-1',
  title: 'Bevestiging opdracht',
  category: 'CORRESPONDENCE',
  fileName: 'bevestiging-opdracht.pdf',
  contentType: 'application/pdf',
  size: 1536,
  publishedAt: '2026-01-12T10:00:00Z',
  read: false,
};

function CurrentSearch() {
  return <output data-testid="search">{useLocation().search}</output>;
}

function renderTabs(search = '') {
  return render(
    <MemoryRouter initialEntries={[`/dossiers/dossier-1${search}`]}>
      <DossierTabs dossierId="dossier-1" />
      <CurrentSearch />
    </MemoryRouter>,
  );
}

const tab = (name: RegExp | string) => screen.getByRole('tab', { name });
const selectedTab = () => screen.getByRole('tab', { selected: true });

beforeEach(() => {
  vi.mocked(portalApi.documentCounts).mockResolvedValue(COUNTS);
  vi.mocked(portalApi.messageCounts).mockResolvedValue({ total: 0, unread: 0 });
  vi.mocked(portalApi.messages).mockImplementation(async (_dossierId, page, size) => ({ items: [], page, size, totalItems: 0, totalPages: 0 }));
  vi.mocked(portalApi.dossierActivity).mockImplementation(async (_dossierId, page, size) => ({ items: [], page, size, totalItems: 0, totalPages: 0 }));
  vi.mocked(portalApi.documents).mockImplementation(async (_dossierId, category, page, size) => ({
    items: category === 'CORRESPONDENCE' ? [letter] : [],
    page,
    size,
    totalItems: category === 'CORRESPONDENCE' ? 1 : 0,
    totalPages: category === 'CORRESPONDENCE' ? 1 : 0,
  }));
});

afterEach(() => {
  vi.useRealTimers();
  vi.clearAllMocks();
});

describe('DossierTabs (DOS-5)', () => {
  it('shows four tabs and "Activiteit"; counts and unread are announced through the visually hidden text', async () => {
    renderTabs();
    await screen.findByRole('tab', { name: 'Correspondentie, 2 items, 1 ongelezen' });
    expect(screen.getAllByRole('tab').map((t) => t.id)).toEqual([
      'dossier-tab-correspondentie',
      'dossier-tab-documenten',
      'dossier-tab-aangeleverd',
      'dossier-tab-berichten',
      'dossier-tab-activiteit',
    ]);
    // The activity has no count.
    expect(tab('Activiteit')).toBeTruthy();
    expect(tab('Documenten, 3 items, 0 ongelezen')).toBeTruthy();
    // No count known for this category: just the name.
    expect(tab('Door mij aangeleverd')).toBeTruthy();
    expect(tab('Berichten, 0 items, 0 ongelezen')).toBeTruthy();

    const correspondence = tab(/Correspondentie/);
    expect(correspondence.querySelector('.tab-count')?.textContent).toBe('2');
    expect(correspondence.querySelector('.badge-unread')?.textContent).toBe('1 nieuw');
    expect(correspondence.querySelector('.badge-unread')?.getAttribute('aria-hidden')).toBe('true');
    expect(tab(/Documenten/).querySelector('.badge-unread')).toBeNull();
    expect(screen.getByRole('tablist', { name: 'Onderdelen van het dossier' })).toBeTruthy();
    expect(vi.mocked(portalApi.documentCounts).mock.calls[0][0]).toBe('dossier-1');
  });

  it('has only the selected tab in the tab order, and the panel labelled by it', async () => {
    renderTabs('?tab=documenten');
    await screen.findByText('Er zijn hier nog geen documenten.');
    expect(screen.getAllByRole('tab').map((t) => t.tabIndex)).toEqual([-1, 0, -1, -1, -1]);
    expect(selectedTab().id).toBe('dossier-tab-documenten');
    const panel = screen.getByRole('tabpanel');
    expect(panel.getAttribute('aria-labelledby')).toBe('dossier-tab-documenten');
    expect(selectedTab().getAttribute('aria-controls')).toBe(panel.id);
  });

  it('moves and selects with the arrow keys (wrapping), Home and End', async () => {
    const user = userEvent.setup();
    renderTabs();
    await screen.findByRole('link', { name: /Bevestiging opdracht/ });

    await user.tab();
    expect(document.activeElement).toBe(tab(/Correspondentie/));

    await user.keyboard('{ArrowRight}');
    expect(selectedTab()).toBe(tab(/Documenten/));
    expect(document.activeElement).toBe(selectedTab());
    expect(screen.getByTestId('search').textContent).toBe('?tab=documenten');
    expect(screen.getAllByRole('tab').map((t) => t.tabIndex)).toEqual([-1, 0, -1, -1, -1]);

    await user.keyboard('{End}');
    expect(selectedTab()).toBe(tab('Activiteit'));
    expect(document.activeElement).toBe(selectedTab());
    expect(await screen.findByText('Er is nog geen activiteit in dit dossier.')).toBeTruthy();
    expect(screen.getByTestId('search').textContent).toBe('?tab=activiteit');

    await user.keyboard('{ArrowRight}');
    expect(selectedTab()).toBe(tab(/Correspondentie/));

    await user.keyboard('{ArrowLeft}');
    expect(selectedTab()).toBe(tab('Activiteit'));

    await user.keyboard('{ArrowLeft}');
    expect(selectedTab()).toBe(tab(/Berichten/));
    expect(await screen.findByText('Er zijn nog geen berichten.')).toBeTruthy();

    await user.keyboard('{Home}');
    expect(selectedTab()).toBe(tab(/Correspondentie/));
    expect(document.activeElement).toBe(selectedTab());
    expect(screen.getByTestId('search').textContent).toBe('?tab=correspondentie');
    await screen.findByRole('link', { name: /Bevestiging opdracht/ });
  });

  it('selects a tab on click and loads its documents', async () => {
    const user = userEvent.setup();
    renderTabs();
    await screen.findByRole('link', { name: /Bevestiging opdracht/ });
    await user.click(tab(/Door mij aangeleverd/));
    expect(selectedTab().id).toBe('dossier-tab-aangeleverd');
    await screen.findByText('Er zijn hier nog geen documenten.');
    expect(vi.mocked(portalApi.documents).mock.calls.map(([, category, page]) => [category, page])).toEqual([
      ['CORRESPONDENCE', 0],
      ['DELIVERED', 0],
    ]);
  });

  it('loads the activity of the dossier in the "Activiteit" tab (?tab=activiteit)', async () => {
    renderTabs('?tab=activiteit');
    expect(await screen.findByText('Er is nog geen activiteit in dit dossier.')).toBeTruthy();
    expect(selectedTab().id).toBe('dossier-tab-activiteit');
    expect(vi.mocked(portalApi.dossierActivity).mock.calls[0].slice(0, 3)).toEqual(['dossier-1', 0, 20]);
  });

  it('focuses the document a link names (?document=), and forgets it on another tab', async () => {
    const user = userEvent.setup();
    renderTabs('?tab=correspondentie&document=doc-1');
    const link = await screen.findByRole('link', { name: /Bevestiging opdracht/ });
    await waitFor(() => expect(document.activeElement).toBe(link));
    await user.click(tab(/Documenten/));
    expect(screen.getByTestId('search').textContent).toBe('?tab=documenten');
  });

  describe('after a download', () => {
    // jsdom cannot follow the download; the app only needs the click.
    const noNavigation = (e: Event) => e.preventDefault();
    beforeEach(() => document.addEventListener('click', noNavigation));
    afterEach(() => document.removeEventListener('click', noNavigation));

    async function downloadTheLetter() {
      const link = await screen.findByRole('link', { name: /^Download ?Bevestiging opdracht$/ });
      await screen.findByRole('tab', { name: 'Correspondentie, 2 items, 1 ongelezen' });
      vi.useFakeTimers();
      fireEvent.click(link);
    }

    it('lowers the unread count at once and asks the server again 1.5 s later', async () => {
      renderTabs();
      await downloadTheLetter();
      expect(tab('Correspondentie, 2 items, 0 ongelezen')).toBeTruthy();
      expect(portalApi.documentCounts).toHaveBeenCalledTimes(1);

      await act(async () => vi.advanceTimersByTime(1500));
      expect(portalApi.documentCounts).toHaveBeenCalledTimes(2);
    });

    it('does not reload the counts after the tabs are gone', async () => {
      const { unmount } = renderTabs();
      await downloadTheLetter();
      unmount();
      expect(vi.getTimerCount()).toBe(0);
      vi.advanceTimersByTime(5000);
      expect(portalApi.documentCounts).toHaveBeenCalledTimes(1);
    });
  });
});
