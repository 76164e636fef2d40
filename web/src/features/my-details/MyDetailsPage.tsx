import type { ComponentType } from 'react';
import { ExtraAccountsSection, isCompanyMainAccount } from './components/ExtraAccountsSection';
import { LanguageSection } from './components/LanguageSection';
import { NotificationsSection } from './components/NotificationsSection';
import { PersonalDetailsSection } from './components/PersonalDetailsSection';
import { TwoStepSection } from './components/TwoStepSection';
import { useI18n } from '../../i18n/I18nContext';
import { usePageTitle } from '../../lib/hooks';
import type { Me } from '../../lib/api/types';

/** One section (card) of "Mijn gegevens"; `show` leaves it out for accounts it is not for. */
export interface MyDetailsSection {
  id: string;
  Component: ComponentType<{ me: Me }>;
  show?: (me: Me) => boolean;
}

/**
 * The sections in the manual's order (2.2): personal details, language, two-step verification, notifications, and for
 * a company's main account its extra accounts. A new section is one line here.
 */
export const MY_DETAILS_SECTIONS: readonly MyDetailsSection[] = [
  { id: 'personal', Component: PersonalDetailsSection },
  { id: 'language', Component: LanguageSection },
  { id: 'two-step', Component: TwoStepSection },
  { id: 'notifications', Component: NotificationsSection },
  { id: 'accounts', Component: ExtraAccountsSection, show: isCompanyMainAccount },
];

/** "Mijn gegevens" (ME-1..4); on the first sign-in it opens instead of Home with a short welcome (ONB-4). */
export function MyDetailsPage({ me, welcome = false }: { me: Me; welcome?: boolean }) {
  const { t } = useI18n();
  usePageTitle(t('me.title'));
  return (
    <>
      <h1>{t('me.title')}</h1>
      {welcome && (
        <div className="alert alert-info">
          <p>{t('me.welcome')}</p>
        </div>
      )}
      {MY_DETAILS_SECTIONS.filter((section) => section.show?.(me) ?? true).map(({ id, Component }) => (
        <Component key={id} me={me} />
      ))}
    </>
  );
}
