import { useId, useState } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import { LANGUAGES, type Lang } from '../../../i18n/i18n';
import { Section } from './Section';

/**
 * "Taal" (ME-1): Dutch or English, applied the moment it is chosen and remembered for e-mails and the next visit.
 * The page's only language control: the header leaves its NL/EN out on "Mijn gegevens". Two buttons (aria-pressed)
 * rather than radios, so that moving through the options with the arrow keys does not switch the language.
 */
export function LanguageSection() {
  const { t, lang, setLang } = useI18n();
  const id = useId();
  // The language chosen here; if the server refuses it, the app goes back to the old one and says so above the page.
  const [chosen, setChosen] = useState<Lang | null>(null);

  const choose = (code: Lang) => {
    if (code === lang) return;
    setLang(code);
    setChosen(code);
  };

  return (
    <Section title={t('language.label')} anchor="taal">
      <p id={`${id}-label`} className="field-label">
        {t('me.language.legend')}
      </p>
      <p id={`${id}-hint`} className="hint">
        {t('me.language.hint')}
      </p>
      <div className="language-choice" role="group" aria-labelledby={`${id}-label`} aria-describedby={`${id}-hint`}>
        {LANGUAGES.map((code) => (
          <button key={code} type="button" lang={code} className="language-option" aria-pressed={lang === code} onClick={() => choose(code)}>
            <svg className="language-check" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="3" aria-hidden="true">
              <path d="m5 12.5 4.5 4.5L19 7.5" />
            </svg>
            {t(`language.${code}`)}
          </button>
        ))}
      </div>
      <p role="status" className="form-status">
        {chosen === lang ? t('me.language.saved') : ''}
      </p>
    </Section>
  );
}
