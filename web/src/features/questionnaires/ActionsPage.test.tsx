import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, makeI18n } from '../../i18n/I18nContext';
import type { Lang } from '../../i18n/i18n';
import * as portalApi from '../../lib/api/portalApi';
import type { ActionItem } from '../../lib/api/types';
import { ActionsPage, isOverdue } from './ActionsPage';

vi.mock('../../lib/api/portalApi', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/api/portalApi')>()),
  actions: vi.fn(),
}));

afterEach(() => vi.clearAllMocks());

const item = (assignmentId: string, title: string, dueDate: string | null, more: Partial<ActionItem> = {}): ActionItem => ({
  assignmentId,
  title,
  dossierId: 'd-1',
  dossierNumber: '2026-0001',
  dueDate,
  assignedAt: '2026-01-10T09:00:00Z',
  currentPageId: null,
  ...more,
});

function renderPage(items: ActionItem[], lang: Lang = 'nl') {
  vi.mocked(portalApi.actions).mockResolvedValue({ items });
  return render(
    <I18nContext.Provider value={makeI18n(lang, () => undefined)}>
      <MemoryRouter>
        <ActionsPage />
      </MemoryRouter>
    </I18nContext.Provider>,
  );
}

describe('Acties (ACT-1)', () => {
  it('lists the open questionnaires with dossier, due date (overdue as such) and "Invullen" naming the questionnaire', async () => {
    renderPage([item('as-1', 'Aankoop woning', '2099-03-01', { currentPageId: 'adres' }), item('as-2', 'Testament', '2020-01-31', { dossierNumber: '2026-0002' })]);
    const list = await screen.findByRole('list', { name: 'Vragenlijsten om in te vullen' });
    expect(screen.getByText('Er staan 2 vragenlijsten voor u klaar.')).toBeTruthy();
    const [first, second] = within(list).getAllByRole('listitem');
    expect(within(first).getByRole('heading', { level: 2 }).textContent).toBe('Aankoop woning');
    expect(within(first).getByText('Dossier 2026-0001')).toBeTruthy();
    expect(within(first).getByText('Uiterlijk 1 maart 2099')).toBeTruthy();
    expect(within(first).getByText('U bent al begonnen en gaat verder waar u gebleven was.')).toBeTruthy();
    const fillIn = within(first).getByRole('link', { name: 'Invullen vragenlijst Aankoop woning' });
    expect(fillIn.getAttribute('href')).toBe('/acties/as-1');
    expect(within(second).getByText('Verlopen: uiterlijk 31 januari 2020')).toBeTruthy();
    expect(within(second).getByRole('link', { name: 'Invullen vragenlijst Testament' })).toBeTruthy();
  });

  it('says there is nothing (more) to fill in when the list is empty', async () => {
    renderPage([]);
    expect(await screen.findByText('U hoeft geen vragenlijst (meer) in te vullen.')).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('speaks English', async () => {
    renderPage([item('as-1', 'Aankoop woning', '2099-03-01')], 'en');
    expect(await screen.findByRole('link', { name: 'Fill in questionnaire Aankoop woning' })).toBeTruthy();
    expect(screen.getByText('Due 1 March 2099')).toBeTruthy();
    expect(screen.getByText('File 2026-0001')).toBeTruthy();
  });

  it('knows overdue from the date in office time', () => {
    expect(isOverdue('2026-03-14', '2026-03-15')).toBe(true);
    expect(isOverdue('2026-03-15', '2026-03-15')).toBe(false);
    expect(isOverdue(null, '2026-03-15')).toBe(false);
  });
});
