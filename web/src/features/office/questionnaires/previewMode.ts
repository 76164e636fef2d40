// The office's preview of a questionnaire version: the client's own questionnaire (features/questionnaires) with a mode
// that keeps everything in the browser. "Volgende" checks the page as for the client (with the schemas the server would
// send, see pageSchemas.ts) and moves on; "Voltooien" shows the result. No API call is made.
import type { Assignment, DefinitionVersion, PageAnswers, QuestionnairePage } from '../../../lib/api/types';
import type { QuestionnaireMode } from '../../questionnaires/mode';
import { pageSchemas } from './pageSchemas';

/** The pages as the client's questionnaire has them (the server leaves out an intro that is not there). */
function pagesOf(version: DefinitionVersion): QuestionnairePage[] {
  return (version.definition.pages ?? []).map((page) => ({ ...page, intro: page.intro ?? null, questions: page.questions ?? [] }));
}

/** A questionnaire "sent" to nobody: the version's pages, no answers yet, in a dossier that is only a name. */
export function previewAssignment(version: DefinitionVersion, dossierNumber: string): Assignment {
  const pages = pagesOf(version);
  const intro = version.definition.intro;
  return {
    id: `voorbeeld-${version.key}-${version.version}`,
    title: version.definition.title,
    intro: typeof intro === 'string' && intro ? intro : null,
    dossierId: 'voorbeeld',
    dossierNumber,
    dueDate: null,
    status: 'OPEN',
    currentPageId: null,
    completedAt: null,
    pdfDocumentId: null,
    pages,
    answers: {},
    schemas: pageSchemas(pages, {}),
  };
}

/**
 * Saving and completing as the server would answer, in memory: a saved page moves the questionnaire on and reshapes
 * the schemas of the pages after it; completing dates it now. Links lead to `exitHref` (the office), not to the
 * client's pages.
 */
export function previewMode(initial: Assignment, { exitHref, titlePrefix }: { exitHref: string; titlePrefix: string }): QuestionnaireMode {
  let current = initial;
  return {
    savePage: async (_assignmentId: string, pageId: string, answers: PageAnswers) => {
      const index = current.pages.findIndex((p) => p.id === pageId);
      const saved = { ...current.answers, [pageId]: answers };
      current = { ...current, answers: saved, currentPageId: current.pages[index + 1]?.id ?? null, schemas: pageSchemas(current.pages, saved) };
      return current;
    },
    complete: async () => {
      current = { ...current, status: 'COMPLETED', completedAt: new Date().toISOString(), currentPageId: null };
      return current;
    },
    actionsHref: exitHref,
    dossierHref: () => exitHref,
    titlePrefix,
  };
}
