import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { I18nContext, makeI18n } from '../../../i18n/I18nContext';
import type { Page, PortalDocument } from '../../../lib/api/types';
import { DocumentList } from './DocumentList';

function doc(n: number, read = true): PortalDocument {
  return {
    id: `doc-${n}`,
    dossierId: 'dossier-1',
    title: `Document ${n}`,
    category: 'CORRESPONDENCE',
    fileName: `document-${n}.pdf`,
    contentType: 'application/pdf',
    size: 2048,
    publishedAt: '2026-01-12T10:00:00Z',
    read,
  };
}

/** A fake API: `total` documents (numbered from 1) in pages of `size`. */
function fakeLoader(total: number, size: number) {
  return vi.fn(async (page: number, _signal: AbortSignal): Promise<Page<PortalDocument>> => {
    const first = page * size + 1;
    const items = Array.from({ length: Math.max(0, Math.min(size, total - first + 1)) }, (_, i) => doc(first + i));
    return { items, page, size, totalItems: total, totalPages: Math.ceil(total / size) };
  });
}

// jsdom's accessible name drops the space before the visually hidden title ("DownloadDocument 1").
const downloadLink = (title: string) => screen.getByRole('link', { name: new RegExp(`^Download ?${title}$`) });
const findDownloadLink = (title: string) => screen.findByRole('link', { name: new RegExp(`^Download ?${title}$`) });
const titles = () => screen.getAllByRole('listitem').map((li) => li.querySelector('.doc-title')?.textContent);

describe('DocumentList: paging with "Meer laden"', () => {
  it('shows the first page, then appends the next pages until all are there', async () => {
    const user = userEvent.setup();
    const loadPage = fakeLoader(45, 20);
    render(<DocumentList loadPage={loadPage} tabLabel="Correspondentie" onRead={() => undefined} />);

    await screen.findByRole('list', { name: 'Documenten in Correspondentie' });
    expect(screen.getAllByRole('listitem')).toHaveLength(20);
    expect(screen.getByRole('status').textContent).toBe('20 van 45 documenten getoond');
    expect(loadPage).toHaveBeenCalledTimes(1);
    expect(loadPage.mock.calls[0][0]).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Meer laden' }));
    await findDownloadLink('Document 40');
    expect(loadPage.mock.calls.map(([page]) => page)).toEqual([0, 1]);
    expect(titles()).toEqual(Array.from({ length: 40 }, (_, i) => `Document ${i + 1}`));
    expect(screen.getByRole('status').textContent).toBe('40 van 45 documenten getoond');
    // Keyboard users go on at the first new document.
    expect(document.activeElement).toBe(downloadLink('Document 21'));

    await user.click(screen.getByRole('button', { name: 'Meer laden' }));
    await findDownloadLink('Document 45');
    expect(screen.getAllByRole('listitem')).toHaveLength(45);
    expect(screen.getByRole('status').textContent).toBe('45 van 45 documenten getoond');
    expect(screen.queryByRole('button', { name: 'Meer laden' })).toBeNull();
    expect(document.activeElement).toBe(downloadLink('Document 41'));
  });

  it('offers no paging when everything fits on one page', async () => {
    render(<DocumentList loadPage={fakeLoader(3, 20)} tabLabel="Documenten" onRead={() => undefined} />);
    await findDownloadLink('Document 3');
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says so when there are no documents', async () => {
    render(<DocumentList loadPage={fakeLoader(0, 20)} tabLabel="Documenten" onRead={() => undefined} />);
    await screen.findByText('Er zijn hier nog geen documenten.');
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('shows a document that comes again at a page boundary once', async () => {
    const user = userEvent.setup();
    // A new document was published between the two requests: the last one of page 0 is now first on page 1.
    const pages = [
      { items: [doc(1), doc(2)], page: 0, size: 2, totalItems: 4, totalPages: 2 },
      { items: [doc(2), doc(3)], page: 1, size: 2, totalItems: 5, totalPages: 3 },
    ];
    const loadPage = vi.fn(async (page: number) => pages[page]);
    render(<DocumentList loadPage={loadPage} tabLabel="Correspondentie" onRead={() => undefined} />);
    await user.click(await screen.findByRole('button', { name: 'Meer laden' }));
    await findDownloadLink('Document 3');
    expect(titles()).toEqual(['Document 1', 'Document 2', 'Document 3']);
  });

  it('keeps the loaded documents when the next page fails, and tries that page again', async () => {
    const user = userEvent.setup();
    const ok = fakeLoader(30, 20);
    let calls = 0;
    const loadPage = vi.fn(async (page: number, signal: AbortSignal) => {
      calls += 1;
      if (calls === 2) throw new Error('offline');
      return ok(page, signal);
    });
    render(<DocumentList loadPage={loadPage} tabLabel="Correspondentie" onRead={() => undefined} />);

    await user.click(await screen.findByRole('button', { name: 'Meer laden' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Er is iets misgegaan');
    expect(screen.getAllByRole('listitem')).toHaveLength(20);

    await user.click(screen.getByRole('button', { name: 'Meer laden' }));
    await findDownloadLink('Document 30');
    expect(loadPage.mock.calls.map(([page]) => page)).toEqual([0, 1, 1]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('ignores a second click while a page is on its way', async () => {
    let release: () => void = () => undefined;
    const ok = fakeLoader(60, 20);
    const loadPage = vi.fn(async (page: number, signal: AbortSignal) => {
      if (page > 0) await new Promise<void>((resolve) => (release = resolve));
      return ok(page, signal);
    });
    const user = userEvent.setup();
    render(<DocumentList loadPage={loadPage} tabLabel="Correspondentie" onRead={() => undefined} />);
    const more = await screen.findByRole('button', { name: 'Meer laden' });
    await user.click(more);
    expect(more.getAttribute('aria-disabled')).toBe('true');
    await user.click(more);
    await act(async () => release());
    await findDownloadLink('Document 40');
    expect(loadPage.mock.calls.map(([page]) => page)).toEqual([0, 1]);
    expect(more.getAttribute('aria-disabled')).toBeNull();
  });

  it('aborts the request when the list goes away', async () => {
    const signals: AbortSignal[] = [];
    const loadPage = vi.fn((_page: number, signal: AbortSignal) => {
      signals.push(signal);
      return new Promise<Page<PortalDocument>>(() => undefined);
    });
    const { unmount } = render(<DocumentList loadPage={loadPage} tabLabel="Correspondentie" onRead={() => undefined} />);
    expect(signals).toHaveLength(1);
    unmount();
    expect(signals[0].aborted).toBe(true);
  });

  it('marks a downloaded document read once', async () => {
    const loadPage = vi.fn(async () => ({ items: [doc(1, false), doc(2)], page: 0, size: 20, totalItems: 2, totalPages: 1 }));
    const onRead = vi.fn();
    render(<DocumentList loadPage={loadPage} tabLabel="Correspondentie" onRead={onRead} />);
    const link = await findDownloadLink('Document 1');
    expect(link.getAttribute('href')).toBe('/api/documents/doc-1/content');
    expect(screen.getByText('Ongelezen')).toBeTruthy();

    // jsdom cannot follow the download; the app only needs the click.
    const noNavigation = (e: Event) => e.preventDefault();
    document.addEventListener('click', noNavigation);
    try {
      await userEvent.setup().click(link);
      await userEvent.setup().click(link);
      await userEvent.setup().click(downloadLink('Document 2'));
    } finally {
      document.removeEventListener('click', noNavigation);
    }
    expect(onRead).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('Ongelezen')).toBeNull();
  });

  it('speaks English', async () => {
    render(
      <I18nContext.Provider value={makeI18n('en', () => undefined)}>
        <DocumentList loadPage={fakeLoader(25, 20)} tabLabel="Correspondence" onRead={() => undefined} />
      </I18nContext.Provider>,
    );
    expect(await screen.findByRole('button', { name: 'Show more' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Showing 20 of 25 documents');
  });
});
