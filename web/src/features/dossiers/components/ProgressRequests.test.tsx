import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, makeI18n } from '../../../i18n/I18nContext';
import type { Lang } from '../../../i18n/i18n';
import * as portalApi from '../../../lib/api/portalApi';
import type { Dossier, MessageWithBody } from '../../../lib/api/types';
import type { AttachmentDialogProps } from '../../messages/components/AttachmentDialog';
import { ProgressPanel } from './ProgressPanel';

vi.mock('../../../lib/api/portalApi', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/api/portalApi')>()),
  sendMessage: vi.fn(),
  deleteUpload: vi.fn(),
}));

vi.mock('../../messages/components/AttachmentDialog', () => ({
  default: (props: AttachmentDialogProps) =>
    props.open ? (
      <div role="dialog" aria-label="Uppy (stub)">
        <button
          type="button"
          onClick={() => {
            props.onUploaded({ id: 'up-7', fileName: 'paspoort.pdf', size: 2048, contentType: 'application/pdf' });
            props.onClose();
          }}
        >
          upload
        </button>
      </div>
    ) : null,
}));

const progress: Dossier['progress'] = {
  done: 2,
  total: 4,
  steps: [
    {
      id: 's-1',
      title: 'Intake',
      done: true,
      doneAt: '2026-01-12T10:00:00Z',
      explanation: null,
      plannedDate: null,
      request: { kind: 'QUESTIONNAIRE', assignmentId: 'as-1', dueDate: '2026-01-10', fulfilledAt: '2026-01-09T15:00:00Z' },
    },
    {
      id: 's-2',
      title: 'Identificatie',
      done: true,
      doneAt: '2026-01-20T10:00:00Z',
      explanation: null,
      plannedDate: '2026-01-15',
      request: { kind: 'DOCUMENT', name: 'Kopie paspoort', dueDate: null, fulfilledAt: '2026-01-18T09:00:00Z' },
    },
    {
      id: 's-3',
      title: 'Taxatie',
      done: false,
      explanation: 'Een taxateur bepaalt de waarde van de woning.\nDat is nodig voor de hypotheek.',
      plannedDate: '2999-12-20',
      request: { kind: 'DOCUMENT', name: 'Taxatierapport', dueDate: '2020-12-15', fulfilledAt: null },
    },
    {
      id: 's-4',
      title: 'Ondertekening',
      done: false,
      plannedDate: '2999-12-20',
      request: { kind: 'QUESTIONNAIRE', assignmentId: 'as-2', dueDate: null, fulfilledAt: null },
    },
  ],
};

const SENT = { id: 'm-1', attachments: [{ documentId: 'doc-1' }] } as unknown as MessageWithBody;

beforeEach(() => {
  vi.mocked(portalApi.sendMessage).mockResolvedValue(SENT);
  vi.mocked(portalApi.deleteUpload).mockResolvedValue(undefined);
});
afterEach(() => vi.clearAllMocks());

function renderPanel({ lang = 'nl', onDelivered = vi.fn(), focusStepId }: { lang?: Lang; onDelivered?: () => void; focusStepId?: string } = {}) {
  render(
    <MemoryRouter>
      <I18nContext.Provider value={makeI18n(lang, () => undefined)}>
        <ProgressPanel progress={progress} dossier={{ id: 'dos-1', number: '2026-0001' }} initiallyOpen focusStepId={focusStepId} onDelivered={onDelivered} />
      </I18nContext.Provider>
    </MemoryRouter>,
  );
  return { onDelivered, steps: () => screen.getAllByRole('listitem') };
}

describe('ProgressPanel: explained and dated steps with their requests (NEW-2)', () => {
  it('stays "Voortgang (2/4)" and opens when asked (a link from Home)', () => {
    renderPanel();
    expect(screen.getByRole('button', { name: 'Voortgang (2/4)' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('shows the explanation and the planned date of an open step, and what is needed with its due date', () => {
    const { steps } = renderPanel();
    const taxatie = steps()[2];
    expect(taxatie.textContent).toContain('Nog niet afgerond');
    expect(taxatie.textContent).toContain('Gepland: 20 december 2999');
    expect(taxatie.querySelector('.step-explanation')?.textContent).toBe('Een taxateur bepaalt de waarde van de woning.\nDat is nodig voor de hypotheek.');
    expect(taxatie.textContent).toContain('Wij hebben van u nodig: Taxatierapport');
    expect(taxatie.textContent).toContain('Verlopen: uiterlijk 15 december 2020');
    expect(within(taxatie).getByRole('button', { name: /^Aanleveren ?Taxatierapport$/ })).toBeTruthy();
    // A done step shows when it was done, not when it was planned.
    expect(steps()[1].textContent).toContain('Afgerond op 20 januari 2026');
    expect(steps()[1].textContent).not.toContain('Gepland');
  });

  it('offers "Invullen" for a questionnaire, to the questionnaire', () => {
    const { steps } = renderPanel();
    const signing = steps()[3];
    expect(signing.textContent).toContain('Wij hebben van u nodig: een ingevulde vragenlijst');
    expect(within(signing).getByRole('link', { name: /^Invullen/ }).getAttribute('href')).toBe('/acties/as-2');
  });

  it('shows a fulfilled request as delivered or filled in, with its date and no button', () => {
    const { steps } = renderPanel();
    expect(steps()[1].textContent).toContain('Aangeleverd op 18 januari 2026: Kopie paspoort');
    expect(within(steps()[1]).queryByRole('button')).toBeNull();
    expect(steps()[0].textContent).toContain('Vragenlijst ingevuld op 9 januari 2026');
    expect(within(steps()[0]).queryByRole('link')).toBeNull();
  });

  it('"Aanleveren" sends the file with the step id; the step then says it was delivered', async () => {
    const user = userEvent.setup();
    const { steps, onDelivered } = renderPanel();
    const deliver = within(steps()[2]).getByRole('button', { name: /^Aanleveren/ });
    await user.click(deliver);
    const dialog = screen.getByRole('dialog', { name: 'Aanleveren: Taxatierapport' });
    await user.click(within(dialog).getByRole('button', { name: 'Bijlagen toevoegen' }));
    await user.click(await screen.findByRole('button', { name: 'upload' }));
    await user.click(within(dialog).getByRole('button', { name: 'Versturen' }));

    expect(portalApi.sendMessage).toHaveBeenCalledWith('dos-1', {
      subject: 'Aanlevering: Taxatierapport',
      body: 'Hierbij stuur ik: Taxatierapport.',
      uploads: ['up-7'],
      requestId: 's-3',
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(steps()[2].textContent).toMatch(/Aangeleverd op .+: Taxatierapport/);
    expect(within(steps()[2]).queryByRole('button')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Taxatierapport is aangeleverd. Dank u wel.');
    expect(onDelivered).toHaveBeenCalledTimes(1);
  });

  it('focuses the step a link names', async () => {
    const { steps } = renderPanel({ focusStepId: 's-3' });
    await waitFor(() => expect(document.activeElement).toBe(steps()[2]));
  });

  it('speaks English', () => {
    const { steps } = renderPanel({ lang: 'en' });
    expect(steps()[2].textContent).toContain('Planned: 20 December 2999');
    expect(steps()[2].textContent).toContain('We need from you: Taxatierapport');
    expect(steps()[2].textContent).toContain('Overdue: by 15 December 2020');
    expect(steps()[1].textContent).toContain('Delivered on 18 January 2026: Kopie paspoort');
    expect(within(steps()[3]).getByRole('link', { name: /^Fill in/ })).toBeTruthy();
  });
});
