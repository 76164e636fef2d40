import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, makeI18n } from '../../../i18n/I18nContext';
import type { Lang } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/api/client';
import * as portalApi from '../../../lib/api/portalApi';
import type { DefinitionVersion } from '../../../lib/api/types';
import { UploadQuestionnairePage } from './UploadQuestionnairePage';

vi.mock('../../../lib/api/portalApi', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/api/portalApi')>()),
  uploadQuestionnaire: vi.fn(),
  definitionVersion: vi.fn(),
}));

afterEach(() => vi.clearAllMocks());
// Pages appear after lazy chunks and several renders: more patience than the default second on a busy machine.
configure({ asyncUtilTimeout: 5000 });

const DEFINITION = {
  key: 'aankoop-woning',
  title: 'Aankoop woning',
  pages: [
    {
      id: 'adres',
      title: 'Adres',
      questions: [
        { id: 'postcode', type: 'shortText', label: 'Postcode', format: 'postcode' },
        { id: 'soort', type: 'choice', label: 'Soort woning', options: [{ value: 'a', label: 'Appartement' }] },
      ],
    },
  ],
};
const TEXT = JSON.stringify(DEFINITION, null, 2);
/** The line of `"options": [` in TEXT. */
const OPTIONS_LINE = TEXT.split('\n').findIndex((l) => l.includes('"options"')) + 1;

function Where() {
  const location = useLocation();
  return <output data-testid="where">{location.pathname + location.search}</output>;
}

function renderUpload(search = '', lang: Lang = 'nl') {
  return render(
    <I18nContext.Provider value={makeI18n(lang, () => undefined)}>
      <MemoryRouter initialEntries={[`/kantoor/vragenlijsten/uploaden${search}`]}>
        <Routes>
          <Route path="/kantoor/vragenlijsten/uploaden" element={<UploadQuestionnairePage />} />
          <Route path="/kantoor/vragenlijsten/:key/versies/:version" element={<h1>Versiepagina</h1>} />
        </Routes>
        <Where />
      </MemoryRouter>
    </I18nContext.Provider>,
  );
}

const textarea = () => screen.getByRole('textbox', { name: 'JSON van de vragenlijst' }) as HTMLTextAreaElement;

async function paste(user: ReturnType<typeof userEvent.setup>, text: string) {
  await user.click(textarea());
  await user.paste(text);
}

describe('Nieuwe versie uploaden', { timeout: 20_000 }, () => {
  it('shows each mistake the server names at its place: in words, with its path and line (marked), the rule and the server’s text', async () => {
    const user = userEvent.setup();
    vi.mocked(portalApi.uploadQuestionnaire).mockRejectedValue(
      new ApiError(400, {
        status: 400,
        title: 'Invalid request',
        detail: 'A choice has 2 to 50 options.',
        errors: [
          { field: 'pages[0].questions[1].options', message: 'A choice has 2 to 50 options.' },
          { field: 'pages[0].intro', message: 'pages[0].intro is at most 2000 characters.' },
        ],
      }),
    );
    renderUpload();
    await paste(user, TEXT);
    await user.click(screen.getByRole('button', { name: 'Uploaden' }));

    const summary = await screen.findByRole('heading', { name: 'De vragenlijst is niet opgeslagen' });
    const box = summary.closest('.error-summary') as HTMLElement;
    await waitFor(() => expect(document.activeElement).toBe(box));
    expect(within(box).getByText('Verbeter deze 2 fouten en upload opnieuw:')).toBeTruthy();
    const [first, second] = within(box).getAllByRole('listitem');
    const link = within(first).getByRole('link', { name: `Pagina 1 „adres” › vraag 2 „soort” › keuzes (options) (regel ${OPTIONS_LINE})` });
    expect(within(first).getByText('Een keuzevraag heeft 2 tot 50 keuzes.')).toBeTruthy();
    expect(within(first).getByText('pages[0].questions[1].options').tagName).toBe('CODE');
    const serverText = within(first).getByText('A choice has 2 to 50 options.');
    expect(serverText.getAttribute('lang')).toBe('en');
    // The line itself, marked, between the lines around it.
    const marked = first.querySelector('mark');
    expect(marked?.textContent).toContain(`${OPTIONS_LINE}`);
    expect(marked?.textContent).toContain('"options": [');
    expect(marked?.textContent).toMatch(/^Hier:/);
    // A missing intro: placed at its page.
    expect(within(second).getByRole('link', { name: 'Pagina 1 „adres” › inleiding (intro) (regel 5)' })).toBeTruthy();
    expect(within(second).getByText('Een inleiding is hoogstens 2000 tekens.')).toBeTruthy();

    expect(textarea().getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(textarea().getAttribute('aria-describedby')!.split(' ')[1])?.textContent).toBe('Fout: Er staan 2 fouten in; zie de lijst boven het formulier.');

    // The link selects the line in the text field.
    await user.click(link);
    expect(document.activeElement).toBe(textarea());
    const start = TEXT.split('\n').slice(0, OPTIONS_LINE - 1).join('\n').length + 1;
    expect(textarea().selectionStart).toBe(start);
    expect(TEXT.slice(textarea().selectionStart, textarea().selectionEnd).trim()).toBe('"options": [');

    expect(portalApi.uploadQuestionnaire).toHaveBeenCalledWith(DEFINITION);
  });

  it('text that is not JSON is refused in the browser with its line and column, without asking the server', async () => {
    const user = userEvent.setup();
    renderUpload();
    await paste(user, '{\n  "key": "x",\n  "title": "y",,\n}');
    await user.click(screen.getByRole('button', { name: 'Uploaden' }));
    expect(await screen.findByRole('link', { name: 'regel 3' })).toBeTruthy();
    expect(screen.getByText(/Dit is geen geldige JSON: bij regel 3, kolom 16 klopt de tekst niet\./)).toBeTruthy();
    expect(portalApi.uploadQuestionnaire).not.toHaveBeenCalled();
  });

  it('an empty field and a JSON list are refused in the browser', async () => {
    const user = userEvent.setup();
    renderUpload();
    await user.click(screen.getByRole('button', { name: 'Uploaden' }));
    expect(await screen.findByText('Kies een JSON-bestand of plak de JSON van de vragenlijst.')).toBeTruthy();
    await paste(user, '[1, 2]');
    await user.click(screen.getByRole('button', { name: 'Uploaden' }));
    expect(await screen.findByText('De tekst moet één vragenlijst zijn: een JSON-object tussen { en }.')).toBeTruthy();
    expect(portalApi.uploadQuestionnaire).not.toHaveBeenCalled();
  });

  it('a chosen file lands in the text field; stored, the new version opens', async () => {
    const user = userEvent.setup();
    const stored: DefinitionVersion = { key: 'aankoop-woning', version: 3, createdAt: '2026-03-01T10:00:00Z', definition: DEFINITION as never };
    vi.mocked(portalApi.uploadQuestionnaire).mockResolvedValue(stored);
    renderUpload();
    await user.upload(screen.getByLabelText('JSON-bestand kiezen'), new File([TEXT], 'aankoop.json', { type: 'application/json' }));
    expect(await screen.findByText('Bestand aankoop.json staat in het tekstveld. Controleer het en kies „Uploaden”.')).toBeTruthy();
    await waitFor(() => expect(textarea().value).toBe(TEXT));
    await user.click(screen.getByRole('button', { name: 'Uploaden' }));
    expect(await screen.findByRole('heading', { name: 'Versiepagina' })).toBeTruthy();
    expect(screen.getByTestId('where').textContent).toBe('/kantoor/vragenlijsten/aankoop-woning/versies/3');
  });

  it('starts from an existing version when asked', async () => {
    vi.mocked(portalApi.definitionVersion).mockResolvedValue({ key: 'aankoop-woning', version: 2, createdAt: '2026-02-01T10:00:00Z', definition: DEFINITION as never });
    renderUpload('?van=aankoop-woning&versie=2');
    expect(await screen.findByText('Het tekstveld begint met versie 2 van „Aankoop woning”. Pas het aan en upload het als nieuwe versie.')).toBeTruthy();
    await waitFor(() => expect(textarea().value).toBe(TEXT));
    expect(portalApi.definitionVersion).toHaveBeenCalledWith('aankoop-woning', 2, expect.anything());
  });

  it('speaks English', async () => {
    const user = userEvent.setup();
    vi.mocked(portalApi.uploadQuestionnaire).mockRejectedValue(
      new ApiError(400, { status: 400, errors: [{ field: 'pages[0].questions[0].format', message: 'format is one of [postcode, iban, bsn, email, phone].' }] }),
    );
    renderUpload('', 'en');
    await user.click(screen.getByRole('textbox', { name: 'JSON of the questionnaire' }));
    await user.paste(TEXT);
    await user.click(screen.getByRole('button', { name: 'Upload' }));
    expect(await screen.findByRole('heading', { name: 'The questionnaire has not been stored' })).toBeTruthy();
    expect(screen.getByRole('link', { name: /^Page 1 „adres” › question 1 „postcode” › format \(line \d+\)$/ })).toBeTruthy();
    expect(screen.getByText('Only a short text (shortText) has a format: postcode, iban, bsn, email or phone.')).toBeTruthy();
  });
});
