import type { RefObject } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/I18nContext';
import { formatDateTime } from '../../../i18n/i18n';
import * as portalApi from '../../../lib/api/portalApi';
import type { Assignment } from '../../../lib/api/types';
import { AnswersView } from './AnswersView';
import { useQuestionnaireMode } from '../mode';

/** The completed questionnaire (ACT-5): "Afdrukken", "Download pdf", the way to the dossier, and the answers read-only. */
export function ResultView({ assignment, headingRef }: { assignment: Assignment; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const { t, lang } = useI18n();
  const { dossierHref } = useQuestionnaireMode();
  return (
    <>
      <div className="q-done">
        <p>
          <strong>{t('q.result.done', { date: formatDateTime(assignment.completedAt, lang) })}</strong>
        </p>
        <p className="no-print">{t('q.result.pdf', { number: assignment.dossierNumber })}</p>
        <div className="q-result-actions no-print">
          <button type="button" className="button button-primary" onClick={() => window.print()}>
            {t('q.print')}
          </button>
          {assignment.pdfDocumentId && (
            <a className="button button-secondary" href={portalApi.documentContentUrl(assignment.pdfDocumentId)} download>
              {t('q.downloadPdf')}
            </a>
          )}
          <Link to={dossierHref(assignment.dossierId)}>{t('q.result.toDossier', { number: assignment.dossierNumber })}</Link>
        </div>
      </div>
      <h2 ref={headingRef} tabIndex={-1} className="focus-target">
        {t('q.result.title')}
      </h2>
      <AnswersView assignment={assignment} />
    </>
  );
}
