import { useI18n } from '../i18n/I18nContext';
import { paging } from '../lib/dossierParams';

/** "Vorige · Pagina 2 van 7 · Volgende" under a paged list; `page` is zero-based as in the API. Hidden for one page. */
export function Paging({ page, totalPages, onPage }: { page: number; totalPages: number; onPage: (page: number) => void }) {
  const { t } = useI18n();
  const pg = paging(page, totalPages);
  if (pg.pages <= 1) return null;
  return (
    <nav className="paging" aria-label={t('dossiers.paging.label')}>
      <button type="button" className="button button-secondary" disabled={!pg.hasPrevious} onClick={() => onPage(pg.current - 2)}>
        <span aria-hidden="true">← </span>
        {t('dossiers.paging.previous')}
      </button>
      <span className="paging-label" aria-current="page">
        {t('dossiers.paging.page', { page: pg.current, pages: pg.pages })}
      </span>
      <button type="button" className="button button-secondary" disabled={!pg.hasNext} onClick={() => onPage(pg.current)}>
        {t('dossiers.paging.next')}
        <span aria-hidden="true"> →</span>
      </button>
    </nav>
  );
}
