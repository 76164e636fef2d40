import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as portalApi from '../../../lib/api/portalApi';
import type { StaffAssignment, StaffDossier } from '../../../lib/api/types';
import { ProgressEditor } from './ProgressEditor';

vi.mock('../../../lib/api/portalApi', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/api/portalApi')>()),
  replaceProgress: vi.fn(),
  staffAssignments: vi.fn(),
}));

const DOSSIER: StaffDossier = {
  id: 'dos-1',
  number: '2026-0001',
  description: 'Aankoop woning',
  status: 'IN_PROGRESS',
  parties: ['anna@example.com'],
  partyDetails: [{ accountId: 'acc-anna', email: 'anna@example.com', name: 'Anna de Vries', accountType: 'PERSON' }],
  createdAt: '2026-01-01T10:00:00Z',
  updatedAt: '2026-01-01T10:00:00Z',
  lastActivityAt: '2026-01-01T10:00:00Z',
  progress: {
    done: 1,
    total: 2,
    steps: [
      {
        id: 's-3f2a9c1b',
        title: 'Identificatie',
        done: true,
        doneAt: '2026-01-20T10:00:00Z',
        explanation: 'Wij controleren uw identiteit.',
        plannedDate: '2026-01-15',
        request: {
          kind: 'DOCUMENT',
          name: 'Kopie paspoort',
          dueDate: '2026-01-18',
          fulfilledAt: '2026-01-18T09:00:00Z',
          fulfilledBy: 'Anna de Vries',
          fulfilledMessageId: 'm-1',
        },
      },
      { id: 's-0000aaaa', title: 'Ondertekening', done: false, explanation: null, plannedDate: null, request: null },
    ],
  },
};

const ASSIGNMENT: StaffAssignment = {
  id: 'as-1',
  dossierId: 'dos-1',
  questionnaire: 'aankoop-woning',
  version: 1,
  title: 'Aankoop woning',
  recipient: { accountId: 'acc-anna', email: 'anna@example.com' },
  status: 'OPEN',
  dueDate: null,
  assignedAt: '2026-01-02T10:00:00Z',
  pagesSaved: 0,
  pages: 6,
  completedAt: null,
  pdfDocumentId: null,
};

beforeEach(() => {
  vi.mocked(portalApi.replaceProgress).mockImplementation(async () => DOSSIER);
  vi.mocked(portalApi.staffAssignments).mockResolvedValue([ASSIGNMENT]);
});
afterEach(() => vi.clearAllMocks());

function renderEditor() {
  const onSaved = vi.fn();
  render(
    <MemoryRouter>
      <ProgressEditor dossier={DOSSIER} onSaved={onSaved} />
    </MemoryRouter>,
  );
  return { onSaved, rows: () => screen.getAllByRole('listitem') };
}

const save = () => userEvent.setup().click(screen.getByRole('button', { name: 'Voortgang opslaan' }));

describe('ProgressEditor: explanation, planned date and request per step (NEW-2)', () => {
  it('sends back each step as it was, with its id and every field', async () => {
    const { onSaved } = renderEditor();
    await save();
    expect(portalApi.replaceProgress).toHaveBeenCalledWith('dos-1', [
      {
        id: 's-3f2a9c1b',
        title: 'Identificatie',
        done: true,
        explanation: 'Wij controleren uw identiteit.',
        plannedDate: '2026-01-15',
        request: { kind: 'DOCUMENT', name: 'Kopie paspoort', dueDate: '2026-01-18' },
      },
      { id: 's-0000aaaa', title: 'Ondertekening', done: false },
    ]);
    expect(onSaved).toHaveBeenCalledWith(DOSSIER);
    expect(screen.getByRole('status').textContent).toBe('Opgeslagen.');
    // Nothing asks for the questionnaires while no step wants one.
    expect(portalApi.staffAssignments).not.toHaveBeenCalled();
  });

  it('shows who delivered a fulfilled request and when, with the way to the message', () => {
    const { rows } = renderEditor();
    const first = rows()[0];
    expect(first.textContent).toContain('Aangeleverd door Anna de Vries op 18 januari 2026');
    expect(within(first).getByRole('link', { name: 'Bericht bekijken' }).getAttribute('href')).toBe('/kantoor/dossiers/dos-1?tab=berichten');
    // The year only when it is not this year's.
    expect(first.querySelector('summary')?.textContent).toMatch(/\(met toelichting · gepland 15 januari( 2026)? · vraagt: Kopie paspoort\)$/);
  });

  it('sets an explanation, a planned date and a document request with a due date on a step; a new step has no id', async () => {
    const user = userEvent.setup();
    const { rows } = renderEditor();
    const second = rows()[1];
    await user.type(within(second).getByLabelText('Toelichting voor de cliënt'), 'U tekent bij de notaris.');
    expect(within(second).getByText('Maximaal 500 tekens; nog 476 over.')).toBeTruthy();
    expect(within(second).getByLabelText('Toelichting voor de cliënt').getAttribute('maxlength')).toBe('500');
    await user.type(within(second).getByLabelText('Geplande datum'), '2026-12-20');
    await user.click(within(second).getByRole('radio', { name: 'Document aanleveren' }));
    const name = within(second).getByLabelText('Naam van het gevraagde document');
    expect(name.getAttribute('maxlength')).toBe('100');
    await user.type(name, 'Kopie bankpas');
    await user.type(within(second).getByLabelText('Uiterlijk'), '2026-12-15');

    await user.type(screen.getByLabelText('Nieuwe stap'), 'Overdracht{Enter}');
    await save();
    const [, steps] = vi.mocked(portalApi.replaceProgress).mock.calls[0];
    expect(steps.slice(1)).toEqual([
      {
        id: 's-0000aaaa',
        title: 'Ondertekening',
        done: false,
        explanation: 'U tekent bij de notaris.',
        plannedDate: '2026-12-20',
        request: { kind: 'DOCUMENT', name: 'Kopie bankpas', dueDate: '2026-12-15' },
      },
      { title: 'Overdracht', done: false },
    ]);
  });

  it('asks for a questionnaire from those sent in the dossier', async () => {
    const user = userEvent.setup();
    const { rows } = renderEditor();
    const second = rows()[1];
    await user.click(within(second).getByRole('radio', { name: 'Vragenlijst invullen' }));
    const select = await within(second).findByRole('combobox', { name: 'Vragenlijst' });
    expect(within(select).getByRole('option', { name: 'Aankoop woning – Anna de Vries' })).toBeTruthy();

    // Without a choice it is not saved.
    await save();
    expect(portalApi.replaceProgress).not.toHaveBeenCalled();
    expect(within(second).getByText('Kies de vragenlijst die de cliënt moet invullen.')).toBeTruthy();
    expect(select.getAttribute('aria-invalid')).toBe('true');

    await user.selectOptions(select, 'as-1');
    await save();
    const [, steps] = vi.mocked(portalApi.replaceProgress).mock.calls[0];
    expect(steps[1]).toEqual({ id: 's-0000aaaa', title: 'Ondertekening', done: false, request: { kind: 'QUESTIONNAIRE', assignmentId: 'as-1' } });
    expect(portalApi.staffAssignments).toHaveBeenCalledWith('dos-1', expect.anything());
  });

  it('takes an assignment id when the questionnaires cannot be listed', async () => {
    vi.mocked(portalApi.staffAssignments).mockRejectedValue(new Error('down'));
    const user = userEvent.setup();
    const { rows } = renderEditor();
    const second = rows()[1];
    await user.click(within(second).getByRole('radio', { name: 'Vragenlijst invullen' }));
    await user.type(await within(second).findByLabelText('Id van de verstuurde vragenlijst'), 'as-9');
    await save();
    const [, steps] = vi.mocked(portalApi.replaceProgress).mock.calls[0];
    expect(steps[1].request).toEqual({ kind: 'QUESTIONNAIRE', assignmentId: 'as-9' });
  });

  it('needs a name for a requested document, and removes a request with "Geen"', async () => {
    const user = userEvent.setup();
    const { rows } = renderEditor();
    const first = rows()[0];
    await user.clear(within(first).getByLabelText('Naam van het gevraagde document'));
    await save();
    expect(portalApi.replaceProgress).not.toHaveBeenCalled();
    expect(within(first).getByText('Geef het gevraagde document een naam.')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Niet alles is goed ingevuld. Kijk bij de gemarkeerde stappen.');
    // A changed request no longer shows the old one's delivery.
    expect(first.textContent).not.toContain('Aangeleverd door');

    await user.click(within(first).getByRole('radio', { name: 'Geen' }));
    await save();
    const [, steps] = vi.mocked(portalApi.replaceProgress).mock.calls[0];
    expect(steps[0]).toEqual({ id: 's-3f2a9c1b', title: 'Identificatie', done: true, explanation: 'Wij controleren uw identiteit.', plannedDate: '2026-01-15' });
  });
});
