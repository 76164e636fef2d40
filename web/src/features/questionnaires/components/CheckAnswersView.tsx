import type { RefObject } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/I18nContext';
import type { Assignment } from '../../../lib/api/types';
import { editHref, stepCount, type View } from '../lib/navigation';
import type { Busy, Failure } from '../useQuestionnaire';
import { useQuestionnaireMode } from '../mode';
import { AnswersView } from './AnswersView';
import { FailureAlert } from './FailureAlert';
import { StepList } from './StepList';

/** "Controleer uw antwoorden" (ACT-3, ACT-4): every answer per page with "Wijzigen", "Vorige" and "Voltooien". */
export function CheckAnswersView({
  assignment,
  view,
  reachable,
  saved,
  busy,
  failure,
  headingRef,
  onPrevious,
  onComplete,
}: {
  assignment: Assignment;
  view: View;
  reachable: number;
  saved: boolean;
  busy: Busy;
  failure: Failure;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onPrevious: () => void;
  onComplete: () => void;
}) {
  const { t } = useI18n();
  const { actionsHref } = useQuestionnaireMode();
  return (
    <div className="q-layout">
      <StepList assignment={assignment} view={view} reachable={reachable} />
      <div className="q-main">
        <p className="notice notice-ok" role="status">
          {saved ? t('q.saved') : ''}
        </p>
        <h2 ref={headingRef} tabIndex={-1} className="q-page-title focus-target">
          <span className="q-step">{t('q.step', { step: stepCount(assignment), steps: stepCount(assignment) })}</span> {t('q.check.title')}
        </h2>
        <p>{t('q.check.intro')}</p>
        <AnswersView assignment={assignment} editHref={editHref} />
        <FailureAlert failure={failure} />
        <div className="form-actions q-actions no-print">
          <button type="button" className="button button-secondary" onClick={onPrevious}>
            <span aria-hidden="true">←</span> {t('q.previous')}
          </button>
          <button type="button" className="button button-primary" aria-disabled={busy === 'completing' ? true : undefined} onClick={onComplete}>
            {t('q.complete')}
          </button>
        </div>
        <p className="visually-hidden" role="status">
          {busy === 'completing' ? t('q.completing') : ''}
        </p>
        <p className="q-stop no-print">
          <Link to={actionsHref}>{t('q.stop')}</Link>
        </p>
      </div>
    </div>
  );
}
