import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { LANGUAGES, toLang, type Lang } from '../i18n/i18n';
import { usePageTitle } from '../lib/hooks';
import type { Me } from '../lib/types';

/** ME-1 and the account's name and e-mail address. */
export function MyDetailsPage({ me }: { me: Me }) {
  const { t, lang, setLang } = useI18n();
  usePageTitle(t('me.title'));
  const [choice, setChoice] = useState<Lang>(lang);
  const [saved, setSaved] = useState(false);

  useEffect(() => setChoice(lang), [lang]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (choice !== lang) setLang(choice);
    setSaved(true);
  };

  return (
    <>
      <h1>{t('me.title')}</h1>
      <section className="card" aria-labelledby="me-personal">
        <h2 id="me-personal">{t('me.personal')}</h2>
        <dl className="details">
          <div>
            <dt>{t('me.name')}</dt>
            <dd>{me.name}</dd>
          </div>
          <div>
            <dt>{t('me.email')}</dt>
            <dd>{me.email}</dd>
          </div>
          {me.companyName && (
            <div>
              <dt>{t('me.company')}</dt>
              <dd>{me.companyName}</dd>
            </div>
          )}
        </dl>
      </section>

      <section className="card" aria-labelledby="me-language">
        <h2 id="me-language">{t('language.label')}</h2>
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
      </section>
    </>
  );
}
