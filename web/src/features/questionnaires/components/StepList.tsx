import { Link } from 'react-router';
import { useI18n } from '../../../i18n/I18nContext';
import type { Assignment } from '../../../lib/api/types';
import { isSaved, pageHref, stepCount, type View } from '../lib/navigation';

/** The steps beside the page (wide screens): each page (saved ones ticked, links to the reachable ones) and the check page. */
export function StepList({ assignment, view, reachable }: { assignment: Assignment; view: View; reachable: number }) {
  const { t } = useI18n();
  const pages = assignment.pages;
  return (
    <nav className="q-steps no-print" aria-label={t('q.steps')}>
      <ol>
        {pages.map((p, i) => {
          const current = view.kind === 'page' && view.index === i;
          const done = isSaved(assignment.answers, p.id);
          const state = current ? t('q.stepCurrent') : done ? t('q.stepDone') : '';
          const content = (
            <>
              <span className="q-step-number" aria-hidden="true">
                {done && !current ? '✓' : i + 1}
              </span>
              <span className="q-step-title">
                {p.title}
                {state && (
                  <>
                    {' '}
                    <span className="visually-hidden">({state})</span>
                  </>
                )}
              </span>
            </>
          );
          return (
            <li key={p.id} className={current ? 'q-step-current' : done ? 'q-step-done' : undefined}>
              {!current && i <= reachable ? (
                <Link to={pageHref(p.id)}>{content}</Link>
              ) : (
                <span className="q-step-item" aria-current={current ? 'step' : undefined}>
                  {content}
                </span>
              )}
            </li>
          );
        })}
        <li className={view.kind === 'check' ? 'q-step-current' : undefined}>
          <span className="q-step-item" aria-current={view.kind === 'check' ? 'step' : undefined}>
            <span className="q-step-number" aria-hidden="true">
              {stepCount(assignment)}
            </span>
            <span className="q-step-title">{t('q.check.title')}</span>
          </span>
        </li>
      </ol>
    </nav>
  );
}
