import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import { formatDate, formatDateTime } from '../../../i18n/i18n';
import type { Assignment } from '../../../lib/api/types';
import { isOverdue } from '../lib/dates';
import { BackLink } from './BackLink';
import { PageTitle } from './PageTitle';

/** "Dossier 2026-0001" and the due date, or the completion date on the result. */
function QuestionnaireMeta({ assignment, completed }: { assignment: Assignment; completed: boolean }) {
  const { t, lang } = useI18n();
  return (
    <p className="q-meta">
      <span>{t('q.dossier', { number: assignment.dossierNumber })}</span>
      {completed && assignment.completedAt ? (
        <span>{t('q.completedOn', { date: formatDateTime(assignment.completedAt, lang) })}</span>
      ) : assignment.dueDate ? (
        <span className={isOverdue(assignment.dueDate) ? 'action-overdue' : undefined}>
          {t(isOverdue(assignment.dueDate) ? 'actions.overdue' : 'q.due', { date: formatDate(assignment.dueDate, lang) })}
        </span>
      ) : null}
    </p>
  );
}

/** What every view of a questionnaire has: the document title, the way back to Acties, the title and the meta line. */
export function QuestionnaireShell({
  assignment,
  documentTitle,
  completed,
  children,
}: {
  assignment: Assignment;
  documentTitle: string;
  /** The result (after "Voltooien"): printable, with the completion date. */
  completed: boolean;
  children: ReactNode;
}) {
  return (
    <article className={completed ? 'questionnaire q-result' : 'questionnaire'}>
      <PageTitle title={documentTitle} />
      <BackLink />
      <h1>{assignment.title}</h1>
      <QuestionnaireMeta assignment={assignment} completed={completed} />
      {children}
    </article>
  );
}
