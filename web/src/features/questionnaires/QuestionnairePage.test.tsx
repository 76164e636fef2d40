import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, makeI18n } from '../../i18n/I18nContext';
import type { Lang } from '../../i18n/i18n';
import { ApiError } from '../../lib/api/client';
import * as portalApi from '../../lib/api/portalApi';
import { todayInAmsterdam } from './lib/dates';
import type { Assignment, PageAnswers } from '../../lib/api/types';
import { AANKOOP_WONING, ALLE_VRAAGSOORTEN, ANNA_ANSWERS, LEVERINGSDATUM, assignmentOf } from '../../test/questionnaires';
import QuestionnairePage from './QuestionnairePage';

vi.mock('../../lib/api/portalApi', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/api/portalApi')>()),
  assignment: vi.fn(),
  saveQuestionnairePage: vi.fn(),
  completeQuestionnaire: vi.fn(),
}));

/** A fake server: keeps the assignment, stores a saved page and moves currentPageId on. */
function fakeServer(initial: Assignment) {
  let current = initial;
  vi.mocked(portalApi.assignment).mockImplementation(async () => current);
  vi.mocked(portalApi.saveQuestionnairePage).mockImplementation(async (_id, pageId, answers) => {
    const index = current.pages.findIndex((p) => p.id === pageId);
    current = { ...current, answers: { ...current.answers, [pageId]: answers }, currentPageId: current.pages[index + 1]?.id ?? null };
    return current;
  });
  vi.mocked(portalApi.completeQuestionnaire).mockImplementation(async () => {
    current = { ...current, status: 'COMPLETED', completedAt: '2026-03-15T10:30:00Z', pdfDocumentId: 'pdf-1', currentPageId: null };
    return current;
  });
  return { get: () => current };
}

function Where() {
  const location = useLocation();
  return <output data-testid="where">{location.pathname + location.search}</output>;
}

function renderQuestionnaire(assignment: Assignment, { lang = 'nl', search = '' }: { lang?: Lang; search?: string } = {}) {
  const server = fakeServer(assignment);
  const view = render(
    <I18nContext.Provider value={makeI18n(lang, () => undefined)}>
      <MemoryRouter initialEntries={[`/acties/${assignment.id}${search}`]}>
        <main>
          <Routes>
            <Route path="/acties/:assignmentId" element={<QuestionnairePage />} />
            <Route path="/acties" element={<h1>Acties</h1>} />
          </Routes>
        </main>
        <Where />
      </MemoryRouter>
    </I18nContext.Provider>,
  );
  return { server, ...view };
}

afterEach(() => vi.clearAllMocks());

const errorOf = (field: HTMLElement) => {
  const ids = (field.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-error'));
  return ids.map((id) => document.getElementById(id)?.textContent).join(' ') || undefined;
};
const heading2 = () => screen.getByRole('heading', { level: 2, name: /Stap|Step|Controleer|Check|Uw antwoorden|Your answers/ });
const next = (user: ReturnType<typeof userEvent.setup>, lang: Lang = 'nl') => user.click(screen.getByRole('button', { name: lang === 'nl' ? 'Volgende' : 'Next' }));
const setDate = (label: string | RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

/** Page 1 of "Aankoop woning", "Uw gegevens", as Anna answers it (ANNA_ANSWERS.persoonlijk). */
async function fillUwGegevens(user: ReturnType<typeof userEvent.setup>, more: Partial<Record<string, string>> = {}) {
  await user.type(screen.getByLabelText('Voornamen (voluit)'), more.voornamen ?? 'Anna Maria');
  await user.type(screen.getByLabelText('Achternaam'), 'de Vries');
  setDate('Geboortedatum', '12-04-1985');
  await user.type(screen.getByLabelText('Burgerservicenummer (BSN)'), more.bsn ?? '111222333');
  await user.type(screen.getByLabelText(/^Telefoonnummer/), more.telefoon ?? '06 12345678');
  await user.click(screen.getByRole('radio', { name: 'Gehuwd' }));
  await user.click(within(screen.getByRole('group', { name: 'Bent u onder huwelijkse voorwaarden getrouwd?' })).getByRole('radio', { name: 'Nee' }));
}

/** Saved answers of the pages before `pageId`, and that page to go on with. */
const savedUpTo = (pageId: keyof typeof ANNA_ANSWERS) => {
  const ids = Object.keys(ANNA_ANSWERS) as (keyof typeof ANNA_ANSWERS)[];
  const answers: Record<string, PageAnswers> = Object.fromEntries(ids.slice(0, ids.indexOf(pageId)).map((id) => [id, ANNA_ANSWERS[id]]));
  return assignmentOf(AANKOOP_WONING, { answers, currentPageId: pageId });
};
const VOLMACHT = 'Wilt u iemand volmacht geven om voor u te tekenen?';
const yesNo = (question: string, answer: 'Ja' | 'Nee' | 'Yes' | 'No') => within(screen.getByRole('group', { name: question })).getByRole('radio', { name: answer });

describe('question renderers', () => {
  const alles = () => assignmentOf(ALLE_VRAAGSOORTEN);

  it('renders every question type with its label, help and kind of input', async () => {
    renderQuestionnaire(alles());
    expect(await screen.findByRole('heading', { level: 2, name: 'Stap 1 van 2 Alle soorten vragen' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Naam' })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Toelichting (niet verplicht)' }) as HTMLTextAreaElement).tagName).toBe('TEXTAREA');
    expect(screen.getByText('Maximaal 500 tekens.').id).toBe('q-toelichting-hint');
    expect(screen.getByRole('textbox', { name: 'Aantal kamers' }).getAttribute('inputmode')).toBe('decimal');
    const koopsom = screen.getByRole('textbox', { name: 'Koopsom' });
    expect(koopsom.getAttribute('aria-describedby')).toBe('q-koopsom-hint');
    expect(document.getElementById('q-koopsom-hint')?.textContent).toBe('Bedrag in euro’s, bijvoorbeeld 1.234,56');
    const date = screen.getByLabelText('Gewenste datum van overdracht') as HTMLInputElement;
    // A text field with the day first, whatever the browser's locale; a numeric keyboard on a phone.
    expect(date.type).toBe('text');
    expect(date.inputMode).toBe('numeric');
    expect(document.getElementById(date.getAttribute('aria-describedby')!)?.textContent).toBe('Datum als dd-mm-jjjj, bijvoorbeeld 15-04-1990');
    const nieuwbouw = screen.getByRole('group', { name: 'Is het een nieuwbouwwoning?' });
    expect(within(nieuwbouw).getAllByRole('radio').map((r) => r.closest('label')?.textContent)).toEqual(['Ja', 'Nee']);
    expect(within(screen.getByRole('group', { name: 'Soort woning' })).getAllByRole('radio')).toHaveLength(4);
    // More than six options: a select.
    const provincie = screen.getByRole('combobox', { name: 'Provincie' });
    expect(within(provincie).getAllByRole('option').map((o) => o.textContent)).toHaveLength(13);
    expect(within(provincie).getAllByRole('option')[0].textContent).toBe('Maak een keuze');
    expect(within(screen.getByRole('group', { name: 'Wat is bij de koop inbegrepen? (niet verplicht)' })).getAllByRole('checkbox')).toHaveLength(4);
    // The group appears only after "Ja".
    expect(screen.queryByRole('group', { name: 'Kinderen' })).toBeNull();
  });

  it('shows a group by showIf, adds and removes blocks within minItems and maxItems, fields labelled with the block', async () => {
    const user = userEvent.setup();
    renderQuestionnaire(alles());
    await screen.findByRole('textbox', { name: 'Naam' });
    await user.click(within(screen.getByRole('group', { name: 'Heeft u minderjarige kinderen?' })).getByRole('radio', { name: 'Ja' }));
    const group = screen.getByRole('group', { name: 'Kinderen' });
    // Required with minItems 1: one block, which cannot be removed.
    expect(within(group).getByRole('group', { name: 'Kind 1' })).toBeTruthy();
    expect(within(group).getByRole('textbox', { name: 'Naam (Kind 1)' })).toBeTruthy();
    expect(within(group).queryByRole('button', { name: /Verwijderen/ })).toBeNull();

    await user.click(within(group).getByRole('button', { name: 'Kind toevoegen' }));
    expect(within(group).getByRole('group', { name: 'Kind 2' })).toBeTruthy();
    expect(within(group).getByRole('status').textContent).toBe('Kind 2 is toegevoegd.');
    await waitFor(() => expect(document.activeElement).toBe(within(group).getByRole('textbox', { name: 'Naam (Kind 2)' })));
    await user.type(within(group).getByRole('textbox', { name: 'Naam (Kind 2)' }), 'Eva');
    await user.click(within(group).getByRole('button', { name: 'Kind toevoegen' }));
    // maxItems 3
    expect(within(group).queryByRole('button', { name: 'Kind toevoegen' })).toBeNull();
    expect(within(group).getByText('U kunt er maximaal 3 opgeven.')).toBeTruthy();

    await user.click(within(group).getByRole('button', { name: 'Verwijderen Kind 1' }));
    expect(within(group).getByRole('status').textContent).toBe('Kind 1 is verwijderd.');
    expect([...group.querySelectorAll('.q-block-legend')].map((legend) => legend.textContent)).toEqual(['Kind 1', 'Kind 2']);
    expect((within(group).getByRole('textbox', { name: 'Naam (Kind 1)' }) as HTMLInputElement).value).toBe('Eva');
    await waitFor(() => expect(document.activeElement).toBe(within(group).getByRole('button', { name: 'Kind toevoegen' })));

    // showIf within the block: "Woont het kind bij u?" Nee asks for the child's address, in that block only.
    await user.click(within(within(group).getByRole('group', { name: 'Woont het kind bij u? (Kind 2)' })).getByRole('radio', { name: 'Nee' }));
    expect(within(group).getByRole('textbox', { name: 'Adres van het kind (Kind 2)' })).toBeTruthy();
    expect(within(group).queryByRole('textbox', { name: 'Adres van het kind (Kind 1)' })).toBeNull();

    // "Nee" hides the group again.
    await user.click(within(screen.getByRole('group', { name: 'Heeft u minderjarige kinderen?' })).getByRole('radio', { name: 'Nee' }));
    expect(screen.queryByRole('group', { name: 'Kinderen' })).toBeNull();
  });

  async function fillAlles(user: ReturnType<typeof userEvent.setup>, koopsom: string, lang: Lang) {
    const nl = lang === 'nl';
    await user.type(await screen.findByRole('textbox', { name: 'Naam' }), 'Anna');
    await user.type(screen.getByRole('textbox', { name: 'Aantal kamers' }), '4');
    await user.type(screen.getByRole('textbox', { name: 'Koopsom' }), koopsom);
    setDate('Gewenste datum van overdracht', todayInAmsterdam().split('-').reverse().join('-'));
    await user.click(within(screen.getByRole('group', { name: 'Is het een nieuwbouwwoning?' })).getByRole('radio', { name: nl ? 'Nee' : 'No' }));
    await user.click(screen.getByRole('radio', { name: 'Hoekwoning' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Provincie' }), 'utrecht');
    await user.click(screen.getByRole('checkbox', { name: 'Zonnepanelen' }));
    await user.click(screen.getByRole('checkbox', { name: 'Tuin' }));
    await user.click(within(screen.getByRole('group', { name: 'Heeft u minderjarige kinderen?' })).getByRole('radio', { name: nl ? 'Nee' : 'No' }));
  }

  it.each([
    ['nl', '1.234,56'],
    ['nl', '250.000,-'],
    ['en', '1,234.56'],
  ] as const)('reads the amount in %s: "%s", and sends numbers, booleans and arrays', async (lang, typed) => {
    const user = userEvent.setup();
    renderQuestionnaire(alles(), { lang });
    await fillAlles(user, typed, lang);
    await next(user, lang);
    await waitFor(() => expect(portalApi.saveQuestionnairePage).toHaveBeenCalledTimes(1));
    expect(vi.mocked(portalApi.saveQuestionnairePage).mock.calls[0]).toEqual([
      'as-alle-vraagsoorten',
      'alles',
      {
        naam: 'Anna',
        kamers: 4,
        koopsom: typed === '250.000,-' ? 250000 : 1234.56,
        overdracht: todayInAmsterdam(),
        nieuwbouw: false,
        soort: 'hoekwoning',
        provincie: 'utrecht',
        inbegrepen: ['tuin', 'zonnepanelen'],
        kinderen: false,
      },
    ]);
  });

  it('refuses an amount written the other way, and a number too small, with the reason next to the field', async () => {
    const user = userEvent.setup();
    renderQuestionnaire(alles(), { lang: 'en' });
    await fillAlles(user, '1.234,56', 'en');
    await user.clear(screen.getByRole('textbox', { name: 'Aantal kamers' }));
    await user.type(screen.getByRole('textbox', { name: 'Aantal kamers' }), '0');
    await next(user, 'en');
    expect(errorOf(screen.getByRole('textbox', { name: 'Koopsom' }))).toBe('Error: Enter an amount, for example 1,234.56.');
    expect(errorOf(screen.getByRole('textbox', { name: 'Aantal kamers' }))).toBe('Error: Enter 1 or more.');
    expect(portalApi.saveQuestionnairePage).not.toHaveBeenCalled();
  });
});

describe('validation and errors', () => {
  it('checks a page in the browser before sending: errors next to the fields and a summary that gets the focus', async () => {
    const user = userEvent.setup();
    renderQuestionnaire(assignmentOf(AANKOOP_WONING));
    await screen.findByLabelText('Voornamen (voluit)');
    await fillUwGegevens(user, { bsn: '123456789', telefoon: '12' });
    await user.clear(screen.getByLabelText('Voornamen (voluit)'));
    await next(user);

    const summary = screen.getByRole('heading', { name: 'Niet alle vragen zijn goed beantwoord' }).parentElement!;
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(within(summary).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Voornamen (voluit): Vul dit veld in.', '#q-voornamen'],
      ['Burgerservicenummer (BSN): Vul een geldig burgerservicenummer (BSN) van 9 cijfers in.', '#q-bsn'],
      ['Telefoonnummer: Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678 of +31 20 1234567.', '#q-telefoon'],
    ]);
    const bsn = screen.getByLabelText('Burgerservicenummer (BSN)');
    expect(bsn.getAttribute('aria-invalid')).toBe('true');
    expect(bsn.getAttribute('aria-describedby')).toBe('q-bsn-hint q-bsn-error');
    expect(errorOf(bsn)).toBe('Fout: Vul een geldig burgerservicenummer (BSN) van 9 cijfers in.');
    expect(screen.getByLabelText('Achternaam').getAttribute('aria-invalid')).toBeNull();
    expect(portalApi.saveQuestionnairePage).not.toHaveBeenCalled();

    await user.click(within(summary).getByRole('link', { name: /^Telefoonnummer/ }));
    expect(document.activeElement).toBe(screen.getByLabelText(/^Telefoonnummer/));
    // Correcting a field takes its error away.
    await user.clear(bsn);
    await user.type(bsn, '111222333');
    expect(bsn.getAttribute('aria-invalid')).toBeNull();
  });

  it('shows the server’s refusal (a wrong IBAN the browser did not catch) next to the field', async () => {
    const user = userEvent.setup();
    renderQuestionnaire(savedUpTo('financiering'));
    await user.click(within(await screen.findByRole('group', { name: 'Sluit u een hypotheek af voor deze woning?' })).getByRole('radio', { name: 'Nee' }));
    await user.type(screen.getByLabelText('IBAN voor de nota van afrekening'), 'NL91 ABNA 0417 1643 00');
    vi.mocked(portalApi.saveQuestionnairePage).mockRejectedValueOnce(
      new ApiError(400, { title: 'Bad Request', status: 400, errors: [{ field: 'iban', code: 'format', format: 'iban', message: 'is not a valid IBAN' }] }),
    );
    await next(user);
    const iban = screen.getByLabelText('IBAN voor de nota van afrekening');
    await waitFor(() => expect(errorOf(iban)).toBe('Fout: Vul een geldig IBAN in, bijvoorbeeld NL91 ABNA 0417 1643 00.'));
    expect(iban.getAttribute('aria-invalid')).toBe('true');
    expect(vi.mocked(portalApi.saveQuestionnairePage).mock.calls[0][2]).toEqual({ hypotheek: false, iban: 'NL91 ABNA 0417 1643 00' });
    const summary = screen.getByRole('heading', { name: 'Niet alle vragen zijn goed beantwoord' }).parentElement!;
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(screen.getByRole('heading', { level: 2, name: /Stap 3 van 5/ })).toBeTruthy();

    // Corrected: saved, on to the next page.
    await user.clear(iban);
    await user.type(iban, 'NL91ABNA0417164300');
    await next(user);
    expect(await screen.findByRole('heading', { level: 2, name: 'Stap 4 van 5 Tot slot' })).toBeTruthy();
  });

  it('shows server errors inside a group block next to that block’s field', async () => {
    const user = userEvent.setup();
    renderQuestionnaire(assignmentOf(AANKOOP_WONING, { answers: { persoonlijk: ANNA_ANSWERS.persoonlijk, woning: ANNA_ANSWERS.woning }, currentPageId: 'woning' }), {
      lang: 'en',
    });
    expect(((await screen.findByLabelText('Naam (Bewoner 2)')) as HTMLInputElement).value).toBe('Eva de Vries');
    vi.mocked(portalApi.saveQuestionnairePage).mockRejectedValueOnce(
      new ApiError(400, { status: 400, errors: [{ field: 'bewoners[1].naam', code: 'maxLength', limit: 2, message: 'too long' }] }),
    );
    await next(user, 'en');
    await waitFor(() => expect(errorOf(screen.getByLabelText('Naam (Bewoner 2)'))).toBe('Error: Use at most 2 characters.'));
    expect(errorOf(screen.getByLabelText('Naam (Bewoner 1)'))).toBeUndefined();
    expect(screen.getByRole('link', { name: 'Naam (Bewoner 2): Use at most 2 characters.' })).toBeTruthy();
  });

  it('says so when saving fails for another reason, and keeps what was typed', async () => {
    const user = userEvent.setup();
    renderQuestionnaire(assignmentOf(AANKOOP_WONING));
    await screen.findByLabelText('Voornamen (voluit)');
    await fillUwGegevens(user);
    vi.mocked(portalApi.saveQuestionnairePage).mockRejectedValueOnce(new ApiError(503));
    await next(user);
    expect((await screen.findByRole('alert')).textContent).toContain('Uw antwoorden zijn niet opgeslagen.');
    // Back on the page that was not saved (the next one was shown meanwhile), with what was typed.
    expect(screen.getByRole('heading', { level: 2, name: 'Stap 1 van 5 Uw gegevens' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: /^De woning/ })).toBeNull();
    expect((screen.getByLabelText('Voornamen (voluit)') as HTMLInputElement).value).toBe('Anna Maria');
  });
});

describe('page navigation (ACT-2)', () => {
  it('"Volgende" saves the page and goes on; "Vorige" goes back without saving and keeps what was typed', async () => {
    const user = userEvent.setup();
    const { server } = renderQuestionnaire(assignmentOf(AANKOOP_WONING, { intro: 'Welkom bij de vragenlijst.' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Stap 1 van 5 Uw gegevens' })).toBeTruthy();
    expect(screen.getByText('Welkom bij de vragenlijst.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Vorige' })).toBeNull();
    await fillUwGegevens(user);
    await next(user);

    expect(await screen.findByRole('heading', { level: 2, name: 'Stap 2 van 5 De woning' })).toBeTruthy();
    expect(portalApi.saveQuestionnairePage).toHaveBeenCalledWith('as-aankoop-woning', 'persoonlijk', ANNA_ANSWERS.persoonlijk);
    expect(server.get().currentPageId).toBe('woning');
    expect(screen.getByText('Uw antwoorden zijn opgeslagen.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(heading2()));
    expect(screen.getByTestId('where').textContent).toBe('/acties/as-aankoop-woning?pagina=woning');

    // Typed on page 2, not saved; back to page 1 and forward again.
    await user.type(screen.getByLabelText('Straat en huisnummer'), 'Keizersgracht 123');
    await user.click(screen.getByRole('button', { name: 'Vorige' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Stap 1 van 5 Uw gegevens' })).toBeTruthy();
    expect(portalApi.saveQuestionnairePage).toHaveBeenCalledTimes(1);
    expect((screen.getByLabelText('Voornamen (voluit)') as HTMLInputElement).value).toBe('Anna Maria');
    expect((screen.getByLabelText('Geboortedatum') as HTMLInputElement).value).toBe('12-04-1985');
    await user.click(screen.getByRole('link', { name: /^De woning/ }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Stap 2 van 5 De woning' })).toBeTruthy();
    expect((screen.getByLabelText('Straat en huisnummer') as HTMLInputElement).value).toBe('Keizersgracht 123');
  });

  it('the steps show which pages are saved, with links only to pages that can be reached', async () => {
    renderQuestionnaire(savedUpTo('financiering'));
    const steps = await screen.findByRole('navigation', { name: 'Stappen van de vragenlijst' });
    expect(within(steps).getAllByRole('link').map((a) => a.textContent)).toEqual(['✓Uw gegevens (opgeslagen)', '✓De woning (opgeslagen)']);
    expect(within(steps).getByText('Financiering').closest('[aria-current]')?.getAttribute('aria-current')).toBe('step');
  });

  it('resumes on the page where the client stopped, with the saved answers in place', async () => {
    const user = userEvent.setup();
    renderQuestionnaire(savedUpTo('financiering'));
    expect(await screen.findByRole('heading', { level: 2, name: 'Stap 3 van 5 Financiering' })).toBeTruthy();
    // The conditional questions appear with "Ja".
    expect(screen.queryByRole('textbox', { name: 'Geldverstrekker' })).toBeNull();
    await user.click(yesNo('Sluit u een hypotheek af voor deze woning?', 'Ja'));
    expect(screen.getByRole('textbox', { name: 'Geldverstrekker' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Hoofdsom van de hypotheek' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Vorige' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Stap 2 van 5 De woning' })).toBeTruthy();
    expect((screen.getByLabelText('Postcode') as HTMLInputElement).value).toBe('1015 CJ');
    expect((screen.getByLabelText('Plaats') as HTMLInputElement).value).toBe('Amsterdam');
  });

  it('does not open a page beyond the first one never saved', async () => {
    renderQuestionnaire(assignmentOf(AANKOOP_WONING, { answers: { persoonlijk: ANNA_ANSWERS.persoonlijk } }), { search: '?pagina=tot-slot' });
    expect(await screen.findByRole('heading', { level: 2, name: 'Stap 2 van 5 De woning' })).toBeTruthy();
  });

  it('has a way back to Acties at any time', async () => {
    const user = userEvent.setup();
    renderQuestionnaire(assignmentOf(AANKOOP_WONING));
    await user.click(await screen.findByRole('link', { name: 'Stoppen en later verder' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Acties' })).toBeTruthy();
  });

  it('shows an unknown questionnaire (someone else’s: 404) as not found', async () => {
    vi.mocked(portalApi.assignment).mockRejectedValue(new ApiError(404));
    render(
      <MemoryRouter initialEntries={['/acties/x']}>
        <Routes>
          <Route path="/acties/:assignmentId" element={<QuestionnairePage />} />
        </Routes>
      </MemoryRouter>,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Vragenlijst niet gevonden' })).toBeTruthy();
  });
});

describe('check page and completion (ACT-3, ACT-4)', () => {
  const allSaved = () => assignmentOf(AANKOOP_WONING, { answers: ANNA_ANSWERS, currentPageId: null });

  it('"Volgende" on the last page saves and opens "Controleer uw antwoorden"', async () => {
    const user = userEvent.setup();
    renderQuestionnaire(savedUpTo('tot-slot'));
    await screen.findByRole('group', { name: VOLMACHT });
    await user.click(yesNo(VOLMACHT, 'Nee'));
    await user.type(screen.getByLabelText('Opmerkingen of vragen voor de notaris (niet verplicht)'), 'Graag een afspraak in de ochtend.\nDank!');
    await next(user);
    expect(await screen.findByRole('heading', { level: 2, name: 'Stap 5 van 5 Controleer uw antwoorden' })).toBeTruthy();
    expect(portalApi.saveQuestionnairePage).toHaveBeenCalledWith('as-aankoop-woning', 'tot-slot', {
      volmacht: false,
      opmerkingen: 'Graag een afspraak in de ochtend.\nDank!',
    });
  });

  it('lists every shown answer per page, readable, with "Wijzigen" back to a page that returns to the check page', async () => {
    const user = userEvent.setup();
    renderQuestionnaire(allSaved());
    expect(await screen.findByRole('heading', { level: 2, name: 'Stap 5 van 5 Controleer uw antwoorden' })).toBeTruthy();
    const answer = (term: string) => screen.getAllByText(term, { selector: 'dt' })[0].nextElementSibling?.textContent;
    expect(answer('Voornamen (voluit)')).toBe('Anna Maria');
    expect(answer('Geboortedatum')).toBe('12 april 1985');
    expect(answer('Burgerlijke staat')).toBe('Gehuwd');
    expect(answer('Bent u onder huwelijkse voorwaarden getrouwd?')).toBe('Nee');
    expect(answer('Hoofdsom van de hypotheek')).toBe('€\u00a0350.000,00');
    expect(answer('Geldverstrekker')).toBe('Rabobank');
    expect(answer('Eigen geld dat u inbrengt')).toBe('Niet ingevuld');
    expect(screen.getByRole('heading', { level: 4, name: 'Bewoner 2' })).toBeTruthy();
    expect(screen.queryByText('Naam van de gevolmachtigde', { selector: 'dt' })).toBeNull();
    expect(screen.getAllByRole('link', { name: /^Wijzigen/ })).toHaveLength(4);

    await user.click(screen.getByRole('link', { name: 'Wijzigen antwoorden bij De woning' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Stap 2 van 5 De woning' })).toBeTruthy();
    await user.clear(screen.getByLabelText('Straat en huisnummer'));
    await user.type(screen.getByLabelText('Straat en huisnummer'), 'Keizersgracht 125-II');
    await next(user);
    expect(await screen.findByRole('heading', { level: 2, name: 'Stap 5 van 5 Controleer uw antwoorden' })).toBeTruthy();
    expect(answer('Straat en huisnummer')).toBe('Keizersgracht 125-II');
  });

  it('"Voltooien" completes: the result with "Afdrukken" and the PDF', async () => {
    const user = userEvent.setup();
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    renderQuestionnaire(allSaved());
    await user.click(await screen.findByRole('button', { name: 'Voltooien' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Uw antwoorden' })).toBeTruthy();
    expect(portalApi.completeQuestionnaire).toHaveBeenCalledWith('as-aankoop-woning');
    expect(screen.getByText(/U heeft de vragenlijst voltooid op 15 maart 2026/)).toBeTruthy();
    expect(screen.getByText(/onder „Door mij aangeleverd”/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Download pdf' }).getAttribute('href')).toBe('/api/documents/pdf-1/content');
    expect(screen.getByRole('link', { name: 'Naar dossier 2026-0001' }).getAttribute('href')).toBe('/dossiers/dossier-1?tab=aangeleverd');
    await user.click(screen.getByRole('button', { name: 'Afdrukken' }));
    expect(print).toHaveBeenCalled();
    expect(screen.queryByRole('link', { name: /Wijzigen/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Volgende' })).toBeNull();
    print.mockRestore();
  });

  it('a refusal of "Voltooien" opens the page with the error next to the field', async () => {
    const user = userEvent.setup();
    renderQuestionnaire(allSaved());
    vi.mocked(portalApi.completeQuestionnaire).mockRejectedValueOnce(
      new ApiError(400, { status: 400, errors: [{ page: 'financiering', field: 'iban', code: 'format', format: 'iban', message: 'invalid' }] }),
    );
    await user.click(await screen.findByRole('button', { name: 'Voltooien' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Stap 3 van 5 Financiering' })).toBeTruthy();
    expect(errorOf(screen.getByLabelText('IBAN voor de nota van afrekening'))).toBe('Fout: Vul een geldig IBAN in, bijvoorbeeld NL91 ABNA 0417 1643 00.');
  });

  it('a completed questionnaire opened again shows the result, read-only, in English too', async () => {
    renderQuestionnaire(
      { ...allSaved(), status: 'COMPLETED', completedAt: '2026-03-15T10:30:00Z', pdfDocumentId: 'pdf-9' },
      { lang: 'en', search: '?pagina=woning' },
    );
    expect(await screen.findByRole('heading', { level: 2, name: 'Your answers' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Print' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Download PDF' })).toBeTruthy();
    expect(screen.getByText('Hoofdsom van de hypotheek', { selector: 'dt' }).nextElementSibling?.textContent).toBe('€350,000.00');
    expect(screen.queryByRole('textbox')).toBeNull();
  });
});

describe('language', () => {
  it('rewrites a typed amount when the language changes', async () => {
    const user = userEvent.setup();
    const assignment = savedUpTo('financiering');
    fakeServer(assignment);
    const tree = (lang: Lang) => (
      <I18nContext.Provider value={makeI18n(lang, () => undefined)}>
        <MemoryRouter initialEntries={['/acties/as-aankoop-woning']}>
          <Routes>
            <Route path="/acties/:assignmentId" element={<QuestionnairePage />} />
          </Routes>
        </MemoryRouter>
      </I18nContext.Provider>
    );
    const { rerender } = render(tree('nl'));
    await user.click(within(await screen.findByRole('group', { name: 'Sluit u een hypotheek af voor deze woning?' })).getByRole('radio', { name: 'Ja' }));
    await user.type(screen.getByLabelText('Hoofdsom van de hypotheek'), '1.234,5');
    act(() => rerender(tree('en')));
    await waitFor(() => expect((screen.getByLabelText('Hoofdsom van de hypotheek') as HTMLInputElement).value).toBe('1,234.50'));
  });
});

/** The next save waits until `release()` is called; then the fake server answers as usual. */
function holdNextSave() {
  const answer = vi.mocked(portalApi.saveQuestionnairePage).getMockImplementation()!;
  let release: () => void = () => undefined;
  vi.mocked(portalApi.saveQuestionnairePage).mockImplementationOnce(
    (...args) =>
      new Promise<Assignment>((resolve) => {
        release = () => resolve(answer(...args));
      }),
  );
  return { release: () => release() };
}

describe('typing a date, day first (not the browser’s date field)', () => {
  const dateField = () => screen.getByLabelText('Geboortedatum') as HTMLInputElement;
  async function typeDate(user: ReturnType<typeof userEvent.setup>, typed: string) {
    await user.clear(dateField());
    await user.type(dateField(), typed);
  }
  /** Page 1 but its date, quickly. */
  function fillAllButTheDate() {
    const answers = ANNA_ANSWERS.persoonlijk;
    for (const [label, value] of [
      ['Voornamen (voluit)', answers.voornamen],
      ['Achternaam', answers.achternaam],
      ['Burgerservicenummer (BSN)', answers.bsn],
      [/^Telefoonnummer/, answers.telefoon],
    ] as const) {
      fireEvent.change(screen.getByLabelText(label), { target: { value } });
    }
    fireEvent.click(screen.getByRole('radio', { name: 'Ongehuwd' }));
  }

  it.each(['15-04-1990', '15041990', '15/4/1990', '15.04.1990'])('reads %s: shown as 15-04-1990 on leaving the field, sent as 1990-04-15', async (typed) => {
    const user = userEvent.setup();
    renderQuestionnaire(assignmentOf(AANKOOP_WONING));
    await screen.findByLabelText('Voornamen (voluit)');
    fillAllButTheDate();
    await typeDate(user, typed);
    await user.tab();
    expect(dateField().value).toBe('15-04-1990');
    await next(user);
    await waitFor(() => expect(portalApi.saveQuestionnairePage).toHaveBeenCalledTimes(1));
    expect(vi.mocked(portalApi.saveQuestionnairePage).mock.calls[0][2]).toMatchObject({ geboortedatum: '1990-04-15' });
  });

  it.each([
    ['31-02-1990', 'nl', 'Fout: Vul een bestaande datum in als dd-mm-jjjj, bijvoorbeeld 15-04-1990.'],
    ['1990-15-04', 'nl', 'Fout: Vul een bestaande datum in als dd-mm-jjjj, bijvoorbeeld 15-04-1990.'],
    ['15-13-1990', 'nl', 'Fout: Vul een bestaande datum in als dd-mm-jjjj, bijvoorbeeld 15-04-1990.'],
    ['31-02-1990', 'en', 'Error: Enter a real date as dd-mm-yyyy (day first), for example 15-04-1990.'],
    ['1990-15-04', 'en', 'Error: Enter a real date as dd-mm-yyyy (day first), for example 15-04-1990.'],
    ['15-13-1990', 'en', 'Error: Enter a real date as dd-mm-yyyy (day first), for example 15-04-1990.'],
  ] as const)('refuses %s (%s) with the reason next to the field, and leaves it as typed', async (typed, lang, error) => {
    const user = userEvent.setup();
    renderQuestionnaire(assignmentOf(AANKOOP_WONING), { lang });
    await screen.findByLabelText('Voornamen (voluit)');
    fillAllButTheDate();
    await typeDate(user, typed);
    await user.tab();
    expect(dateField().value).toBe(typed);
    await next(user, lang);
    expect(errorOf(dateField())).toBe(error);
    expect(dateField().getAttribute('aria-invalid')).toBe('true');
    expect(dateField().value).toBe(typed);
    expect(portalApi.saveQuestionnairePage).not.toHaveBeenCalled();
  });

  it('shows a saved date day first, with the form as a hint, in English too', async () => {
    renderQuestionnaire(assignmentOf(AANKOOP_WONING, { answers: { persoonlijk: ANNA_ANSWERS.persoonlijk }, currentPageId: 'persoonlijk' }), { lang: 'en' });
    await screen.findByLabelText('Voornamen (voluit)');
    expect(dateField().value).toBe('12-04-1985');
    expect(document.getElementById('q-geboortedatum-hint')?.textContent).toBe('Date as dd-mm-yyyy (day first), for example 15-04-1990');
  });
});

describe('a postcode, written 1234 AB', () => {
  it('is tidied on leaving the field and sent tidy', async () => {
    const user = userEvent.setup();
    renderQuestionnaire(savedUpTo('woning'));
    await user.type(await screen.findByLabelText('Straat en huisnummer'), 'Keizersgracht 123');
    await user.type(screen.getByLabelText('Postcode'), '1015cj');
    await user.tab();
    expect((screen.getByLabelText('Postcode') as HTMLInputElement).value).toBe('1015 CJ');
    fillWoning(['Straat en huisnummer', 'Postcode']);
    await next(user);
    await waitFor(() => expect(portalApi.saveQuestionnairePage).toHaveBeenCalledTimes(1));
    expect(vi.mocked(portalApi.saveQuestionnairePage).mock.calls[0][2]).toMatchObject({ postcode: '1015 CJ' });
  });

  it('is refused, as typed, when it is no Dutch postcode', async () => {
    const user = userEvent.setup();
    renderQuestionnaire(savedUpTo('woning'));
    await user.type(await screen.findByLabelText('Postcode'), 'B-1000');
    await user.tab();
    expect((screen.getByLabelText('Postcode') as HTMLInputElement).value).toBe('B-1000');
    await next(user);
    expect(errorOf(screen.getByLabelText('Postcode'))).toBe('Fout: Vul een geldige postcode in, bijvoorbeeld 1234 AB.');
    expect(portalApi.saveQuestionnairePage).not.toHaveBeenCalled();
  });
});

/** Page 2, "De woning", as Anna answers it but without other residents (ANNA_ANSWERS.woning less bewoners); `typed`: fields already filled in. */
function fillWoning(typed: string[] = []) {
  for (const [label, value] of [
    ['Straat en huisnummer', 'Keizersgracht 123'],
    ['Postcode', '1015 CJ'],
    ['Plaats', 'Amsterdam'],
    ['Koopsom', '450.000'],
    ['Gewenste datum van levering', LEVERINGSDATUM.split('-').reverse().join('-')],
  ]) {
    if (!typed.includes(label)) fireEvent.change(screen.getByLabelText(label), { target: { value } });
  }
  fireEvent.click(yesNo('Gaat u zelf in de woning wonen?', 'Ja'));
}
const { bewoners: _bewoners, ...WONING_ALONE } = ANNA_ANSWERS.woning;

describe('the step count and the list of steps', () => {
  it('say the same number of steps, the check page included', async () => {
    const user = userEvent.setup();
    renderQuestionnaire(savedUpTo('tot-slot'));
    const heading = await screen.findByRole('heading', { level: 2, name: /^Stap 4 van \d+ / });
    const steps = within(screen.getByRole('navigation', { name: 'Stappen van de vragenlijst' })).getAllByRole('listitem');
    expect(heading.textContent).toMatch(new RegExp(`^Stap 4 van ${steps.length} `));
    expect(steps).toHaveLength(AANKOOP_WONING.pages.length + 1);
    await user.click(yesNo(VOLMACHT, 'Nee'));
    await next(user);
    expect(await screen.findByRole('heading', { level: 2, name: `Stap ${steps.length} van ${steps.length} Controleer uw antwoorden` })).toBeTruthy();
  });
});

describe('"Volgende" goes on at once (ACT-2)', () => {
  it('shows the next page before the save is answered, with no timer to wait for', async () => {
    renderQuestionnaire(savedUpTo('woning'));
    await screen.findByLabelText('Straat en huisnummer');
    fillWoning();
    const save = holdNextSave();
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'requestAnimationFrame'] });
    try {
      fireEvent.click(screen.getByRole('button', { name: 'Volgende' }));
      await act(async () => undefined);
      // No timer was run and the server has not answered: the next page is there all the same.
      expect(screen.getByRole('heading', { level: 2, name: 'Stap 3 van 5 Financiering' })).toBeTruthy();
      expect(portalApi.saveQuestionnairePage).toHaveBeenCalledWith('as-aankoop-woning', 'woning', WONING_ALONE);
      expect(screen.queryByText('Uw antwoorden zijn opgeslagen.')).toBeNull();
      await act(async () => save.release());
      expect(screen.getByText('Uw antwoorden zijn opgeslagen.')).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends the page once on a double click', async () => {
    const user = userEvent.setup();
    renderQuestionnaire(savedUpTo('woning'));
    await screen.findByLabelText('Straat en huisnummer');
    fillWoning();
    await user.dblClick(screen.getByRole('button', { name: 'Volgende' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Stap 3 van 5 Financiering' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Niet alle vragen zijn goed beantwoord' })).toBeNull();
    expect(portalApi.saveQuestionnairePage).toHaveBeenCalledTimes(1);
  });

  it('"Voltooien" waits for the last page’s save', async () => {
    const user = userEvent.setup();
    renderQuestionnaire(savedUpTo('tot-slot'));
    await screen.findByLabelText(/Opmerkingen of vragen/);
    await user.click(yesNo(VOLMACHT, 'Nee'));
    const save = holdNextSave();
    await next(user);
    expect(await screen.findByRole('heading', { level: 2, name: 'Stap 5 van 5 Controleer uw antwoorden' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Voltooien' }));
    expect(portalApi.completeQuestionnaire).not.toHaveBeenCalled();
    await act(async () => save.release());
    expect(await screen.findByRole('heading', { level: 2, name: 'Uw antwoorden' })).toBeTruthy();
    expect(portalApi.completeQuestionnaire).toHaveBeenCalledTimes(1);
  });
});
