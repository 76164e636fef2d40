import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, makeI18n } from '../../../i18n/I18nContext';
import type { Lang } from '../../../i18n/i18n';
import * as portalApi from '../../../lib/api/portalApi';
import type { DefinitionVersion } from '../../../lib/api/types';
import { AANKOOP_WONING } from '../../../test/questionnaires';
import { OfficeQuestionnairesPage } from './OfficeQuestionnairesPage';
import { QuestionnaireVersionPage } from './QuestionnaireVersionPage';

vi.mock('../../../lib/api/portalApi', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/api/portalApi')>()),
  questionnaireDefinitions: vi.fn(),
  definitionVersion: vi.fn(),
  saveQuestionnairePage: vi.fn(),
  completeQuestionnaire: vi.fn(),
}));

afterEach(() => vi.clearAllMocks());
// Pages appear after lazy chunks and several renders: more patience than the default second on a busy machine.
configure({ asyncUtilTimeout: 5000 });

/** Version 2 of "Aankoop woning" as GET /api/staff/questionnaires/{key}/versions/{version} has it (no schemas, no null intro). */
const version2: DefinitionVersion = {
  key: 'aankoop-woning',
  version: 2,
  createdAt: '2026-02-01T10:00:00Z',
  definition: { key: AANKOOP_WONING.key, title: AANKOOP_WONING.title, intro: AANKOOP_WONING.intro, pages: AANKOOP_WONING.pages },
};

beforeEach(() => {
  vi.mocked(portalApi.definitionVersion).mockResolvedValue(version2);
  vi.mocked(portalApi.questionnaireDefinitions).mockResolvedValue([
    { key: 'aankoop-woning', version: 2, title: 'Aankoop woning', createdAt: '2026-02-01T10:00:00Z' },
    { key: 'testament', version: 1, title: 'Testament', createdAt: '2026-01-10T10:00:00Z' },
  ]);
});

function Where() {
  const location = useLocation();
  return <output data-testid="where">{location.pathname + location.search}</output>;
}

function renderAt(path: string, lang: Lang = 'nl') {
  return render(
    <I18nContext.Provider value={makeI18n(lang, () => undefined)}>
      <MemoryRouter initialEntries={[path]}>
        <main>
          <Routes>
            <Route path="/kantoor/vragenlijsten" element={<OfficeQuestionnairesPage />} />
            <Route path="/kantoor/vragenlijsten/:key/versies/:version" element={<QuestionnaireVersionPage />} />
          </Routes>
        </main>
        <Where />
      </MemoryRouter>
    </I18nContext.Provider>,
  );
}

describe('Vragenlijsten: the list', () => {
  it('lists each questionnaire with its versions, newest first, each a link to its preview, and "Nieuwe versie"', async () => {
    renderAt('/kantoor/vragenlijsten');
    const table = await screen.findByRole('table', { name: 'Vragenlijsten' });
    expect(screen.getByText('2 vragenlijsten')).toBeTruthy();
    const [, aankoop, testament] = within(table).getAllByRole('row');
    expect(within(aankoop).getByRole('link', { name: 'Aankoop woning' }).getAttribute('href')).toBe('/kantoor/vragenlijsten/aankoop-woning/versies/2');
    const versions = within(aankoop).getByRole('list', { name: 'Versies van Aankoop woning' });
    expect(within(versions).getAllByRole('link').map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      ['Versie 2 van Aankoop woning', '/kantoor/vragenlijsten/aankoop-woning/versies/2'],
      ['Versie 1 van Aankoop woning', '/kantoor/vragenlijsten/aankoop-woning/versies/1'],
    ]);
    expect(within(aankoop).getByText('aankoop-woning').tagName).toBe('CODE');
    expect(within(aankoop).getByRole('link', { name: 'Nieuwe versie van Aankoop woning' }).getAttribute('href')).toBe(
      '/kantoor/vragenlijsten/uploaden?van=aankoop-woning&versie=2',
    );
    expect(within(testament).getAllByRole('link', { name: /^Versie/ })).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Nieuwe versie uploaden' }).getAttribute('href')).toBe('/kantoor/vragenlijsten/uploaden');
  });
});

// Typing and clicking through pages takes a while on a busy machine.
describe('Vragenlijsten: the preview of a version', { timeout: 20_000 }, () => {
  it("renders the version's pages with the client's own components: title, step, questions and their kinds", async () => {
    renderAt('/kantoor/vragenlijsten/aankoop-woning/versies/2');
    expect(await screen.findByRole('heading', { level: 1, name: 'Aankoop woning' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Stap 1 van 5 Uw gegevens' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Voornamen (voluit)' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Burgerservicenummer (BSN)' }).getAttribute('inputmode')).toBe('numeric');
    expect((screen.getByLabelText('Geboortedatum') as HTMLInputElement).type).toBe('text');
    expect(screen.getByText('Dossier (voorbeeld)')).toBeTruthy();
    // What the office sees around it.
    const about = screen.getByRole('complementary', { name: 'Over dit voorbeeld' });
    expect(within(about).getByText(/Zo ziet de cliënt versie 2 van deze vragenlijst \(sleutel aankoop-woning\)/)).toBeTruthy();
    const versions = within(about).getByRole('navigation', { name: 'Versies van Aankoop woning' });
    expect(within(versions).getByRole('link', { name: 'Versie 2' }).getAttribute('aria-current')).toBe('page');
    expect(within(versions).getByRole('link', { name: 'Versie 1' }).getAttribute('href')).toBe('/kantoor/vragenlijsten/aankoop-woning/versies/1');
    // The client's ways out lead back to the office.
    expect(screen.getByRole('link', { name: 'Stoppen en later verder' }).getAttribute('href')).toBe('/kantoor/vragenlijsten');
    expect(screen.getByRole('link', { name: 'Terug naar Acties' }).getAttribute('href')).toBe('/kantoor/vragenlijsten');
    await waitFor(() => expect(document.title).toMatch(/^Voorbeeld – Stap 1 van 5: Uw gegevens – Aankoop woning/));
    expect(portalApi.definitionVersion).toHaveBeenCalledWith('aankoop-woning', 2, expect.anything());
  });

  it('"Volgende" checks the answers as for the client and moves on, without saving anything', async () => {
    const user = userEvent.setup();
    renderAt('/kantoor/vragenlijsten/aankoop-woning/versies/2');
    await screen.findByRole('textbox', { name: 'Voornamen (voluit)' }, { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Volgende' }));
    // The client's error summary, from the checks in the browser.
    const summary = await screen.findByRole('heading', { name: 'Niet alle vragen zijn goed beantwoord' });
    expect(within(summary.parentElement!).getAllByRole('link').length).toBeGreaterThan(3);

    await user.type(screen.getByLabelText('Voornamen (voluit)'), 'Anna Maria');
    await user.type(screen.getByLabelText('Achternaam'), 'de Vries');
    fireEvent.change(screen.getByLabelText('Geboortedatum'), { target: { value: '12-04-1985' } });
    await user.type(screen.getByLabelText('Burgerservicenummer (BSN)'), '123456789');
    await user.type(screen.getByLabelText(/^Telefoonnummer/), '06 12345678');
    await user.click(screen.getByRole('radio', { name: 'Ongehuwd' }));
    await user.click(screen.getByRole('button', { name: 'Volgende' }));
    // An invalid BSN (the format the server's schema names) is refused as for the client.
    expect(await screen.findByRole('link', { name: /Burgerservicenummer \(BSN\)/ })).toBeTruthy();
    await user.clear(screen.getByLabelText('Burgerservicenummer (BSN)'));
    await user.type(screen.getByLabelText('Burgerservicenummer (BSN)'), '111222333');
    await user.click(screen.getByRole('button', { name: 'Volgende' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'Stap 2 van 5 De woning' })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/kantoor/vragenlijsten/aankoop-woning/versies/2?pagina=woning'));
    expect(portalApi.saveQuestionnairePage).not.toHaveBeenCalled();
    expect(portalApi.completeQuestionnaire).not.toHaveBeenCalled();

    // "Opnieuw beginnen": back to the first page, nothing filled in.
    await user.click(screen.getByRole('button', { name: 'Opnieuw beginnen' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Stap 1 van 5 Uw gegevens' })).toBeTruthy();
    expect((screen.getByLabelText('Voornamen (voluit)') as HTMLInputElement).value).toBe('');
  });

  it('goes on to the check page and the result, still without any API call', async () => {
    const user = userEvent.setup();
    vi.mocked(portalApi.definitionVersion).mockResolvedValue({
      key: 'kort',
      version: 1,
      createdAt: '2026-02-01T10:00:00Z',
      definition: { key: 'kort', title: 'Korte lijst', pages: [{ id: 'een', title: 'Eén', questions: [{ id: 'naam', type: 'shortText', label: 'Naam', required: true }] }] } as never,
    });
    renderAt('/kantoor/vragenlijsten/kort/versies/1');
    await user.type(await screen.findByRole('textbox', { name: 'Naam' }, { timeout: 5000 }), 'Anna');
    await user.click(screen.getByRole('button', { name: 'Volgende' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Stap 2 van 2 Controleer uw antwoorden' })).toBeTruthy();
    expect(screen.getByText('Anna')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Voltooien' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Uw antwoorden' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Naar dossier (voorbeeld)' }).getAttribute('href')).toBe('/kantoor/vragenlijsten');
    expect(portalApi.saveQuestionnairePage).not.toHaveBeenCalled();
    expect(portalApi.completeQuestionnaire).not.toHaveBeenCalled();
  });

  it('speaks English', async () => {
    renderAt('/kantoor/vragenlijsten/aankoop-woning/versies/2', 'en');
    expect(await screen.findByRole('heading', { level: 2, name: 'Step 1 of 5 Uw gegevens' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByRole('complementary', { name: 'About this preview' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start again' })).toBeTruthy();
  });
});
