import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import { LANGUAGES, toLang, type Lang } from '../../../i18n/i18n';
import { Section } from './Section';

/** "Taal" (ME-1): Dutch or English, applied at once and remembered for e-mails and the next visit. */
export function LanguageSection() {
  const { t, lang, setLang } = useI18n();
  const [choice, setChoice] = useState<Lang>(lang);
  const [saved, setSaved] = useState(false);

  useEffect(() => setChoice(lang), [lang]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (choice !== lang) setLang(choice);
    setSaved(true);
  };

  return (
    <Section title={t('language.label')}>
      <form onSubmit={onSubmit}>
        <fieldset className="radios">
          <legend>{t('me.language.legend')}</legend>
          {LANGUAGES.map((code) => (
            <label key={code} className="radio">
              <input
                type="radio"
                name="language"
                value={code}
                checked={choice === code}
                onChange={(e) => {
                  setChoice(toLang(e.target.value));
                  setSaved(false);
                }}
              />
              <span lang={code}>{t(`language.${code}`)}</span>
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button-primary">
          {t('me.language.save')}
        </button>
        <p role="status" className="form-status">
          {saved ? t('me.language.saved') : ''}
        </p>
      </form>
    </Section>
  );
}
