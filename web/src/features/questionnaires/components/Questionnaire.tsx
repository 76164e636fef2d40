import { useI18n } from '../../../i18n/I18nContext';
import type { Assignment } from '../../../lib/api/types';
import { stepCount } from '../lib/navigation';
import { useQuestionnaire } from '../useQuestionnaire';
import { CLIENT_MODE, QuestionnaireModeContext, type QuestionnaireMode } from '../mode';
import { CheckAnswersView } from './CheckAnswersView';
import { QuestionnaireShell } from './QuestionnaireShell';
import { QuestionPageView } from './QuestionPageView';
import { ResultView } from './ResultView';

/**
 * A loaded questionnaire: the view the URL asks for (a page of questions, the check page or the result) in the shell.
 * `mode` is the client's by default; the office's preview passes its own (answers kept in the browser).
 */
export function Questionnaire({ initial, mode = CLIENT_MODE }: { initial: Assignment; mode?: QuestionnaireMode }) {
  const { t } = useI18n();
  const q = useQuestionnaire(initial, mode);
  const { assignment, view, page } = q;

  const title = assignment.title;
  const errorPrefix = q.pageErrors.length > 0 ? `${t('error.fieldPrefix')} ` : '';
  const documentTitle =
    (mode.titlePrefix ?? '') +
    (view.kind === 'result'
      ? `${t('q.result.title')} – ${title}`
      : view.kind === 'check'
        ? `${t('q.step', { step: stepCount(assignment), steps: stepCount(assignment) })}: ${t('q.check.title')} – ${title}`
        : `${errorPrefix}${t('q.step', { step: view.index + 1, steps: stepCount(assignment) })}: ${page?.title ?? ''} – ${title}`);

  return (
    <QuestionnaireModeContext.Provider value={mode}>
      <QuestionnaireShell assignment={assignment} documentTitle={documentTitle} completed={view.kind === 'result'}>
        {view.kind === 'result' ? (
          <ResultView assignment={assignment} headingRef={q.headingRef} />
        ) : view.kind === 'check' ? (
          <CheckAnswersView
            assignment={assignment}
            view={view}
            reachable={q.reachable}
            saved={q.saved}
            busy={q.busy}
            failure={q.failure}
            headingRef={q.headingRef}
            onPrevious={q.onPrevious}
            onComplete={q.onComplete}
          />
        ) : (
          <QuestionPageView
            assignment={assignment}
            view={view}
            reachable={q.reachable}
            page={page!}
            values={q.drafts[page!.id] ?? {}}
            evaluation={q.evaluation!}
            pageErrors={q.pageErrors}
            saved={q.saved}
            busy={q.busy}
            failure={q.failure}
            headingRef={q.headingRef}
            summaryRef={q.summaryRef}
            onChange={q.onChange}
            onEdited={q.onEdited}
            onNext={q.onNext}
            onPrevious={q.onPrevious}
          />
        )}
      </QuestionnaireShell>
    </QuestionnaireModeContext.Provider>
  );
}
