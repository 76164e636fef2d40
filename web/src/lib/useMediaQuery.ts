import { useCallback, useSyncExternalStore } from 'react';

/** The width below which the portal uses its phone layout; the same breakpoint as the CSS (`max-width: 640px`). */
export const PHONE_QUERY = '(max-width: 640px)';

/** Whether a CSS media query matches now; follows changes (a turned phone, a resized window). False without matchMedia. */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (typeof window.matchMedia !== 'function') return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => typeof window.matchMedia === 'function' && window.matchMedia(query).matches,
    () => false,
  );
}
