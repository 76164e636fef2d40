import { useCallback, useEffect, useState } from 'react';
import { api } from './api';
import { useI18n } from '../i18n/I18nContext';

export interface Loadable<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** GETs a JSON resource; refetches when the url changes; `null` url = do nothing. */
export function useApi<T>(url: string | null): Loadable<T> {
  const [state, setState] = useState<{ url: string | null; data?: T; error?: unknown; loading: boolean }>({
    url,
    loading: url !== null,
  });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (url === null) {
      setState({ url, loading: false });
      return;
    }
    const controller = new AbortController();
    setState((prev) => ({ url, data: prev.url === url ? prev.data : undefined, loading: true }));
    api
      .get<T>(url, { signal: controller.signal })
      .then((data) => setState({ url, data, loading: false }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ url, error, loading: false });
      });
    return () => controller.abort();
  }, [url, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const current = state.url === url;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: current ? state.loading : url !== null,
    reload,
  };
}

/** Sets the document title per page: "Dossiers – Klantenportaal". */
export function usePageTitle(title: string): void {
  const { t } = useI18n();
  const suffix = t('app.titleSuffix');
  useEffect(() => {
    document.title = title && title !== suffix ? `${title} – ${suffix}` : suffix;
  }, [title, suffix]);
}
