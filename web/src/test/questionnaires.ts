// Test data: the real "Aankoop woning" questionnaire (scripts/questionnaires/aankoop-woning.json, the one the office
// sends) with the page schemas the server makes for it (from scripts/questionnaires/validation-cases.json, made by
// questionnaire-service's PageSchemas), a page with every question type, and the answer-validation cases both sides run.
import type { AnswerError, Assignment, JsonSchema, PageAnswers, Question, QuestionFormat, QuestionType, QuestionnairePage } from '../lib/api/types';
import aankoopWoning from '../../../scripts/questionnaires/aankoop-woning.json';
import validationCases from '../../../scripts/questionnaires/validation-cases.json';
import { todayInAmsterdam } from '../features/questionnaires/lib/dates';
import alleVraagsoorten from './fixtures/alle-vraagsoorten.json';

interface Definition {
  key: string;
  title: string;
  intro: string | null;
  pages: QuestionnairePage[];
  schemas: { [pageId: string]: JsonSchema };
}

/** One shared case: a schema (a page of `schemas`, "questionnaire/page", or inline), answers and the errors expected. */
export interface ValidationCase {
  name: string;
  schema: string | JsonSchema;
  answers: unknown;
  errors: AnswerError[];
}

/** What is kept of a typed text answer (null: left out), on both sides. */
export interface TidyCase {
  question: { id: string; type: QuestionType; format?: QuestionFormat };
  typed: string;
  kept: string | null;
}

/** scripts/questionnaires/validation-cases.json. */
export const SHARED_VALIDATION_CASES = validationCases as unknown as {
  today: string;
  schemas: { [name: string]: JsonSchema };
  tidy: TidyCase[];
  cases: ValidationCase[];
};

/** A question as the server sends it: `required` always there. */
function served(question: Question): Question {
  return { ...question, required: question.required === true, ...(question.questions ? { questions: question.questions.map(served) } : {}) };
}

/** A questionnaire of scripts/questionnaires/ as the server sends it, with the page schemas it makes for it. */
function realQuestionnaire(definition: { key: string; title: string; intro?: string; pages: unknown[] }): Definition {
  const pages = (definition.pages as QuestionnairePage[]).map((page) => ({ ...page, intro: page.intro ?? null, questions: page.questions.map(served) }));
  const schemas = Object.fromEntries(pages.map((page) => [page.id, SHARED_VALIDATION_CASES.schemas[`${definition.key}/${page.id}`]]));
  return { key: definition.key, title: definition.title, intro: definition.intro ?? null, pages, schemas };
}

/** The four pages of "Aankoop woning": persoonlijk, woning, financiering, tot-slot. */
export const AANKOOP_WONING = realQuestionnaire(aankoopWoning);
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

/** The delivery date Anna asks for: 1 February next year (it may not be in the past). */
export const LEVERINGSDATUM = `${Number(todayInAmsterdam().slice(0, 4)) + 1}-02-01`;

/** Answers of Anna for every page of "Aankoop woning" that pass the schemas. */
export const ANNA_ANSWERS = {
  persoonlijk: {
    voornamen: 'Anna Maria',
    achternaam: 'de Vries',
    geboortedatum: '1985-04-12',
    bsn: '111222333',
    telefoon: '06 12345678',
    'burgerlijke-staat': 'gehuwd',
    'huwelijkse-voorwaarden': false,
  },
  woning: {
    adres: 'Keizersgracht 123',
    postcode: '1015 CJ',
    plaats: 'Amsterdam',
    koopsom: 450000,
    leveringsdatum: LEVERINGSDATUM,
    'zelf-bewonen': true,
    bewoners: [
      { naam: 'Bram de Vries', geboortedatum: '1983-09-01', relatie: 'partner' },
      { naam: 'Eva de Vries', geboortedatum: '2016-09-01', relatie: 'kind' },
    ],
  },
  financiering: { hypotheek: true, geldverstrekker: 'Rabobank', hypotheekbedrag: 350000, iban: 'NL91ABNA0417164300' },
  'tot-slot': { documenten: ['koopovereenkomst', 'identiteitsbewijs'], volmacht: false },
} satisfies { [pageId: string]: PageAnswers };
