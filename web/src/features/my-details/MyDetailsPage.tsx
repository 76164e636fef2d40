import type { ComponentType } from 'react';
import { AccessForOthersSection } from './components/AccessForOthersSection';
import { ExtraAccountsSection } from './components/ExtraAccountsSection';
import { LanguageSection } from './components/LanguageSection';
import { NotificationsSection } from './components/NotificationsSection';
import { PersonalDetailsSection } from './components/PersonalDetailsSection';
import { SignInsSection } from './components/SignInsSection';
import { TwoStepSection } from './components/TwoStepSection';
import { useI18n } from '../../i18n/I18nContext';
import type { MessageKey } from '../../i18n/i18n';
import { usePageTitle } from '../../lib/hooks';
import type { Me } from '../../lib/api/types';
import { isAdviser, isCompanyMainAccount, mayGrantAccess } from '../../lib/access';

/**
 * One section (card) of "Mijn gegevens": `anchor` is the id its card carries (the component sets it), `title` its
 * heading, both for the list of sections at the top; `show` leaves it out for accounts it is not for.
 */
export interface MyDetailsSection {
  id: string;
  anchor: string;
  title: MessageKey;
  Component: ComponentType<{ me: Me }>;
  show?: (me: Me) => boolean;
}

const notAdviser = (me: Me) => !isAdviser(me);

/**
 * The sections in the manual's order (2.2): personal details, language, two-step verification, recent sign-ins (TRL-1,
 * beside the other security settings), notifications, access for others (ADV-1; for whoever may grant), and for a
 * company's main account its extra accounts. An adviser gets language, two-step verification and notifications only.
 * A new section is one line here.
 */
export const MY_DETAILS_SECTIONS: readonly MyDetailsSection[] = [
  { id: 'personal', anchor: 'gegevens', title: 'me.personal', Component: PersonalDetailsSection, show: notAdviser },
  { id: 'language', anchor: 'taal', title: 'language.label', Component: LanguageSection },
  { id: 'two-step', anchor: 'verificatie', title: 'twoStep.title', Component: TwoStepSection },
  { id: 'sign-ins', anchor: 'aanmeldingen', title: 'signIns.title', Component: SignInsSection, show: notAdviser },
  { id: 'notifications', anchor: 'notificaties', title: 'notifications.title', Component: NotificationsSection },
  { id: 'access', anchor: 'toegang', title: 'grants.title', Component: AccessForOthersSection, show: mayGrantAccess },
  { id: 'accounts', anchor: 'accounts', title: 'accounts.title', Component: ExtraAccountsSection, show: isCompanyMainAccount },
];

/** The sections as links at the top: "Accounts" is reachable without scrolling past everything else. */
function SectionLinks({ sections }: { sections: readonly MyDetailsSection[] }) {
  const { t } = useI18n();
  return (
    <nav className="page-sections" aria-label={t('me.sections')}>
      <ul>
        {sections.map(({ id, anchor, title }) => (
          <li key={id}>
            <a
              href={`#${anchor}`}
              // The browser scrolls to the card; the focus goes there too, so that reading and Tab go on from there.
              onClick={() => window.requestAnimationFrame(() => document.getElementById(anchor)?.focus({ preventScroll: true }))}
            >
              {t(title)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** "Mijn gegevens" (ME-1..4); on the first sign-in it opens instead of Home with a short welcome (ONB-4). */
export function MyDetailsPage({ me, welcome = false }: { me: Me; welcome?: boolean }) {
  const { t } = useI18n();
  usePageTitle(t('me.title'));
  const sections = MY_DETAILS_SECTIONS.filter((section) => section.show?.(me) ?? true);
  return (
    <>
      <h1>{t('me.title')}</h1>
      {welcome && (
        <div className="alert alert-info">
          <p>{t('me.welcome')}</p>
        </div>
      )}
      <SectionLinks sections={sections} />
      {sections.map(({ id, Component }) => (
        <Component key={id} me={me} />
      ))}
    </>
  );
}
