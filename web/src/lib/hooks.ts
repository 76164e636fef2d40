import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nContext';
import type { Page } from './api/types';

/** Loads something; gets the signal that is aborted when the result is no longer wanted. */
export type Loader<T> = (signal: AbortSignal) => Promise<T>;

/** Loads page `page` (zero-based) of a list. */
export type PageLoader<T> = (page: number, signal: AbortSignal) => Promise<Page<T>>;

export interface Loadable<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** The latest value of something that changes every render (an inline loader), for use inside effects. */
function useLatest<T>(value: T) {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}

/**
 * Runs `load` (e.g. `(signal) => portalApi.dossier(id, signal)`) and keeps its result. `key` names what is loaded
 * (the id, the query): the loader runs again when it changes, and on reload(); a new run aborts the previous one, and
 * so does unmounting. Without arguments the loader needs no key: `useApi(portalApi.actionsSummary)`.
 * A `null` key loads nothing.
 */
export function useApi<T>(load: Loader<T>, key: string | null = ''): Loadable<T> {
  const loader = useLatest(load);
  const [state, setState] = useState<{ key: string | null; data?: T; error?: unknown; loading: boolean }>({
    key,
    loading: key !== null,
  });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (key === null) {
      setState({ key, loading: false });
      return;
    }
    const controller = new AbortController();
    setState((prev) => ({ key, data: prev.key === key ? prev.data : undefined, loading: true }));
    loader.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key, data, loading: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ key, error, loading: false });
      },
    );
    return () => controller.abort();
  }, [key, generation, loader]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const current = state.key === key;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: current ? state.loading : key !== null,
    reload,
  };
}

export interface PagedLoadable<T> {
  /** Everything loaded so far, in the API's order, each item once. */
  items: T[];
  /** undefined until the first page is in. */
  totalItems: number | undefined;
  hasMore: boolean;
  /** The list does not fit on one page. */
  multiplePages: boolean;
  loading: boolean;
  /** The failure of the last page asked for (the pages before it stay). */
  error: unknown;
  /** Asks for the next page; after a failure, asks for the failed page again. */
  loadMore: () => void;
}

interface PagedState<T> {
  key: string;
  pages: Page<T>[];
  /** How many pages are wanted; one more than `pages.length` while a page is on its way or failed. */
  wanted: number;
  /** Set while the last wanted page failed; clearing it asks for that page again. */
  error?: unknown;
}

const firstPage = <T>(key: string): PagedState<T> => ({ key, pages: [], wanted: 1 });

/**
 * A list loaded page by page ("Meer laden"): loads the first page, then one more on every loadMore(), and appends.
 * Starts over when `key` changes. A request still on its way is aborted on unmount.
 */
export function usePagedApi<T extends { id: string }>(loadPage: PageLoader<T>, key = ''): PagedLoadable<T> {
  const loader = useLatest(loadPage);
  const [stored, setState] = useState<PagedState<T>>(() => firstPage(key));
  const state = stored.key === key ? stored : firstPage<T>(key);
  const { pages, wanted, error } = state;
  const stale = stored.key !== key;

  useEffect(() => {
    if (stale) {
      setState(firstPage(key));
      return;
    }
    if (pages.length >= wanted || error !== undefined) return;
    const controller = new AbortController();
    const index = pages.length;
    loader.current(index, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setState((s) => (s.key === key && s.pages.length === index ? { ...s, pages: [...s.pages, page] } : s));
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setState((s) => (s.key === key ? { ...s, error: failure } : s));
      },
    );
    return () => controller.abort();
  }, [stale, key, pages.length, wanted, error, loader]);

  const last = pages.at(-1);
  const hasMore = last !== undefined && pages.length < last.totalPages;

  const loadMore = useCallback(
    () =>
      setState((s) => {
        if (s.key !== key) return s;
        if (s.error !== undefined) return { ...s, error: undefined };
        const lastPage = s.pages.at(-1);
        const more = lastPage !== undefined && s.pages.length < lastPage.totalPages;
        // Ignore clicks while a page is on its way.
        return more && s.pages.length === s.wanted ? { ...s, wanted: s.wanted + 1 } : s;
      }),
    [key],
  );

  // Documents published while paging shift the later pages: an item can come again at a page boundary.
  const items = useMemo(() => {
    const byId = new Map<string, T>();
    for (const item of pages.flatMap((page) => page.items)) if (!byId.has(item.id)) byId.set(item.id, item);
    return [...byId.values()];
  }, [pages]);

  return {
    items,
    totalItems: last?.totalItems,
    hasMore,
    multiplePages: (last?.totalPages ?? 0) > 1,
    loading: pages.length < wanted && error === undefined,
    error,
    loadMore,
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
