import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nContext';

/**
 * The search of a list: the text (kept in the page's URL by the caller), "Zoeken", and "Wissen" while a search is
 * active. The field follows the URL on back and forward.
 */
export function SearchForm({ id, label, query, onSearch }: { id: string; label: string; query: string; onSearch: (query: string) => void }) {
  const { t } = useI18n();
  const [input, setInput] = useState(query);
  useEffect(() => setInput(query), [query]);
  return (
    <form
      role="search"
      className="search"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(input);
      }}
    >
      <label htmlFor={id}>{label}</label>
      <div className="search-row">
        <input id={id} name="query" type="search" value={input} onChange={(e) => setInput(e.target.value)} autoComplete="off" />
        <button type="submit" className="button button-primary">
          {t('dossiers.search.submit')}
        </button>
        {query && (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setInput('');
              onSearch('');
            }}
          >
            {t('dossiers.search.clear')}
          </button>
        )}
      </div>
    </form>
  );
}
