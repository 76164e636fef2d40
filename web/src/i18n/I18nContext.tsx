import { createContext, useContext } from 'react';
import { DEFAULT_LANG, translate, translatePlural, type Lang, type MessageKey, type Params } from './i18n';

export interface I18n {
  lang: Lang;
  t: (key: MessageKey, params?: Params) => string;
  tp: (base: string, count: number, params?: Params) => string;
  setLang: (lang: Lang) => void;
}

export function makeI18n(lang: Lang, setLang: (lang: Lang) => void): I18n {
  return {
    lang,
    t: (key, params) => translate(lang, key, params),
    tp: (base, count, params) => translatePlural(lang, base, count, params),
    setLang,
  };
}

export const I18nContext = createContext<I18n>(makeI18n(DEFAULT_LANG, () => undefined));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
