import { LANGUAGES } from '../i18n/i18n';
import { useI18n } from '../i18n/I18nContext';

/** NL/EN toggle in the header (ME-1: applies at once). */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={lang === code}
          title={t(`language.${code}`)}
          onClick={() => lang !== code && setLang(code)}
        >
          {code.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
