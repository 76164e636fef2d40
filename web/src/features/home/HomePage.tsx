import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/I18nContext';
import { formatNumber } from '../../i18n/i18n';
import { useApi, usePageTitle } from '../../lib/hooks';
import * as portalApi from '../../lib/api/portalApi';
import { accountLabel } from '../../lib/accountName';
import type { Me } from '../../lib/api/types';
import { isAdviser, isCompanyMainAccount } from '../../lib/access';
import { ErrorMessage } from '../../components/Status';
import { rememberDossiers } from '../dossiers/knownDossiers';
import { NewForYou } from './NewForYou';
import { NeededFromYou } from './NeededFromYou';

/** One Home tile: a link with an icon, a title and what it counts. */
function Tile({ to, testId, icon, title, children }: { to: string; testId: string; icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <li>
      <Link to={to} className="tile" data-testid={testId}>
        <span className="tile-icon" aria-hidden="true">
          {icon}
        </span>
        <span className="tile-title">{title}</span>
        <span className="tile-body">{children}</span>
      </Link>
    </li>
  );
}

/**
 * HOME-1..4: three tiles; under them what is new for the client and what the office needs from them (NEW-1). An adviser
 * (ADV-1) gets no questionnaires and nothing is needed from them: no "Acties", only what is new in the shared dossiers.
 */
export function HomePage({ me }: { me: Me }) {
  const { t, tp, lang } = useI18n();
  usePageTitle(t('home.title'));
  const adviser = isAdviser(me);
  const dossiers = useApi(portalApi.dossierSummary);
  const actions = useApi(portalApi.actionsSummary, adviser ? null : '');
  const home = useApi(portalApi.home);
  const busy = dossiers.loading || actions.loading || home.loading;
  // Home links into these dossiers: should access to one end meanwhile, following the link says so plainly.
  useEffect(() => {
    if (home.data) rememberDossiers([...home.data.newForYou.items, ...home.data.neededFromYou.items].map((item) => item.dossierId));
  }, [home.data]);

  const open = actions.data?.open;
  const actionsFailed = !actions.loading && (actions.error !== undefined || typeof open !== 'number');

  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.intro', { name: accountLabel(me) })}</p>
      <p className="visually-hidden" role="status">
        {busy ? t('app.loading') : ''}
      </p>
      <ul className="tiles">
        <Tile to="/dossiers" testId="tile-dossiers" icon={<FolderIcon />} title={t('home.tile.dossiers')}>
          {dossiers.data ? (
            <>
              <span className="tile-figure">
                {t('home.tile.dossiers.inProgress', { count: formatNumber(dossiers.data.inProgress, lang) })}
              </span>
              <span className="tile-sub">{t('home.tile.dossiers.total', { count: formatNumber(dossiers.data.total, lang) })}</span>
            </>
          ) : (
            <span className="tile-sub">{dossiers.error ? '–' : '…'}</span>
          )}
        </Tile>
        {!adviser && (
          <Tile to="/acties" testId="tile-actions" icon={<ListIcon />} title={t('home.tile.actions')}>
            {actionsFailed ? (
              <>
                <span className="tile-figure" aria-hidden="true">
                  –
                </span>
                <span className="tile-sub">{t('home.tile.actions.unknown')}</span>
              </>
            ) : typeof open === 'number' ? (
              <>
                <span className="tile-figure">{formatNumber(open, lang)}</span>
                <span className="tile-sub">
                  {open === 0 ? t('home.tile.actions.none') : tp('home.tile.actions.open', open)}
                </span>
              </>
            ) : (
              <span className="tile-sub">…</span>
            )}
          </Tile>
        )}
        <Tile to="/mijn-gegevens" testId="tile-my-details" icon={<PersonIcon />} title={t('home.tile.myDetails')}>
          <span className="tile-sub">
            {t(
              adviser
                ? 'home.tile.myDetails.descriptionAdviser'
                : isCompanyMainAccount(me)
                  ? 'home.tile.myDetails.descriptionCompany'
                  : 'home.tile.myDetails.description',
            )}
          </span>
        </Tile>
      </ul>
      {home.error !== undefined ? (
        <div className="home-lists-failed">
          <ErrorMessage error={home.error} onRetry={home.reload} />
        </div>
      ) : (
        <div className="home-lists">
          <NewForYou list={home.data?.newForYou} />
          {!adviser && <NeededFromYou list={home.data?.neededFromYou} />}
        </div>
      )}
    </>
  );
}

const iconProps = { width: 28, height: 28, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 1.8, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

function FolderIcon() {
  return (
    <svg {...iconProps}>
      <path d="M3 6.5A1.5 1.5 0 0 1 4.5 5H9l2 2h8.5A1.5 1.5 0 0 1 21 8.5v9A1.5 1.5 0 0 1 19.5 19h-15A1.5 1.5 0 0 1 3 17.5z" />
    </svg>
  );
}

function ListIcon() {
  return (
    <svg {...iconProps}>
      <path d="M9 6h11M9 12h11M9 18h11" />
      <path d="m3.5 6 1 1 2-2M3.5 12l1 1 2-2M3.5 18l1 1 2-2" />
    </svg>
  );
}

function PersonIcon() {
  return (
    <svg {...iconProps}>
      <circle cx="12" cy="8" r="4" />
      <path d="M4 20c1.5-4 4.5-6 8-6s6.5 2 8 6" />
    </svg>
  );
}
