// Where a questionnaire's answers go and where its links lead. For the client (ACT-2..5): the portal's API and the
// client's own pages; that is the default. The office's preview (Kantoor → Vragenlijsten) shows the same views with a
// mode of its own, which keeps the answers in the browser and leads back to the office.
import { createContext, useContext } from 'react';
import * as portalApi from '../../lib/api/portalApi';
import type { Assignment, PageAnswers } from '../../lib/api/types';

export interface QuestionnaireMode {
  /** "Volgende": saves one page's answers; answers the questionnaire as the server has it then. */
  savePage: (assignmentId: string, pageId: string, answers: PageAnswers) => Promise<Assignment>;
  /** "Voltooien". */
  complete: (assignmentId: string) => Promise<Assignment>;
  /** Where "Terug naar Acties" and "Stoppen en later verder" go. */
  actionsHref: string;
  /** "Naar dossier …" on the result. */
  dossierHref: (dossierId: string) => string;
  /** Put before the document title of every view ("Voorbeeld – "); none for the client. */
  titlePrefix?: string;
}

/** The client's: answers are saved through the API (called when used, so tests can mock portalApi). */
export const CLIENT_MODE: QuestionnaireMode = {
  savePage: (assignmentId, pageId, answers) => portalApi.saveQuestionnairePage(assignmentId, pageId, answers),
  complete: (assignmentId) => portalApi.completeQuestionnaire(assignmentId),
  actionsHref: '/acties',
  dossierHref: (dossierId) => `/dossiers/${encodeURIComponent(dossierId)}?tab=aangeleverd`,
};

export const QuestionnaireModeContext = createContext<QuestionnaireMode>(CLIENT_MODE);

/** The mode of the questionnaire around this component; the client's outside one. */
export const useQuestionnaireMode = () => useContext(QuestionnaireModeContext);
