// Test data: the "Aankoop woning" questionnaire (the stub's and the backend's shape, with the per-page schemas) and a
// page with every question type, as Assignments.
import type { Assignment, JsonSchema, QuestionnairePage } from '../lib/api/types';
import aankoopWoning from './fixtures/aankoop-woning.json';
import alleVraagsoorten from './fixtures/alle-vraagsoorten.json';

interface Definition {
  key: string;
  title: string;
  intro: string | null;
  pages: QuestionnairePage[];
  schemas: { [pageId: string]: JsonSchema };
}

export const AANKOOP_WONING = aankoopWoning as unknown as Definition;
export const ALLE_VRAAGSOORTEN = alleVraagsoorten as unknown as Definition;

export function assignmentOf(definition: Definition, more: Partial<Assignment> = {}): Assignment {
  return {
    id: `as-${definition.key}`,
    title: definition.title,
    intro: definition.intro,
    dossierId: 'dossier-1',
    dossierNumber: '2026-0001',
    dueDate: '2026-12-31',
    status: 'OPEN',
    currentPageId: null,
    completedAt: null,
    pdfDocumentId: null,
    pages: definition.pages,
    answers: {},
    schemas: definition.schemas,
    ...more,
  };
}

/** Answers of Anna for every page of "Aankoop woning" that pass the schemas. */
export const ANNA_ANSWERS = {
  'uw-gegevens': {
    voornamen: 'Anna Maria',
    achternaam: 'de Vries',
    geboortedatum: '1985-04-12',
    bsn: '111222333',
    email: 'anna@example.com',
    telefoon: '06 12345678',
  },
  adres: { straat: 'Keizersgracht', huisnummer: '123', postcode: '1015 CJ', woonplaats: 'Amsterdam' },
  'burgerlijke-staat': { burgerlijkeStaat: 'gehuwd', huwelijkseVoorwaarden: false },
  financiering: { hypotheek: true, hypotheekbedrag: 350000, geldverstrekker: 'rabobank', iban: 'NL91ABNA0417164300' },
  bewoners: {
    bewoners: [
      { naam: 'Anna de Vries', geboortedatum: '1985-04-12' },
      { naam: 'Bram de Vries', geboortedatum: '2016-09-01' },
    ],
  },
  opmerkingen: {},
};
