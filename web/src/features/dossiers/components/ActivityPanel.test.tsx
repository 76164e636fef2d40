import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, makeI18n } from '../../../i18n/I18nContext';
import type { Lang } from '../../../i18n/i18n';
import type { ActivityEntry, Page } from '../../../lib/api/types';
import { ActivityPanel } from './ActivityPanel';

afterEach(() => vi.clearAllMocks());

const NOTARY = { side: 'OFFICE', name: 'Mr. J. de Notaris' } as const;
const ANNA = { side: 'CLIENT', name: 'Anna de Vries' } as const;
const BRAM = { side: 'CLIENT', name: 'Bram Jansen' } as const;
const OFFICE = { side: 'OFFICE', name: null } as const;
const CLIENT = { side: 'CLIENT', name: null } as const;

let n = 0;
const entry = (kind: string, actor: ActivityEntry['actor'], more: Partial<ActivityEntry> = {}): ActivityEntry => ({
  id: `e-${++n}`,
  at: '2026-01-12T10:05:00Z',
  kind,
  actor,
  objectId: null,
  ...more,
});

const ENTRIES: ActivityEntry[] = [
  entry('DOSSIER_CREATED', NOTARY),
  entry('STATUS_CHANGED', NOTARY, { status: 'COMPLETED' }),
  entry('DETAILS_CHANGED', OFFICE),
  entry('PARTIES_CHANGED', NOTARY, { partiesAdded: ['Bram Jansen'], partiesRemoved: [] }),
  entry('PARTIES_CHANGED', OFFICE, { partiesAdded: ['Bram Jansen', 'Piet Jansen'], partiesRemoved: ['Sanne Visser'] }),
  entry('PROGRESS_CHANGED', NOTARY),
  entry('DOCUMENT_PUBLISHED', NOTARY, { objectId: 'doc-1' }),
  entry('DOCUMENT_OPENED', ANNA, { objectId: 'doc-1' }),
  entry('DOCUMENT_DELIVERED', CLIENT),
  entry('MESSAGE_SENT', ANNA),
  entry('MESSAGE_READ', BRAM),
  entry('QUESTIONNAIRE_SENT', NOTARY),
  entry('QUESTIONNAIRE_COMPLETED', ANNA),
  entry('REQUEST_FULFILLED', ANNA, { name: 'Kopie paspoort' }),
  entry('REQUEST_FULFILLED', CLIENT),
  entry('SOMETHING_NEW', OFFICE),
];

function pageOf(items: ActivityEntry[], page: number, size: number): Page<ActivityEntry> {
  return { items: items.slice(page * size, (page + 1) * size), page, size, totalItems: items.length, totalPages: Math.ceil(items.length / size) };
}

function renderPanel(items: ActivityEntry[], { lang = 'nl' as Lang, size = 20 } = {}) {
  const loadPage = vi.fn(async (page: number) => pageOf(items, page, size));
  render(
    <I18nContext.Provider value={makeI18n(lang, () => undefined)}>
      <ActivityPanel loadPage={loadPage} />
    </I18nContext.Provider>,
  );
  return loadPage;
}

const sentences = () => screen.getAllByRole('listitem').map((li) => li.querySelector('.activity-text')?.textContent);

describe('ActivityPanel (TRL-1)', () => {
  it('says each kind as a sentence with who, in the order the server gives (newest first)', async () => {
    renderPanel(ENTRIES);
    await screen.findByRole('list', { name: 'Activiteit in dit dossier, nieuwste eerst' });
    expect(screen.getByRole('list').tagName).toBe('OL');
    expect(sentences()).toEqual([
      'Mr. J. de Notaris heeft het dossier aangemaakt',
      'Status gewijzigd in Afgerond door Mr. J. de Notaris',
      'Het kantoor heeft de gegevens van het dossier gewijzigd',
      'Partij toegevoegd: Bram Jansen (door Mr. J. de Notaris)',
      'Partijen toegevoegd: Bram Jansen, Piet Jansen; Partij verwijderd: Sanne Visser (door het kantoor)',
      'Mr. J. de Notaris heeft de voortgang bijgewerkt',
      'Mr. J. de Notaris heeft een document gepubliceerd',
      'Anna de Vries heeft een document geopend',
      'Een cliënt heeft een document aangeleverd',
      'Anna de Vries heeft een bericht verstuurd',
      'Bram Jansen heeft een bericht gelezen',
      'Mr. J. de Notaris heeft een vragenlijst verstuurd',
      'Anna de Vries heeft een vragenlijst ingevuld',
      'Kopie paspoort aangeleverd door Anna de Vries',
      'Gevraagd stuk aangeleverd door een cliënt',
      'Het kantoor heeft iets gewijzigd in het dossier',
    ]);
  });

  it('says when, as a <time> with its machine-readable moment', async () => {
    renderPanel(ENTRIES.slice(0, 1));
    const item = await screen.findByRole('listitem');
    const time = item.querySelector('time');
    expect(time?.getAttribute('datetime')).toBe('2026-01-12T10:05:00Z');
    expect(time?.textContent).toBe('12 januari 2026 om 11:05');
  });

  it('speaks English, with "the office" and "a client" for unnamed actors', async () => {
    renderPanel([
      entry('STATUS_CHANGED', OFFICE, { status: 'ON_HOLD' }),
      entry('DOCUMENT_OPENED', CLIENT),
      entry('PARTIES_CHANGED', NOTARY, { partiesRemoved: ['Bram Jansen'] }),
      entry('REQUEST_FULFILLED', ANNA, { name: 'Kopie paspoort' }),
    ], { lang: 'en' });
    await screen.findByRole('list', { name: 'Activity in this file, newest first' });
    expect(sentences()).toEqual([
      'Status changed to On hold by the office',
      'A client opened a document',
      'Party removed: Bram Jansen (by Mr. J. de Notaris)',
      'Kopie paspoort delivered by Anna de Vries',
    ]);
  });

  it('says who gave, revoked and used access to the dossier (ADV-1)', async () => {
    const ADVISER = { side: 'CLIENT', name: 'Bram Adviseur' } as const;
    const items = [
      entry('GRANTED', ANNA, { name: 'Bram Adviseur', objectId: 'g-1' }),
      entry('USED', ADVISER, { name: 'Bram Adviseur', objectId: 'g-1' }),
      entry('REVOKED', NOTARY, { name: 'Bram Adviseur', objectId: 'g-1' }),
      entry('REVOKED', CLIENT, { objectId: 'g-2' }),
    ];
    renderPanel(items);
    await screen.findByRole('list', { name: 'Activiteit in dit dossier, nieuwste eerst' });
    expect(sentences()).toEqual([
      'Anna de Vries heeft Bram Adviseur toegang gegeven',
      'Bram Adviseur heeft het dossier bekeken met gedeelde toegang',
      'Mr. J. de Notaris heeft de toegang van Bram Adviseur ingetrokken',
      'Een cliënt heeft een toegang ingetrokken',
    ]);
  });

  it('says so when nothing happened yet', async () => {
    renderPanel([]);
    expect(await screen.findByText('Er is nog geen activiteit in dit dossier.')).toBeTruthy();
  });

  it('pages like the documents: "Meer laden" appends the next page and focuses its first entry', async () => {
    const user = userEvent.setup();
    const loadPage = renderPanel(ENTRIES, { size: 10 });
    await screen.findByText('10 van 16 gebeurtenissen getoond');
    expect(screen.getAllByRole('listitem')).toHaveLength(10);
    await user.click(screen.getByRole('button', { name: 'Meer laden' }));
    expect(await screen.findByText('16 van 16 gebeurtenissen getoond')).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(16);
    expect(document.activeElement).toBe(screen.getAllByRole('listitem')[10]);
    expect(screen.queryByRole('button', { name: 'Meer laden' })).toBeNull();
    expect(loadPage.mock.calls.map(([page]) => page)).toEqual([0, 1]);
    expect(within(screen.getAllByRole('listitem')[15]).getByText('Het kantoor heeft iets gewijzigd in het dossier')).toBeTruthy();
  });
});
