import type { FormEvent, RefObject } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/I18nContext';
import type { AnswerError, Assignment, QuestionnairePage } from '../../../lib/api/types';
import { fieldLabel } from '../lib/answerErrors';
import { questionAt, type DraftAnswers, type DraftValue, type Evaluation } from '../lib/answers';
import { errorText } from '../lib/messages';
import { stepCount, type View } from '../lib/navigation';
import type { Busy, Failure } from '../useQuestionnaire';
import { useQuestionnaireMode } from '../mode';
import { ErrorSummary, type SummaryItem } from './ErrorSummary';
import { FailureAlert } from './FailureAlert';
import { QuestionList } from './QuestionFields';
import { StepList } from './StepList';

/**
 * One page of questions (ACT-2): "Stap 2 van 7" (the check page is a step too), the error summary, the questions, "Vorige" and "Volgende" (which
 * checks and saves the page), and "Stoppen en later verder".
 */
export function QuestionPageView({
  assignment,
  view,
  reachable,
  page,
  values,
  evaluation,
  pageErrors,
  saved,
  busy,
  failure,
  headingRef,
  summaryRef,
  onChange,
  onEdited,
  onNext,
  onPrevious,
}: {
  assignment: Assignment;
  view: View & { kind: 'page' };
  reachable: number;
  page: QuestionnairePage;
  values: DraftAnswers;
  evaluation: Evaluation;
  pageErrors: AnswerError[];
  saved: boolean;
  busy: Busy;
  failure: Failure;
  headingRef: RefObject<HTMLHeadingElement | null>;
  summaryRef: RefObject<HTMLDivElement | null>;
  onChange: (questionId: string, value: DraftValue) => void;
  onEdited: (field: string, subtree?: boolean) => void;
  onNext: (e: FormEvent<HTMLFormElement>) => void;
  onPrevious: () => void;
}) {
  const { t, lang } = useI18n();
  const { actionsHref } = useQuestionnaireMode();

  // An error next to its field when the field is shown; every error in the summary.
  const errorTexts = new Map<string, string>();
  const summary: SummaryItem[] = [];
  for (const error of pageErrors) {
    const question = questionAt(page.questions, error.field);
    const text = errorText(error, question, lang);
    if (question && evaluation.visible.has(error.field)) {
      if (!errorTexts.has(error.field)) errorTexts.set(error.field, text);
      summary.push({ field: error.field, label: fieldLabel(page.questions, error.field, lang), text });
    } else {
      summary.push({ label: question ? question.label : '', text });
    }
  }

  return (
    <>
      {view.index === 0 && assignment.intro && <p className="q-intro">{assignment.intro}</p>}
      <div className="q-layout">
        <StepList assignment={assignment} view={view} reachable={reachable} />
        <div className="q-main">
          <p className="notice notice-ok" role="status">
            {saved ? t('q.saved') : ''}
          </p>
          {summary.length > 0 && <ErrorSummary ref={summaryRef} items={summary} />}
          <h2 ref={headingRef} tabIndex={-1} className="q-page-title focus-target">
            <span className="q-step">{t('q.step', { step: view.index + 1, steps: stepCount(assignment) })}</span> {page.title}
          </h2>
          {page.intro && <p className="q-intro">{page.intro}</p>}
          <p className="hint">{t('q.requiredNote')}</p>
          <form noValidate onSubmit={onNext} className="q-form">
            <QuestionList
              questions={page.questions}
              values={values}
              onChange={onChange}
              onEdited={onEdited}
              visible={evaluation.visible}
              errors={errorTexts}
            />
            <FailureAlert failure={failure} />
            <div className="form-actions q-actions">
              {view.index > 0 && (
                <button type="button" className="button button-secondary" onClick={onPrevious}>
                  <span aria-hidden="true">←</span> {t('q.previous')}
                </button>
              )}
              {/* The next page is there at once: the second click of a double click would send that page unanswered. */}
              <button type="submit" className="button button-primary" onClick={(e) => e.detail > 1 && e.preventDefault()}>
                {t('q.next')} <span aria-hidden="true">→</span>
              </button>
            </div>
            <p className="visually-hidden" role="status">
              {busy === 'saving' ? t('q.saving') : ''}
            </p>
          </form>
          <p className="hint q-save-note">{t('q.saveNote')}</p>
          <p className="q-stop">
            <Link to={actionsHref}>{t('q.stop')}</Link>
          </p>
        </div>
      </div>
    </>
  );
}
